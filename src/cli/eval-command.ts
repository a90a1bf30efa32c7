import type { Command } from 'commander';
import { parseThreshold } from '../cli.js';
import { evaluateFolder, renderEvalReport } from '../eval/evaluate-folder.js';
import { closeSharedOcrPool } from '../ocr/pool.js';

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description(
      'run the pipeline on a folder of filings with truth records (NAME.truth.json) and measure it',
    )
    .argument('<folder>', 'a folder of filings, each with NAME.truth.json beside it')
    .option('--json', 'print the figures as JSON')
    .option('--threshold <n>', 'values read below this confidence go to review', parseThreshold, 0.8)
    .action(async (folder: string, opts: { json?: boolean; threshold: number }) => {
      try {
        const report = await evaluateFolder(folder, {
          confidenceThreshold: opts.threshold,
          onFiling: (file, i, n) => process.stderr.write(`[${i + 1}/${n}] ${file}\n`),
        });
        process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : renderEvalReport(report));
      } finally {
        await closeSharedOcrPool();
      }
    });
}
