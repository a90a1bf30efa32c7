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

export function fold(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase()) {
    // Characters outside the BMP would shift offsets; they never occur in labels.
    out += ch.length === 1 ? (FOLD[ch] ?? ch) : '?';
  }
  return out;
}

export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}
