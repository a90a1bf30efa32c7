import type { Flag, FormDRecord } from '../record/index.js';
import { formatCents } from '../record/index.js';
import { type Addend, likelyCause } from './explain.js';
import { lineName } from './money-lines.js';
import { moneyFlag, type Rule, readCents, sentence } from './rule.js';
import { compareSum } from './sums.js';

const ACCREDITED = 'offering.investors.accredited.amount';
const NON_ACCREDITED = 'offering.investors.nonAccredited.amount';
const NON_ACCREDITED_COUNT = 'offering.investors.nonAccredited.count';
const C1_TOTAL_SOLD = 'offering.securities.total.sold';
const B1 = 'offering.nonAccreditedSales';

export const C2_MATCHES_C1_SOLD: Rule = {
  id: 'C2_MATCHES_C1_SOLD',
  severity: 'error',
  kind: 'arithmetic',
  equation: true,
  paths: [ACCREDITED, NON_ACCREDITED, C1_TOTAL_SOLD],
  description: 'The C.2 accredited and non-accredited amounts add up to the C.1 total amount already sold.',
  check(record: FormDRecord): Flag[] {
    const c = compareSum(record, [ACCREDITED, NON_ACCREDITED], C1_TOTAL_SOLD);
    if (c.kind !== 'differs') return [];
    const soldName = `C.1 amount already sold (${formatCents(c.total)})`;
    const message = c.complete
      ? `The C.2 amounts add up to ${formatCents(c.sum)}, not to ${soldName}`
      : `The C.2 amounts that are written already add up to ${formatCents(c.sum)}, more than ${soldName}`;
    const addends: Addend[] = [ACCREDITED, NON_ACCREDITED].flatMap((p) => {
      const cents = readCents(record, p);
      return cents === null ? [] : [{ name: lineName(p), cents }];
    });
    const cause = c.complete
      ? likelyCause({
          record,
          expected: c.total,
          actual: c.sum,
          actualName: 'the sum of the C.2 amounts',
          expectedName: 'C.1 amount already sold',
          exclude: [ACCREDITED, NON_ACCREDITED, C1_TOTAL_SOLD],
          addends,
          sumSide: 'actual',
        })
      : null;
    return [
      moneyFlag(
        C2_MATCHES_C1_SOLD,
        ['offering.investors', C1_TOTAL_SOLD],
        c.total,
        c.sum,
        message,
        cause ? sentence(cause) : null,
      ),
    ];
  },
};

export const C2_NONACCREDITED_VS_B1: Rule = {
  id: 'C2_NONACCREDITED_VS_B1',
  severity: 'error',
  kind: 'consistency',
  paths: [B1, NON_ACCREDITED_COUNT, NON_ACCREDITED],
  description:
    'When B.1 says "No" to sales to non-accredited investors, C.2 counts none and no amount for them.',
  check(record: FormDRecord): Flag[] {
    if (record.offering.nonAccreditedSales !== false) return [];
    const { count, amount } = record.offering.investors.nonAccredited;
    const hasCount = count !== null && count > 0;
    const hasAmount = amount !== null && amount > 0;
    if (!hasCount && !hasAmount) return [];
    const what = [
      hasCount ? `${count} non-accredited investor${count === 1 ? '' : 's'}` : null,
      hasAmount ? `${formatCents(amount)} from non-accredited investors` : null,
    ]
      .filter((w): w is string => w !== null)
      .join(' and ');
    // Either one contradicts B.1: the flag rests on the one read more surely (a count "1" OCR
    // doubted beside a clean amount of 5,400.00).
    const sureness = (path: string) => record.fields[path]?.confidence ?? 1;
    const countRests = hasCount && (!hasAmount || sureness(NON_ACCREDITED_COUNT) >= sureness(NON_ACCREDITED));
    const flag: Flag = {
      rule: C2_NONACCREDITED_VS_B1.id,
      severity: C2_NONACCREDITED_VS_B1.severity,
      paths: [B1, countRests ? NON_ACCREDITED_COUNT : NON_ACCREDITED],
      message: `B.1 says the issuer has not sold to non-accredited investors, but C.2 lists ${what}`,
      explanation: null,
    };
    if (hasAmount) Object.assign(flag, { expected: 0, actual: amount, difference: amount });
    // A count OCR read beside an amount of nothing: B.1 and the dollars both say none were sold
    // to them, and a zero is the figure OCR most often reads as another.
    if (!hasAmount && amount === 0 && record.fields[NON_ACCREDITED_COUNT]?.source === 'ocr') {
      return [
        {
          ...flag,
          severity: 'warning',
          explanation: `C.2 gives 0.00 from non-accredited investors, as B.1 says none; a misread count is likelier than the filer's mistake.`,
        },
      ];
    }
    return [flag];
  },
};
