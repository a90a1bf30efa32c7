/** What the queue is doing: counts per state, throughput over the last minutes, the oldest waiting job. */
import type { Queue } from 'bullmq';
import type { QueueConnection } from './connection.js';
import { FILINGS_QUEUE, openQueue, PAGES_QUEUE } from './queues.js';

const STATES = [
  'waiting',
  'waiting-children',
  'active',
  'delayed',
  'prioritized',
  'completed',
  'failed',
] as const;
export type JobState = (typeof STATES)[number];

export interface QueueStatus {
  prefix: string;
  filings: Record<JobState, number>;
  pages: Record<JobState, number>;
  /** Completed per minute, newest minute first, over the last `minutes` minutes. */
  pagesPerMinute: number[];
  filingsPerMinute: number[];
  /** Pages and filings completed since the workers' metrics began. */
  pagesCompletedTotal: number;
  filingsCompletedTotal: number;
  oldestWaiting: { queue: string; id: string; file: string | null; waitingMs: number } | null;
  /** Workers connected to the filings queue. */
  workers: number;
}

export async function queueStatus(connection: QueueConnection, minutes = 5): Promise<QueueStatus> {
  const filings = openQueue(connection, FILINGS_QUEUE);
  const pages = openQueue(connection, PAGES_QUEUE);
  try {
    const [filingCounts, pageCounts, pageMetrics, filingMetrics, oldestFiling, oldestPage, workers] =
      await Promise.all([
        counts(filings),
        counts(pages),
        pages.getMetrics('completed', 0, minutes - 1),
        filings.getMetrics('completed', 0, minutes - 1),
        oldest(filings),
        oldest(pages),
        filings.getWorkers(),
      ]);
    const candidates = [oldestFiling, oldestPage].filter((o) => o !== null);
    candidates.sort((a, b) => b.waitingMs - a.waitingMs);
    return {
      prefix: connection.prefix,
      filings: filingCounts,
      pages: pageCounts,
      pagesPerMinute: perMinute(pageMetrics.data, minutes),
      filingsPerMinute: perMinute(filingMetrics.data, minutes),
      pagesCompletedTotal: pageMetrics.meta.count,
      filingsCompletedTotal: filingMetrics.meta.count,
      oldestWaiting: candidates[0] ?? null,
      workers: workers.length,
    };
  } finally {
    await Promise.all([filings.close(), pages.close()]);
  }
}

async function counts(queue: Queue): Promise<Record<JobState, number>> {
  return (await queue.getJobCounts(...STATES)) as Record<JobState, number>;
}

/** BullMQ's metrics are one point a minute, newest first; missing minutes are zero. */
function perMinute(data: number[], minutes: number): number[] {
  return Array.from({ length: minutes }, (_, i) => data[i] ?? 0);
}

async function oldest(queue: Queue): Promise<QueueStatus['oldestWaiting']> {
  const [job] = await queue.getJobs(['waiting', 'prioritized'], 0, 0, true);
  if (!job?.id) return null;
  const data = job.data as { file?: string };
  return { queue: queue.name, id: job.id, file: data.file ?? null, waitingMs: Date.now() - job.timestamp };
}

export function formatStatus(status: QueueStatus): string {
  const line = (name: string, c: Record<JobState, number>) =>
    `${name.padEnd(8)} ${c.waiting} waiting, ${c['waiting-children']} waiting for pages, ${c.active} active, ${c.delayed} delayed (retry), ${c.completed} completed, ${c.failed} failed`;
  const rate = status.pagesPerMinute.join(' ');
  const oldest = status.oldestWaiting
    ? `${status.oldestWaiting.queue} ${status.oldestWaiting.id.slice(0, 16)} ${status.oldestWaiting.file ?? ''}, waiting ${Math.round(status.oldestWaiting.waitingMs / 1000)} s`
    : 'none';
  return [
    `queue prefix ${status.prefix}, ${status.workers} worker${status.workers === 1 ? '' : 's'} connected`,
    line('filings', status.filings),
    line('pages', status.pages),
    `pages per minute, newest first: ${rate}`,
    `filings per minute, newest first: ${status.filingsPerMinute.join(' ')}`,
    `oldest waiting job: ${oldest}`,
  ].join('\n');
}
