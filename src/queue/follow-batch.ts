/**
 * Follows a queued batch until every one of its filings is completed or failed. Polls counts
 * (cheap at any size) and checks the batch's own jobs only when the queue looks idle or every
 * few seconds, so it rides out Redis restarts and other batches in the same prefix.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { QueueConnection } from './connection.js';
import { reasonCode, reasonMessage } from './job-errors.js';
import { FILINGS_QUEUE, openQueue, PAGES_QUEUE } from './queues.js';

export interface BatchProgress {
  total: number;
  done: number;
  failed: number;
  pagesDone: number;
  /** Pages per minute since following began. */
  pagesPerMinute: number;
  /** Filings per minute since following began. */
  filingsPerMinute: number;
}

export interface BatchFailure {
  id: string;
  file: string;
  code: string;
  message: string;
}

export interface BatchResult extends BatchProgress {
  failures: BatchFailure[];
}

export interface FollowOptions {
  pollMs?: number;
  /** Pages completed before the batch was enqueued (`completedPages`); else counted from the first poll. */
  pagesAtStart?: number;
  onProgress?: (progress: BatchProgress) => void;
  signal?: AbortSignal;
}

/** Pages completed so far under this prefix: read it before enqueueing, to count a batch's pages. */
export async function completedPages(connection: QueueConnection): Promise<number> {
  const pages = openQueue(connection, PAGES_QUEUE);
  try {
    return (await pages.getMetrics('completed', 0, 0)).meta.count;
  } finally {
    await pages.close();
  }
}

export async function followBatch(
  ids: readonly string[],
  connection: QueueConnection,
  options: FollowOptions = {},
): Promise<BatchResult> {
  const pollMs = options.pollMs ?? 500;
  const filings = openQueue(connection, FILINGS_QUEUE);
  const pages = openQueue(connection, PAGES_QUEUE);
  const started = Date.now();
  const pending = new Set(ids);
  const failures: BatchFailure[] = [];
  let done = 0;
  let pagesAtStart: number | null = options.pagesAtStart ?? null;
  let pagesDone = 0;
  let lastFullCheck = 0;
  const progress = (): BatchProgress => {
    const minutes = Math.max((Date.now() - started) / 60_000, 1 / 600);
    return {
      total: ids.length,
      done,
      failed: failures.length,
      pagesDone,
      pagesPerMinute: Math.round(pagesDone / minutes),
      filingsPerMinute: Math.round(done / minutes),
    };
  };
  try {
    while (pending.size > 0) {
      options.signal?.throwIfAborted();
      try {
        const pageCount = (await pages.getMetrics('completed', 0, 0)).meta.count;
        pagesAtStart ??= pageCount;
        pagesDone = pageCount - pagesAtStart;
        const open = await filings.getJobCountByTypes(
          'waiting',
          'active',
          'delayed',
          'prioritized',
          'waiting-children',
        );
        if (open === 0 || Date.now() - lastFullCheck > 5000 || pending.size <= 1000) {
          lastFullCheck = Date.now();
          await settle([...pending]);
        }
      } catch (error) {
        // Redis away (restarting): keep following, the workers wait for it too.
        if (options.signal?.aborted) throw error;
      }
      options.onProgress?.(progress());
      if (pending.size > 0) await delay(pollMs, undefined, { signal: options.signal });
    }
    // Pages finished between the last poll and the last filing count too.
    const pageCount = (await pages.getMetrics('completed', 0, 0)).meta.count;
    pagesDone = pageCount - (pagesAtStart ?? pageCount);
  } finally {
    await Promise.all([filings.close(), pages.close()]);
  }
  return { ...progress(), failures };

  async function settle(check: string[]): Promise<void> {
    for (let i = 0; i < check.length; i += 1000) {
      const slice = check.slice(i, i + 1000);
      const states = await Promise.all(slice.map((id) => filings.getJobState(id)));
      const failedIds = slice.filter((_, j) => states[j] === 'failed');
      const failedJobs = await Promise.all(failedIds.map((id) => filings.getJob(id)));
      for (const [j, id] of slice.entries()) {
        if (states[j] === 'completed') {
          pending.delete(id);
          done += 1;
        }
      }
      for (const job of failedJobs) {
        if (!job?.id) continue;
        pending.delete(job.id);
        done += 1;
        const reason = job.failedReason ?? '';
        failures.push({
          id: job.id,
          file: (job.data as { file: string }).file,
          code: reasonCode(reason),
          message: reasonMessage(reason),
        });
      }
    }
  }
}
