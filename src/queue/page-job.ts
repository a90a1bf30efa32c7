/** A page job: read the file, run the page stage, keep its result under the data folder. */
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { CorruptFileError, UnreadablePathError } from '../errors.js';
import { sha256 } from '../pipeline/process-document.js';
import { fsReason } from '../pipeline/walk-inputs.js';
import { writePageResult } from './page-results.js';
import type { PageJobData } from './queues.js';
import type { QueueStages } from './stages.js';

export interface PageJobResult {
  page: number;
  /** Milliseconds per stage: read the file, run the page stage, write the result. */
  timings: { read: number; page: number; write: number };
}

export async function runPageJob(
  data: PageJobData,
  stages: QueueStages,
  dataDir: string,
): Promise<PageJobResult> {
  const started = performance.now();
  const bytes = await readQueuedFile(data.path, data.id, data.file);
  const read = performance.now();
  const result = await stages.processPage(bytes, data.kind, data.page, {
    id: data.id,
    dataDir,
    file: data.file,
  });
  const paged = performance.now();
  await writePageResult(dataDir, data.id, data.page, result);
  const written = performance.now();
  return {
    page: data.page,
    timings: { read: ms(read - started), page: ms(paged - read), write: ms(written - paged) },
  };
}

/** The file's bytes, checked against the sha256 it was queued under. */
export async function readQueuedFile(path: string, id: string, file: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new UnreadablePathError(fsReason(error), file);
  }
  if (sha256(bytes) !== id) throw new CorruptFileError('the file changed after it was queued', file);
  return bytes;
}

export function ms(value: number): number {
  return Math.round(value * 100) / 100;
}
