/** `formd ingest --queue`: queue the files, then follow the batch with a bar until it is done. */
import { SingleBar } from 'cli-progress';
import {
  type BatchProgress,
  completedPages,
  enqueueFiles,
  followBatch,
  type QueueConnection,
} from '../queue/index.js';
import { EXIT } from './exit-codes.js';

export interface QueuedIngestOptions {
  threshold: number;
  detach: boolean;
}

export async function queuedIngest(
  paths: readonly string[],
  connection: QueueConnection,
  options: QueuedIngestOptions,
  stream: NodeJS.WriteStream = process.stderr,
): Promise<number> {
  const pagesAtStart = await completedPages(connection);
  const ids = await enqueueFiles(paths, connection, { threshold: options.threshold });
  process.stdout.write(`${ids.length} filings queued (queue prefix ${connection.prefix})\n`);
  if (options.detach || ids.length === 0) return EXIT.ok;
  const show = progressView(stream, ids.length);
  const result = await followBatch(ids, connection, { onProgress: show.update, pagesAtStart });
  show.stop();
  for (const failure of result.failures) stream.write(`failed   ${failure.message}\n`);
  const ok = result.done - result.failed;
  process.stdout.write(
    `${result.total} filings: ${ok} done, ${result.failed} failed; ${result.pagesDone} pages, ${result.pagesPerMinute} pages/min\n`,
  );
  if (result.failed === 0) return EXIT.ok;
  return ok > 0 ? EXIT.someFailed : EXIT.nothingRead;
}

/** A bar on a terminal; a line every 10 s when piped. */
function progressView(stream: NodeJS.WriteStream, total: number) {
  const line = (p: BatchProgress) =>
    `${p.done}/${p.total} filings done, ${p.failed} failed, ${p.pagesDone} pages, ${p.pagesPerMinute} pages/min`;
  if (!stream.isTTY) {
    let last = 0;
    return {
      update: (p: BatchProgress) => {
        if (Date.now() - last < 10_000 && p.done < p.total) return;
        last = Date.now();
        stream.write(`${line(p)}\n`);
      },
      stop: () => {},
    };
  }
  const bar = new SingleBar({
    stream,
    format: '{bar} {value}/{total} filings | {failed} failed | {pages} pages | {rate} pages/min',
    hideCursor: true,
    clearOnComplete: true,
  });
  bar.start(total, 0, { failed: 0, pages: 0, rate: 0 });
  return {
    update: (p: BatchProgress) =>
      bar.update(p.done, { failed: p.failed, pages: p.pagesDone, rate: p.pagesPerMinute }),
    stop: () => bar.stop(),
  };
}
