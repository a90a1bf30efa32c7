import type { FormDRecord } from '../record/index.js';
import { formatCents } from '../record/index.js';
import { digitSlip, SLIP_WORDS } from './digits.js';
import { LINES_TOTALS_FIRST, type MoneyLine } from './money-lines.js';
import { readCents } from './rule.js';

/** A line that goes into a sum, as an explanation names it. */
export interface Addend {
  readonly name: string;
  readonly cents: number;
}

export interface Discrepancy {
  readonly record: FormDRecord;
  readonly expected: number;
  readonly actual: number;
  /** How the explanation calls each side: "the total given", "the sum of the C.2 amounts". */
  readonly actualName: string;
  readonly expectedName: string;
  /** Paths whose own value is being compared; never named as "another line". */
  readonly exclude: readonly string[];
  /** The addends of whichever side is a sum, for "off by exactly one row". */
  readonly addends?: readonly Addend[];
  /** Which side the addends add up to; the other side is the total as written. */
  readonly sumSide?: 'expected' | 'actual';
}

/**
 * The likely cause of a discrepancy as a clause (no capital, no full stop), or null when the numbers
 * do not point to one. Causes are tried from the most telling to the least: the value equals another
 * line of the form, it is off by exactly one addend, it is one digit slip away from the other side.
 */
export function likelyCause(d: Discrepancy): string | null {
  const copied = otherLineEqualTo(d.record, d.actual, d.exclude);
  if (copied) return `${d.actualName} equals ${copied.name} (${formatCents(d.actual)})`;

  const row = offByOneAddend(d);
  if (row) return row;

  const slip = digitSlip(d.expected, d.actual);
  if (slip) {
    return `${d.actualName} (${formatCents(d.actual)}) is ${d.expectedName} (${formatCents(d.expected)}) with ${SLIP_WORDS[slip]}`;
  }
  return null;
}

/**
 * The first line (totals first, then form order) other than `exclude` (lines, or parts of the form
 * such as `offering.investors`) holding `cents`; zero matches nothing.
 */
export function otherLineEqualTo(
  record: FormDRecord,
  cents: number,
  exclude: readonly string[],
): MoneyLine | null {
  if (cents === 0) return null;
  for (const line of LINES_TOTALS_FIRST) {
    if (exclude.some((p) => line.path === p || line.path.startsWith(`${p}.`))) continue;
    if (readCents(record, line.path) === cents) return line;
  }
  return null;
}

function offByOneAddend(d: Discrepancy): string | null {
  if (!d.addends || !d.sumSide) return null;
  const gap = Math.abs(d.actual - d.expected);
  const row = d.addends.find((a) => a.cents !== 0 && a.cents === gap);
  if (!row) return null;
  const written = d.sumSide === 'expected' ? d.actual : d.expected;
  const sum = d.sumSide === 'expected' ? d.expected : d.actual;
  const writtenName = d.sumSide === 'expected' ? d.actualName : d.expectedName;
  const amount = `${row.name} (${formatCents(row.cents)})`;
  return written < sum
    ? `${writtenName} falls short of the sum by exactly ${amount}, as if that line were left out`
    : `${writtenName} exceeds the sum by exactly ${amount}, as if that line were counted twice`;
}
