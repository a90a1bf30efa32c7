/** Putting failed filings back in the queue, and emptying a queue. */

import type { QueueConnection } from './connection.js';
import { INPUT_ERROR_CODES } from './input-codes.js';
import { reasonCode } from './job-errors.js';
import { FILINGS_QUEUE, type FilingJobData, filingJobOptions, openQueue, PAGES_QUEUE } from './queues.js';

export interface RetryResult {
  retried: string[];
  /** Failed for bad input: the same bytes would fail again. */
  skipped: string[];
}

/**
 * Queues each failed filing again, from its start (its failed pages too). Bad input is skipped
 * unless `all` is set.
 */
export async function retryFailed(connection: QueueConnection, { all = false } = {}): Promise<RetryResult> {
  const queue = openQueue(connection, FILINGS_QUEUE);
  const result: RetryResult = { retried: [], skipped: [] };
  try {
    for (;;) {
      const failed = await queue.getFailed(0, 499);
      const batch = failed.filter((job) => job.id && !result.skipped.includes(job.id));
      if (batch.length === 0) break;
      for (const job of batch) {
        const id = job.id as string;
        if (!all && INPUT_ERROR_CODES.has(reasonCode(job.failedReason ?? ''))) {
          result.skipped.push(id);
          continue;
        }
        const data = job.data as FilingJobData;
        // Removed with its page jobs, then added anew: the pages run again instead of failing again.
        await job.remove({ removeChildren: true });
        const { step: _step, kind: _kind, pages: _pages, ...fresh } = data;
        await queue.add('filing', { ...fresh, step: 'start' }, { ...filingJobOptions, jobId: id });
        result.retried.push(id);
      }
    }
  } finally {
    await queue.close();
  }
  return result;
}

/** Removes every job not yet started (waiting, delayed) from both queues; jobs in hand finish. */
export async function drainQueues(connection: QueueConnection): Promise<{ filings: number; pages: number }> {
  const removed = { filings: 0, pages: 0 };
  for (const name of [FILINGS_QUEUE, PAGES_QUEUE] as const) {
    const queue = openQueue(connection, name);
    try {
      const before = await queue.getJobCountByTypes('waiting', 'delayed', 'prioritized');
      await queue.drain(true);
      removed[name === FILINGS_QUEUE ? 'filings' : 'pages'] = before;
    } finally {
      await queue.close();
    }
  }
  return removed;
}
