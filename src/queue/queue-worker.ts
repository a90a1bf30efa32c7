/**
 * A queue worker: one BullMQ worker for filings (parse, check, store; light work, in process) and
 * one for pages (rasterize, clean, OCR; in sandboxed child processes, so that a crash or a leak in
 * one page does not take the worker down). It stops on request, handing back the jobs it cannot
 * finish in time, and asks to be recycled after a number of pages or above a memory bound.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { type Job, MetricsTime, type Queue, Worker } from 'bullmq';
import type { FilingStore } from '../store/index.js';
import { type QueueConnection, redisOptions } from './connection.js';
import { runFilingJob } from './filing-job.js';
import { jobError } from './job-errors.js';
import { createLogger, type Logger } from './logger.js';
import { type PageJobResult, runPageJob } from './page-job.js';
import { childPids, processTreeRss } from './process-memory.js';
import {
  FILINGS_QUEUE,
  type FilingJobData,
  openQueue,
  PAGES_QUEUE,
  type PageJobData,
  pageJobSchema,
} from './queues.js';
import { loadStages, STAGES_ENV } from './stages.js';

export interface QueueWorkerOptions {
  connection: QueueConnection;
  dataDir: string;
  store: FilingStore;
  /** A module exporting `stages`; the pipeline's stages when absent. */
  stagesModule?: string;
  /** Jobs at once per queue; default: the number of cores. */
  concurrency?: number;
  /** Pages in sandboxed child processes (default), or in this process (benchmarks of the queue alone). */
  sandbox?: boolean;
  /** Recycle after this many pages (default 1000). */
  recycleAfterPages?: number;
  /** Recycle when this process and its sandboxes hold more than this many MB (default 2048). */
  maxMemoryMb?: number;
  /** How long a job's lock lasts without renewal: a killed worker's jobs are taken over after it. */
  lockDurationMs?: number;
  /** How often this worker looks for jobs stalled by killed workers. */
  stalledIntervalMs?: number;
  log?: Logger;
}

export type StopReason = 'requested' | 'recycle';

export interface RunningWorker {
  /** Resolves once both workers have stopped, with why. */
  readonly stopped: Promise<StopReason>;
  /** Stops taking jobs; waits up to graceMs for the jobs in hand, then hands the rest back. */
  stop(graceMs: number, reason?: StopReason): Promise<StopReason>;
}

/** The sandboxed page processor: built beside this file's folder, or the TypeScript source under tsx. */
export function pageProcessorFile(): string {
  const built = fileURLToPath(new URL('../../workers/page-processor.js', import.meta.url));
  return existsSync(built) ? built : built.replace(/\.js$/, '.ts');
}

export async function startQueueWorker(options: QueueWorkerOptions): Promise<RunningWorker> {
  const { connection, dataDir, store } = options;
  const log = options.log ?? createLogger();
  const concurrency = options.concurrency ?? availableParallelism();
  const recycleAfterPages = options.recycleAfterPages ?? 1000;
  const maxMemoryBytes = (options.maxMemoryMb ?? 2048) * 1024 * 1024;
  const stages = await loadStages(options.stagesModule);
  const pagesQueue: Queue = openQueue(connection, PAGES_QUEUE);
  const common = {
    connection: redisOptions(connection),
    prefix: connection.prefix,
    concurrency,
    lockDuration: options.lockDurationMs ?? 30_000,
    stalledInterval: options.stalledIntervalMs ?? 30_000,
    // A job whose worker was killed twice is still tried again, not failed.
    maxStalledCount: 3,
    metrics: { maxDataPoints: MetricsTime.ONE_WEEK },
  };
  const filings = new Worker<FilingJobData>(
    FILINGS_QUEUE,
    (job, token) => runFilingJob(job, token, { store, stages, dataDir, pagesQueue, log }),
    common,
  );
  const sandbox = options.sandbox ?? true;
  const pages = sandbox
    ? new Worker<PageJobData, PageJobResult>(PAGES_QUEUE, pageProcessorFile(), {
        ...common,
        useWorkerThreads: false,
        // The sandboxes read the same data folder and stages as this worker.
        workerForkOptions: {
          env: {
            ...process.env,
            FORMD_DATA: dataDir,
            ...(options.stagesModule ? { [STAGES_ENV]: options.stagesModule } : {}),
          },
        },
      })
    : new Worker<PageJobData, PageJobResult>(
        PAGES_QUEUE,
        async (job) => {
          const data = pageJobSchema.parse(job.data);
          try {
            return await runPageJob(data, stages, dataDir);
          } catch (error) {
            throw jobError(error, data.file);
          }
        },
        common,
      );

  const active = new Map<string, Job>();
  const key = (job: Job) => `${job.queueName}:${job.id}`;
  let pagesDone = 0;
  let stopping: Promise<StopReason> | null = null;
  let resolveStopped: (reason: StopReason) => void = () => {};
  const stopped = new Promise<StopReason>((resolve) => {
    resolveStopped = resolve;
  });

  for (const worker of [filings, pages] as Worker[]) {
    worker.on('active', (job) => active.set(key(job), job));
    worker.on('completed', (job) => active.delete(key(job)));
    worker.on('failed', (job, error) => {
      if (!job) return;
      active.delete(key(job));
      const page = job.queueName === PAGES_QUEUE ? (job.data as PageJobData) : null;
      log.warn(
        {
          queue: job.queueName,
          filingId: page?.id ?? job.id,
          page: page?.page,
          attempt: job.attemptsMade,
          reason: error.message,
        },
        `${job.queueName === PAGES_QUEUE ? 'page' : 'filing'} job failed`,
      );
    });
    // Connection trouble (a Redis restart) is reported here; the worker reconnects by itself.
    worker.on('error', (error) => log.warn({ queue: worker.name, err: error.message }, 'worker error'));
  }
  pages.on('completed', (job, result) => {
    pagesDone += 1;
    const rss = processTreeRss();
    log.info(
      {
        filingId: job.data.id,
        page: job.data.page,
        timings: result.timings,
        rssMb: Math.round(rss / 1048576),
        pagesDone,
      },
      'page done',
    );
    if (!stopping && (pagesDone >= recycleAfterPages || rss > maxMemoryBytes)) {
      log.info({ pagesDone, rssMb: Math.round(rss / 1048576) }, 'recycling the worker');
      void stop(Number.POSITIVE_INFINITY, 'recycle');
    }
  });

  function stop(graceMs: number, reason: StopReason = 'requested'): Promise<StopReason> {
    stopping ??= (async () => {
      log.info({ reason, jobsInHand: active.size, graceMs }, 'stopping');
      // Pausing stops fetching and resolves once the jobs in hand are done.
      const finished = Promise.all([filings.pause(), pages.pause()]).then(() => true);
      let timer: NodeJS.Timeout | undefined;
      const late = Number.isFinite(graceMs)
        ? new Promise<boolean>((resolve) => {
            timer = setTimeout(() => resolve(false), graceMs);
          })
        : new Promise<boolean>(() => {});
      const done = await Promise.race([finished, late]);
      clearTimeout(timer);
      if (!done) {
        for (const job of active.values()) {
          // Back to waiting, for another worker to take at once (not after a stalled-job timeout).
          await job.moveToWait(job.token).then(
            () => log.info({ queue: job.queueName, jobId: job.id }, 'job handed back'),
            (error: Error) => log.warn({ jobId: job.id, err: error.message }, 'could not hand back a job'),
          );
        }
      }
      if (!done && sandbox) {
        // A sandbox waits for its page on SIGTERM; the page was handed back, so nothing is lost.
        for (const pid of childPids()) {
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            // Already gone.
          }
        }
      }
      await Promise.all([filings.close(!done), pages.close(!done)]);
      await pagesQueue.close();
      log.info({ reason, handedBack: done ? 0 : active.size }, 'stopped');
      resolveStopped(reason);
      return reason;
    })();
    return stopping;
  }

  await Promise.all([filings.waitUntilReady(), pages.waitUntilReady()]);
  log.info({ concurrency, sandbox, dataDir }, 'worker ready');
  return { stopped, stop };
}
