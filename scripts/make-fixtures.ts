/**
 * Generates scanned paper Form D filings (SEC 1972, Parts A-E) from random records, each an
 * image-only PDF (or a multi-page TIFF) with its ground truth `NAME.truth.json`.
 *
 *   npx tsx scripts/make-fixtures.ts --out DIR --count N --seed S [--damage mixed|none|heavy]
 *     [--inconsistent-share 0.33] [--format pdf|tiff] [--dpi 200|300] [--max-jpeg-quality Q]
 *     [--include-seed-filing]
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { generateFiling } from './fixtures/generate.js';
import { Rng } from './fixtures/prng.js';
import { seedRecord } from './fixtures/seed-filing.js';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('a whole number');
  return n;
}

function share(value: string): number {
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError('a number from 0 to 1');
  return n;
}

const program = new Command()
  .name('make-fixtures')
  .description('Scanned Form D filings with their ground truth, for measuring the OCR pipeline')
  .requiredOption('--out <dir>', 'output directory')
  .option('--count <n>', 'number of random filings', positiveInt, 10)
  .option('--seed <seed>', 'seed: the same seed gives the same filings', 'formd')
  .addOption(
    new Option('--damage <level>', 'scan damage').choices(['none', 'mixed', 'heavy']).default('mixed'),
  )
  .option('--inconsistent-share <share>', 'share of filings with one arithmetic mistake', share, 0.33)
  .addOption(new Option('--format <format>', 'output format').choices(['pdf', 'tiff']).default('pdf'))
  .addOption(
    new Option('--dpi <dpi>', 'scan resolution (default: 300 for most, 200 for some)').choices([
      '200',
      '300',
    ]),
  )
  .option(
    '--max-jpeg-quality <q>',
    'cap the JPEG quality of stored pages, for small committed sets',
    positiveInt,
  )
  .option('--include-seed-filing', 'also make one filing from the seed filing (Qualys, 2003)', false)
  .option('--quiet', 'no progress lines', false);

async function main(): Promise<void> {
  const opts = program.parse().opts<{
    out: string;
    count: number;
    seed: string;
    damage: 'none' | 'mixed' | 'heavy';
    inconsistentShare: number;
    format: 'pdf' | 'tiff';
    dpi?: string;
    maxJpegQuality?: number;
    includeSeedFiling: boolean;
    quiet: boolean;
  }>();
  const pick = new Rng(`${opts.seed}:inconsistent`);
  const jobs: Array<Parameters<typeof generateFiling>[0]> = [];
  const common = {
    outDir: opts.out,
    seed: opts.seed,
    damage: opts.damage,
    format: opts.format,
    dpi: opts.dpi ? Number(opts.dpi) : undefined,
    maxJpegQuality: opts.maxJpegQuality,
  };
  if (opts.includeSeedFiling) {
    const { record, from } = seedRecord();
    if (!opts.quiet) process.stderr.write(`seed filing values from ${from}\n`);
    jobs.push({ ...common, name: 'qualys-2003-formd', index: -1, inconsistent: false, record });
  }
  // Exactly round(count x share) filings carry a mistake, spread at random over the set.
  const mistakes = new Set(
    pick.shuffle([...Array(opts.count).keys()]).slice(0, Math.round(opts.count * opts.inconsistentShare)),
  );
  for (let i = 0; i < opts.count; i++) {
    jobs.push({
      ...common,
      name: `formd-${opts.seed}-${String(i).padStart(3, '0')}`,
      index: i,
      inconsistent: mistakes.has(i),
    });
  }
  for (const [n, job] of jobs.entries()) {
    const started = Date.now();
    const result = await generateFiling(job);
    if (!opts.quiet) {
      const t = result.truth;
      const mistake = t.inconsistency
        ? `${t.inconsistency.kind} -> ${t.inconsistency.rules.join(', ')}`
        : 'consistent';
      process.stderr.write(
        `[${n + 1}/${jobs.length}] ${result.file}: ${t.record.source.pages} pages, ${(result.bytes / 1024).toFixed(0)} KB, ${mistake} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
      );
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `make-fixtures: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
