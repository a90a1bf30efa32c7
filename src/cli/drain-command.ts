import type { Command } from 'commander';
import { addQueueOptions, connectionFrom } from './queue-options.js';

export function registerDrain(program: Command): void {
  const command = program
    .command('drain')
    .description(
      'remove the queued jobs not yet started (waiting, or waiting to be retried); jobs in hand finish',
    );
  addQueueOptions(command).action(async (opts: { queuePrefix?: string }) => {
    // The queue modules load only for the queue's commands: other commands start faster.
    const { drainQueues } = await import('../queue/index.js');
    const removed = await drainQueues(connectionFrom(opts));
    process.stdout.write(`removed ${removed.filings} filing jobs and ${removed.pages} page jobs\n`);
  });
}
