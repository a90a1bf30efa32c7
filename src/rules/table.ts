import type { Flag, FormDRecord } from '../record/index.js';
import { C1_OFFERED_SUM, C1_SOLD_LE_OFFERED, C1_SOLD_SUM } from './c1-securities.js';
import { C2_MATCHES_C1_SOLD, C2_NONACCREDITED_VS_B1 } from './c2-investors.js';
import { C4A_SUM, C4B_ADJUSTED } from './c4-expenses.js';
import { DATE_PLAUSIBLE } from './date-plausible.js';
import type { Rule, Severity } from './rule.js';
import { STATE_CODE } from './state-code.js';
import { C5_COLUMN_SUM, C5_ROWS_SUM_TO_TOTAL, C5_TOTAL_EQUALS_ADJUSTED_PROCEEDS } from './use-of-proceeds.js';

/** The contract's `flags` table, in its order. */
export const RULES: readonly Rule[] = [
  C1_OFFERED_SUM,
  C1_SOLD_SUM,
  C1_SOLD_LE_OFFERED,
  C2_MATCHES_C1_SOLD,
  C2_NONACCREDITED_VS_B1,
  C4A_SUM,
  C4B_ADJUSTED,
  C5_COLUMN_SUM,
  C5_ROWS_SUM_TO_TOTAL,
  C5_TOTAL_EQUALS_ADJUSTED_PROCEEDS,
  DATE_PLAUSIBLE,
  STATE_CODE,
];

/** The warning that replaces arithmetic errors when one low-confidence digit explains them all (repair.ts). */
export const MISREAD_RULE: {
  readonly id: string;
  readonly severity: Severity;
  readonly description: string;
} = {
  id: 'OCR_SUSPECTED_MISREAD',
  severity: 'warning',
  description:
    'Instead of the arithmetic errors: one low-confidence amount (or one read below 0.90 with a 6, 8 or 9 where the value has a 0, a typewriter zero misread, or above 0.90 where that value equals another line of the form; lines typed and read alike with such a zero each get the warning) is one digit slip away from a value with which every arithmetic rule passes (a suggestion, never applied).',
};

/** Every rule's flags, in table order. */
export function checkRules(record: FormDRecord): Flag[] {
  return RULES.flatMap((rule) => rule.check(record));
}

/** The table of rules as Markdown, for `formd rules` and the README. */
export function rulesTable(): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const rows = [...RULES, MISREAD_RULE].map(
    (r) => `| \`${r.id}\` | ${r.severity} | ${cell(r.description)} |`,
  );
  return ['| rule | severity | check |', '| --- | --- | --- |', ...rows].join('\n');
}
