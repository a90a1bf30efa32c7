/** Options every queue command takes: the prefix that names a batch's queues (Redis from REDIS_URL). */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_QUEUE_PREFIX, type QueueConnection, queueConnection } from '../queue/index.js';

export function addQueueOptions(command: Command): Command {
  return command.addOption(
    new Option(
      '--queue-prefix <name>',
      `the queue's Redis key prefix; separate prefixes are separate batches`,
    )
      .env('FORMD_QUEUE_PREFIX')
      .default(DEFAULT_QUEUE_PREFIX),
  );
}

export function connectionFrom(opts: { queuePrefix?: string }): QueueConnection {
  return queueConnection({ prefix: opts.queuePrefix });
}

export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number, 1 or more');
  return n;
}

export function nonNegativeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('a number, 0 or more');
  return n;
}
