/** Where the queue lives: the Redis URL and the key prefix that keeps batches and tests apart. */
import type { ConnectionOptions } from 'bullmq';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
export const DEFAULT_QUEUE_PREFIX = 'formd';

export interface QueueConnection {
  /** A redis:// URL; REDIS_URL, else redis://127.0.0.1:6379. */
  redisUrl: string;
  /** The Redis key prefix of every queue; separate prefixes are separate batches. */
  prefix: string;
}

export function queueConnection(
  options: { redisUrl?: string; prefix?: string } = {},
  env: NodeJS.ProcessEnv = process.env,
): QueueConnection {
  return {
    redisUrl: options.redisUrl ?? (env.REDIS_URL || DEFAULT_REDIS_URL),
    prefix: options.prefix ?? (env.FORMD_QUEUE_PREFIX || DEFAULT_QUEUE_PREFIX),
  };
}

/**
 * BullMQ's connection options. `maxRetriesPerRequest: null` makes commands wait through a Redis
 * restart instead of failing, and the retry strategy reconnects for as long as it takes.
 */
export function redisOptions(connection: QueueConnection): ConnectionOptions {
  return {
    url: connection.redisUrl,
    maxRetriesPerRequest: null,
    enableOfflineQueue: true,
    retryStrategy: (times: number) => Math.min(200 * times, 2000),
  };
}
