/**
 * Stages for the queue tests, loaded by worker processes through `--stages`: transcriptions run
 * the real pipeline; scans get a fast fake page stage instead of OCR (a few ms, not seconds).
 * Environment knobs, read in the worker and its page sandboxes:
 * FORMD_TEST_WHOLE_MS: extra work per transcription, so that a batch lasts long enough to interrupt;
 * FORMD_TEST_GATE: a folder; each page writes `started-<worker pid>-p<page>` there and waits for
 * a file named `open` before it finishes, and writes `done-<worker pid>-p<page>` after;
 * FORMD_TEST_BAD_PAGE: this page number fails as corrupt input.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { CorruptFileError } from '../src/errors.js';
import { countPages } from '../src/ingest/pages/index.js';
import { finishRecord } from '../src/pipeline/finish-record.js';
import { processDocument } from '../src/pipeline/process-document.js';
import type { QueueStages } from '../src/queue/index.js';
import { emptyRecord } from '../src/record/index.js';

export const stages: QueueStages = {
  countPages: async (bytes, kind, file) =>
    kind === 'text' ? 0 : countPages(bytes, kind, { fileName: file }),
  processWhole: async (bytes, file, options) => {
    const extra = Number(process.env.FORMD_TEST_WHOLE_MS ?? 0);
    if (extra > 0) await delay(extra);
    return processDocument(bytes, file, options);
  },
  processPage: async (_bytes, _kind, page, context) => {
    if (Number(process.env.FORMD_TEST_BAD_PAGE) === page) {
      throw new CorruptFileError(`page ${page} cannot be decoded`, context.file);
    }
    const gate = process.env.FORMD_TEST_GATE;
    // The sandbox's parent is the worker process: the marker names the worker that ran the page.
    const worker = process.ppid;
    if (gate) {
      await writeFile(join(gate, `started-${worker}-p${page}`), '');
      while (!existsSync(join(gate, 'open'))) await delay(20);
    }
    const result = { page, text: `page ${page} of ${context.id.slice(0, 8)}` };
    if (gate) await writeFile(join(gate, `done-${worker}-p${page}`), '');
    return result;
  },
  assemble: async (id, file, kind, pages, options) => {
    const record = emptyRecord(id, { file: basename(file), pages: pages.length, kind });
    record.issuer.name = pages.map((p) => (p as { text: string }).text).join(' / ');
    return finishRecord(record, [], options);
  },
};
