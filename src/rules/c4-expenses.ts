import type { Flag, FormDRecord } from '../record/index.js';
import { formatCents } from '../record/index.js';
import { likelyCause } from './explain.js';
import { C4A_ROW_KEYS } from './money-lines.js';
import { moneyFlag, type Rule, readCents, sentence } from './rule.js';
import { sumRule } from './sums.js';

const EXPENSES_TOTAL = 'offering.expenses.total';
const ADJUSTED = 'offering.adjustedGrossProceeds';
const C1_TOTAL_OFFERED = 'offering.securities.total.offered';
const C1_TOTAL_SOLD = 'offering.securities.total.sold';

export const C4A_SUM: Rule = sumRule({
  id: 'C4A_SUM',
  description:
    "The C.4.a expenses (transfer agent's fees to other expenses, finders' fees included) add up to their total.",
  group: 'offering.expenses',
  rowPaths: C4A_ROW_KEYS.map((k) => `offering.expenses.${k}`),
  totalPath: EXPENSES_TOTAL,
  sumOf: 'The C.4.a expenses',
  totalName: 'their total',
});

export const C4B_ADJUSTED: Rule = {
  id: 'C4B_ADJUSTED',
  severity: 'error',
  kind: 'arithmetic',
  equation: true,
  paths: [C1_TOTAL_OFFERED, EXPENSES_TOTAL, ADJUSTED],
  description:
    'C.4.b adjusted gross proceeds equal the C.1 total aggregate offering price less the C.4.a total expenses.',
  slip: adjustedSlip,
  check(record: FormDRecord): Flag[] {
    const offered = readCents(record, C1_TOTAL_OFFERED);
    const expenses = readCents(record, EXPENSES_TOTAL);
    const adjusted = readCents(record, ADJUSTED);
    if (offered === null || expenses === null || adjusted === null) return [];
    const expected = offered - expenses;
    if (adjusted === expected) return [];
    const message = `Adjusted gross proceeds (${formatCents(adjusted)}) do not equal the aggregate offering price less total expenses (${formatCents(offered)} − ${formatCents(expenses)} = ${formatCents(expected)})`;
    return [
      moneyFlag(
        C4B_ADJUSTED,
        [ADJUSTED, C1_TOTAL_OFFERED, EXPENSES_TOTAL],
        expected,
        adjusted,
        message,
        explainAdjusted(record, offered, expenses, adjusted),
      ),
    ];
  },
};

/**
 * The filer's slip C.4.b shows to the cent, or null: the C.4.a total subtracted from the amount
 * already sold instead of the amount offered, or added to the amount offered.
 */
function adjustedSlip(record: FormDRecord): string | null {
  const offered = readCents(record, C1_TOTAL_OFFERED);
  const expenses = readCents(record, EXPENSES_TOTAL);
  const adjusted = readCents(record, ADJUSTED);
  if (offered === null || expenses === null || adjusted === null) return null;
  const sold = readCents(record, C1_TOTAL_SOLD);
  // Filers often subtract from what they have sold rather than from what they offer.
  if (sold !== null && sold !== offered && adjusted === sold - expenses) {
    return `C.4.b is C.1 amount already sold (${formatCents(sold)}) less the C.4.a total expenses, where the form asks for the aggregate offering price less them.`;
  }
  if (expenses !== 0 && adjusted === offered + expenses) {
    return `C.4.b is the aggregate offering price plus the C.4.a total expenses (${formatCents(expenses)}) instead of less them.`;
  }
  return null;
}

function explainAdjusted(
  record: FormDRecord,
  offered: number,
  expenses: number,
  adjusted: number,
): string | null {
  const slip = adjustedSlip(record);
  if (slip) return slip;
  const cause = likelyCause({
    record,
    expected: offered - expenses,
    actual: adjusted,
    actualName: 'C.4.b as given',
    expectedName: 'the aggregate offering price less total expenses',
    exclude: [ADJUSTED],
  });
  return cause ? sentence(cause) : null;
}
