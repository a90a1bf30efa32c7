/**
 * Money is integer cents from the moment it is parsed until it is written out.
 * These parse what a filer typed in a dollar box, and format cents for people.
 */

/** Words and marks that a filer writes for zero. */
const ZERO_WORDS = /^(?:-+0-+|none|nil|zero|-+|—+|–+)$/i;
/** Words that mean "no value": blank, not applicable, unknown. */
const NULL_WORDS = /^(?:n\/?a|not applicable|unknown|tbd|\?+)$/i;

/**
 * Parses a dollar amount as written on the form into integer cents.
 * `$ 27,701,668.92`, `27,701,668.92`, `$0`, `0.00`, `-0-` and `None` parse; blank, `N/A` and
 * anything unreadable give null, never a guess.
 */
export function parseMoney(raw: string | null | undefined): number | null {
  if (raw == null) return null;
  let text = raw
    .trim()
    .replace(/^\$\s*/, '')
    .replace(/\s*\$$/, '')
    .trim();
  text = text.replace(/\s*(?:\(estimated\)|\(est\.?\)|est\.?)$/i, '').trim();
  if (text === '') return null;
  if (NULL_WORDS.test(text)) return null;
  if (ZERO_WORDS.test(text)) return 0;
  // Spaces inside a number are OCR gaps or thousands separators: "27, 701,668.92", "1 000".
  let compact = text.replace(/\s+/g, '');
  // OCR reads commas as periods and back: in "22.260,000.00" only a last separator before two digits
  // can be the decimal point; a period before three digits is a thousands separator.
  const grouped = /^(-)?\$?(\d{1,3}(?:[.,]\d{3})+)(?:[.,](\d{2}))?$/.exec(compact);
  if (grouped && /\.\d{3}(?:[.,]|$)/.test(compact)) {
    compact = `${grouped[1] ?? ''}${(grouped[2] ?? '').replace(/\./g, ',')}${grouped[3] ? `.${grouped[3]}` : ''}`;
  }
  const match = /^(-)?\$?((?:\d{1,3}(?:,\d{3})+)|\d+)(?:\.(\d{1,2}))?$/.exec(compact);
  if (!match) return null;
  const [, minus, whole = '', frac = ''] = match;
  const dollars = Number(whole.replace(/,/g, ''));
  if (!Number.isSafeInteger(dollars * 100)) return null;
  const cents = dollars * 100 + Number(frac.padEnd(2, '0') || '0');
  return minus ? -cents : cents;
}

/** Formats cents as the form writes them: `27,701,668.92` (no dollar sign). */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const dollars = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${dollars}.${String(abs % 100).padStart(2, '0')}`;
}

/** Formats cents with a dollar sign, for messages: `$27,701,668.92`. */
export function formatDollars(cents: number): string {
  return cents < 0 ? `-$${formatCents(-cents)}` : `$${formatCents(cents)}`;
}

/** Cents to the JSON form's dollars (at most two decimals). */
export function centsToDollars(cents: number): number {
  return cents / 100;
}
