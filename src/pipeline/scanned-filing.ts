import { encodePng } from '../image/png.js';
import type { TextLine } from '../ingest/lines.js';
import { readPages, readPdfText } from '../ingest/pages/index.js';
import type { FileKind } from '../ingest/sniff.js';
import type { OcrPool } from '../ocr/pool.js';
import { type ParsedFiling, parseFiling } from '../parse/parse-filing.js';
import { writePageImage } from '../store/data-dir.js';
import { type PageResult, processPageImage } from './page-stage.js';

export interface ScanOptions {
  /** Where cleaned page images are kept for the review page; none kept when absent. */
  dataDir?: string;
  /** The OCR workers; the shared pool when absent. */
  pool?: OcrPool;
}

type ScanKind = Exclude<FileKind, 'text'>;

/**
 * A PDF, TIFF or image filing: a PDF with a real text layer is read from it (and says so in
 * `source`); scans go through the page stage one page at a time, then are parsed together.
 */
export async function readScannedFiling(
  bytes: Uint8Array,
  kind: ScanKind,
  id: string,
  file: string,
  options: ScanOptions = {},
): Promise<ParsedFiling> {
  if (kind === 'pdf') {
    const text = await readPdfText(bytes, { fileName: file });
    if (text.substantial) {
      const lines = text.pages.flatMap((p) => p.lines);
      return parseFiling(lines, id, { file, pages: text.pages.length, kind: 'pdf', textLayer: true });
    }
  }
  const results: PageResult[] = [];
  for await (const page of readPages(bytes, kind, { fileName: file })) {
    const { result, image } = await processPageImage(page, { pool: options.pool });
    if (options.dataDir) await writePageImage(options.dataDir, id, page.page, await encodePng(image));
    results.push(result);
  }
  return assembleScannedFiling(id, file, kind, results);
}

/** The pages' lines, numbered on across the document, parsed into one record. */
export function assembleScannedFiling(
  id: string,
  file: string,
  kind: ScanKind,
  pages: readonly PageResult[],
): ParsedFiling {
  const lines: TextLine[] = [];
  for (const page of [...pages].sort((a, b) => a.info.page - b.info.page)) {
    for (const line of page.lines) lines.push({ ...line, line: lines.length + 1 });
  }
  const parsed = parseFiling(lines, id, {
    file,
    pages: pages.length,
    kind,
    pageInfo: pages.map((p) => p.info),
  });
  return parsed;
}
