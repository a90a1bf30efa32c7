import { type Command, Option } from 'commander';
import { addQueueOptions, connectionFrom, nonNegativeNumber, positiveInteger } from './queue-options.js';

interface WorkerOpts {
  data?: string;
  queuePrefix?: string;
  concurrency?: number;
  recyclePages: number;
  maxMemory: number;
  grace: number;
  lockDuration: number;
  stalledInterval: number;
  stages?: string;
  sandbox: boolean;
  supervise: boolean;
}

export function registerWorker(program: Command, dataOption: () => Option): void {
  const command = program
    .command('worker')
    .description(
      'process queued filings until stopped (SIGTERM or SIGINT: the jobs in hand finish or are handed back)',
    )
    .addOption(dataOption())
    .option('--concurrency <n>', 'filings and pages at once (default: the number of cores)', positiveInteger)
    .option(
      '--recycle-pages <n>',
      'start a fresh worker process after this many pages',
      positiveInteger,
      1000,
    )
    .option(
      '--max-memory <mb>',
      'start a fresh worker process above this much memory (MB)',
      positiveInteger,
      2048,
    )
    .option(
      '--grace <seconds>',
      'on SIGTERM/SIGINT, how long the jobs in hand may take before they are handed back',
      nonNegativeNumber,
      30,
    )
    .option('--lock-duration <ms>', "how soon a killed worker's jobs are taken over", positiveInteger, 30_000)
    .option(
      '--stalled-interval <ms>',
      'how often to look for the jobs of killed workers',
      positiveInteger,
      30_000,
    )
    .option('--no-sandbox', 'run the page stage in this process instead of sandboxed child processes')
    .option('--no-supervise', 'run the worker in this process, without a supervisor that recycles it')
    .addOption(
      new Option('--stages <module>', 'a module exporting the stages (benchmarks and tests)').hideHelp(),
    );
  addQueueOptions(command).action(async (opts: WorkerOpts) => {
    const { runWorkerProcess, superviseWorker } = await import('../queue/index.js');
    if (opts.supervise) {
      process.exitCode = await superviseWorker(workerArgs(opts));
      return;
    }
    const code = await runWorkerProcess({
      connection: connectionFrom(opts),
      ...(opts.data ? { dataDir: opts.data } : {}),
      ...(opts.concurrency ? { concurrency: opts.concurrency } : {}),
      ...(opts.stages ? { stagesModule: opts.stages } : {}),
      sandbox: opts.sandbox,
      recycleAfterPages: opts.recyclePages,
      maxMemoryMb: opts.maxMemory,
      graceMs: opts.grace * 1000,
      lockDurationMs: opts.lockDuration,
      stalledIntervalMs: opts.stalledInterval,
    });
    // Connections that linger (a Redis reconnect timer) must not keep a stopped worker alive.
    process.exit(code);
  });
}

/** The options again, as arguments for the worker processes the supervisor starts. */
function workerArgs(opts: WorkerOpts): string[] {
  const args = [
    ...(opts.data ? ['--data', opts.data] : []),
    ...(opts.queuePrefix ? ['--queue-prefix', opts.queuePrefix] : []),
    ...(opts.concurrency ? ['--concurrency', String(opts.concurrency)] : []),
    ...(opts.stages ? ['--stages', opts.stages] : []),
    ...['--recycle-pages', String(opts.recyclePages), '--max-memory', String(opts.maxMemory)],
    ...['--grace', String(opts.grace), '--lock-duration', String(opts.lockDuration)],
    ...['--stalled-interval', String(opts.stalledInterval)],
  ];
  if (!opts.sandbox) args.push('--no-sandbox');
  return args;
}
