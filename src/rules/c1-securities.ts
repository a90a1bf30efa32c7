import type { Flag, FormDRecord } from '../record/index.js';
import { formatCents } from '../record/index.js';
import { likelyCause } from './explain.js';
import { C1_ROW_KEYS, lineName } from './money-lines.js';
import { moneyFlag, type Rule, readCents, sentence } from './rule.js';
import { sumRule } from './sums.js';

const c1 = (key: string, column: 'offered' | 'sold') => `offering.securities.${key}.${column}`;

export const C1_OFFERED_SUM: Rule = sumRule({
  id: 'C1_OFFERED_SUM',
  description:
    'The C.1 rows (debt, equity, convertible, partnership, other) add up to the total aggregate offering price.',
  group: 'offering.securities',
  rowPaths: C1_ROW_KEYS.map((k) => c1(k, 'offered')),
  totalPath: c1('total', 'offered'),
  sumOf: 'The C.1 rows',
  totalName: 'the total aggregate offering price',
});

export const C1_SOLD_SUM: Rule = sumRule({
  id: 'C1_SOLD_SUM',
  description:
    'The C.1 rows (debt, equity, convertible, partnership, other) add up to the total amount already sold.',
  group: 'offering.securities',
  rowPaths: C1_ROW_KEYS.map((k) => c1(k, 'sold')),
  totalPath: c1('total', 'sold'),
  sumOf: 'The C.1 rows',
  totalName: 'the total amount already sold',
});

const ROWS_AND_TOTAL = [...C1_ROW_KEYS, 'total'] as const;

/** C.1 and C.2 lines equal each other by design, so "sold equals another line" there explains nothing. */
const SOLD_LINES = [
  ...ROWS_AND_TOTAL.flatMap((k) => [c1(k, 'offered'), c1(k, 'sold')]),
  'offering.investors.accredited.amount',
  'offering.investors.nonAccredited.amount',
];

export const C1_SOLD_LE_OFFERED: Rule = {
  id: 'C1_SOLD_LE_OFFERED',
  severity: 'error',
  kind: 'arithmetic',
  paths: ROWS_AND_TOTAL.flatMap((k) => [c1(k, 'offered'), c1(k, 'sold')]),
  description: 'No C.1 row, and not the total, has more already sold than its aggregate offering price.',
  check(record: FormDRecord): Flag[] {
    return ROWS_AND_TOTAL.flatMap((key) => {
      const offered = readCents(record, c1(key, 'offered'));
      const sold = readCents(record, c1(key, 'sold'));
      if (offered === null || sold === null || sold <= offered) return [];
      const row =
        key === 'total' ? 'C.1 total' : lineName(c1(key, 'sold')).replace(/, amount already sold$/, '');
      const message = `${row}: amount already sold (${formatCents(sold)}) is more than the aggregate offering price (${formatCents(offered)})`;
      const cause = likelyCause({
        record,
        expected: offered,
        actual: sold,
        actualName: 'the amount already sold',
        expectedName: 'the aggregate offering price',
        exclude: SOLD_LINES,
      });
      return [
        moneyFlag(
          C1_SOLD_LE_OFFERED,
          [c1(key, 'sold'), c1(key, 'offered')],
          offered,
          sold,
          message,
          cause ? sentence(cause) : null,
        ),
      ];
    });
  },
};
