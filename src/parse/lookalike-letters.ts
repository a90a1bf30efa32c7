/** Capitals a typed letter is misread as, by shape. */
const CONFUSED_LETTERS: Record<string, string> = {
  E: 'F',
  F: 'E',
  T: 'I',
  I: 'TL',
  L: 'I',
  O: 'DQ',
  D: 'O',
  Q: 'O',
  C: 'G',
  G: 'CO',
  M: 'N',
  N: 'MH',
  H: 'N',
  V: 'YU',
  U: 'V',
  Y: 'V',
  P: 'R',
  R: 'P',
};

/**
 * The one code of a set that a two-letter reading becomes when one of its letters is read as a
 * letter OCR confuses it with ("DF" for DE, "FI" for FL); null when none or more than one does.
 */
export function lookalikeCode(letters: string, isCode: (code: string) => boolean): string | null {
  const near = [0, 1].flatMap((i) =>
    [...(CONFUSED_LETTERS[letters[i] ?? ''] ?? '')].map((ch) =>
      i === 0 ? ch + letters[1] : letters[0] + ch,
    ),
  );
  const real = [...new Set(near)].filter(isCode);
  return real.length === 1 ? (real[0] ?? null) : null;
}
