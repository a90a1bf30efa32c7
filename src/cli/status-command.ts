import type { Command } from 'commander';
import { addQueueOptions, connectionFrom, positiveInteger } from './queue-options.js';

export function registerStatus(program: Command): void {
  const command = program
    .command('status')
    .description('the queue: jobs per state, pages per minute over the last minutes, the oldest waiting job')
    .option('--minutes <n>', 'how many recent minutes of throughput to show', positiveInteger, 5)
    .option('--json', 'as JSON');
  addQueueOptions(command).action(async (opts: { queuePrefix?: string; minutes: number; json?: boolean }) => {
    const { formatStatus, queueStatus } = await import('../queue/index.js');
    const status = await queueStatus(connectionFrom(opts), opts.minutes);
    process.stdout.write(opts.json ? `${JSON.stringify(status, null, 2)}\n` : `${formatStatus(status)}\n`);
  });
}
