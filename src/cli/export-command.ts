import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { type Command, InvalidArgumentError, type Option } from 'commander';
import { type CsvTable, writeCsv } from '../export/csv.js';
import { writeJsonl } from '../export/jsonl.js';
import { openStore } from '../store/index.js';

const FORMATS = ['jsonl', 'csv'] as const;
const TABLES = ['filings', 'persons'] as const;

function oneOf<T extends string>(values: readonly T[]) {
  return (value: string): T => {
    if (!values.includes(value as T)) throw new InvalidArgumentError(`one of ${values.join(', ')}`);
    return value as T;
  };
}

export function registerExport(program: Command, dataOption: () => Option): void {
  program
    .command('export')
    .description('export the stored records (streaming)')
    .addOption(dataOption())
    .requiredOption('--format <format>', `${FORMATS.join(' | ')}`, oneOf(FORMATS))
    .option('--out <file>', 'write to a file instead of standard output')
    .option(
      '--table <table>',
      'csv: filings (one row a filing) or persons (one row per related person)',
      oneOf(TABLES),
      'filings',
    )
    .action(
      async (opts: { data?: string; format: (typeof FORMATS)[number]; out?: string; table: CsvTable }) => {
        const store = await openStore({ dataDir: opts.data });
        const out = opts.out ? createWriteStream(opts.out) : process.stdout;
        try {
          const records = store.iterateRecords({});
          const count =
            opts.format === 'jsonl'
              ? await writeJsonl(records, out)
              : await writeCsv(records, out, opts.table);
          if (opts.out) {
            out.end();
            await finished(out);
          }
          process.stderr.write(`${count} records exported${opts.out ? ` to ${opts.out}` : ''}\n`);
        } finally {
          await store.close();
        }
      },
    );
}
