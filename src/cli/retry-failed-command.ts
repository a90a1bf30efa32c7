import type { Command } from 'commander';
import { addQueueOptions, connectionFrom } from './queue-options.js';

export function registerRetryFailed(program: Command): void {
  const command = program
    .command('retry-failed')
    .description('queue the failed filings again (bad input, which would fail again, only with --all)')
    .option('--all', 'bad input too (after the files were replaced)');
  addQueueOptions(command).action(async (opts: { queuePrefix?: string; all?: boolean }) => {
    const { retryFailed } = await import('../queue/index.js');
    const { retried, skipped } = await retryFailed(connectionFrom(opts), { all: opts.all ?? false });
    process.stdout.write(
      `${retried.length} failed filings queued again${skipped.length ? `; ${skipped.length} with bad input left as they are (--all to retry them)` : ''}\n`,
    );
  });
}
