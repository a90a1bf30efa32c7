/**
 * The queue dashboard (@bull-board) at /queues, when Redis is configured. The queues are the ones
 * found under the configured key prefix (`<prefix>:<name>:meta`), so the board shows whatever the
 * workers run without this file knowing their names.
 */
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { HonoAdapter } from '@bull-board/hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { Queue } from 'bullmq';
import type { Hono } from 'hono';
import { Redis } from 'ioredis';
import type { ReviewEnv } from './auth.js';

export interface QueueBoard {
  mount(app: Hono<ReviewEnv>): void;
  close(): Promise<void>;
}

/** The queue names under a prefix: each BullMQ queue keeps a `<prefix>:<name>:meta` hash. */
export async function findQueueNames(redis: Redis, prefix: string): Promise<string[]> {
  const names = new Set<string>();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*:meta`, 'COUNT', 500);
    cursor = next;
    for (const key of keys) names.add(key.slice(prefix.length + 1, -':meta'.length));
  } while (cursor !== '0');
  return [...names].sort();
}

export async function openQueueBoard(redisUrl: string, prefix: string): Promise<QueueBoard> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 2, lazyConnect: true });
  await redis.connect();
  const names = await findQueueNames(redis, prefix);
  const queues = names.map((name) => new Queue(name, { connection: { url: redisUrl }, prefix }));
  const serverAdapter = new HonoAdapter(serveStatic).setBasePath('/queues');
  createBullBoard({
    queues: queues.map((q) => new BullMQAdapter(q, { readOnlyMode: false })),
    serverAdapter,
  });
  return {
    mount(app) {
      app.route('/queues', serverAdapter.registerPlugin());
    },
    async close() {
      await Promise.all(queues.map((q) => q.close()));
      redis.disconnect();
    },
  };
}
