import { type CheckBox, findCheckBoxes } from '../image/check-boxes.js';
import { cleanPage } from '../image/clean-page.js';
import { removeDotLeaders } from '../image/dot-leaders.js';
import { findRulings } from '../image/ruling-lines.js';
import type { TextLine } from '../ingest/lines.js';
import type { PageImage } from '../ingest/pages/page-image.js';
import { ocrPage } from '../ocr/ocr-page.js';
import type { OcrPool } from '../ocr/pool.js';
import { layoutLines } from '../parse/layout-lines.js';
import type { PageInfo } from '../record/schema.js';

/** What one page gives the parser: plain JSON, so a queue can carry it between processes. */
export interface PageResult {
  info: PageInfo;
  lines: TextLine[];
  boxes: CheckBox[];
  meanConfidence: number;
}

export interface PageStageOptions {
  pool?: OcrPool;
}

/**
 * One scanned page: clean it, find its check boxes and printed rules in the pixels, erase what
 * OCR misreads (dot leaders, box outlines), OCR it, and lay its words out as lines.
 * Returns the cleaned image too: it is the raster every bbox refers to.
 */
export async function processPageImage(
  page: PageImage,
  options: PageStageOptions = {},
): Promise<{ result: PageResult; image: PageImage }> {
  const { image, info } = await cleanPage(page, { ocr: options.pool });
  const boxes = findCheckBoxes(image);
  // Dot leaders go first: a row of dots is not a rule, and OCR reads dots as letters.
  const dotless = removeDotLeaders(image).image;
  const rulings = findRulings(dotless);
  const forOcr = eraseBoxes(dotless, boxes);
  const ocr = await ocrPage(forOcr, { pool: options.pool });
  const lines = layoutLines(ocr.words, boxes, rulings, page.page);
  return { result: { info, lines, boxes, meanConfidence: ocr.meanConfidence }, image };
}

/** Check boxes are read from the pixels; OCR would only read their outlines as letters. */
function eraseBoxes(image: PageImage, boxes: readonly CheckBox[]): PageImage {
  if (boxes.length === 0) return image;
  const data = Buffer.from(image.data);
  for (const { bbox } of boxes) {
    const pad = 3;
    for (let y = Math.max(0, bbox[1] - pad); y <= Math.min(image.height - 1, bbox[3] + pad); y++) {
      data.fill(
        255,
        y * image.width + Math.max(0, bbox[0] - pad),
        y * image.width + Math.min(image.width, bbox[2] + pad + 1),
      );
    }
  }
  return { ...image, data };
}
