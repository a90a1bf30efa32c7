import type { Word } from '../ingest/lines.js';

/**
 * Drops the second reading tesseract sometimes gives of a typed amount: a shorter run of figures
 * set inside the amount's own box, read from the same ink a line apart ("360,038." within
 * "2,360,638.81", "649.47" within "4.642.475"), or a few characters read from a piece of it and
 * the underline it is typed on (".80," over the cents of "3,935,295.80"). Words of a page do not
 * overlap, so a run of three figures or more lying within another amount's width, on its line, is
 * no figure of its own, nor is such a piece; left in, it joins the amount and spoils it.
 */
export function withoutShadowFigures(words: readonly Word[]): Word[] {
  const amounts = words.filter((w) => figures(w.text) >= 3);
  if (amounts.length === 0) return [...words];
  return words.filter(
    (word) =>
      !amounts.some(
        (other) =>
          other !== word &&
          ((FIGURES_ONLY.test(word.text) && figures(word.text) >= 3 && shadows(word, other)) ||
            pieceOver(word, other)),
      ),
  );
}

/**
 * Whether `word` is a few characters OCR read again from a piece of `other`'s ink or of the line it
 * is typed on (the cents and the underline under them, ".80,"; the underline under its first
 * figures, "C2"): half its width or more over the amount's, on its line, half its characters or
 * fewer, and its figures among the amount's, which has its cents. (OCR's box for an amount may
 * run over its own cents read apart, "182.022" and "46": those are no figures of it.)
 */
function pieceOver(word: Word, other: Word): boolean {
  const characters = [...word.text].length;
  if (characters > PIECE_AT_MOST || characters * 2 > [...other.text].length) return false;
  if (!/[.,]\d{2}$/.test(other.text) || !digitsOf(other.text).includes(digitsOf(word.text))) return false;
  const [x0, y0, x1, y1] = word.bbox;
  const [ox0, oy0, ox1, oy1] = other.bbox;
  const across = Math.min(x1, ox1) - Math.max(x0, ox0);
  const down = Math.min(y1, oy1) - Math.max(y0, oy0);
  return across >= 0.5 * (x1 - x0) && down >= 0.3 * (y1 - y0);
}

/** A piece read again is this many characters at most. */
const PIECE_AT_MOST = 4;

const FIGURES_ONLY = /^[\d.,]+$/;

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

function figures(text: string): number {
  return digitsOf(text).length;
}

/** Whether `word` lies within `other`'s width, on its line, and has no more figures than it. */
function shadows(word: Word, other: Word): boolean {
  const [x0, y0, x1, y1] = word.bbox;
  const [ox0, oy0, ox1, oy1] = other.bbox;
  const slack = 2;
  if (x0 < ox0 - slack || x1 > ox1 + slack) return false;
  const overlap = Math.min(y1, oy1) - Math.max(y0, oy0);
  return overlap >= 0.5 * (y1 - y0) && figures(word.text) <= figures(other.text);
}
