import type Tesseract from 'tesseract.js';
import type { TextLine, Word } from '../ingest/lines.js';
import type { PageImage } from '../ingest/pages/page-image.js';
import type { Bbox } from '../record/schema.js';
import { toPgm } from './pgm.js';
import { type OcrPool, sharedOcrPool } from './pool.js';

/** Characters that appear on no Form D, typed or printed: OCR's readings of specks and damage. */
export const NEVER_ON_THE_FORM = '¥£€©®™¢°±×÷¶«»¬¦µ¤¨¯´¸¹²³¼½¾¿¡§';

/** Tesseract page segmentation modes formd uses. */
export const PSM = { auto: '3', singleBlock: '6', singleLine: '7', sparse: '11' } as const;

export interface OcrPageOptions {
  pool?: OcrPool;
  /** Line number of the page's first line, so numbers run on across a document's pages. */
  firstLine?: number;
  /** Tesseract page segmentation mode; auto layout analysis by default. */
  pageSegMode?: (typeof PSM)[keyof typeof PSM];
}

export interface OcrResult {
  lines: TextLine[];
  words: Word[];
  /** 0..1, tesseract's mean word confidence for the page. */
  meanConfidence: number;
}

/** Reads a page: lines in tesseract's reading order with their words, pixel boxes and confidences. */
export async function ocrPage(image: PageImage, options: OcrPageOptions = {}): Promise<OcrResult> {
  const pool = options.pool ?? sharedOcrPool();
  const { data } = await pool.run((worker) =>
    worker.recognize(
      toPgm(image),
      {
        tessedit_pageseg_mode: options.pageSegMode ?? PSM.auto,
        user_defined_dpi: String(image.dpi ?? 300),
        // Keeps the wide gaps between a label and its amount as spaces.
        preserve_interword_spaces: '1',
        // Symbols no Form D value or label has: where OCR would put one, the next likeliest
        // character (a letter or a digit of the damaged word) is read instead.
        tessedit_char_blacklist: NEVER_ON_THE_FORM,
        // Tesseract reads each line it rates low a second time as white on black; the page stage
        // turns the form's white-on-black headings black itself, and on a damaged scan most lines
        // rate low: the second readings cost a tenth of the page's time and found nothing.
        tessedit_do_invert: '0',
      } as Partial<Tesseract.RecognizeOptions>,
      { text: false, blocks: true },
    ),
  );
  return toResult(data, image.page, options.firstLine ?? 1, { left: 0, top: 0 });
}

/** Turns tesseract's block tree into formd's lines and words, shifting boxes by an offset. */
export function toResult(
  data: Tesseract.Page,
  page: number,
  firstLine: number,
  offset: { left: number; top: number },
): OcrResult {
  const lines: TextLine[] = [];
  const words: Word[] = [];
  const box = (b: Tesseract.Bbox): Bbox => [
    b.x0 + offset.left,
    b.y0 + offset.top,
    b.x1 + offset.left,
    b.y1 + offset.top,
  ];
  for (const block of data.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const lineWords: Word[] = line.words
          .filter((w) => w.text.trim() !== '')
          .map((w) => ({ text: w.text, bbox: box(w.bbox), confidence: w.confidence / 100 }));
        if (lineWords.length === 0) continue;
        words.push(...lineWords);
        lines.push({
          text: lineWords.map((w) => w.text).join(' '),
          line: firstLine + lines.length,
          page,
          bbox: box(line.bbox),
          confidence: line.confidence / 100,
          words: lineWords,
        });
      }
    }
  }
  return { lines, words, meanConfidence: (data.confidence ?? 0) / 100 };
}
