import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReviewApp } from '../src/review/app.js';
import { openQueueBoard, type QueueBoard } from '../src/review/queue-board.js';
import { deletePrefix, redisUrl } from './queue-harness.js';
import { type ReviewFixture, reviewFixture } from './review-fixtures.js';

const prefix = `formd-board-test-${randomBytes(4).toString('hex')}`;
let fx: ReviewFixture;
let board: QueueBoard;

beforeAll(async () => {
  fx = await reviewFixture();
  const queue = new Queue('filings', { connection: { url: redisUrl }, prefix });
  await queue.add('scan-1.png', { file: 'scan-1.png' });
  await queue.close();
  board = await openQueueBoard(redisUrl, prefix);
});

afterAll(async () => {
  await board?.close();
  await deletePrefix(prefix);
  await fx?.cleanup();
});

describe('the queue dashboard', () => {
  it('is mounted at /queues behind the same login, over the queues found under the prefix', async () => {
    const app = createReviewApp({
      store: fx.store,
      dataDir: fx.dataDir,
      token: 'board-token',
      mount: (a) => board.mount(a),
    });
    expect((await app.request('/queues')).status).toBe(303);
    expect((await app.request('/queues/api/queues')).status).toBe(303);
    const login = await app.request('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ who: 'Ada', token: 'board-token', next: '/queues' }).toString(),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const page = await app.request('/queues', { headers: { cookie } });
    expect(page.status).toBe(200);
    const api = await app.request('/queues/api/queues', { headers: { cookie } });
    expect(api.status).toBe(200);
    const body = (await api.json()) as { queues: Array<{ name: string; counts: Record<string, number> }> };
    expect(body.queues.map((q) => q.name)).toEqual(['filings']);
    expect(body.queues[0]?.counts.waiting).toBe(1);
  });
});
