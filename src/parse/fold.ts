/**
 * Folding for label matching: lower case, and the characters OCR confuses mapped to one
 * (0/o, 1/l/i/|, 5/s), one character for one so that offsets in the folded text are offsets in
 * the original.
 */
const FOLD: Record<string, string> = {
  '0': 'o',
  '1': 'l',
  i: 'l',
  '|': 'l',
  '!': 'l',
  '5': 's',
  '’': "'",
  '‘': "'",
  '`': "'",
  '“': '"',
  '”': '"',
  '—': '-',
  '–': '-',
};

const FOLDED_CHARS = /[01i|!5’‘`“”—–]|[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

export function fold(text: string): string {
  const lower = text.toLowerCase();
  // Lower-casing a few letters (İ) changes the length; fold those one character at a time.
  if (lower.length !== text.length) {
    let out = '';
    for (const ch of text)
      out += ch.toLowerCase().length === ch.length ? (FOLD[ch.toLowerCase()] ?? ch.toLowerCase()) : '?';
    return out;
  }
  // Characters outside the BMP would shift offsets; they never occur in labels.
  return lower.replace(FOLDED_CHARS, (ch) => FOLD[ch] ?? '??');
}

export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}
