import type { Flag, FormDRecord } from '../record/index.js';
import { getPath } from '../record/index.js';

export type Severity = Flag['severity'];

/**
 * `arithmetic` rules compare money lines of the form; they are the ones a one-digit OCR misread can
 * break, so only they are considered when looking for a misread (repair.ts).
 */
export type RuleKind = 'arithmetic' | 'consistency';

/** One rule of the contract's `flags` table, described as data. */
export interface Rule {
  readonly id: string;
  readonly severity: Severity;
  readonly kind: RuleKind;
  /** The JSON paths the rule reads. */
  readonly paths: readonly string[];
  /**
   * An equation (a sum, a difference, two lines that must match), not an inequality: when it holds
   * with every one of its values written, it confirms each of them.
   */
  readonly equation?: boolean;
  /** For a rule "these rows add up to that total": its rows and its total. */
  readonly sum?: { readonly rows: readonly string[]; readonly total: string };
  /** One sentence for the README's table of rules. */
  readonly description: string;
  check(record: FormDRecord): Flag[];
  /**
   * A slip filers make that the values read fit to the cent, with another line of the form, where
   * the rule fails; null when they fit none. A misreading does not land on one by chance.
   */
  slip?(record: FormDRecord): string | null;
}

/** Fields read below this confidence go to review and may be suggested as misreads. */
export const DEFAULT_CONFIDENCE_THRESHOLD = 0.8;

/** A money leaf in integer cents, or null when blank; throws on a path that is not money (a bug in a rule). */
export function readCents(record: FormDRecord, path: string): number | null {
  const value = getPath(record, path);
  if (value === null) return null;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  throw new Error(`not a money path (integer cents or null): ${path}`);
}

/** A numeric flag: difference is always actual − expected, in cents. */
export function moneyFlag(
  rule: Pick<Rule, 'id' | 'severity'>,
  paths: string[],
  expected: number,
  actual: number,
  message: string,
  explanation: string | null,
): Flag {
  return {
    rule: rule.id,
    severity: rule.severity,
    paths,
    expected,
    actual,
    difference: actual - expected,
    message,
    explanation,
  };
}

/** A clause as a sentence: capitalised, ending in a full stop. */
export function sentence(clause: string): string {
  const text = clause.trim();
  if (text === '') return text;
  const first = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}
