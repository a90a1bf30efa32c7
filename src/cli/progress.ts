import { SingleBar } from 'cli-progress';
import type { IngestOutcome, IngestSummary } from '../pipeline/ingest-batch.js';

export interface Progress {
  total(n: number): void;
  outcome(outcome: IngestOutcome, summary: IngestSummary): void;
  stop(): void;
}

/**
 * A bar on a terminal, plain lines when piped. Failures always get their own line (which file,
 * what is wrong, what to do), on stderr.
 */
export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) {
    return {
      total: () => {},
      outcome: (o) => {
        if (o.kind === 'failed') stream.write(`failed   ${o.message}\n`);
        else if (o.kind === 'duplicate')
          stream.write(`stored   ${o.file}: already stored (${o.id.slice(0, 12)}), nothing new\n`);
        else
          stream.write(
            `${o.record.review.status === 'auto' ? 'ok      ' : 'review  '} ${o.file} ${o.id.slice(0, 12)}\n`,
          );
      },
      stop: () => {},
    };
  }
  const bar = new SingleBar({
    stream,
    format: '{bar} {value}/{total} filings | {ok} ok, {failed} failed | {rate}/s | eta {eta_formatted}',
    hideCursor: true,
    clearOnComplete: true,
  });
  const started = Date.now();
  return {
    total: (n) => bar.start(n, 0, { ok: 0, failed: 0, rate: '0' }),
    outcome: (o, s) => {
      if (o.kind === 'failed') {
        bar.stop();
        stream.write(`failed   ${o.message}\n`);
        bar.start(bar.getTotal(), s.total, {});
      }
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      bar.update(s.total, { ok: s.ok + s.duplicate, failed: s.failed, rate: (s.total / seconds).toFixed(0) });
    },
    stop: () => bar.stop(),
  };
}
