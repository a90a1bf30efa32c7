/** Queues files: one filing job per file, its id the sha256 of the bytes, so a file queued twice is one job. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fsReason, walkInputs } from '../pipeline/walk-inputs.js';
import type { QueueConnection } from './connection.js';
import { FILINGS_QUEUE, type FilingJobData, filingJobId, filingJobOptions, openQueue } from './queues.js';

export interface EnqueueOptions {
  threshold?: number;
  /** Called as each chunk of jobs is added, with the number queued so far. */
  onQueued?: (queued: number) => void;
}

/** The ids of the filing jobs, one per distinct file, in the order first seen. */
export async function enqueueFiles(
  paths: readonly string[],
  connection: QueueConnection,
  options: EnqueueOptions = {},
): Promise<string[]> {
  const queue = openQueue(connection, FILINGS_QUEUE);
  const ids = new Set<string>();
  let chunk: Array<{ name: string; data: FilingJobData; opts: typeof filingJobOptions & { jobId: string } }> =
    [];
  const flush = async () => {
    if (chunk.length === 0) return;
    await queue.addBulk(chunk);
    chunk = [];
    options.onQueued?.(ids.size);
  };
  try {
    for await (const input of walkInputs(paths)) {
      const path = resolve(input.path);
      let id: string;
      let problem = input.problem;
      try {
        if (problem) throw new Error(problem);
        id = await hashFile(path);
      } catch (error) {
        // An unreadable path has no content hash: its job is keyed by the path and fails with the reason.
        problem ??= fsReason(error);
        id = createHash('sha256').update(`path:${path}`).digest('hex');
      }
      if (ids.has(id)) continue;
      ids.add(id);
      const data: FilingJobData = {
        file: input.path,
        path,
        ...(problem ? { problem } : {}),
        ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
      };
      chunk.push({ name: 'filing', data, opts: { ...filingJobOptions, jobId: filingJobId(id) } });
      if (chunk.length >= 500) await flush();
    }
    await flush();
  } finally {
    await queue.close();
  }
  return [...ids];
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}
