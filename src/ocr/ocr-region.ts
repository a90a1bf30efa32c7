import type Tesseract from 'tesseract.js';
import { cropImage } from '../image/crop.js';
import type { Word } from '../ingest/lines.js';
import type { PageImage } from '../ingest/pages/page-image.js';
import type { Bbox } from '../record/schema.js';
import { NEVER_ON_THE_FORM, PSM, toResult } from './ocr-page.js';
import { toPgm } from './pgm.js';
import { type OcrPool, sharedOcrPool } from './pool.js';

/** Characters of a money cell: digits, the dollar sign and the separators. */
export const MONEY_WHITELIST = '0123456789$,.-';

export interface OcrRegionOptions {
  pool?: OcrPool;
  /** Only these characters may be read (tesseract_char_whitelist). */
  whitelist?: string;
  /** Treat the region as one line of text (PSM 7) rather than a block (PSM 6). */
  singleLine?: boolean;
  /** White margin added around the box; tesseract reads glyphs that touch the edge badly. */
  pad?: number;
  /** Pixel work on the crop before it is read (its size must stay the same). */
  prepare?: (crop: PageImage) => PageImage;
}

export interface RegionResult {
  text: string;
  /** 0..1 */
  confidence: number;
  /** Boxes in pixels of the whole page. */
  words: Word[];
}

/** Re-reads one box of a page, for example a money cell with the digit whitelist on one line. */
export async function ocrRegion(
  image: PageImage,
  bbox: Bbox,
  options: OcrRegionOptions = {},
): Promise<RegionResult> {
  const pool = options.pool ?? sharedOcrPool();
  const crop = cropImage(image, bbox, options.pad ?? 12);
  const params: Record<string, string> = {
    tessedit_pageseg_mode: options.singleLine ? PSM.singleLine : PSM.singleBlock,
    user_defined_dpi: String(image.dpi ?? 300),
  };
  if (options.whitelist !== undefined) params.tessedit_char_whitelist = options.whitelist;
  else params.tessedit_char_blacklist = NEVER_ON_THE_FORM;
  const pixels = options.prepare ? options.prepare(crop.image) : crop.image;
  // A region wears its worker as its share of the page does (a few hundredths at the least).
  const share = Math.max(0.02, (pixels.width * pixels.height) / Math.max(1, image.width * image.height));
  const { data } = await pool.run(
    (worker) =>
      worker.recognize(toPgm(pixels), params as Partial<Tesseract.RecognizeOptions>, {
        text: false,
        blocks: true,
      }),
    Math.min(1, share),
  );
  const { lines, words } = toResult(data, image.page, 1, { left: crop.left, top: crop.top });
  const confidence = words.length === 0 ? 0 : Math.min(...words.map((w) => w.confidence));
  return { text: lines.map((l) => l.text).join('\n'), confidence, words };
}
