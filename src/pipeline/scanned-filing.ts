import { UnsupportedFileError } from '../errors.js';
import { readPdfText } from '../ingest/pages/index.js';
import type { FileKind } from '../ingest/sniff.js';
import { type ParsedFiling, parseFiling } from '../parse/parse-filing.js';

export interface ScanOptions {
  /** Where cleaned page images are kept for the review page; none kept when absent. */
  dataDir?: string;
}

/**
 * A PDF, TIFF or image filing: a PDF with a real text layer is read from it (and says so in
 * `source`); scans go through the page stages.
 */
export async function readScannedFiling(
  bytes: Uint8Array,
  kind: Exclude<FileKind, 'text'>,
  id: string,
  file: string,
  _options: ScanOptions,
): Promise<ParsedFiling> {
  if (kind === 'pdf') {
    const text = await readPdfText(bytes, { fileName: file });
    if (text.substantial) {
      const lines = text.pages.flatMap((p) => p.lines);
      return parseFiling(lines, id, { file, pages: text.pages.length, kind: 'pdf', textLayer: true });
    }
  }
  throw new UnsupportedFileError(`${kind} scan without a text layer; OCR is not wired in yet`, file);
}
