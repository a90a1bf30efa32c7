import type { CheckBox } from '../image/check-boxes.js';
import { coverMargin, findMissedInk, strengthenInk } from '../image/missed-ink.js';
import type { Word } from '../ingest/lines.js';
import type { PageImage } from '../ingest/pages/page-image.js';
import { ocrRegion, type RegionResult } from '../ocr/ocr-region.js';
import type { OcrPool } from '../ocr/pool.js';
import { shareInside, unionBbox } from '../record/bbox.js';
import type { Bbox } from '../record/schema.js';

/** A second reading of missed ink is kept when its least sure word is at least this sure. */
const KEEP_AT = 0.45;

/**
 * Reads again, one line at a time, the ink that OCR's page pass read no word on: faint or broken
 * typing that the page's layout analysis dropped as noise. Each line's crop is darkened and its
 * strokes closed before it is read. What is read surely enough joins the page's words, where the
 * layout places it by its box like any other word; a word it touches is read again with it.
 */
export async function readMissedInk(
  image: PageImage,
  words: readonly Word[],
  boxes: readonly CheckBox[],
  pool: OcrPool,
): Promise<Word[]> {
  const regions = findMissedInk(image, [...words.map((w) => w.bbox), ...boxes.map((b) => b.bbox)]);
  const margin = coverMargin(image.dpi ?? 300);
  const found: Word[] = [];
  const replaced = new Set<Word>();
  for (const region of regions) {
    const again = await readAgain(image, region, pool);
    if (again.words.length === 0 || again.confidence < KEEP_AT) continue;
    if (!/[\p{L}\p{N}]/u.test(again.text)) continue;
    for (const word of again.words.filter((w) => !readBefore(w, words))) {
      // Ink missed that touches a word read ("23,52" missed before "2.49") is that word's start or
      // end: the two are read again as one, and replace both where they read as one word.
      const touching = words.filter((w) => !replaced.has(w) && touches(word.bbox, w.bbox, margin));
      const whole = touching.length > 0 ? await readWhole(image, [word, ...touching], pool) : null;
      if (whole) for (const w of touching) replaced.add(w);
      found.push(whole ?? word);
    }
  }
  return [...words.filter((w) => !replaced.has(w)), ...found];
}

/** Missed ink read again as one line, darkened and its strokes closed. */
function readAgain(image: PageImage, box: Bbox, pool: OcrPool): Promise<RegionResult> {
  return ocrRegion(image, box, { pool, singleLine: true, pad: 10, prepare: strengthenInk });
}

/** Two boxes on one row with no more than `margin` between them: one word read in two. */
function touches(a: Bbox, b: Bbox, margin: number): boolean {
  const shared = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  const gap = Math.max(a[0], b[0]) - Math.min(a[2], b[2]);
  return shared >= Math.min(a[3] - a[1], b[3] - b[1]) * 0.5 && gap <= margin;
}

/** The words' ink read again as one word; null unless it reads as one word, surely enough. */
async function readWhole(image: PageImage, parts: readonly Word[], pool: OcrPool): Promise<Word | null> {
  const box = unionBbox(parts.map((w) => w.bbox));
  if (!box) return null;
  const again = await readAgain(image, box, pool);
  const [word] = again.words;
  return again.words.length === 1 && word && again.confidence >= KEEP_AT ? word : null;
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
