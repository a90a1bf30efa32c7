import type { Command, Option } from 'commander';
import { parseThreshold } from '../cli.js';
import { closeSharedOcrPool } from '../ocr/pool.js';
import { ingestBatch } from '../pipeline/ingest-batch.js';
import { openStore, resolveDataDir } from '../store/index.js';
import { EXIT } from './exit-codes.js';
import { createProgress } from './progress.js';
import { addQueueOptions, connectionFrom } from './queue-options.js';

export function registerIngest(program: Command, dataOption: () => Option): void {
  const command = program
    .command('ingest')
    .description(
      'read filings (PDF, TIFF, PNG, JPEG scans or text transcriptions) into the store; folders are read recursively',
    )
    .argument('<paths...>', 'files or folders')
    .addOption(dataOption())
    .option('--threshold <n>', 'values read below this confidence go to review', parseThreshold, 0.8)
    .option('--queue', 'queue the files for the workers (Redis at REDIS_URL) and follow the batch')
    .option('--detach', 'with --queue: return once the files are queued');
  addQueueOptions(command).action(
    async (
      paths: string[],
      opts: { data?: string; threshold: number; queue?: boolean; detach?: boolean; queuePrefix?: string },
    ) => {
      if (opts.queue) {
        const { queuedIngest } = await import('./queued-ingest.js');
        process.exitCode = await queuedIngest(paths, connectionFrom(opts), {
          threshold: opts.threshold,
          detach: opts.detach ?? false,
        });
        return;
      }
      const dataDir = resolveDataDir(opts.data);
      const store = await openStore({ dataDir });
      const progress = createProgress();
      try {
        const summary = await ingestBatch(paths, store, {
          confidenceThreshold: opts.threshold,
          dataDir,
          onTotal: (n) => progress.total(n),
          onOutcome: (o, s) => progress.outcome(o, s),
        });
        progress.stop();
        const parts = [`${summary.ok} ok`];
        if (summary.flagged) parts.push(`${summary.flagged} flagged`);
        if (summary.needsReview) parts.push(`${summary.needsReview} to review`);
        if (summary.duplicate) parts.push(`${summary.duplicate} already stored`);
        parts.push(`${summary.failed} failed`);
        process.stdout.write(`${summary.total} filings: ${parts.join(', ')}\n`);
        if (summary.failed === 0) process.exitCode = EXIT.ok;
        else process.exitCode = summary.ok + summary.duplicate > 0 ? EXIT.someFailed : EXIT.nothingRead;
      } finally {
        progress.stop();
        await store.close();
        await closeSharedOcrPool();
      }
    },
  );
}
