import type { Command, Option } from 'commander';
import { openStore } from '../store/index.js';

export function registerList(program: Command, dataOption: () => Option): void {
  program
    .command('list')
    .description('list stored filings, newest first')
    .addOption(dataOption())
    .option('--flagged', 'only filings with an error flag')
    .option('--failed', 'only files that could not be read')
    .option('--needs-review', 'only filings waiting for a person')
    .action(async (opts: { data?: string; flagged?: boolean; failed?: boolean; needsReview?: boolean }) => {
      const store = await openStore({ dataDir: opts.data });
      try {
        const rows = await store.list({
          ...(opts.failed ? { status: 'failed' as const } : {}),
          ...(opts.flagged ? { flagged: true } : {}),
          ...(opts.needsReview ? { needsReview: true } : {}),
        });
        for (const f of rows) {
          const state = f.status === 'failed' ? 'failed' : (f.reviewStatus ?? '');
          const detail =
            f.status === 'failed'
              ? (f.errorMessage ?? '')
              : `${f.issuerName ?? '—'}  ${f.flagRules.join(' ')}`;
          process.stdout.write(`${f.id.slice(0, 12)}  ${state.padEnd(12)}  ${f.file}  ${detail}\n`);
        }
        process.stderr.write(`${rows.length} filings\n`);
      } finally {
        await store.close();
      }
    });
}
