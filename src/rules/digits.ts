/**
 * One-digit relations between two amounts, on their digits in cents (27,701,668.92 is "2770166892"):
 * the slips people make copying a figure and the misreads OCR makes reading one.
 */

/** How a value as written or read differs from the value meant. */
export type DigitSlip = 'transposed' | 'dropped' | 'doubled' | 'inserted' | 'replaced';

/** At least three digits so that cents below a dollar keep their "0.0x" shape. */
function digitsOf(cents: number): string {
  return String(cents).padStart(3, '0');
}

/** How `written` differs from `meant` by one slip, or null when it does not (or either is negative). */
export function digitSlip(meant: number, written: number): DigitSlip | null {
  if (meant < 0 || written < 0 || meant === written) return null;
  const a = digitsOf(meant);
  const b = digitsOf(written);
  if (a.length === b.length) {
    const diffs: number[] = [];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diffs.push(i);
    if (diffs.length === 1) return 'replaced';
    const [i, j] = diffs;
    if (diffs.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i]) {
      return 'transposed';
    }
    return null;
  }
  if (b.length === a.length - 1) return removesOne(a, b) !== null ? 'dropped' : null;
  if (b.length === a.length + 1) {
    const at = removesOne(b, a);
    if (at === null) return null;
    return b[at] === b[at - 1] || b[at] === b[at + 1] ? 'doubled' : 'inserted';
  }
  return null;
}

/** The index in `long` whose removal gives `short`, or null. */
function removesOne(long: string, short: string): number | null {
  let i = 0;
  while (i < short.length && long[i] === short[i]) i++;
  return long.slice(i + 1) === short.slice(i) ? i : null;
}

export const SLIP_WORDS: Record<DigitSlip, string> = {
  transposed: 'two adjacent digits swapped',
  dropped: 'one digit dropped',
  doubled: 'one digit doubled',
  inserted: 'one extra digit',
  replaced: 'one digit different',
};

/**
 * Every amount one slip away from `cents`: one digit replaced, two adjacent digits swapped, one digit
 * inserted or one deleted. Never negative, never with a leading zero, never `cents` itself.
 */
export function oneSlipAway(cents: number): number[] {
  if (cents < 0) return [];
  const s = digitsOf(cents);
  const out = new Set<string>();
  const digits = '0123456789';
  for (let i = 0; i <= s.length; i++) {
    for (const d of digits) out.add(s.slice(0, i) + d + s.slice(i));
  }
  for (let i = 0; i < s.length; i++) {
    out.add(s.slice(0, i) + s.slice(i + 1));
    for (const d of digits) out.add(s.slice(0, i) + d + s.slice(i + 1));
    if (i + 1 < s.length) out.add(s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2));
  }
  const values = new Set<number>();
  for (const t of out) {
    if (t.length < 3 || (t.length > 3 && t.startsWith('0'))) continue;
    const value = Number(t);
    if (Number.isSafeInteger(value) && value !== cents) values.add(value);
  }
  return [...values].sort((x, y) => x - y);
}
