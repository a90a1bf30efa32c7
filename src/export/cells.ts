/** How a cell of an export table is written as text (TSV). */
import { secDate } from './sec-tables.js';
import type { Cell, ColumnKind } from './table.js';

/** Integer cents as a plain decimal in dollars: `2868407204` is `28684072.04`, `5000000` is `50000`. */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const dollars = Math.floor(abs / 100);
  const rest = abs % 100;
  return rest === 0 ? `${sign}${dollars}` : `${sign}${dollars}.${String(rest).padStart(2, '0')}`;
}

/** A cell as TSV text: null is empty; tabs and line breaks inside scanned text become spaces. */
export function cellText(value: Cell, kind: ColumnKind): string {
  if (value === null) return '';
  if (kind === 'money' && typeof value === 'number') return centsToDecimal(value);
  if (kind === 'sec-date' && typeof value === 'string') return secDate(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value).replace(/[\t\r\n]+/g, ' ');
}
