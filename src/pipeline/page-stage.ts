import type { CheckBox } from '../image/check-boxes.js';
import { type ImageThreads, sharedImageThreads } from '../image/image-threads.js';
import { readOsd } from '../image/orientation.js';
import type { TextLine } from '../ingest/lines.js';
import type { PageImage } from '../ingest/pages/page-image.js';
import { ocrPage } from '../ocr/ocr-page.js';
import { type OcrPool, sharedOcrPool } from '../ocr/pool.js';
import { layoutLines } from '../parse/layout-lines.js';
import type { PageInfo } from '../record/schema.js';
import { rereadMoney } from './reread-money.js';

/** What one page gives the parser: plain JSON, so a queue can carry it between processes. */
export interface PageResult {
  info: PageInfo;
  lines: TextLine[];
  boxes: CheckBox[];
  meanConfidence: number;
}

export interface PageStageOptions {
  pool?: OcrPool;
  /** The threads that do the pixel work; the process's shared ones when absent. */
  threads?: ImageThreads;
}

/**
 * One scanned page: clean it, find its check boxes and printed rules in the pixels, erase what
 * OCR misreads (dot leaders, box outlines), OCR it, read unsure amounts again with only digits
 * allowed, and lay its words out as lines. The pixel work runs on an image thread, so the pages
 * of filings read side by side are cleaned on as many cores.
 * Returns the cleaned image too: it is the raster every bbox refers to.
 */
export async function processPageImage(
  page: PageImage,
  options: PageStageOptions = {},
): Promise<{ result: PageResult; image: PageImage }> {
  const pool = options.pool ?? sharedOcrPool();
  const threads = options.threads ?? sharedImageThreads();
  const even = await threads.evenPage(page);
  const osd = await readOsd(even.osd, pool);
  const { image, info, boxes, rulings, forOcr } = await threads.readPixels(page, even.image, osd);
  const ocr = await ocrPage(forOcr, { pool });
  const words = await rereadMoney(forOcr, ocr.words, pool);
  const lines = layoutLines(words, boxes, rulings, page.page);
  return { result: { info, lines, boxes, meanConfidence: ocr.meanConfidence }, image };
}
