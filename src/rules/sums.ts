import type { Flag, FormDRecord } from '../record/index.js';
import { formatCents } from '../record/index.js';
import { type Addend, likelyCause, otherLineEqualTo } from './explain.js';
import { lineName } from './money-lines.js';
import { moneyFlag, type Rule, readCents, sentence } from './rule.js';

export type SumComparison =
  | { readonly kind: 'agrees' | 'unknown' }
  | { readonly kind: 'differs'; readonly sum: number; readonly total: number; readonly complete: boolean };

/**
 * Rows against their written total. A blank row is unknown, never 0, so the rule fires only when the
 * total and every row are written, or when the rows written (none negative) already exceed the total.
 */
export function compareSum(
  record: FormDRecord,
  rowPaths: readonly string[],
  totalPath: string,
): SumComparison {
  const total = readCents(record, totalPath);
  if (total === null) return { kind: 'unknown' };
  const rows = rowPaths.map((p) => readCents(record, p));
  const written = rows.filter((r): r is number => r !== null);
  const sum = written.reduce((a, b) => a + b, 0);
  if (written.length === rows.length) {
    return sum === total ? { kind: 'agrees' } : { kind: 'differs', sum, total, complete: true };
  }
  if (written.every((r) => r >= 0) && sum > total) return { kind: 'differs', sum, total, complete: false };
  return { kind: 'unknown' };
}

export interface SumRuleSpec {
  readonly id: string;
  readonly description: string;
  /** The flag's first path: the part of the form whose rows are added. */
  readonly group: string;
  readonly rowPaths: readonly string[];
  readonly totalPath: string;
  /** Capitalised subject of the message: "The C.5 rows". */
  readonly sumOf: string;
  /** The total as the message names it: "total payments listed". */
  readonly totalName: string;
}

/** A rule "these rows add up to that total", in integer cents, with its explanation. */
export function sumRule(spec: SumRuleSpec): Rule {
  const rule: Rule = {
    id: spec.id,
    severity: 'error',
    kind: 'arithmetic',
    equation: true,
    paths: [...spec.rowPaths, spec.totalPath],
    sum: { rows: spec.rowPaths, total: spec.totalPath },
    description: spec.description,
    check(record: FormDRecord): Flag[] {
      const c = compareSum(record, spec.rowPaths, spec.totalPath);
      if (c.kind !== 'differs') return [];
      const sum = formatCents(c.sum);
      const total = `${spec.totalName} (${formatCents(c.total)})`;
      const message = c.complete
        ? `${spec.sumOf} add up to ${sum}, not to ${total}`
        : `${spec.sumOf} that are written already add up to ${sum}, more than ${total}`;
      const explanation = c.complete ? explainSum(record, spec, c.sum, c.total) : null;
      return [moneyFlag(rule, [spec.group, spec.totalPath], c.sum, c.total, message, explanation)];
    },
  };
  return rule;
}

function explainSum(record: FormDRecord, spec: SumRuleSpec, sum: number, total: number): string | null {
  const addends: Addend[] = spec.rowPaths.flatMap((p) => {
    const cents = readCents(record, p);
    return cents === null ? [] : [{ name: lineName(p), cents }];
  });
  const cause = likelyCause({
    record,
    expected: sum,
    actual: total,
    actualName: 'the total given',
    expectedName: 'the sum of the rows',
    exclude: [spec.totalPath],
    addends,
    sumSide: 'expected',
  });
  // A sum that equals another line (C.5 rows = C.4.b) says the rows are right and the total is not.
  const sumLine = otherLineEqualTo(record, sum, [spec.totalPath, ...spec.rowPaths]);
  const sumClause = sumLine
    ? `${spec.sumOf.charAt(0).toLowerCase()}${spec.sumOf.slice(1)} add up to ${sumLine.name} (${formatCents(sum)})`
    : null;
  const clauses = [cause, sumClause].filter((c): c is string => c !== null);
  return clauses.length ? sentence(clauses.join('; ')) : null;
}
