import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { processDocument } from '../src/pipeline/process-document.js';
import {
  completedPages,
  enqueueFiles,
  FILINGS_QUEUE,
  followBatch,
  openQueue,
  PAGES_QUEUE,
  type QueueConnection,
  queueConnection,
  queueStatus,
} from '../src/queue/index.js';
import { type FilingStore, openStore, PostgresFilingStore, SqliteFilingStore } from '../src/store/index.js';
import { encryptedPdf } from './pdf-fixtures.js';
import {
  blankPdf,
  deletePrefix,
  freePort,
  killWorker,
  redisUrl,
  startRedis,
  startWorker,
  stopRedis,
  testPrefix,
  type WorkerProcess,
  writeBatch,
} from './queue-harness.js';
import { dropSchema, testDatabaseUrl, uniqueSchema } from './store-fixtures.js';

describe('the queued pipeline', () => {
  let dir: string;
  let dataDir: string;
  let prefix: string;
  let connection: QueueConnection;
  let workers: WorkerProcess[];
  let cleanups: Array<() => Promise<void>>;

  beforeEach(async (context) => {
    dir = await mkdtemp(join(tmpdir(), 'formd-queue-'));
    dataDir = join(dir, 'data');
    await mkdir(dataDir);
    prefix = testPrefix(
      context.task.name
        .split(' ')
        .slice(0, 3)
        .join('-')
        .replace(/[^a-z0-9-]/gi, ''),
    );
    connection = queueConnection({ prefix, redisUrl });
    workers = [];
    cleanups = [];
  });

  afterEach(async () => {
    await Promise.all(workers.map(killWorker));
    for (const cleanup of cleanups.reverse()) await cleanup();
    await deletePrefix(prefix);
    await rm(dir, { recursive: true, force: true });
  });

  const worker = (env: Record<string, string> = {}, args: string[] = [], url = redisUrl) => {
    const started = startWorker({ prefix, dataDir, env, args, redisUrl: url });
    workers.push(started);
    return started;
  };

  const sqlite = async (): Promise<FilingStore> => {
    const store = new SqliteFilingStore(join(dataDir, 'formd.sqlite'));
    cleanups.push(() => store.close());
    return store;
  };

  it('stores the same records as the in-process path: 20 filings, 2 worker processes, Postgres', async () => {
    const schema = uniqueSchema('queue');
    const store = await PostgresFilingStore.open({ connectionString: testDatabaseUrl, schema });
    cleanups.push(async () => {
      await store.close();
      await dropSchema(schema);
    });
    const files = await writeBatch(join(dir, 'in'), 20);
    const env = { DATABASE_URL: testDatabaseUrl, DATABASE_SCHEMA: schema };
    const [a, b] = [worker(env), worker(env)];

    const ids = await enqueueFiles([join(dir, 'in')], connection);
    const result = await followBatch(ids, connection, { pollMs: 100 });

    expect(result).toMatchObject({ total: 20, done: 20, failed: 0 });
    for (const file of files) {
      const expected = await processDocument(await readFile(file), file);
      const stored = await store.get(expected.id);
      expect(stored?.status).toBe('ok');
      expect(stored?.record).toEqual(expected);
    }
    expect((await store.counts()).total).toBe(20);
    // Both processes took part.
    for (const w of [a, b]) expect(w.logs.some((l) => l.msg === 'filing stored')).toBe(true);
  });

  it('finishes every filing exactly once when a worker is killed with SIGKILL mid-batch', async () => {
    await writeBatch(join(dir, 'in'), 20);
    const store = await sqlite();
    const env = { FORMD_TEST_WHOLE_MS: '150' };
    const victim = worker(env, ['--concurrency', '2']);
    const survivor = worker(env, ['--concurrency', '2']);

    const ids = await enqueueFiles([join(dir, 'in')], connection);
    await victim.waitForLog((l) => l.msg === 'filing stored');
    victim.child.kill('SIGKILL');
    const result = await followBatch(ids, connection, { pollMs: 100 });

    expect(result).toMatchObject({ total: 20, done: 20, failed: 0 });
    expect((await victim.exited).signal).toBe('SIGKILL');
    const created = [...victim.logs, ...survivor.logs].filter((l) => l.msg === 'filing stored' && l.created);
    expect(created.map((l) => l.filingId).sort()).toEqual([...ids].sort());
    expect(await store.counts()).toMatchObject({ total: 20, ok: 20 });
    const queue = openQueue(connection, FILINGS_QUEUE);
    cleanups.push(() => queue.close());
    expect(await queue.getJobCounts('completed', 'failed', 'active', 'waiting')).toEqual({
      completed: 20,
      failed: 0,
      active: 0,
      waiting: 0,
    });
  });

  it('reconnects and finishes the batch when Redis restarts in the middle of it', async () => {
    const redisDir = join(dir, 'redis');
    await mkdir(redisDir);
    const port = await freePort();
    const url = `redis://127.0.0.1:${port}`;
    let server = await startRedis(port, redisDir);
    cleanups.push(() => stopRedis(server));
    const privateConnection = queueConnection({ prefix, redisUrl: url });
    await writeBatch(join(dir, 'in'), 20);
    const store = await sqlite();
    const env = { FORMD_TEST_WHOLE_MS: '150' };
    const [a, b] = [worker(env, [], url), worker(env, [], url)];

    const ids = await enqueueFiles([join(dir, 'in')], privateConnection);
    await a.waitForLog((l) => l.msg === 'filing stored');
    const following = followBatch(ids, privateConnection, { pollMs: 100 });
    await stopRedis(server);
    server = await startRedis(port, redisDir);
    const result = await following;

    expect(result).toMatchObject({ total: 20, done: 20, failed: 0 });
    expect(await store.counts()).toMatchObject({ total: 20, ok: 20 });
    expect([a, b].every((w) => w.child.exitCode === null)).toBe(true);
  });

  it('fails a corrupt PDF, an encrypted PDF and an empty file with their reasons, without retries', async () => {
    const input = join(dir, 'in');
    await writeBatch(input, 3);
    await writeFile(
      join(input, 'corrupt.pdf'),
      Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R'),
    );
    await writeFile(join(input, 'encrypted.pdf'), encryptedPdf());
    await writeFile(join(input, 'empty.pdf'), '');
    const store = await sqlite();
    worker();

    const ids = await enqueueFiles([input], connection);
    const result = await followBatch(ids, connection, { pollMs: 100 });

    expect(result).toMatchObject({ total: 6, done: 6, failed: 3 });
    const byFile = Object.fromEntries(result.failures.map((f) => [f.file.replace(`${input}/`, ''), f.code]));
    expect(byFile).toEqual({
      'corrupt.pdf': 'corrupt_file',
      'encrypted.pdf': 'encrypted_pdf',
      'empty.pdf': 'empty_file',
    });
    const queue = openQueue(connection, FILINGS_QUEUE);
    cleanups.push(() => queue.close());
    for (const failure of result.failures) {
      const job = await queue.getJob(failure.id);
      expect(job?.attemptsMade).toBe(1);
      expect((await store.get(failure.id))?.error?.code).toBe(failure.code);
    }
    expect(await store.counts()).toMatchObject({ ok: 3, failed: 3 });
  });

  it('makes one job and one record of the same file enqueued twice', async () => {
    const [file] = await writeBatch(join(dir, 'in'), 1);
    if (!file) throw new Error('no file');
    const store = await sqlite();

    const first = await enqueueFiles([file, file], connection);
    const second = await enqueueFiles([file], connection);
    expect(first).toEqual(second);
    expect(first).toHaveLength(1);
    const queue = openQueue(connection, FILINGS_QUEUE);
    cleanups.push(() => queue.close());
    expect(await queue.getJobCountByTypes('waiting')).toBe(1);

    worker();
    await followBatch(first, connection, { pollMs: 100 });
    await enqueueFiles([file], connection);

    expect(await queue.getJobCounts('completed', 'waiting')).toEqual({ completed: 1, waiting: 0 });
    expect(await store.counts()).toMatchObject({ total: 1, ok: 1 });
  });

  it('hands a page back on SIGTERM: the worker exits cleanly and another worker does the page', async () => {
    const gate = join(dir, 'gate');
    await mkdir(gate);
    const scan = join(dir, 'scan.pdf');
    await writeFile(scan, await blankPdf(1, 'one page'));
    const store = await sqlite();
    const env = { FORMD_TEST_GATE: gate };
    const first = worker(env, ['--grace', '0']);

    const pagesAtStart = await completedPages(connection);
    const ids = await enqueueFiles([scan], connection);
    await first.waitForLog((l) => l.msg === 'pages queued');
    await waitForFile(gate, `started-${first.pid}-p1`);
    first.child.kill('SIGTERM');
    expect(await first.exited).toEqual({ code: 0, signal: null });
    expect(first.logs.some((l) => l.msg === 'job handed back')).toBe(true);

    const second = worker(env);
    await waitForFile(gate, `started-${second.pid}-p1`);
    await writeFile(join(gate, 'open'), '');
    const result = await followBatch(ids, connection, { pollMs: 100, pagesAtStart });

    expect(result).toMatchObject({ done: 1, failed: 0, pagesDone: 1 });
    expect((await readdir(gate)).filter((f) => f.startsWith('done-'))).toEqual([`done-${second.pid}-p1`]);
    const stored = await store.get(ids[0] ?? '');
    expect(stored?.record?.issuer.name).toBe(`page 1 of ${ids[0]?.slice(0, 8)}`);
    expect(stored?.record?.source).toEqual({ file: 'scan.pdf', pages: 1, kind: 'pdf' });
  });

  it('fails a scan with the reason of its failed page instead of leaving it waiting for it', async () => {
    const scan = join(dir, 'scan.pdf');
    await writeFile(scan, await blankPdf(3, 'three pages'));
    const store = await sqlite();
    worker({ FORMD_TEST_BAD_PAGE: '2' });

    const ids = await enqueueFiles([scan], connection);
    const result = await followBatch(ids, connection, { pollMs: 100 });

    expect(result.failures).toEqual([
      {
        id: ids[0],
        file: scan,
        code: 'corrupt_file',
        message: expect.stringContaining('page 2 cannot be decoded'),
      },
    ]);
    expect((await store.get(ids[0] ?? ''))?.error?.code).toBe('corrupt_file');
    const status = await queueStatus(connection);
    expect(status.pages).toMatchObject({ failed: 1, waiting: 0, active: 0 });
    expect(status.filings).toMatchObject({ failed: 1, 'waiting-children': 0 });
    const pages = openQueue(connection, PAGES_QUEUE);
    cleanups.push(() => pages.close());
    const [failedPage] = await pages.getFailed();
    expect(failedPage?.attemptsMade).toBe(1);
  });

  it('opens the store the workers share: SQLite in the data folder unless DATABASE_URL is set', async () => {
    const store = await openStore({ dataDir, env: {} });
    cleanups.push(() => store.close());
    expect(store).toBeInstanceOf(SqliteFilingStore);
  });
});

/** Resolves when the file exists in the folder (the page stage writes it as it starts). */
async function waitForFile(folder: string, name: string): Promise<void> {
  const { watch } = await import('node:fs/promises');
  const watcher = watch(folder);
  if ((await readdir(folder)).includes(name)) return;
  for await (const event of watcher) if (event.filename === name) return;
}
