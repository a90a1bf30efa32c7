import type { CheckBox } from '../image/check-boxes.js';
import { findMissedInk, strengthenInk } from '../image/missed-ink.js';
import type { Word } from '../ingest/lines.js';
import type { PageImage } from '../ingest/pages/page-image.js';
import { ocrRegion } from '../ocr/ocr-region.js';
import type { OcrPool } from '../ocr/pool.js';
import { shareInside } from '../record/bbox.js';

/** A second reading of missed ink is kept when its least sure word is at least this sure. */
const KEEP_AT = 0.45;

/**
 * Reads again, one line at a time, the ink that OCR's page pass read no word on: faint or broken
 * typing that the page's layout analysis dropped as noise. Each line's crop is darkened and its
 * strokes closed before it is read. What is read surely enough joins the page's words, where the
 * layout places it by its box like any other word.
 */
export async function readMissedInk(
  image: PageImage,
  words: readonly Word[],
  boxes: readonly CheckBox[],
  pool: OcrPool,
): Promise<Word[]> {
  const regions = findMissedInk(image, [...words.map((w) => w.bbox), ...boxes.map((b) => b.bbox)]);
  const found: Word[] = [];
  for (const region of regions) {
    const again = await ocrRegion(image, region, { pool, singleLine: true, pad: 10, prepare: strengthenInk });
    if (again.words.length === 0 || again.confidence < KEEP_AT) continue;
    if (!/[\p{L}\p{N}]/u.test(again.text)) continue;
    found.push(...again.words.filter((w) => !readBefore(w, words)));
  }
  return [...words, ...found];
}

/**
 * Whether the page pass read this word already. The crop's margin may take in the edge of a word
 * read before ("s of t" around a missed "of"): a word lying mostly on one read already is that
 * word again. Or the page pass read it in pieces with boxes narrower than their glyphs (a comb's
 * "9" and "8", read again whole as "98", or "08", from the ink their boxes left uncovered): the
 * words inside it hold as many characters as it does.
 */
function readBefore(word: Word, words: readonly Word[]): boolean {
  if (words.some((read) => shareInside(word.bbox, read.bbox) > 0.3)) return true;
  const inside = words.filter((read) => shareInside(read.bbox, word.bbox) > 0.5);
  const count = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, '').length;
  return inside.length > 0 && inside.reduce((n, w) => n + count(w.text), 0) === count(word.text);
}
