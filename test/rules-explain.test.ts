import { describe, expect, it } from 'vitest';
import type { FormDRecord } from '../src/record/index.js';
import { leafPaths } from '../src/record/index.js';
import {
  C2_MATCHES_C1_SOLD,
  C4A_SUM,
  C4B_ADJUSTED,
  digitSlip,
  isMoneyPath,
  lineName,
  MONEY_LINES,
  oneSlipAway,
} from '../src/rules/index.js';
import { consistentRecord, usd } from './rules-seed.js';

/** Legal 50,000.00 + printing 1,234.00 + accounting 2,000.00 = 53,234.00, with the total as given. */
function expensesTotalled(total: number): FormDRecord {
  const record = consistentRecord();
  record.offering.expenses.printing = usd(1234);
  record.offering.expenses.accounting = usd(2000);
  record.offering.expenses.findersFees = 0;
  record.offering.expenses.total = total;
  return record;
}

const explainC4A = (total: number) => C4A_SUM.check(expensesTotalled(total))[0]?.explanation;

describe('explanations of a total that disagrees with its rows', () => {
  it('name another line of the form that the total equals, in the form’s words', () => {
    const record = expensesTotalled(usd(52500));
    record.offering.minimumInvestment = usd(52500);
    expect(C4A_SUM.check(record)[0]?.explanation).toBe(
      'The total given equals B.2 minimum investment (52,500.00).',
    );
  });

  it('name two adjacent digits swapped', () => {
    expect(explainC4A(usd(53324))).toBe(
      'The total given (53,324.00) is the sum of the rows (53,234.00) with two adjacent digits swapped.',
    );
  });

  it('name one digit dropped', () => {
    expect(explainC4A(usd(5234))).toBe(
      'The total given (5,234.00) is the sum of the rows (53,234.00) with one digit dropped.',
    );
  });

  it('name one digit doubled', () => {
    expect(explainC4A(usd(532234))).toBe(
      'The total given (532,234.00) is the sum of the rows (53,234.00) with one digit doubled.',
    );
  });

  it('name one digit different', () => {
    expect(explainC4A(usd(53294))).toBe(
      'The total given (53,294.00) is the sum of the rows (53,234.00) with one digit different.',
    );
  });

  it('name the row a total leaves out', () => {
    expect(explainC4A(usd(52000))).toBe(
      'The total given falls short of the sum by exactly C.4.a printing and engraving costs (1,234.00), as if that line were left out.',
    );
  });

  it('name the row a total counts twice', () => {
    expect(explainC4A(usd(54468))).toBe(
      'The total given exceeds the sum by exactly C.4.a printing and engraving costs (1,234.00), as if that line were counted twice.',
    );
  });

  it('say nothing when the numbers do not point to a cause', () => {
    expect(explainC4A(usd(61111.11))).toBeNull();
  });
});

describe('explanations of other rules', () => {
  it('see C.4.b worked out from the amount sold instead of the amount offered', () => {
    const record = consistentRecord();
    record.offering.adjustedGrossProceeds = usd(27701668.92 - 50000);
    expect(C4B_ADJUSTED.check(record)[0]?.explanation).toBe(
      'C.4.b is C.1 amount already sold (27,701,668.92) less the C.4.a total expenses, where the form asks for the aggregate offering price less them.',
    );
  });

  it('see expenses added to C.4.b instead of subtracted', () => {
    const record = consistentRecord();
    record.offering.adjustedGrossProceeds = usd(28684072.04 + 50000);
    expect(C4B_ADJUSTED.check(record)[0]?.explanation).toBe(
      'C.4.b is the aggregate offering price plus the C.4.a total expenses (50,000.00) instead of less them.',
    );
  });

  it('see C.1 total sold leaving out the non-accredited investors’ purchases', () => {
    const record = consistentRecord();
    record.offering.investors.nonAccredited = { count: 2, amount: usd(40000) };
    expect(C2_MATCHES_C1_SOLD.check(record)[0]?.explanation).toBe(
      "C.1 amount already sold falls short of the sum by exactly C.2 non-accredited investors' purchases (40,000.00), as if that line were left out.",
    );
  });
});

describe('the money lines', () => {
  it('cover every money leaf of the record and nothing else', () => {
    const moneyKeys =
      /(?:offered|sold|amount|affiliates|others|total|minimumInvestment|adjustedGrossProceeds|totalPaymentsListed|transferAgent|printing|legal|accounting|engineering|salesCommissions|findersFees)$/;
    const record = consistentRecord();
    const leaves = leafPaths(record.offering, 'offering')
      .map(([path]) => path)
      .filter((path) => moneyKeys.test(path) || path === 'offering.expenses.other');
    expect(leaves.sort()).toEqual(MONEY_LINES.map((l) => l.path).sort());
  });

  it('are named in the form’s words', () => {
    expect(lineName('offering.securities.total.sold')).toBe('C.1 amount already sold');
    expect(lineName('offering.useOfProceeds.debtRepayment.others')).toBe(
      'C.5 repayment of indebtedness, payments to others',
    );
    expect(isMoneyPath('issuer.name')).toBe(false);
  });
});

describe('digit slips', () => {
  it('tell a swap, a drop, a doubling, an extra digit and a changed digit apart', () => {
    expect(digitSlip(2770166892, 2770616892)).toBe('transposed');
    expect(digitSlip(2770166892, 277016892)).toBe('dropped');
    expect(digitSlip(2770166892, 27701668892)).toBe('doubled');
    expect(digitSlip(2770166892, 27701668592)).toBe('inserted');
    expect(digitSlip(2770166892, 2770166893)).toBe('replaced');
  });

  it('find no slip between amounts two slips apart, equal amounts or negative ones', () => {
    expect(digitSlip(2770166892, 2770166811)).toBeNull();
    expect(digitSlip(2770166892, 2770166892)).toBeNull();
    expect(digitSlip(-100, 100)).toBeNull();
  });

  it('list every amount one slip away, without leading zeros', () => {
    const near = oneSlipAway(usd(12.34));
    expect(near).toContain(usd(21.34));
    expect(near).toContain(usd(123.44));
    expect(near).toContain(usd(1.34));
    expect(near).toContain(usd(19.34));
    expect(near).not.toContain(usd(12.34));
    expect(near.every((v) => digitSlip(usd(12.34), v) !== null)).toBe(true);
    expect(oneSlipAway(5)).toContain(15);
    expect(oneSlipAway(5)).not.toContain(5);
  });
});
