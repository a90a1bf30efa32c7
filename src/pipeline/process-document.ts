import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { CorruptFileError } from '../errors.js';
import { sniffKind } from '../ingest/sniff.js';
import { readTranscription } from '../ingest/transcription.js';
import { parseFiling } from '../parse/parse-filing.js';
import type { FormDRecord } from '../record/schema.js';
import { type FinishOptions, finishRecord } from './finish-record.js';
import { readScannedFiling, type ScanOptions } from './scanned-filing.js';

export interface ProcessOptions extends FinishOptions, ScanOptions {}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * One filing, in process: sniff the kind, read its lines (a transcription's, a PDF text layer's,
 * or OCR's), parse them into the record, check the rules. Throws a FormdError for bad input.
 */
export async function processDocument(
  bytes: Uint8Array,
  filePath: string,
  options: ProcessOptions = {},
): Promise<FormDRecord> {
  const file = basename(filePath);
  const id = sha256(bytes);
  const kind = sniffKind(bytes, filePath);
  if (kind === 'text') {
    const text = decodeText(bytes, filePath);
    const lines = readTranscription(text);
    const { record, doubtful } = withFile(filePath, () =>
      parseFiling(lines, id, { file, pages: 0, kind: 'text' }),
    );
    return finishRecord(record, doubtful, options);
  }
  const { record, doubtful } = await withFileAsync(filePath, () =>
    readScannedFiling(bytes, kind, id, file, options),
  );
  return finishRecord(record, doubtful, options);
}

function decodeText(bytes: Uint8Array, filePath: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CorruptFileError('the text is not valid UTF-8', filePath);
  }
}

/** Stages throw errors without knowing the file's name: name it here. */
function withFile<T>(filePath: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw nameFile(error, filePath);
  }
}

async function withFileAsync<T>(filePath: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw nameFile(error, filePath);
  }
}

function nameFile(error: unknown, filePath: string): unknown {
  if (
    error &&
    typeof error === 'object' &&
    'file' in error &&
    (error as { file?: string }).file === undefined
  ) {
    Object.defineProperty(error, 'file', { value: filePath });
  }
  return error;
}
