/** Dates as filers wrote them, to ISO `YYYY-MM-DD`. Null when the text is not a real date. */

export const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

/** Month number (1-12) from a name or its abbreviation ("Nov", "Sept."), or null. */
export function monthFromName(name: string): number | null {
  const key = name.toLowerCase().replace(/\.$/, '');
  if (key.length < 3) return null;
  const index = MONTHS.findIndex((m) => m.startsWith(key) || (key === 'sept' && m === 'september'));
  return index >= 0 ? index + 1 : null;
}

/** Two-digit years on paper-era filings: 82-99 are 1900s, 00-81 are 2000s. */
export function expandYear(year: number): number {
  if (year >= 100) return year;
  return year >= 82 ? 1900 + year : 2000 + year;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last;
}

export function toIso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Parses `11/28/03`, `11-28-2003`, `11.28.2003`, `November 28, 2003`, `Nov. 28 2003`,
 * `28 November 2003` and `2003-11-28`.
 */
export function parseDate(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const text = raw.trim().replace(/\s+/g, ' ');
  if (text === '') return null;

  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]));

  m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2}|\d{4})$/.exec(text);
  if (m) return checked(expandYear(Number(m[3])), Number(m[1]), Number(m[2]));

  m = /^([A-Za-z]+)\.?\s*(\d{1,2})(?:st|nd|rd|th)?,?\s*(\d{2}|\d{4})$/.exec(text);
  if (m) {
    const month = monthFromName(m[1] ?? '');
    if (month) return checked(expandYear(Number(m[3])), month, Number(m[2]));
  }

  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s*(\d{4})$/.exec(text);
  if (m) {
    const month = monthFromName(m[2] ?? '');
    if (month) return checked(Number(m[3]), month, Number(m[1]));
  }
  return null;
}

function checked(year: number, month: number, day: number): string | null {
  return isRealDate(year, month, day) ? toIso(year, month, day) : null;
}
