import type { Flag, FormDRecord } from '../record/index.js';
import { formatCents } from '../record/index.js';
import { likelyCause } from './explain.js';
import { C5_COLUMNS, C5_ROW_KEYS } from './money-lines.js';
import { moneyFlag, type Rule, readCents, sentence } from './rule.js';
import { compareSum, sumRule } from './sums.js';

const C5 = 'offering.useOfProceeds';
const TOTAL_LISTED = `${C5}.totalPaymentsListed`;
const ADJUSTED = 'offering.adjustedGrossProceeds';

/** Every C.5 row in both columns, not the column totals. */
const ALL_ROWS = C5_ROW_KEYS.flatMap((k) => C5_COLUMNS.map(([column]) => `${C5}.${k}.${column}`));

const COLUMN_RULES = C5_COLUMNS.map(([column, columnName]) =>
  sumRule({
    id: 'C5_COLUMN_SUM',
    description: `The C.5 ${columnName} add up to their column total.`,
    group: C5,
    rowPaths: C5_ROW_KEYS.map((k) => `${C5}.${k}.${column}`),
    totalPath: `${C5}.columnTotals.${column}`,
    sumOf: `The C.5 ${columnName}`,
    totalName: 'their column total',
  }),
);

export const C5_COLUMN_SUM: Rule = {
  id: 'C5_COLUMN_SUM',
  severity: 'error',
  kind: 'arithmetic',
  equation: true,
  paths: COLUMN_RULES.flatMap((r) => r.paths),
  description: 'Each C.5 column adds up to its column total, where one is written.',
  check: (record: FormDRecord): Flag[] => COLUMN_RULES.flatMap((r) => r.check(record)),
};

export const C5_ROWS_SUM_TO_TOTAL: Rule = sumRule({
  id: 'C5_ROWS_SUM_TO_TOTAL',
  description:
    'All C.5 rows, both columns, add up to total payments listed (the column totals are not added).',
  group: C5,
  rowPaths: ALL_ROWS,
  totalPath: TOTAL_LISTED,
  sumOf: 'The C.5 rows',
  totalName: 'total payments listed',
});

export const C5_TOTAL_EQUALS_ADJUSTED_PROCEEDS: Rule = {
  id: 'C5_TOTAL_EQUALS_ADJUSTED_PROCEEDS',
  severity: 'error',
  kind: 'arithmetic',
  equation: true,
  paths: [TOTAL_LISTED, ADJUSTED],
  description: 'C.5 total payments listed equals C.4.b adjusted gross proceeds.',
  check(record: FormDRecord): Flag[] {
    const listed = readCents(record, TOTAL_LISTED);
    const adjusted = readCents(record, ADJUSTED);
    if (listed === null || adjusted === null || listed === adjusted) return [];
    const message = `Total payments listed (${formatCents(listed)}) does not equal adjusted gross proceeds (${formatCents(adjusted)})`;
    return [
      moneyFlag(
        C5_TOTAL_EQUALS_ADJUSTED_PROCEEDS,
        [TOTAL_LISTED, ADJUSTED],
        adjusted,
        listed,
        message,
        explainTotal(record, listed, adjusted),
      ),
    ];
  },
};

function explainTotal(record: FormDRecord, listed: number, adjusted: number): string | null {
  const rows = compareSum(record, ALL_ROWS, TOTAL_LISTED);
  // What the rows add up to tells which side is wrong: the total given, or C.4.b.
  const uses =
    rows.kind === 'differs' && rows.complete
      ? `the listed uses add up to ${formatCents(rows.sum)}`
      : rows.kind === 'agrees'
        ? 'the listed uses add up to the total given'
        : null;
  const cause = likelyCause({
    record,
    expected: adjusted,
    actual: listed,
    actualName: 'the total given',
    expectedName: 'adjusted gross proceeds',
    exclude: [TOTAL_LISTED, ADJUSTED],
  });
  const clauses = [uses, cause].filter((c): c is string => c !== null);
  return clauses.length ? sentence(clauses.join('; ')) : null;
}
