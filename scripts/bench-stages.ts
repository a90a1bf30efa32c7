/**
 * Page stages for scripts/bench-queue.ts, chosen by BENCH_PAGE: `noop` (the queue alone), `cpu`
 * (~250 ms of hashing a page, standing in for OCR's CPU work), `alloc` (a 24 MB page raster made
 * and hashed, standing in for a rasterized page's memory).
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { countPages } from '../src/ingest/pages/index.js';
import { finishRecord } from '../src/pipeline/finish-record.js';
import { processDocument } from '../src/pipeline/process-document.js';
import type { QueueStages } from '../src/queue/index.js';
import { emptyRecord } from '../src/record/index.js';

function work(page: number): unknown {
  const mode = process.env.BENCH_PAGE ?? 'noop';
  if (mode === 'cpu') {
    const block = Buffer.alloc(1 << 20, page);
    const until = performance.now() + 250;
    let rounds = 0;
    while (performance.now() < until) {
      createHash('sha256').update(block).digest();
      rounds += 1;
    }
    return { page, rounds };
  }
  if (mode === 'alloc') {
    const raster = Buffer.alloc(2550 * 3300 * 3, page);
    return { page, digest: createHash('sha256').update(raster).digest('hex').slice(0, 8) };
  }
  return { page };
}

export const stages: QueueStages = {
  countPages: async (bytes, kind, file) =>
    kind === 'text' ? 0 : countPages(bytes, kind, { fileName: file }),
  processWhole: (bytes, file, options) => processDocument(bytes, file, options),
  processPage: async (_bytes, _kind, page) => work(page),
  assemble: async (id, file, kind, pages, options) => {
    const record = emptyRecord(id, { file: basename(file), pages: pages.length, kind });
    return finishRecord(record, [], options);
  },
};
