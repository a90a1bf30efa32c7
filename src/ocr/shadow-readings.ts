import type { Word } from '../ingest/lines.js';

/**
 * Drops the second reading tesseract sometimes gives of a typed amount: a shorter run of figures
 * set inside the amount's own box, read from the same ink a line apart ("360,038." within
 * "2,360,638.81", "649.47" within "4.642.475"). Words of a page do not overlap, so a run of three
 * figures or more lying within another amount's width, on its line, is no figure of its own; left
 * in, it joins the amount and spoils it.
 */
export function withoutShadowFigures(words: readonly Word[]): Word[] {
  const amounts = words.filter((w) => figures(w.text) >= 3);
  if (amounts.length < 2) return [...words];
  return words.filter(
    (word) =>
      !FIGURES_ONLY.test(word.text) ||
      figures(word.text) < 3 ||
      !amounts.some((other) => other !== word && shadows(word, other)),
  );
}

const FIGURES_ONLY = /^[\d.,]+$/;

function figures(text: string): number {
  return (text.match(/\d/g) ?? []).length;
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
