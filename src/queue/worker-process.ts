/**
 * A worker process: the store, the queue worker, and the signals. SIGTERM or SIGINT stop it
 * gracefully (the jobs in hand get `graceMs` to finish, then are handed back); a recycle ends it
 * with RECYCLE_EXIT_CODE, for its supervisor to start a fresh one.
 */
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openStore, prepareDataDir } from '../store/index.js';
import { createLogger } from './logger.js';
import { type QueueWorkerOptions, startQueueWorker } from './queue-worker.js';

/** EX_TEMPFAIL: "try again"; the supervisor starts a new worker. */
export const RECYCLE_EXIT_CODE = 75;

export interface WorkerProcessOptions extends Omit<QueueWorkerOptions, 'store' | 'dataDir' | 'log'> {
  dataDir?: string;
  /** How long the jobs in hand may take to finish after SIGTERM or SIGINT. */
  graceMs: number;
}

export async function runWorkerProcess(options: WorkerProcessOptions): Promise<number> {
  const log = createLogger({ role: 'worker', prefix: options.connection.prefix });
  const dataDir = await prepareDataDir(options.dataDir);
  const store = await openStore({ dataDir });
  const worker = await startQueueWorker({ ...options, dataDir, store, log });
  const onSignal = (signal: NodeJS.Signals) => {
    log.info({ signal }, 'signal received');
    void worker.stop(options.graceMs);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  try {
    const reason = await worker.stopped;
    return reason === 'recycle' ? RECYCLE_EXIT_CODE : 0;
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    await store.close();
  }
}

/** The worker process entry: built beside this file's folder, or the TypeScript source under tsx. */
export function workerEntryFile(): string {
  const built = fileURLToPath(new URL('../../workers/formd-worker.js', import.meta.url));
  return existsSync(built) ? built : built.replace(/\.js$/, '.ts');
}

/**
 * Runs worker processes one after another: a new one when the last asked to be recycled or
 * crashed; signals are passed on, and the supervisor ends when its worker ends on one.
 */
export async function superviseWorker(args: readonly string[]): Promise<number> {
  const log = createLogger({ role: 'supervisor' });
  let stopping = false;
  let crashes = 0;
  for (;;) {
    const child = fork(workerEntryFile(), [...args], { stdio: 'inherit' });
    const forward = (signal: NodeJS.Signals) => {
      stopping = true;
      child.kill(signal);
    };
    process.on('SIGTERM', forward);
    process.on('SIGINT', forward);
    const code = await new Promise<number>((resolve) => {
      child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 128 : 1)));
    });
    process.off('SIGTERM', forward);
    process.off('SIGINT', forward);
    if (stopping) return code;
    if (code === RECYCLE_EXIT_CODE) {
      crashes = 0;
      log.info({ pid: child.pid }, 'worker recycled; starting a fresh one');
      continue;
    }
    crashes += 1;
    const wait = Math.min(1000 * 2 ** (crashes - 1), 30_000);
    log.warn({ pid: child.pid, code, restartInMs: wait }, 'worker exited; starting another');
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
