import { LevenshteinDistance } from 'natural/lib/natural/distance/index.js';
import type { Word } from '../ingest/lines.js';
import type { PageImage } from '../ingest/pages/page-image.js';
import { ocrRegion } from '../ocr/ocr-region.js';
import type { OcrPool } from '../ocr/pool.js';
import type { Bbox } from '../record/schema.js';

const DIGITS = '0123456789';
const CAPITALS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A comb read again this surely replaces even a reading that made sense. */
const SURE = 0.7;

/** The labels whose combs hold figures: a date's month and year. */
const FIGURE_LABELS = ['month', 'year'];

/**
 * Reads again each comb of a typed-in field (the incorporation date's Month and Year, the
 * jurisdiction's two letters) as one line, with only what its cells may hold allowed: figures in
 * a comb after "Month" or "Year", capitals in any other. OCR reads a character walled in by a
 * comb's cells badly ("(0 QO" for 0 0, "'K'8" for K S, "g 6" for 8 6) and may drop it. A reading
 * with one character a cell replaces the words OCR read in the comb, one word a cell.
 */
export async function rereadCombs(
  image: PageImage,
  words: readonly Word[],
  combs: readonly Bbox[],
  pool: OcrPool,
): Promise<Word[]> {
  let out = [...words];
  for (const comb of mergedCombs(combs)) {
    const [x0, y0, x1, y1] = comb;
    const height = y1 - y0;
    const cells = Math.round((x1 - x0) / height);
    // Only where OCR read something: an empty comb is left empty.
    const before = out.filter((w) => centredIn(w.bbox, comb));
    if (cells < 1 || cells > 4 || before.length === 0) continue;
    const whitelist = labelledFigures(comb, out) ? DIGITS : CAPITALS;
    const inset = Math.max(2, Math.round(height * 0.12));
    const read = await ocrRegion(image, [x0 + inset, y0 + inset, x1 - inset, y1 - inset], {
      pool,
      whitelist,
      singleLine: true,
      pad: 10,
    });
    const characters = read.words.map((w) => w.text).join('');
    if (characters.length !== cells || !new RegExp(`^[${whitelist}]+$`).test(characters)) continue;
    // A reading that made sense stands, unless the new one is sure.
    if (cleanReading(before, cells, whitelist === DIGITS) && read.confidence < SURE) continue;
    const width = (x1 - x0) / cells;
    const cellWords = [...characters].map(
      (text, i): Word => ({
        text,
        bbox: [Math.round(x0 + i * width), y0, Math.round(x0 + (i + 1) * width), y1],
        confidence: read.confidence,
      }),
    );
    out = [...out.filter((w) => !before.includes(w)), ...cellWords];
  }
  return out;
}

/** Combs found whole and a cell at a time, one box a comb: boxes on one row that touch or overlap. */
function mergedCombs(combs: readonly Bbox[]): Bbox[] {
  const merged: Bbox[] = [];
  for (const box of [...combs].sort((a, b) => a[0] - b[0])) {
    const height = box[3] - box[1];
    const row = merged.find(
      (m) =>
        Math.min(m[3], box[3]) - Math.max(m[1], box[1]) > height * 0.5 &&
        box[0] <= m[2] + height * 0.3 &&
        box[2] >= m[0] - height * 0.3,
    );
    if (row) {
      row[0] = Math.min(row[0], box[0]);
      row[1] = Math.min(row[1], box[1]);
      row[2] = Math.max(row[2], box[2]);
      row[3] = Math.max(row[3], box[3]);
    } else merged.push([...box]);
  }
  return merged;
}

/** Whether the word just before the comb on its row is "Month" or "Year", as OCR may misread it ("Yew"). */
function labelledFigures(comb: Bbox, words: readonly Word[]): boolean {
  const height = comb[3] - comb[1];
  const before = words
    .filter((w) => {
      const middle = (w.bbox[1] + w.bbox[3]) / 2;
      return (
        middle > comb[1] && middle < comb[3] && w.bbox[2] <= comb[0] + 2 && w.bbox[2] >= comb[0] - height * 4
      );
    })
    .sort((a, b) => b.bbox[2] - a.bbox[2])[0];
  const word = before?.text.toLowerCase().replace(/[^a-z]/g, '') ?? '';
  return word.length >= 3 && FIGURE_LABELS.some((label) => LevenshteinDistance(word, label) <= 2);
}

/**
 * Whether OCR's words in a comb read as its cells' characters: figures (a lone O or Q for 0, I or
 * l for 1; not a lone bar, which is a comb's wall as often as a 1), or capitals, one a cell.
 */
function cleanReading(words: readonly Word[], cells: number, figures: boolean): boolean {
  const text = words
    .map((w) => (figures && /^[OoQ]$/.test(w.text) ? '0' : figures && /^[Il]$/.test(w.text) ? '1' : w.text))
    .join('');
  return text.length === cells && (figures ? /^\d+$/.test(text) : /^[A-Z]+$/.test(text));
}

function centredIn([x0, y0, x1, y1]: Bbox, [cx0, cy0, cx1, cy1]: Bbox): boolean {
  const x = (x0 + x1) / 2;
  const y = (y0 + y1) / 2;
  return x >= cx0 && x <= cx1 && y >= cy0 && y <= cy1;
}
