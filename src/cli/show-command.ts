import type { Command, Option } from 'commander';
import { recordToJson } from '../record/schema.js';
import { openStore } from '../store/index.js';
import { findFiling } from './find-filing.js';
import { renderRecord } from './show-record.js';

export function registerShow(program: Command, dataOption: () => Option): void {
  program
    .command('show')
    .description('show a stored filing: each part of the form, then the flags with their explanations')
    .argument('<ref>', 'the filing id (or a unique prefix of it), or the file it was read from')
    .addOption(dataOption())
    .option('--json', 'print the record as JSON')
    .action(async (ref: string, opts: { data?: string; json?: boolean }) => {
      const store = await openStore({ dataDir: opts.data });
      try {
        const filing = await findFiling(store, ref);
        if (!filing.record) {
          process.stdout.write(`${filing.file}: failed — ${filing.error?.message ?? 'unknown error'}\n`);
          return;
        }
        process.stdout.write(
          opts.json
            ? `${JSON.stringify(recordToJson.parse(filing.record), null, 2)}\n`
            : renderRecord(filing.record),
        );
      } finally {
        await store.close();
      }
    });
}
