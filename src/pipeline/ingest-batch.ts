import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { describeError, errorCode, FormdError, UnreadablePathError } from '../errors.js';
import type { FormDRecord } from '../record/schema.js';
import type { FilingStore } from '../store/index.js';
import { type ProcessOptions, processDocument, sha256 } from './process-document.js';
import { fsReason, type InputFile, walkInputs } from './walk-inputs.js';

export type IngestOutcome =
  | { kind: 'ok'; file: string; id: string; record: FormDRecord }
  | { kind: 'duplicate'; file: string; id: string }
  | { kind: 'failed'; file: string; id: string; message: string; code: string };

export interface IngestSummary {
  total: number;
  ok: number;
  flagged: number;
  needsReview: number;
  duplicate: number;
  failed: number;
}

export interface IngestOptions extends ProcessOptions {
  /** Files read at once (default: the number of cores, one per OCR worker). */
  concurrency?: number;
  /** Called after each file, in order. */
  onOutcome?: (outcome: IngestOutcome, summary: IngestSummary) => void;
  /** Called once the list of files is known, before the first is read. */
  onTotal?: (total: number) => void;
}

/**
 * Ingests files and folders into the store, a few files at a time: a bad file is stored as failed
 * with its reason and the batch goes on; a file already stored is not read again.
 */
export async function ingestBatch(
  paths: readonly string[],
  store: FilingStore,
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const inputs: InputFile[] = [];
  for await (const input of walkInputs(paths)) inputs.push(input);
  options.onTotal?.(inputs.length);
  const summary: IngestSummary = { total: 0, ok: 0, flagged: 0, needsReview: 0, duplicate: 0, failed: 0 };
  // Records are written in batches, one transaction each: a file's own transaction costs more than reading it.
  const pending: Array<{ record: FormDRecord; file: string }> = [];
  const seen = new Set<string>();
  const flush = async () => {
    if (pending.length) await store.saveMany(pending.splice(0));
  };
  const record = (outcome: IngestOutcome) => {
    if (outcome.kind === 'ok') {
      if (seen.has(outcome.id)) outcome = { kind: 'duplicate', file: outcome.file, id: outcome.id };
      else pending.push({ record: outcome.record, file: outcome.file });
      seen.add(outcome.id);
    }
    summary.total++;
    if (outcome.kind === 'ok') {
      summary.ok++;
      if (outcome.record.flags.some((f) => f.severity === 'error')) summary.flagged++;
      if (outcome.record.review.status === 'needs_review') summary.needsReview++;
    } else if (outcome.kind === 'duplicate') summary.duplicate++;
    else summary.failed++;
    options.onOutcome?.(outcome, summary);
  };
  // Scans spend seconds a page in OCR: as many files are read at once as there are OCR workers.
  let next = 0;
  const lane = async () => {
    while (next < inputs.length) {
      const input = inputs[next++];
      if (!input) break;
      record(await readOne(input, store, options));
      if (pending.length >= SAVE_BATCH) await flush();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? availableParallelism()) }, lane));
  await flush();
  return summary;
}

const SAVE_BATCH = 100;

/** One file into the store on its own (the queue's workers take files one at a time). */
export async function ingestOne(
  input: InputFile,
  store: FilingStore,
  options: ProcessOptions,
): Promise<IngestOutcome> {
  const outcome = await readOne(input, store, options);
  if (outcome.kind === 'ok') await store.saveRecord(outcome.record, outcome.file);
  return outcome;
}

/** Reads one file into a record; failures are stored at once, records are left to the caller to save. */
async function readOne(
  input: InputFile,
  store: FilingStore,
  options: ProcessOptions,
): Promise<IngestOutcome> {
  const file = input.path;
  let bytes: Buffer;
  try {
    if (input.problem) throw new UnreadablePathError(input.problem, file);
    bytes = await readFile(file);
  } catch (error) {
    const failure = error instanceof FormdError ? error : new UnreadablePathError(fsReason(error), file);
    // A file that cannot be read has no content hash: key its failure by its path.
    const id = createHash('sha256')
      .update(`path:${resolve(file)}`)
      .digest('hex');
    return fail(store, id, file, failure);
  }
  const id = sha256(bytes);
  const existing = await store.get(id);
  if (existing?.status === 'ok') return { kind: 'duplicate', file, id };
  try {
    const record = await processDocument(bytes, file, options);
    return { kind: 'ok', file, id, record };
  } catch (error) {
    // Anything a file makes go wrong stays with that file: the batch goes on.
    return fail(store, id, file, error);
  }
}

async function fail(store: FilingStore, id: string, file: string, error: unknown): Promise<IngestOutcome> {
  const message = describeError(error, file);
  await store.saveFailure(id, file, { code: errorCode(error), message });
  return { kind: 'failed', file, id, message, code: errorCode(error) };
}
