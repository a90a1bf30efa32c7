/**
 * The queue's benchmark: overhead (jobs per second with a no-op page stage; milliseconds added
 * per page over the in-process path), scaling (pages per minute with 1 and 2 worker processes on
 * the same 40 CPU-bound pages) and memory (peak RSS per worker over 200 pages, first and last 50).
 * Needs Redis at REDIS_URL (default redis://127.0.0.1:6379). Run: npx tsx scripts/bench-queue.ts
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { PDFDocument } from 'pdf-lib';
import { sniffKind } from '../src/ingest/sniff.js';
import { sha256 } from '../src/pipeline/process-document.js';
import { enqueueFiles, followBatch, queueConnection, writePageResult } from '../src/queue/index.js';
import { SqliteFilingStore } from '../src/store/index.js';
import { stages } from './bench-stages.js';

const root = resolve(import.meta.dirname, '..');
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function scans(dir: string, files: number, pages: number): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (let f = 0; f < files; f++) {
    const doc = await PDFDocument.create();
    doc.setTitle(`${dir} ${f}`);
    for (let p = 0; p < pages; p++) doc.addPage([612, 792]);
    await writeFile(join(dir, `scan-${f}.pdf`), await doc.save());
  }
  return dir;
}

interface Run {
  seconds: number;
  pages: number;
  rss: number[][];
}

/** Queues a folder and runs `workers` worker processes on it until the batch is done. */
async function queued(
  label: string,
  folder: string,
  workers: number,
  concurrency: number,
  page: string,
): Promise<Run> {
  const prefix = `formd-bench-${label}-${process.pid}`;
  const dataDir = await mkdtemp(join(tmpdir(), 'formd-bench-data-'));
  const connection = queueConnection({ prefix, redisUrl });
  const rss: number[][] = [];
  const children = Array.from({ length: workers }, (_, w) => {
    rss.push([]);
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(root, 'workers/formd-worker.ts'),
        '--queue-prefix',
        prefix,
        '--data',
        dataDir,
        '--stages',
        join(root, 'scripts/bench-stages.ts'),
        '--concurrency',
        String(concurrency),
      ],
      {
        cwd: root,
        env: { ...process.env, REDIS_URL: redisUrl, BENCH_PAGE: page },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let buffered = '';
    const ready = new Promise<void>((resolveReady) => {
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => {
        buffered += chunk;
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const text of lines) {
          const line = JSON.parse(text) as { msg: string; rssMb?: number };
          if (line.msg === 'worker ready') resolveReady();
          if (line.msg === 'page done' && line.rssMb !== undefined) rss[w]?.push(line.rssMb);
        }
      });
    });
    return { child, ready };
  });
  await Promise.all(children.map((c) => c.ready));
  const started = performance.now();
  const ids = await enqueueFiles([folder], connection);
  // Polled 4 times a second: a tighter loop would take CPU from the workers on 2 cores.
  const result = await followBatch(ids, connection, { pollMs: 250 });
  const seconds = (performance.now() - started) / 1000;
  for (const { child } of children) child.kill('SIGTERM');
  await Promise.all(children.map(({ child }) => new Promise((r) => child.on('exit', r))));
  const redis = new Redis(redisUrl);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
  redis.disconnect();
  await rm(dataDir, { recursive: true, force: true });
  if (result.failed > 0) throw new Error(`${label}: ${result.failed} filings failed`);
  return { seconds, pages: result.pagesDone, rss };
}

/** The same stages in process, one page after another, as the CLI runs them. */
async function inProcess(folder: string, files: number): Promise<{ seconds: number; pages: number }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'formd-bench-data-'));
  const store = new SqliteFilingStore(join(dataDir, 'formd.sqlite'));
  const started = performance.now();
  let pages = 0;
  for (let f = 0; f < files; f++) {
    const file = join(folder, `scan-${f}.pdf`);
    const bytes = await readFile(file);
    const id = sha256(bytes);
    const kind = sniffKind(bytes, file);
    if (kind === 'text') throw new Error('a scan was expected');
    const count = await stages.countPages(bytes, kind, file);
    const results: unknown[] = [];
    for (let p = 1; p <= count; p++) {
      const result = await stages.processPage(bytes, kind, p, { id, dataDir, file });
      await writePageResult(dataDir, id, p, result);
      results.push(result);
    }
    pages += count;
    await store.saveRecord(await stages.assemble(id, file, kind, results, { dataDir }), file);
  }
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
  return { seconds, pages };
}

const work = await mkdtemp(join(tmpdir(), 'formd-bench-'));
try {
  const overhead = await scans(join(work, 'overhead'), 20, 10);
  process.env.BENCH_PAGE = 'noop';
  const base = await inProcess(overhead, 20);
  const serial = await queued('serial', overhead, 1, 1, 'noop');
  const parallel = await queued('parallel', overhead, 1, 2, 'noop');
  const added = ((serial.seconds - base.seconds) * 1000) / serial.pages;
  console.log(`overhead, no-op page stage, 20 filings x 10 pages:`);
  console.log(`  in process: ${base.seconds.toFixed(2)} s for ${base.pages} pages`);
  console.log(
    `  queued, 1 worker, concurrency 1: ${serial.seconds.toFixed(2)} s: ${added.toFixed(2)} ms added per page`,
  );
  console.log(
    `  queued, 1 worker, concurrency 2: ${((parallel.pages + 20) / parallel.seconds).toFixed(0)} jobs/s (pages and filings)`,
  );

  const scaling = await scans(join(work, 'scaling'), 4, 10);
  const one = await queued('one', scaling, 1, 1, 'cpu');
  const two = await queued('two', scaling, 2, 1, 'cpu');
  const perMinute = (run: Run) => (run.pages / run.seconds) * 60;
  console.log(`scaling, 40 pages of ~250 ms CPU each, 1 page at a time per worker process:`);
  console.log(
    `  1 worker: ${perMinute(one).toFixed(0)} pages/min; 2 workers: ${perMinute(two).toFixed(0)} pages/min: ${(perMinute(two) / perMinute(one)).toFixed(2)}x`,
  );

  const memory = await scans(join(work, 'memory'), 20, 10);
  const mem = await queued('memory', memory, 1, 2, 'alloc');
  const rss = mem.rss[0] ?? [];
  const peak = (values: number[]) => Math.max(...values);
  console.log(`memory, 200 pages of a 24 MB raster each, 1 worker (process and page sandboxes):`);
  console.log(
    `  peak RSS, first 50 pages: ${peak(rss.slice(0, 50))} MB; last 50 pages: ${peak(rss.slice(-50))} MB (${rss.length} pages)`,
  );
} finally {
  await rm(work, { recursive: true, force: true });
}
