/** Worker processes, private Redis servers, batches of test files and key clean-up for the queue tests. */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import { PDFDocument } from 'pdf-lib';

export const repoRoot = resolve(import.meta.dirname, '..');
export const testStages = join(repoRoot, 'test', 'queue-stages.ts');
const workerEntry = join(repoRoot, 'workers', 'formd-worker.ts');
const seed = readFileSync(join(repoRoot, 'fixtures', 'text', 'qualys-2003-formd.txt'));

/** A unique prefix per test, so tests never see each other's jobs. */
export function testPrefix(label: string): string {
  return `formd-test-${label}-${process.pid}-${Date.now().toString(36)}`;
}

/** `count` transcriptions of the seed filing, each with its own sha256 (trailing blank lines differ). */
export async function writeBatch(dir: string, count: number): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = join(dir, `qualys-${String(i).padStart(2, '0')}.txt`);
    await writeFile(file, Buffer.concat([seed, Buffer.from('\n'.repeat(i + 1))]));
    files.push(file);
  }
  return files;
}

/** A PDF of blank pages: a "scan" for the fake page stage. */
export async function blankPdf(pages: number, title: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  for (let i = 0; i < pages; i++) doc.addPage([612, 792]);
  return doc.save();
}

export interface WorkerProcess {
  child: ChildProcess;
  pid: number;
  /** The worker's JSON log lines so far. */
  logs: Array<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the first log line (past or future) that matches. */
  waitForLog(match: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
}

export interface WorkerSpec {
  prefix: string;
  dataDir: string;
  redisUrl?: string;
  env?: Record<string, string>;
  args?: string[];
}

/** A worker process as `formd worker --no-supervise` runs it, with fast stall detection for tests. */
export function startWorker(spec: WorkerSpec): WorkerProcess {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      workerEntry,
      '--queue-prefix',
      spec.prefix,
      '--data',
      spec.dataDir,
      '--stages',
      testStages,
      '--lock-duration',
      '2000',
      '--stalled-interval',
      '1000',
      ...(spec.args ?? []),
    ],
    {
      cwd: repoRoot,
      env: { ...process.env, REDIS_URL: spec.redisUrl ?? redisUrl, ...spec.env },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const logs: Array<Record<string, unknown>> = [];
  const waiters: Array<{
    match: (line: Record<string, unknown>) => boolean;
    resolve: (line: Record<string, unknown>) => void;
  }> = [];
  let buffered = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const text of lines) {
      let line: Record<string, unknown>;
      try {
        line = JSON.parse(text) as Record<string, unknown>;
      } catch {
        line = { msg: text };
      }
      logs.push(line);
      for (const waiter of [...waiters]) {
        if (waiter.match(line)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      }
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    pid: child.pid ?? -1,
    logs,
    exited,
    waitForLog(match) {
      const seen = logs.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiters.push({ match, resolve });
        void exited.then(() =>
          reject(
            new Error(
              `worker ${child.pid} exited while waiting; last logs:\n${JSON.stringify(logs.slice(-5))}`,
            ),
          ),
        );
      });
    },
  };
}

/** Stops a worker if it still runs (SIGKILL: tests clean up, they do not test shutdown here). */
export async function killWorker(worker: WorkerProcess): Promise<void> {
  if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL');
  await worker.exited;
}

export const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Deletes every key of a test's prefix. */
export async function deletePrefix(prefix: string, url: string = redisUrl): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 3 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** A free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** A private redis-server with append-only persistence in `dir`, as the compose file runs it. */
export async function startRedis(port: number, dir: string): Promise<ChildProcess> {
  const server = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--appendfsync',
      'always',
      '--save',
      '',
      '--maxmemory-policy',
      'noeviction',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    server.stdout?.setEncoding('utf8');
    server.stdout?.on('data', (chunk: string) => {
      out += chunk;
      if (out.includes('Ready to accept connections')) resolve();
    });
    server.on('exit', (code) => reject(new Error(`redis-server exited (${code}): ${out}`)));
  });
  return server;
}

/** Shuts a private Redis down the way a restart does (SIGTERM: it flushes its append-only file). */
export async function stopRedis(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.on('exit', resolve));
  server.kill('SIGTERM');
  await exited;
}
