import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PageImage } from '../ingest/pages/page-image.js';
import type { EvenPage, PagePixels } from './page-pixels.js';
import type { QuarterTurn } from './quarter-turn.js';

/** A page image as a message carries it: its pixels own their memory, so they move rather than copy. */
export type WireImage = Omit<PageImage, 'data'> & { data: Uint8Array<ArrayBuffer> };

export type ThreadRequest =
  | { id: number; task: 'even'; page: WireImage }
  | {
      id: number;
      task: 'pixels';
      page: Pick<PageImage, 'page' | 'dpi'>;
      even: WireImage;
      osd: QuarterTurn | null;
    };

export interface WireEven {
  image: WireImage;
  /** Null when the page needs no OSD (see EvenPage). */
  osd: Uint8Array<ArrayBuffer> | null;
}

export type WirePixels = Omit<PagePixels, 'image' | 'forOcr'> & {
  image: WireImage;
  /** Null when OCR reads the cleaned page itself (nothing was erased): sent once. */
  forOcr: WireImage | null;
};

export type ThreadReply = { id: number; value: WireEven | WirePixels } | { id: number; error: unknown };

/** A copy of the bytes in memory of their own, which a message can transfer. */
export function owned(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy;
}

/** Bytes that are the whole of their ArrayBuffer, which a message can take away from this thread. */
function movable(bytes: Uint8Array): bytes is Uint8Array<ArrayBuffer> {
  return (
    bytes.buffer instanceof ArrayBuffer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength
  );
}

export function toWire(image: PageImage): WireImage {
  return { ...image, data: owned(image.data) };
}

export function fromWire(image: WireImage): PageImage {
  const { data } = image;
  return { ...image, data: Buffer.from(data.buffer, data.byteOffset, data.byteLength) };
}

interface Thread {
  worker: Worker;
  job: { resolve: (reply: ThreadReply) => void; reject: (error: Error) => void } | null;
}

/**
 * Threads that do the page stage's pixel work (cleaning, check boxes, rules), so that the pages
 * of filings read side by side are cleaned on as many cores, while the main thread only hands
 * pages to tesseract. Threads start on demand, one page each at a time; an idle thread does not
 * keep the process alive.
 */
export class ImageThreads {
  readonly size: number;
  #idle: Thread[] = [];
  #live = 0;
  #waiting: Array<{ resolve: (thread: Thread) => void; reject: (error: Error) => void }> = [];
  #busy = new Set<Thread>();
  #closed = false;
  #nextId = 1;

  constructor(size = availableParallelism()) {
    this.size = Math.max(1, size);
  }

  /** `evenPage` on a thread; the page's own pixels are copied, not taken. */
  async evenPage(page: PageImage): Promise<EvenPage> {
    const wire = toWire(page);
    const value = (await this.#run({ id: 0, task: 'even', page: wire }, [wire.data.buffer])) as WireEven;
    const osd = value.osd;
    return {
      image: fromWire(value.image),
      osd: osd === null ? null : Buffer.from(osd.buffer, osd.byteOffset, osd.byteLength),
    };
  }

  /** `readPixels` on a thread. The evened-out page's pixels are handed over: `even` is unusable after. */
  async readPixels(
    page: Pick<PageImage, 'page' | 'dpi'>,
    even: PageImage,
    osd: QuarterTurn | null,
  ): Promise<PagePixels> {
    // The evened-out page came from a thread in memory of its own: it goes back without a copy.
    const wire = movable(even.data) ? { ...even, data: even.data } : toWire(even);
    const value = (await this.#run(
      { id: 0, task: 'pixels', page: { page: page.page, dpi: page.dpi }, even: wire, osd },
      [wire.data.buffer],
    )) as WirePixels;
    const image = fromWire(value.image);
    return { ...value, image, forOcr: value.forOcr === null ? image : fromWire(value.forOcr) };
  }

  /** Stops every thread once its page is done; pages still waiting are rejected. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const waiter of this.#waiting.splice(0)) waiter.reject(new Error('the image threads are closed'));
    const idle = this.#idle.splice(0);
    this.#live -= idle.length;
    await Promise.all(idle.map((t) => t.worker.terminate()));
  }

  async #run(request: ThreadRequest, transfer: ArrayBuffer[]): Promise<WireEven | WirePixels> {
    const thread = await this.#acquire();
    request.id = this.#nextId++;
    const reply = await new Promise<ThreadReply>((resolve, reject) => {
      thread.job = { resolve, reject };
      this.#busy.add(thread);
      thread.worker.ref();
      thread.worker.postMessage(request, transfer);
    }).finally(() => this.#release(thread));
    if ('error' in reply) throw reply.error;
    return reply.value;
  }

  async #acquire(): Promise<Thread> {
    if (this.#closed) throw new Error('the image threads are closed');
    const thread = this.#idle.pop();
    if (thread) return thread;
    if (this.#live < this.size) return this.#spawn();
    return new Promise((resolve, reject) => this.#waiting.push({ resolve, reject }));
  }

  #spawn(): Thread {
    this.#live++;
    const thread: Thread = { worker: startWorker(), job: null };
    const fail = (error: Error) => {
      // A thread that failed outside a page, or died, is replaced by a fresh one on demand.
      const job = thread.job;
      thread.job = null;
      if (!this.#busy.has(thread) && !this.#idle.includes(thread)) return;
      this.#busy.delete(thread);
      this.#idle = this.#idle.filter((t) => t !== thread);
      this.#live--;
      void thread.worker.terminate();
      job?.reject(error);
      const waiter = this.#closed ? undefined : this.#waiting.shift();
      if (waiter) waiter.resolve(this.#spawn());
    };
    thread.worker.on('message', (reply: ThreadReply) => {
      const job = thread.job;
      thread.job = null;
      job?.resolve(reply);
    });
    thread.worker.on('error', fail);
    thread.worker.on('exit', (code) => fail(new Error(`an image thread stopped (exit code ${code})`)));
    return thread;
  }

  #release(thread: Thread): void {
    if (!this.#busy.delete(thread)) return;
    thread.worker.unref();
    if (this.#closed) {
      this.#live--;
      void thread.worker.terminate();
      return;
    }
    const waiter = this.#waiting.shift();
    if (waiter) {
      thread.worker.ref();
      waiter.resolve(thread);
    } else this.#idle.push(thread);
  }
}

/**
 * The built entry beside this file, or, from the TypeScript source (tsx, vitest), the source
 * entry loaded through tsx: a worker thread does not inherit the loader of the thread that made it.
 */
function startWorker(): Worker {
  const built = new URL('./image-thread.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return new Worker(built);
  const source = new URL('./image-thread.ts', import.meta.url).href;
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const boot = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(source)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`));
}

let shared: ImageThreads | undefined;

/** The process's image threads, made on first use. */
export function sharedImageThreads(): ImageThreads {
  shared ??= new ImageThreads();
  return shared;
}

export async function closeSharedImageThreads(): Promise<void> {
  const threads = shared;
  shared = undefined;
  await threads?.close();
}
