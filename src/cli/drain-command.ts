import type { Command } from 'commander';
import { drainQueues } from '../queue/index.js';
import { addQueueOptions, connectionFrom } from './queue-options.js';

export function registerDrain(program: Command): void {
  const command = program
    .command('drain')
    .description(
      'remove the queued jobs not yet started (waiting, or waiting to be retried); jobs in hand finish',
    );
  addQueueOptions(command).action(async (opts: { queuePrefix?: string }) => {
    const removed = await drainQueues(connectionFrom(opts));
    process.stdout.write(`removed ${removed.filings} filing jobs and ${removed.pages} page jobs\n`);
  });
}
