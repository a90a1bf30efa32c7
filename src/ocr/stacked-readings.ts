import { median } from '../image/median.js';
import type { Word } from '../ingest/lines.js';

/**
 * Drops the words tesseract read down a column instead of across a row: a table's column of
 * figures or signs standing alone in wide cells ("0" under "0" under "0", each after its "$") is
 * taken for a line of vertical text and read top to bottom as one word ("ooo", "wow"), whose box
 * runs down over several rows. The form has no vertical text: such a word stands for nothing, and
 * left in, it fills each cell it crosses, so that the cells are not read again. Dropped, the cells
 * are read one by one with the rest of the page's unread ink.
 *
 * A word read down a column is one glyph wide and a row's height or more a character; a short
 * word read across whose box OCR made as tall as its line ("of", "$" read "Ss") is as wide as its
 * characters and stands less high a character.
 */
export function withoutStackedReadings(words: readonly Word[]): Word[] {
  const typical = median(words.map((w) => w.bbox[3] - w.bbox[1]));
  if (typical <= 0) return [...words];
  return words.filter((word) => {
    const [x0, y0, x1, y1] = word.bbox;
    const characters = [...word.text].length;
    if (characters < 2) return true;
    const perCharacter = (y1 - y0) / characters;
    return !(perCharacter > STACKED_AT_LEAST * typical && x1 - x0 < ONE_GLYPH_AT_MOST * typical);
  });
}

/** A word read down a column stands at least this many typical word heights a character. */
const STACKED_AT_LEAST = 1.6;

/** And is no wider than this many typical word heights: a glyph's width. */
const ONE_GLYPH_AT_MOST = 1.5;
