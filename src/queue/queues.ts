/** The two queues of a batch, what their jobs carry, and how they are retried. */
import { type DefaultJobOptions, type JobsOptions, Queue } from 'bullmq';
import { z } from 'zod';
import { type QueueConnection, redisOptions } from './connection.js';

/** Parent jobs: one per file, id = the sha256 of its bytes. */
export const FILINGS_QUEUE = 'filings';
/** Child jobs: one per page of a scan. */
export const PAGES_QUEUE = 'pages';

export const fileKindSchema = z.enum(['pdf', 'tiff', 'png', 'jpeg', 'text']);

export const filingJobSchema = z.object({
  /** The path as the user gave it (shown in messages and stored). */
  file: z.string(),
  /** The absolute path the workers read; on several machines, a path they all see. */
  path: z.string(),
  /** Why the path could not be read when it was queued; the job then fails with it. */
  problem: z.string().optional(),
  threshold: z.number().min(0).max(1).optional(),
  /** Set once the page jobs are added: the parent then waits for them, then assembles. */
  step: z.enum(['start', 'assemble']).default('start'),
  kind: fileKindSchema.optional(),
  pages: z.number().int().positive().optional(),
});
export type FilingJobData = z.input<typeof filingJobSchema>;

export const pageJobSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{64}$/),
  file: z.string(),
  path: z.string(),
  kind: fileKindSchema.exclude(['text']),
  page: z.number().int().positive(),
  pages: z.number().int().positive(),
});
export type PageJobData = z.infer<typeof pageJobSchema>;

/** Transient failures only (bad input is unrecoverable): 5 tries, 1 s, 2 s, 4 s, 8 s apart. */
export const RETRY: Pick<DefaultJobOptions, 'attempts' | 'backoff'> = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
};

export const filingJobOptions: DefaultJobOptions = {
  ...RETRY,
  // Kept a week, so that the same file queued again is the same job, not a second one.
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: false,
};

export const pageJobOptions: JobsOptions = {
  ...RETRY,
  // A page's result is on disk and its outcome in the parent's dependencies: the job itself can go.
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600 },
  // A failed page does not leave its filing waiting: the filing runs, sees the failure and fails with it.
  ignoreDependencyOnFailure: true,
};

export function filingJobId(sha256: string): string {
  return sha256;
}

export function pageJobId(sha256: string, page: number): string {
  return `${sha256}-p${page}`;
}

export function openQueue(connection: QueueConnection, name: string): Queue {
  return new Queue(name, { connection: redisOptions(connection), prefix: connection.prefix });
}
