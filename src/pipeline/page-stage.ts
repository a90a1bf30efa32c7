import { type CheckBox, findCheckBoxes } from '../image/check-boxes.js';
import { cleanPage } from '../image/clean-page.js';
import { removeDotLeaders } from '../image/dot-leaders.js';
import { type QuarterTurn, quarterTurn } from '../image/quarter-turn.js';
import { findRulings, withoutRulesThroughText } from '../image/ruling-lines.js';
import type { TextLine } from '../ingest/lines.js';
import type { PageImage } from '../ingest/pages/page-image.js';
import { ocrPage } from '../ocr/ocr-page.js';
import { type OcrPool, sharedOcrPool } from '../ocr/pool.js';
import { layoutLines } from '../parse/layout-lines.js';
import type { Bbox, PageInfo } from '../record/schema.js';
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
}

/**
 * One scanned page: clean it, find its check boxes and printed rules in the pixels, erase what
 * OCR misreads (dot leaders, box outlines), OCR it, read unsure amounts again with only digits
 * allowed, and lay its words out as lines.
 * Returns the cleaned image too: it is the raster every bbox refers to.
 */
export async function processPageImage(
  page: PageImage,
  options: PageStageOptions = {},
): Promise<{ result: PageResult; image: PageImage }> {
  const pool = options.pool ?? sharedOcrPool();
  const cleaned = await cleanPage(page, { ocr: pool });
  let { image, info } = cleaned;
  let read = await readCleanPage(image, pool);
  // A page OCR reads this badly may be upside down, the way OSD and the ink profile can miss on a
  // faint or thresholded scan: the turn that reads with more confidence is the page.
  if (read.ocr.meanConfidence < DOUBT_ORIENTATION_BELOW) {
    const turned = await quarterTurn(image, 180);
    const again = await readCleanPage(turned, pool);
    if (again.ocr.meanConfidence > read.ocr.meanConfidence) {
      image = turned;
      read = again;
      info = { ...info, rotation: ((info.rotation + 180) % 360) as QuarterTurn };
    }
  }
  const { boxes, rulings, forOcr, ocr } = read;
  const words = await rereadMoney(forOcr, ocr.words, pool);
  const lines = layoutLines(words, boxes, withoutRulesThroughText(rulings, words), page.page);
  return { result: { info, lines, boxes, meanConfidence: ocr.meanConfidence }, image };
}

/** Below this mean word confidence a page is read again turned half round. */
const DOUBT_ORIENTATION_BELOW = 0.6;

/** The pixels' check boxes and rules, then OCR of the page with what it misreads erased. */
async function readCleanPage(image: PageImage, pool: OcrPool) {
  const { checkBoxes: boxes, combs } = findCheckBoxes(image);
  // Dot leaders go first: a row of dots is not a rule, and OCR reads dots as letters.
  const dotless = removeDotLeaders(image).image;
  const rulings = findRulings(dotless);
  const forOcr = eraseCombs(eraseBoxes(dotless, boxes), combs);
  const ocr = await ocrPage(forOcr, { pool });
  return { boxes, rulings, forOcr, ocr };
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

/** The cells of a typed-in comb ("0 6", "D E"): OCR skips characters walled in by lines, so the walls go. */
function eraseCombs(image: PageImage, combs: readonly Bbox[]): PageImage {
  if (combs.length === 0) return image;
  const data = Buffer.from(image.data);
  const white = (x0: number, y0: number, x1: number, y1: number) => {
    for (let y = Math.max(0, y0); y <= Math.min(image.height - 1, y1); y++) {
      data.fill(255, y * image.width + Math.max(0, x0), y * image.width + Math.min(image.width, x1 + 1));
    }
  };
  for (const [x0, y0, x1, y1] of combs) {
    const t = Math.max(2, Math.round((x1 - x0) * 0.1));
    white(x0 - t, y0 - t, x1 + t, y0 + t);
    white(x0 - t, y1 - t, x1 + t, y1 + t);
    white(x0 - t, y0 - t, x0 + t, y1 + t);
    white(x1 - t, y0 - t, x1 + t, y1 + t);
    // The walls between a comb's cells run its full height; a character's strokes do not.
    for (let x = x0 + t; x < x1 - t; x++) {
      let ink = 0;
      for (let y = y0 + t; y <= y1 - t; y++) if ((image.data[y * image.width + x] ?? 255) < 150) ink++;
      if (ink >= (y1 - y0 - 2 * t) * 0.85) white(x - 1, y0, x + 1, y1);
    }
  }
  return { ...image, data };
}
