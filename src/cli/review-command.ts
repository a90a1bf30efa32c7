import { type Command, InvalidArgumentError, type Option } from 'commander';
import {
  drawQualitySample,
  type SampleReport,
  sampleReport,
  seededRandom,
} from '../review/quality-sample.js';
import { openStore } from '../store/index.js';

function parseRate(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 1) throw new InvalidArgumentError('a share above 0 and at most 1');
  return n;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function describeSample(r: SampleReport): string {
  const lines = [];
  if (r.auto || r.sent) lines.push(`sent ${r.sent} of ${r.auto} auto-accepted filings to review`);
  lines.push(
    `quality sample: ${r.sampled} drawn, ${r.reviewed} reviewed, ${r.corrected} needed a correction`,
  );
  lines.push(
    r.errorRate === null || !r.interval
      ? 'error rate: not known yet (no sampled filing has been reviewed)'
      : `error rate: ${pct(r.errorRate)} (95% interval ${pct(r.interval[0])} to ${pct(r.interval[1])})`,
  );
  return `${lines.join('\n')}\n`;
}

export function registerReview(program: Command, dataOption: () => Option): void {
  const review = program.command('review').description('review work from the command line');
  review
    .command('sample')
    .description('send a random share of auto-accepted filings to review; report the error rate found so far')
    .addOption(dataOption())
    .option('--rate <share>', 'the share of auto-accepted filings to send, e.g. 0.02', parseRate)
    .option('--seed <n>', 'draw reproducibly', (v) => Number.parseInt(v, 10))
    .action(async (opts: { data?: string; rate?: number; seed?: number }) => {
      const store = await openStore({ dataDir: opts.data });
      try {
        const random = opts.seed !== undefined ? seededRandom(opts.seed) : Math.random;
        const report =
          opts.rate !== undefined
            ? await drawQualitySample(store, opts.rate, { random })
            : await sampleReport(store);
        process.stdout.write(describeSample(report));
      } finally {
        await store.close();
      }
    });
  for (const command of review.commands) command.exitOverride();
}
