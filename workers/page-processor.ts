/**
 * The page stage in a sandboxed child process (BullMQ forks it): a crash or a leak in one page
 * ends this process, never the worker that forked it.
 */
import type { SandboxedJob } from 'bullmq';
import { jobError } from '../src/queue/job-errors.js';
import { type PageJobResult, runPageJob } from '../src/queue/page-job.js';
import { pageJobSchema } from '../src/queue/queues.js';
import { loadStages, type QueueStages } from '../src/queue/stages.js';
import { resolveDataDir } from '../src/store/index.js';

let stages: Promise<QueueStages> | undefined;

export default async function processPage(job: SandboxedJob): Promise<PageJobResult> {
  stages ??= loadStages();
  const data = pageJobSchema.parse(job.data);
  try {
    return await runPageJob(data, await stages, resolveDataDir());
  } catch (error) {
    // Bad input as BullMQ's UnrecoverableError: the page fails at once, with its reason.
    throw jobError(error, data.file);
  }
}
