/**
 * Check marks as transcriptions write them, in every common style, reduced to two glyphs:
 * CHECKED and UNCHECKED. Parsers then read one style only.
 */
export const CHECKED = '☒';
export const UNCHECKED = '☐';

const STYLES: Array<[RegExp, string]> = [
  // HTML check boxes, as converters write them.
  [/<input\b[^>]*\bchecked\b[^>]*>/gi, CHECKED],
  [/<input\b[^>]*type=["']?checkbox["']?[^>]*>/gi, UNCHECKED],
  // Bracketed marks: [X] [x] [✓] (X) (x) and empty [ ] ( ).
  [/\[\s*[xX✓✔✗✘*]\s*\]/g, CHECKED],
  [/\(\s*[xX✓✔✗✘]\s*\)/g, CHECKED],
  [/\[\s?\]/g, UNCHECKED],
  [/\(\s?\)(?=\s*[\p{L}$])/gu, UNCHECKED],
  // Unicode boxes and marks.
  [/[☑☒✅■▣⊠]/g, CHECKED],
  [/[✓✔✗✘]/g, CHECKED],
  [/[☐□▢❑❒◻]/g, UNCHECKED],
];

/** Every style above starts with one of these characters: most lines have none. */
const ANY_MARK = /[<[(☑☒✅■▣⊠✓✔✗✘☐□▢❑❒◻]/;

/** Rewrites every check-mark style in a line to ☒ / ☐. */
export function normalizeCheckMarks(text: string): string {
  if (!ANY_MARK.test(text)) return text;
  let out = text;
  for (const [pattern, glyph] of STYLES) out = out.replace(pattern, ` ${glyph} `);
  return out;
}

/**
 * A code of a states grid with no boxes whose mark the page stage found in the pixels ("☒[IN]"):
 * one word, mark and code, so the parser knows it from a box found before a code, which may be
 * the code's own bold bracket.
 */
export function markedCode(code: string): string {
  return `${CHECKED}[${code}]`;
}

const MARKED_CODE = /^☒\[[A-Z]{2}\]$/;

export function isMarkedCode(text: string): boolean {
  return MARKED_CODE.test(text);
}

export function isMark(ch: string | undefined): boolean {
  return ch === CHECKED || ch === UNCHECKED;
}
