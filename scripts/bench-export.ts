/**
 * Export memory: generates N records (the seed filing, varied) into a fresh SQLite store, then runs
 * each export format in a child process of its own and prints its peak RSS and peak heap. Memory
 * should stay flat from 10 to 100,000 filings because every export streams.
 *
 *   npx tsx scripts/bench-export.ts [--counts 10,100000] [--formats jsonl,csv,sec-tsv,parquet] [--keep]
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { writeCsv } from '../src/export/csv.js';
import { writeJsonl } from '../src/export/jsonl.js';
import { writeParquet } from '../src/export/parquet.js';
import { writeSecTsv } from '../src/export/sec-tsv.js';
import type { FormDRecord } from '../src/record/index.js';
import { SqliteFilingStore } from '../src/store/index.js';

const REPO = resolve(import.meta.dirname, '..');
const SEED = join(REPO, 'fixtures/text/qualys-2003-formd.txt');
const FORMATS = ['jsonl', 'csv', 'sec-tsv', 'parquet'] as const;
type Format = (typeof FORMATS)[number];

const { values: opts } = parseArgs({
  options: {
    counts: { type: 'string', default: '10,100000' },
    formats: { type: 'string', default: FORMATS.join(',') },
    keep: { type: 'boolean', default: false },
    child: { type: 'string' },
    data: { type: 'string' },
    out: { type: 'string' },
  },
});

/** The child: one export, then its peak memory as JSON on stdout. */
async function child(format: Format, data: string, out: string): Promise<void> {
  let peakHeap = 0;
  const timer = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 20);
  const started = performance.now();
  const store = new SqliteFilingStore(join(data, 'formd.sqlite'));
  const records = store.iterateRecords({});
  let filings: number;
  if (format === 'sec-tsv') filings = (await writeSecTsv(records, out)).filings;
  else if (format === 'parquet') filings = (await writeParquet(records, out)).filings;
  else {
    const stream = createWriteStream(out);
    filings =
      format === 'jsonl' ? await writeJsonl(records, stream) : await writeCsv(records, stream, 'filings');
    stream.end();
    await finished(stream);
  }
  await store.close();
  clearInterval(timer);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `${JSON.stringify({ filings, seconds, peakRssMB: process.resourceUsage().maxRSS / 1024, peakHeapMB: peakHeap / 2 ** 20 })}\n`,
  );
}

/** The seed record, varied per filing: its id, issuer name and amounts, so no two rows are alike. */
function variant(seed: FormDRecord, i: number): FormDRecord {
  const r = structuredClone(seed);
  r.id = createHash('sha256').update(`bench-${i}`).digest('hex');
  r.source.file = `bench-${i}.txt`;
  r.issuer.name = `Issuer ${i}, Inc.`;
  const extra = (i % 1000) * 100;
  r.offering.securities.equity.offered = (r.offering.securities.equity.offered ?? 0) + extra;
  r.offering.securities.total.offered = (r.offering.securities.total.offered ?? 0) + extra;
  r.review.status = (['auto', 'needs_review', 'reviewed'] as const)[i % 3] ?? 'auto';
  return r;
}

async function main(): Promise<void> {
  const counts = (opts.counts ?? '').split(',').map(Number);
  const formats = (opts.formats ?? '').split(',') as Format[];
  const rows: string[] = [];
  for (const count of counts) {
    const work = await mkdtemp(join(tmpdir(), 'formd-bench-export-'));
    const store = new SqliteFilingStore(join(work, 'formd.sqlite'));
    // Imported here, so that the child processes load only the export code they measure.
    const { ingestBatch } = await import('../src/pipeline/ingest-batch.js');
    await ingestBatch([SEED], store);
    const [first] = await store.list({});
    const seed = first ? (await store.get(first.id))?.record : null;
    if (!seed) throw new Error('the seed filing did not ingest');
    await store.delete(seed.id);
    for (let start = 0; start < count; start += 1000) {
      const batch = [];
      for (let i = start; i < Math.min(count, start + 1000); i++) {
        batch.push({ record: variant(seed, i), file: `bench-${i}.txt` });
      }
      await store.saveMany(batch);
    }
    await store.close();
    for (const format of formats) {
      const out = join(work, `out-${format}`);
      const result = JSON.parse(
        execFileSync(
          process.execPath,
          ['--import', 'tsx', import.meta.filename, '--child', format, '--data', work, '--out', out],
          { cwd: REPO, encoding: 'utf8', maxBuffer: 1 << 20 },
        ),
      );
      rows.push(
        `| ${count} | ${format} | ${result.filings} | ${result.seconds.toFixed(1)} | ${result.peakRssMB.toFixed(0)} | ${result.peakHeapMB.toFixed(0)} |`,
      );
      process.stderr.write(`${rows[rows.length - 1]}\n`);
    }
    if (!opts.keep) await rm(work, { recursive: true, force: true });
    else process.stderr.write(`kept ${work}\n`);
  }
  process.stdout.write(
    [
      '| filings | format | exported | seconds | peak RSS MB | peak heap MB |',
      '| --- | --- | --- | --- | --- | --- |',
      ...rows,
    ].join('\n'),
  );
  process.stdout.write('\n');
}

if (opts.child) await child(opts.child as Format, opts.data ?? '', opts.out ?? '');
else await main();
