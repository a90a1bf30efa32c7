/**
 * A filing job (the parent of a flow). First run: read and sniff the file; a transcription is
 * processed whole, a scan gets one child job per page and the parent waits. When the pages are
 * done, the parent runs again: it reads their results, assembles the record and stores it.
 */
import { performance } from 'node:perf_hooks';
import { type Job, type Queue, UnrecoverableError, WaitingChildrenError } from 'bullmq';
import { UnreadablePathError } from '../errors.js';
import { sniffKind } from '../ingest/sniff.js';
import type { FormDRecord } from '../record/index.js';
import type { FilingStore } from '../store/index.js';
import { failureReason, isBadInput, jobError, reasonCode, reasonMessage } from './job-errors.js';
import type { Logger } from './logger.js';
import { ms, readQueuedFile } from './page-job.js';
import { readPageResults } from './page-results.js';
import {
  type FilingJobData,
  filingJobSchema,
  type PageJobData,
  pageJobId,
  pageJobOptions,
} from './queues.js';
import type { QueueStages } from './stages.js';

export interface FilingJobContext {
  store: FilingStore;
  stages: QueueStages;
  dataDir: string;
  pagesQueue: Queue;
  log: Logger;
}

export type FilingJobResult =
  | {
      outcome: 'stored';
      created: boolean;
      review: string;
      flags: number;
      pages: number;
      timings: Record<string, number>;
    }
  | { outcome: 'already_stored' };

export async function runFilingJob(
  job: Job<FilingJobData>,
  token: string | undefined,
  context: FilingJobContext,
): Promise<FilingJobResult> {
  const id = job.id;
  if (!id) throw new Error('a filing job without an id');
  const data = filingJobSchema.parse(job.data);
  const log = context.log.child({ filingId: id, file: data.file, attempt: job.attemptsMade + 1 });
  try {
    if (data.problem) throw new UnreadablePathError(data.problem, data.file);
    if (data.step === 'start') {
      const existing = await context.store.get(id);
      if (existing?.status === 'ok') {
        log.info('already stored');
        return { outcome: 'already_stored' };
      }
      return await start(job, token, id, data.file, data.path, data.threshold, context, log);
    }
    return await assemble(job, token, id, data, context, log);
  } catch (error) {
    if (error instanceof WaitingChildrenError) throw error;
    const last =
      isBadInput(error) ||
      error instanceof UnrecoverableError ||
      job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const reason = error instanceof UnrecoverableError ? error.message : failureReason(error, data.file);
    log[last ? 'warn' : 'info'](
      { reason, retry: !last },
      last ? 'filing failed' : 'filing failed, will retry',
    );
    if (last) {
      await context.store.saveFailure(id, data.file, {
        code: reasonCode(reason),
        message: reasonMessage(reason),
      });
    }
    throw jobError(error, data.file);
  }
}

async function start(
  job: Job<FilingJobData>,
  token: string | undefined,
  id: string,
  file: string,
  path: string,
  threshold: number | undefined,
  context: FilingJobContext,
  log: Logger,
): Promise<FilingJobResult> {
  const t0 = performance.now();
  const bytes = await readQueuedFile(path, id, file);
  const kind = sniffKind(bytes, file);
  const pages = await context.stages.countPages(bytes, kind, file);
  const t1 = performance.now();
  if (pages === 0 || kind === 'text') {
    const record = await context.stages.processWhole(bytes, file, options(threshold, context.dataDir));
    const t2 = performance.now();
    return store(record, file, 0, { read: ms(t1 - t0), process: ms(t2 - t1) }, t2, context, log);
  }
  const parent = { id, queue: job.queueQualifiedName };
  const children = Array.from({ length: pages }, (_, i) => {
    const page: PageJobData = { id, file, path, kind, page: i + 1, pages };
    return { name: 'page', data: page, opts: { ...pageJobOptions, jobId: pageJobId(id, i + 1), parent } };
  });
  // Children first, then the step: a crash in between re-adds the same job ids, which is a no-op.
  await context.pagesQueue.addBulk(children);
  await job.updateData({ ...job.data, step: 'assemble', kind, pages });
  log.info({ pages, timings: { read: ms(t1 - t0) } }, 'pages queued');
  if (token && (await job.moveToWaitingChildren(token))) throw new WaitingChildrenError();
  return assemble(job, token, id, filingJobSchema.parse(job.data), context, log);
}

async function assemble(
  job: Job<FilingJobData>,
  token: string | undefined,
  id: string,
  data: ReturnType<typeof filingJobSchema.parse>,
  context: FilingJobContext,
  log: Logger,
): Promise<FilingJobResult> {
  // A parent taken over after a crash may come back before its pages are done.
  if (token && (await job.moveToWaitingChildren(token))) throw new WaitingChildrenError();
  const failures = Object.values(await job.getIgnoredChildrenFailures());
  const firstFailure = failures[0];
  if (firstFailure !== undefined) {
    // A page's own reason, never retried at the filing level: the page had its retries.
    throw new UnrecoverableError(
      /^[a-z_]+: /.test(firstFailure)
        ? firstFailure
        : `transient: ${data.file}: a page failed (${firstFailure})`,
    );
  }
  const { kind, pages } = data;
  if (!kind || kind === 'text' || !pages) throw new Error(`filing job ${id} reached assembly without pages`);
  const t0 = performance.now();
  const results = await readPageResults(context.dataDir, id, pages);
  const t1 = performance.now();
  const record = await context.stages.assemble(
    id,
    data.file,
    kind,
    results,
    options(data.threshold, context.dataDir),
  );
  const t2 = performance.now();
  return store(record, data.file, pages, { readPages: ms(t1 - t0), assemble: ms(t2 - t1) }, t2, context, log);
}

async function store(
  record: FormDRecord,
  file: string,
  pages: number,
  timings: Record<string, number>,
  since: number,
  context: FilingJobContext,
  log: Logger,
): Promise<FilingJobResult> {
  const { created } = await context.store.saveRecord(record, file);
  const all = { ...timings, store: ms(performance.now() - since) };
  const result: FilingJobResult = {
    outcome: 'stored',
    created,
    review: record.review.status,
    flags: record.flags.length,
    pages,
    timings: all,
  };
  log.info({ created, review: result.review, flags: result.flags, pages, timings: all }, 'filing stored');
  return result;
}

function options(threshold: number | undefined, dataDir: string) {
  return { dataDir, ...(threshold === undefined ? {} : { confidenceThreshold: threshold }) };
}
