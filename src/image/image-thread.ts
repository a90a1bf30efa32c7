/** An image thread's entry: the page stage's pixel work, one page at a time, for the main thread. */
import { parentPort } from 'node:worker_threads';
import { fromWire, owned, type ThreadReply, type ThreadRequest, toWire } from './image-threads.js';
import { evenPage, readPixels } from './page-pixels.js';

const port = parentPort;
if (!port) throw new Error('image-thread runs only as a worker thread');

port.on('message', async (request: ThreadRequest) => {
  let reply: ThreadReply;
  const transfer: ArrayBuffer[] = [];
  const send = <T extends { data: Uint8Array<ArrayBuffer> }>(wire: T): T => {
    transfer.push(wire.data.buffer);
    return wire;
  };
  try {
    if (request.task === 'even') {
      const even = await evenPage(fromWire(request.page));
      reply = {
        id: request.id,
        value: {
          image: send(toWire(even.image)),
          osd: even.osd === null ? null : send({ data: owned(even.osd) }).data,
        },
      };
    } else {
      const pixels = await readPixels(request.page, fromWire(request.even), request.osd);
      const image = send(toWire(pixels.image));
      // Often nothing was erased and OCR reads the cleaned page itself: its pixels go once.
      const forOcr = pixels.forOcr.data === pixels.image.data ? null : send(toWire(pixels.forOcr));
      reply = { id: request.id, value: { ...pixels, image, forOcr } };
    }
  } catch (error) {
    reply = { id: request.id, error };
  }
  port.postMessage(reply, transfer);
});
