import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { type Command, InvalidArgumentError, type Option } from 'commander';
import { type CsvTable, writeCsv } from '../export/csv.js';
import { writeJsonl } from '../export/jsonl.js';
import { writeParquet } from '../export/parquet.js';
import {
  ExportOptionsError,
  type ExportSelection,
  parseSince,
  parseStatus,
  recordFilter,
} from '../export/record-filter.js';
import { writeSecTsv } from '../export/sec-tsv.js';
import type { ReviewStatus } from '../record/index.js';
import { openStore } from '../store/index.js';

const FORMATS = ['jsonl', 'csv', 'sec-tsv', 'parquet'] as const;
const TABLES = ['filings', 'persons'] as const;
/** These write a folder of tables, not one stream. */
const FOLDER_FORMATS: ReadonlySet<string> = new Set(['sec-tsv', 'parquet']);

function oneOf<T extends string>(values: readonly T[]) {
  return (value: string): T => {
    if (!values.includes(value as T)) throw new InvalidArgumentError(`one of ${values.join(', ')}`);
    return value as T;
  };
}

interface ExportOptions extends ExportSelection {
  data?: string;
  format: (typeof FORMATS)[number];
  out?: string;
  table: CsvTable;
  status?: ReviewStatus;
}

export function registerExport(program: Command, dataOption: () => Option): void {
  program
    .command('export')
    .description('export the stored records (streaming)')
    .addOption(dataOption())
    .requiredOption('--format <format>', `${FORMATS.join(' | ')}`, oneOf(FORMATS))
    .option(
      '--out <path>',
      'jsonl, csv: a file instead of standard output; sec-tsv, parquet: the folder (required)',
    )
    .option(
      '--table <table>',
      'csv: filings (one row a filing) or persons (one row per related person)',
      oneOf(TABLES),
      'filings',
    )
    .option('--reviewed-only', 'only filings a person has marked reviewed')
    .option(
      '--status <status>',
      'only filings with this review status: auto, needs_review, reviewed',
      parseStatus,
    )
    .option('--since <date>', 'only filings changed on or after this date (YYYY-MM-DD)', parseSince)
    .action(async (opts: ExportOptions) => {
      const filter = recordFilter(opts);
      if (FOLDER_FORMATS.has(opts.format) && !opts.out) {
        throw new ExportOptionsError(
          `--format ${opts.format} writes a folder of tables`,
          'Give the folder with --out DIR.',
        );
      }
      const store = await openStore({ dataDir: opts.data });
      try {
        const records = store.iterateRecords(filter);
        if (opts.format === 'sec-tsv' || opts.format === 'parquet') {
          const dir = opts.out as string;
          const result = await (opts.format === 'sec-tsv' ? writeSecTsv : writeParquet)(records, dir);
          process.stderr.write(`${result.filings} filings exported to ${dir}\n`);
          return;
        }
        const out = opts.out ? createWriteStream(opts.out) : process.stdout;
        const count =
          opts.format === 'jsonl' ? await writeJsonl(records, out) : await writeCsv(records, out, opts.table);
        if (opts.out) {
          out.end();
          await finished(out);
        }
        process.stderr.write(`${count} records exported${opts.out ? ` to ${opts.out}` : ''}\n`);
      } finally {
        await store.close();
      }
    });
}
