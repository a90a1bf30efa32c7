import type { Word } from '../ingest/lines.js';

/** Two characters, figures or a "$" and a figure: what OCR reads for a faint or broken "$". */
const TWO_GLYPHS = /^(?:\$\d|\d\$|\d{2})$/;

/** An amount as typed: figures grouped by threes, perhaps with cents, or figures and cents. */
const AMOUNT = /^(?:\d{1,3}(?:[,.]\d{3})+(?:[.,]\d{2})?|\d+[.,]\d{2})$/;

/**
 * A "$" OCR read as two glyphs ("13", "$3") where its box is no wider than one: the amount after
 * it, in the typist's own font, shows how wide a glyph is, and two glyphs take about twice that.
 * A word that narrow before an amount on its row is the amount's "$"; any other word stays as read.
 */
export function signsReadAsFigures(words: readonly Word[]): Word[] {
  return words.map((word) => {
    if (!TWO_GLYPHS.test(word.text)) return word;
    const [x0, y0, x1, y1] = word.bbox;
    const tall = y1 - y0;
    const amount = words.find((other) => {
      const [ox0, oy0, , oy1] = other.bbox;
      const shared = Math.min(y1, oy1) - Math.max(y0, oy0);
      return (
        other !== word &&
        AMOUNT.test(other.text) &&
        ox0 >= x1 &&
        ox0 - x1 <= tall * AMOUNT_WITHIN &&
        shared >= Math.min(tall, oy1 - oy0) / 2
      );
    });
    if (!amount) return word;
    const glyph = (amount.bbox[2] - amount.bbox[0]) / amount.text.length;
    return x1 - x0 < glyph * ONE_GLYPH ? { ...word, text: '$' } : word;
  });
}

/** How far after the sign, in the sign's heights, its amount may begin. */
const AMOUNT_WITHIN = 8;

/**
 * At most this many of the amount's glyph widths (its width over its characters, separators
 * among them, so a figure's width or less) is one glyph: two take twice a figure's width.
 */
const ONE_GLYPH = 1.3;
