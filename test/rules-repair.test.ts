import { describe, expect, it } from 'vitest';
import { type FormDRecord, setPath } from '../src/record/index.js';
import { digitSlip } from '../src/rules/digits.js';
import { C5_ROW_KEYS, evaluate, findMisread } from '../src/rules/index.js';
import { consistentRecord, readAt, seedRecord, usd } from './rules-seed.js';

const TOTAL_LISTED = 'offering.useOfProceeds.totalPaymentsListed';
const LEGAL = 'offering.expenses.legal';
const DEBT = 'offering.useOfProceeds.debtRepayment.others';
const WORKING = 'offering.useOfProceeds.workingCapital.others';

/** A consistent filing whose total payments listed was read, at a confidence, as `read`. */
function totalReadAs(read: number, confidence: number): FormDRecord {
  const record = consistentRecord();
  record.offering.useOfProceeds.totalPaymentsListed = usd(read);
  readAt(record, TOTAL_LISTED, confidence, `$ ${read}`);
  return record;
}

describe('a misread suspected from the arithmetic', () => {
  it('prefers, where a blank row lets the sum pass short, the slip that makes the rows add up exactly', () => {
    // Salaries left blank: C.5's rows need only come to no more than the total. Debt repayment read
    // one digit lower (11,034,000.08) would do that too, by chance; working capital read 17,599,071.96
    // for 17,599,079.96 closes the sum exactly.
    const record = consistentRecord();
    const use = record.offering.useOfProceeds;
    use.salaries.others = null;
    use.workingCapital.others = usd(17_599_079.96);
    readAt(record, WORKING, 0.5, '$ 17,599,079.96');
    readAt(record, DEBT, 0.5, '$ 11,035,000.08');
    const flags = evaluate(record);
    expect(flags.map((f) => [f.rule, f.severity, f.suggestion?.path, f.suggestion?.value])).toEqual([
      ['OCR_SUSPECTED_MISREAD', 'warning', WORKING, usd(17_599_071.96)],
    ]);
  });

  it('suspects no cents in an amount read without them ("-0-" is no misread 0.20)', () => {
    // C.1 sold 20 cents over C.2's amounts, read surely; the non-accredited amount read "-0-" unsurely.
    const record = consistentRecord();
    const { securities, investors } = record.offering;
    securities.equity.sold = usd(27_701_669.12);
    securities.total.sold = usd(27_701_669.12);
    readAt(record, 'offering.securities.equity.sold', 0.97, '$ 27,701,669.12');
    readAt(record, 'offering.securities.total.sold', 0.97, '$ 27,701,669.12');
    readAt(record, 'offering.investors.accredited.amount', 0.97, '$ 27,701,668.92');
    readAt(record, 'offering.investors.nonAccredited.amount', 0.5, '$ -0-');
    expect(investors.nonAccredited.amount).toBe(0);
    expect(evaluate(record).map((f) => [f.rule, f.severity])).toEqual([['C2_MATCHES_C1_SOLD', 'error']]);
    // Read with its cents, the same zero may be 0.20 misread.
    readAt(record, 'offering.investors.nonAccredited.amount', 0.5, '$ 0.00');
    expect(evaluate(record).map((f) => [f.rule, f.suggestion?.value])).toEqual([
      ['OCR_SUSPECTED_MISREAD', 20],
    ]);
  });

  it("suspects a value read surely only of a typewriter's zero read as a 6, 8 or 9", () => {
    const record = consistentRecord();
    record.offering.useOfProceeds.workingCapital.others = usd(17_599_671.96);
    readAt(record, WORKING, 0.85, '$ 17,599,671.96');
    expect(evaluate(record).map((f) => [f.rule, f.severity, f.suggestion?.value])).toEqual([
      ['OCR_SUSPECTED_MISREAD', 'warning', usd(17_599_071.96)],
    ]);
    // Any other slip read as surely is the filer's.
    record.offering.useOfProceeds.workingCapital.others = usd(17_599_571.96);
    readAt(record, WORKING, 0.85, '$ 17,599,571.96');
    expect(evaluate(record).map((f) => [f.rule, f.severity])).toEqual([['C5_ROWS_SUM_TO_TOTAL', 'error']]);
    // And so is a zero's look-alike read more surely still.
    record.offering.useOfProceeds.workingCapital.others = usd(17_599_671.96);
    readAt(record, WORKING, 0.95, '$ 17,599,671.96');
    expect(evaluate(record).map((f) => [f.rule, f.severity])).toEqual([['C5_ROWS_SUM_TO_TOTAL', 'error']]);
  });

  it('suspects lines typed alike and read alike with a zero taken for a 6, each with its suggestion', () => {
    // A real generated filing: C.4.a's one row and its total, both 10,000.00, both read 10,000.06;
    // C.4.a adds up as read, C.4.b fails by six cents. Here the seed's legal fees and total.
    const record = consistentRecord();
    const { expenses } = record.offering;
    const legal = Object.entries(expenses).find(
      ([key, cents]) => key !== 'total' && cents === expenses.total,
    );
    expect(legal?.[0]).toBeDefined();
    const legalPath = `offering.expenses.${legal?.[0]}`;
    setPath(record, legalPath, usd(50_000.06));
    expenses.total = usd(50_000.06);
    readAt(record, legalPath, 0.54, '$ 50,000.06');
    readAt(record, 'offering.expenses.total', 0.95, '$ 50,000.06');
    const flags = evaluate(record);
    expect(flags.map((f) => [f.rule, f.severity, f.paths[0], f.suggestion?.value])).toEqual([
      ['OCR_SUSPECTED_MISREAD', 'warning', 'offering.expenses.total', usd(50_000)],
      ['OCR_SUSPECTED_MISREAD', 'warning', legalPath, usd(50_000)],
    ]);
    // Any other slip read alike in both is the filer's, as written twice.
    setPath(record, legalPath, usd(50_000.05));
    expenses.total = usd(50_000.05);
    expect(evaluate(record).map((f) => [f.rule, f.severity])).toEqual([['C4B_ADJUSTED', 'error']]);
  });

  it('suspects a zero read very surely as a 6 where the zero makes the amount another line of the form', () => {
    // A real generated filing: C.4.a's one row, legal fees of 5,100.00, and its total read 5,160.00
    // at 0.91; C.4.b fails with the total as read and passes with 5,100.00.
    const record = consistentRecord();
    const { expenses } = record.offering;
    expect(expenses.total).toBe(usd(50_000));
    expenses.total = usd(56_000);
    readAt(record, 'offering.expenses.total', 0.96, '$ 56,000.00');
    const flags = evaluate(record);
    expect(flags.map((f) => [f.rule, f.severity, f.suggestion?.value])).toEqual([
      ['OCR_SUSPECTED_MISREAD', 'warning', usd(50_000)],
    ]);
  });

  it("suspects a security's cell read surely where one figure makes it its row's other cell again", () => {
    // A real generated filing: C.1's Other row sold as offered, 25,658.00, the sold cell read
    // 23,658.00 at 0.94; the rows sold then fall short of their total by 2,000.00. Here the seed's
    // equity row, sold as offered.
    const sold = usd(28_684_072.04);
    const record = consistentRecord();
    const { securities } = record.offering;
    securities.equity.sold = sold;
    securities.total.sold = sold;
    record.offering.investors.accredited.amount = sold;
    expect(evaluate(record)).toEqual([]);
    securities.equity.sold = usd(28_684_032.04);
    readAt(record, 'offering.securities.equity.sold', 0.94, '$ 28,684,032.04');
    expect(evaluate(record).map((f) => [f.rule, f.severity, f.suggestion?.value])).toEqual([
      ['OCR_SUSPECTED_MISREAD', 'warning', sold],
    ]);
    // A row sold for less than offered has no twin to go by: the slip is the filer's.
    const short = consistentRecord();
    short.offering.securities.equity.sold = usd(27_701_628.92);
    readAt(short, 'offering.securities.equity.sold', 0.94, '$ 27,701,628.92');
    expect(evaluate(short).map((f) => [f.rule, f.severity])).toContainEqual(['C1_SOLD_SUM', 'error']);
  });

  it('turns the errors a low-confidence misread digit causes into one warning with the value meant', () => {
    const flags = evaluate(totalReadAs(28634079.04, 0.55));
    expect(flags).toEqual([
      {
        rule: 'OCR_SUSPECTED_MISREAD',
        severity: 'warning',
        paths: [TOTAL_LISTED],
        expected: usd(28634072.04),
        actual: usd(28634079.04),
        difference: usd(7),
        message:
          "C.5 total payments listed was read as 28,634,079.04 (confidence 0.55); the form's arithmetic says 28,634,072.04",
        explanation:
          'With 28,634,072.04 every arithmetic rule passes; as read, C5_ROWS_SUM_TO_TOTAL, C5_TOTAL_EQUALS_ADJUSTED_PROCEEDS fail.',
        suggestion: {
          path: TOTAL_LISTED,
          value: usd(28634072.04),
          reason: 'one digit misread: 28,634,079.04 for 28,634,072.04',
        },
      },
    ]);
  });

  it("keeps as the filer's error an amount one digit off what the rows give that repeats another line of the form", () => {
    // The total payments listed repeats C.1's aggregate offering price (28,684,072.04), one digit
    // off C.4.b (28,634,072.04): read unsurely, it is still a line copied from the wrong place.
    const flags = evaluate(totalReadAs(28684072.04, 0.1));
    expect(flags.map((f) => [f.rule, f.severity])).toEqual([
      ['C5_ROWS_SUM_TO_TOTAL', 'error'],
      ['C5_TOTAL_EQUALS_ADJUSTED_PROCEEDS', 'error'],
    ]);
  });

  it("keeps two adjacent digits swapped as the filer's error, however unsurely read: OCR reads a figure at a time", () => {
    const flags = evaluate(totalReadAs(28634027.04, 0.55));
    expect(flags.map((f) => [f.rule, f.severity])).toEqual([
      ['C5_ROWS_SUM_TO_TOTAL', 'error'],
      ['C5_TOTAL_EQUALS_ADJUSTED_PROCEEDS', 'error'],
    ]);
    expect(flags[0]?.explanation).toContain('two adjacent digits swapped');
  });

  it('suggests the value meant for one digit misread', () => {
    const record = consistentRecord();
    record.offering.expenses.findersFees = 0;
    record.offering.expenses.legal = usd(56000);
    readAt(record, LEGAL, 0.6, '$ 56,000.00');
    const flags = evaluate(record);
    expect(flags.map((f) => [f.rule, f.severity])).toEqual([['OCR_SUSPECTED_MISREAD', 'warning']]);
    expect(flags[0]?.suggestion).toEqual({
      path: LEGAL,
      value: usd(50000),
      reason: 'one digit misread: 56,000.00 for 50,000.00',
    });
  });

  it('suggests a value for each of two misreads in different tables', () => {
    // A legal fee's figure misread at 0.7, a C.5 row's at 0.6: no one value explains both failing
    // rules, each explains its own.
    const record = consistentRecord();
    record.offering.expenses.findersFees = 0;
    record.offering.expenses.legal = usd(56000);
    readAt(record, LEGAL, 0.7, '$ 56,000.00');
    record.offering.useOfProceeds.workingCapital.others = usd(17599077.96);
    readAt(record, WORKING, 0.6, '$ 17,599,077.96');
    const flags = evaluate(record);
    expect(flags.map((f) => [f.rule, f.severity, f.suggestion?.path, f.suggestion?.value])).toEqual([
      ['OCR_SUSPECTED_MISREAD', 'warning', LEGAL, usd(50000)],
      ['OCR_SUSPECTED_MISREAD', 'warning', WORKING, usd(17599071.96)],
    ]);
  });

  it('suggests the value meant for a digit missed in reading', () => {
    const record = consistentRecord();
    record.offering.expenses.findersFees = 0;
    record.offering.expenses.legal = usd(5000);
    readAt(record, LEGAL, 0.6);
    expect(findMisread(record)).toMatchObject({
      path: LEGAL,
      read: usd(5000),
      value: usd(50000),
      slip: 'dropped',
    });
  });

  it('suggests the value meant for figures read bare that lost the point before their cents', () => {
    // A real generated filing's "$ 41655200" for 416,552.00: read as dollars it is a hundred times over.
    const record = consistentRecord();
    record.offering.useOfProceeds.workingCapital.others = usd(1_759_907_196);
    readAt(record, WORKING, 0.45, '$ 1759907196');
    expect(findMisread(record)).toMatchObject({
      path: WORKING,
      value: usd(17_599_071.96),
      slip: 'pointLost',
    });
    expect(evaluate(record).map((f) => [f.rule, f.suggestion?.value])).toEqual([
      ['OCR_SUSPECTED_MISREAD', usd(17_599_071.96)],
    ]);
    // Figures read with their separators lost no point, and a sure reading is what was typed.
    readAt(record, WORKING, 0.45, '$ 1,759,907,196');
    expect(findMisread(record)).toBeNull();
    readAt(record, WORKING, 0.95, '$ 1759907196');
    expect(findMisread(record)).toBeNull();
  });

  it('suggests, where a blank row leaves several values that would pass, the one that closes the sum', () => {
    const record = consistentRecord();
    record.offering.expenses.legal = usd(56000);
    readAt(record, LEGAL, 0.6);
    expect(record.offering.expenses.findersFees).toBeNull();
    // 46,000.00 would pass too, the blank Finders' Fees making up the rest: only 50,000.00 closes it.
    expect(findMisread(record)?.value).toBe(usd(50000));
    expect(evaluate(record).map((f) => f.rule)).toEqual(['OCR_SUSPECTED_MISREAD']);
  });

  it('keeps the error flags for a total two figures off read with high confidence', () => {
    const flags = evaluate(totalReadAs(28634027.04, 0.99));
    expect(flags.map((f) => [f.rule, f.severity])).toEqual([
      ['C5_ROWS_SUM_TO_TOTAL', 'error'],
      ['C5_TOTAL_EQUALS_ADJUSTED_PROCEEDS', 'error'],
    ]);
    expect(flags.some((f) => f.suggestion)).toBe(false);
  });

  it('honours a threshold given by the caller', () => {
    expect(evaluate(totalReadAs(28634079.04, 0.9), { confidenceThreshold: 0.95 }).map((f) => f.rule)).toEqual(
      ['OCR_SUSPECTED_MISREAD'],
    );
  });

  it('never repairs a value from a text transcription or one a person set', () => {
    for (const source of ['text', 'review'] as const) {
      const record = totalReadAs(28634079.04, 0.5);
      const field = record.fields[TOTAL_LISTED];
      if (field) field.source = source;
      expect(evaluate(record).map((f) => f.rule)).toEqual([
        'C5_ROWS_SUM_TO_TOTAL',
        'C5_TOTAL_EQUALS_ADJUSTED_PROCEEDS',
      ]);
    }
  });

  it('does not pass a filer’s own error off as a misread', () => {
    const record = seedRecord();
    readAt(record, TOTAL_LISTED, 0.4, '$ 27,701,668.92');
    expect(evaluate(record).map((f) => f.rule)).toEqual([
      'C5_ROWS_SUM_TO_TOTAL',
      'C5_TOTAL_EQUALS_ADJUSTED_PROCEEDS',
    ]);
  });

  it('prefers the lowest-confidence field when two could each have been misread', () => {
    const record = consistentRecord();
    record.offering.useOfProceeds.debtRepayment.others = usd(11035000.09);
    readAt(record, DEBT, 0.5);
    readAt(record, WORKING, 0.7);
    expect(evaluate(record)).toEqual([
      expect.objectContaining({
        rule: 'OCR_SUSPECTED_MISREAD',
        suggestion: expect.objectContaining({ path: DEBT, value: usd(11035000.08) }),
      }),
    ]);
  });

  it('keeps the errors and suggests nothing when two equally uncertain fields could each be the misread', () => {
    const record = consistentRecord();
    record.offering.useOfProceeds.debtRepayment.others = usd(11035000.09);
    readAt(record, DEBT, 0.6);
    readAt(record, WORKING, 0.6);
    expect(findMisread(record)).toBeNull();
    const flags = evaluate(record);
    expect(flags.map((f) => f.rule)).toEqual(['C5_ROWS_SUM_TO_TOTAL']);
    expect(flags.some((f) => f.suggestion)).toBe(false);
  });

  it('keeps the flags of other rules beside the warning', () => {
    const record = totalReadAs(28634079.04, 0.5);
    record.issuer.jurisdiction = 'XX';
    expect(evaluate(record).map((f) => [f.rule, f.severity])).toEqual([
      ['STATE_CODE', 'error'],
      ['OCR_SUSPECTED_MISREAD', 'warning'],
    ]);
    // The other rule's value read unsurely: a warning there too.
    readAt(record, 'issuer.jurisdiction', 0.33, 'lv] [2]');
    expect(evaluate(record).map((f) => [f.rule, f.severity])).toEqual([
      ['STATE_CODE', 'warning'],
      ['OCR_SUSPECTED_MISREAD', 'warning'],
    ]);
  });

  it('never changes the record', () => {
    const record = totalReadAs(28634079.04, 0.5);
    const before = structuredClone(record);
    evaluate(record);
    expect(record).toEqual(before);
  });

  it('finds nothing to repair in a filing that agrees with itself', () => {
    const record = consistentRecord();
    readAt(record, TOTAL_LISTED, 0.1);
    expect(findMisread(record)).toBeNull();
    expect(evaluate(record)).toEqual([]);
  });
});

describe('an arithmetic error over an amount read unsurely', () => {
  /** The seed's own mistake (C.5 total equals C.1 sold), its total read by OCR at a confidence. */
  function seedTotalRead(confidence: number): FormDRecord {
    const record = seedRecord();
    readAt(record, TOTAL_LISTED, confidence, '$ 27,701,668.92');
    return record;
  }

  it('is a warning that names the unsure amount, when no single misread explains it', () => {
    const record = seedTotalRead(0.5);
    // A total that matches no other line of the form: nothing confirms the reading.
    record.offering.useOfProceeds.totalPaymentsListed = 2_500_000_000;
    const flags = evaluate(record);
    const c5 = flags.filter((f) => f.rule.startsWith('C5_'));
    expect(c5.map((f) => [f.rule, f.severity])).toEqual([
      ['C5_ROWS_SUM_TO_TOTAL', 'warning'],
      ['C5_TOTAL_EQUALS_ADJUSTED_PROCEEDS', 'warning'],
    ]);
    expect(c5[0]?.explanation).toContain('C.5 total payments listed (confidence 0.50)');
  });

  it('stays an error when the form confirms the unsure amount: it equals another line, as the seed total equals C.1 sold', () => {
    const flags = evaluate(seedTotalRead(0.5));
    expect(flags.filter((f) => f.rule.startsWith('C5_')).map((f) => f.severity)).toEqual(['error', 'error']);
  });

  it('stays an error when the unsure amounts are the rows of a sum that checks out elsewhere', () => {
    /** The seed with every C.5 row read unsurely, and its column totals written or left blank. */
    const rowsReadUnsurely = (columnTotals: boolean, adjusted = true) => {
      const record = seedTotalRead(0.97);
      if (!adjusted) record.offering.adjustedGrossProceeds = null;
      const use = record.offering.useOfProceeds;
      for (const column of ['affiliates', 'others'] as const) {
        let sum = 0;
        for (const row of C5_ROW_KEYS) {
          use[row][column] ??= 0;
          sum += use[row][column];
          readAt(record, `offering.useOfProceeds.${row}.${column}`, 0.5);
        }
        use.columnTotals[column] = columnTotals ? sum : null;
      }
      return evaluate(record).find((f) => f.rule === 'C5_ROWS_SUM_TO_TOTAL')?.severity;
    };
    // The rows add up to their column totals: the form confirms each of them.
    expect(rowsReadUnsurely(true)).toBe('error');
    // They add up to C.4.b, which the total listed between them should repeat.
    expect(rowsReadUnsurely(false)).toBe('error');
    // Nothing confirms them: the error may be the pipeline's misreading.
    expect(rowsReadUnsurely(false, false)).toBe('warning');
  });

  it('stays an error when the unsure rows written, one left blank, already add up to C.4.b', () => {
    const record = seedTotalRead(0.97);
    const use = record.offering.useOfProceeds;
    use.columnTotals = { affiliates: null, others: null };
    for (const row of C5_ROW_KEYS) {
      for (const column of ['affiliates', 'others'] as const) {
        use[row][column] ??= 0;
        readAt(record, `offering.useOfProceeds.${row}.${column}`, 0.5);
      }
    }
    // A row at nothing left blank: the rows written still add up to C.4.b.
    const blank = C5_ROW_KEYS.find((row) => use[row].affiliates === 0);
    expect(blank).toBeDefined();
    if (blank) {
      use[blank].affiliates = null;
      delete record.fields[`offering.useOfProceeds.${blank}.affiliates`];
    }
    const flags = evaluate(record);
    expect(flags.find((f) => f.rule === 'C5_ROWS_SUM_TO_TOTAL')?.severity).toBe('error');
  });

  it("stays the filer's error when the total read unsurely is what its rows written, one left blank, add up to", () => {
    // A real generated filing: C.4.b is not the offering price less C.4.a's total, and that total,
    // read at 0.19, would make it hold one digit other; but its rows written (finder's fees left
    // blank) add up to it exactly, and vouch for it as read.
    const record = consistentRecord();
    const { expenses } = record.offering;
    expect(expenses.total).toBe(usd(50_000));
    expenses.legal = usd(20_000);
    expenses.accounting = usd(20_000);
    expenses.total = usd(40_000);
    expect(expenses.findersFees).toBeNull();
    readAt(record, 'offering.expenses.total', 0.19, '$ 40,000');
    expect(evaluate(record).map((f) => [f.rule, f.severity])).toEqual([['C4B_ADJUSTED', 'error']]);
    // With the rows short of the total read, it may be the misreading of the total C.4.b needs.
    expenses.legal = usd(19_000);
    expect(evaluate(record).map((f) => [f.rule, f.severity, f.suggestion?.value])).toEqual([
      ['OCR_SUSPECTED_MISREAD', 'warning', usd(50_000)],
    ]);
  });

  it("stays an error when the unsure amount, at the value the form's other lines give it, fails the rule too", () => {
    // The filer's total payments listed repeats C.1 amount already sold (the seed's mistake), and
    // OCR read C.4.b unsurely as 0.00: C.4.b is the offering price less the expenses all the same.
    const record = seedTotalRead(0.97);
    record.offering.adjustedGrossProceeds = 0;
    readAt(record, 'offering.adjustedGrossProceeds', 0.57, '$ 0.00');
    const flags = evaluate(record);
    const total = flags.find((f) => f.rule === 'C5_TOTAL_EQUALS_ADJUSTED_PROCEEDS');
    expect(total?.severity).toBe('error');
    expect(total?.explanation).toContain(
      "C.4.b adjusted gross proceeds (confidence 0.57) is 28,634,072.04 by the form's other lines; the rule fails with that too",
    );
    // C.4.b itself may be the misreading: the only other line that gives it is the total in dispute.
    expect(flags.find((f) => f.rule === 'C4B_ADJUSTED')?.severity).toBe('warning');
  });

  it('stays an error when the unsure amount equals the C.5 rows added up, though the total between them is wrong', () => {
    // The seed's mistake (the total listed repeats C.1 sold), with C.4.b read unsurely, and the C.1
    // offering total misread too, so that C.4.b's own rule confirms nothing.
    const record = seedTotalRead(0.97);
    readAt(record, 'offering.adjustedGrossProceeds', 0.18);
    record.offering.securities.total.offered = usd(2_863_407.2);
    readAt(record, 'offering.securities.total.offered', 0.47);
    const flags = evaluate(record);
    expect(flags.find((f) => f.rule === 'C5_TOTAL_EQUALS_ADJUSTED_PROCEEDS')?.severity).toBe('error');
    expect(flags.find((f) => f.rule === 'C4B_ADJUSTED')?.severity).toBe('warning');
  });

  it("stays an error when the unsure offering total's rows include a zero read unsurely, and sold exceeds the misread total", () => {
    // The filer's C.4.b is 18,000.00 off the offering price less the expenses (C.5 adds up to it);
    // OCR lost the offering total's first figure, unsurely, which fails C.1's sum and makes the
    // amount sold more than offered; one row's "$ 0" was read unsurely too. The rows give the
    // total all the same, and C.4.b fails with it.
    const record = consistentRecord();
    record.offering.adjustedGrossProceeds = usd(28_652_072.04);
    record.offering.useOfProceeds.workingCapital.others = usd(17_617_071.96);
    record.offering.useOfProceeds.totalPaymentsListed = usd(28_652_072.04);
    record.offering.securities.total.offered = usd(8_684_072.04);
    readAt(record, 'offering.securities.total.offered', 0.47, '$ 8,684,072.04');
    readAt(record, 'offering.securities.partnership.offered', 0.69, '$ 0');
    const flags = evaluate(record);
    const c4b = flags.find((f) => f.rule === 'C4B_ADJUSTED');
    expect(c4b?.severity).toBe('error');
    expect(c4b?.explanation).toContain(
      "Read unsurely, C.1 aggregate offering price (confidence 0.47) is 28,684,072.04 by the form's other lines; the rule fails with that too.",
    );
  });

  it("stays the filer's error when the amounts read unsurely are dash zeros, however small the gap", () => {
    // The filer's C.2 accredited amount is 100.00 off C.1 sold; the non-accredited "-0-" was read
    // unsurely (a real reading at confidence 0.22).
    const record = consistentRecord();
    const { investors } = record.offering;
    investors.accredited.amount = (investors.accredited.amount ?? 0) - usd(100);
    investors.nonAccredited.amount = 0;
    readAt(record, 'offering.investors.accredited.amount', 0.87);
    readAt(record, 'offering.investors.nonAccredited.amount', 0.22, '$ -0-');
    const c2 = evaluate(record).find((f) => f.rule === 'C2_MATCHES_C1_SOLD');
    expect(c2?.severity).toBe('error');
    expect(c2?.explanation).toContain('Read unsurely, but as plain zeros');
    // A zero read as "$ 0" could be a figure OCR misread: a warning.
    readAt(record, 'offering.investors.nonAccredited.amount', 0.22, '$ 0');
    expect(evaluate(record).find((f) => f.rule === 'C2_MATCHES_C1_SOLD')?.severity).toBe('warning');
  });

  it('is a warning when the unsure amount, at the value the other lines give it, lets the rule pass', () => {
    const record = consistentRecord();
    record.offering.adjustedGrossProceeds = 0;
    readAt(record, 'offering.adjustedGrossProceeds', 0.57, '$ 0.00');
    const flags = evaluate(record);
    expect(flags.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it("stays the filer's error when the total counts a row twice to the cent, however unsurely the row was read", () => {
    // A generated filing's mistake: C.1's total sold counts its one row twice; the row read at 0.6.
    const record = consistentRecord();
    const { securities } = record.offering;
    const doubled = (securities.equity.sold ?? 0) * 2;
    securities.total.sold = doubled;
    record.offering.investors.accredited.amount = doubled;
    readAt(record, 'offering.securities.equity.sold', 0.6, '$ 27,701,668.92');
    const flags = evaluate(record).filter((f) => f.rule === 'C1_SOLD_SUM');
    expect(flags.map((f) => f.severity)).toEqual(['error']);
    expect(flags[0]?.explanation).toContain('counts twice');
    // A total read as nothing is no total that leaves its one row out: that stays a warning.
    securities.total.sold = 0;
    readAt(record, 'offering.securities.total.sold', 0.5, '$ 0');
    expect(evaluate(record).find((f) => f.rule === 'C1_SOLD_SUM')?.severity).toBe('warning');
  });

  it('stays an error of the filer when every amount it reads was read surely', () => {
    const flags = evaluate(seedTotalRead(0.97));
    expect(flags.filter((f) => f.rule.startsWith('C5_')).map((f) => f.severity)).toEqual(['error', 'error']);
  });

  it('is a warning when an amount read surely is one digit off a value two other lines agree on', () => {
    // A consistent filing whose C.5 total was read with one digit wrong, and another misread beside
    // it, so that no single change makes every rule pass.
    const record = consistentRecord();
    const use = record.offering.useOfProceeds;
    const adjusted = record.offering.adjustedGrossProceeds ?? 0;
    // Every payment to others, so that the column total of others repeats the adjusted proceeds.
    for (const row of C5_ROW_KEYS) {
      use[row].others = (use[row].others ?? 0) + (use[row].affiliates ?? 0);
      use[row].affiliates = 0;
    }
    use.columnTotals = { affiliates: 0, others: adjusted };
    expect(evaluate(record)).toEqual([]);
    use.totalPaymentsListed = adjusted + 4_000_000;
    readAt(record, TOTAL_LISTED, 0.9);
    use.workingCapital.others = (use.workingCapital.others ?? 0) + 3;
    readAt(record, WORKING, 0.9);
    const total = evaluate(record).find((f) => f.rule === 'C5_TOTAL_EQUALS_ADJUSTED_PROCEEDS');
    expect(total?.severity).toBe('warning');
    expect(total?.explanation).toContain('one digit off');
    // A filer's transposed digits are no misreading: that stays the filer's error.
    use.totalPaymentsListed = Number(String(adjusted).replace(/^(\d)(\d)/, '$2$1'));
    expect(use.totalPaymentsListed).not.toBe(adjusted);
    const swapped = evaluate(record).find((f) => f.rule === 'C5_TOTAL_EQUALS_ADJUSTED_PROCEEDS');
    expect(swapped?.severity).toBe('error');
  });

  it("stays the filer's error when the rule fails with the misread row's suggested value too", () => {
    // The filer's C.5 total repeats C.1's offering price; OCR misread one row by a figure (its
    // column total gives it) and read another row's "$ 0.00" as "$ 00", both unsurely.
    const record = consistentRecord();
    const use = record.offering.useOfProceeds;
    const column = (c: 'affiliates' | 'others') => C5_ROW_KEYS.reduce((sum, k) => sum + (use[k][c] ?? 0), 0);
    use.columnTotals = { affiliates: column('affiliates'), others: column('others') };
    expect(evaluate(record)).toEqual([]);
    use.totalPaymentsListed = record.offering.securities.total.offered;
    const typed = use.workingCapital.others ?? 0;
    const misread = Math.floor(typed / 100_000) % 10 === 9 ? typed - 100_000 : typed + 100_000;
    expect(digitSlip(typed, misread)).toBe('replaced');
    use.workingCapital.others = misread;
    readAt(record, WORKING, 0.3);
    readAt(record, 'offering.useOfProceeds.salaries.others', 0.24, '$ 00');
    const flags = evaluate(record);
    const rows = flags.find((f) => f.rule === 'C5_ROWS_SUM_TO_TOTAL');
    expect(rows?.severity).toBe('error');
    expect(rows?.explanation).toContain("by the form's arithmetic; the rule fails with that too");
    expect(flags.find((f) => f.rule === 'OCR_SUSPECTED_MISREAD')?.suggestion?.value).toBe(typed);
    // Another row read unsurely, which its column confirms once the misread is put right.
    readAt(record, DEBT, 0.44);
    expect(evaluate(record).find((f) => f.rule === 'C5_ROWS_SUM_TO_TOTAL')?.severity).toBe('error');
  });

  it("stays the filer's error when the amount one digit off a line is what another way's lines add up to", () => {
    // C.4.b is the offering price less 10,000,000.00 of expenses, one digit off it; the filer's C.5
    // total repeats the offering price, while the C.5 rows add up to C.4.b as read.
    const record = consistentRecord();
    const { securities, expenses } = record.offering;
    const extra = usd(10_000_000);
    const offered = (record.offering.adjustedGrossProceeds ?? 0) + extra;
    securities.equity.offered = (securities.equity.offered ?? 0) + offered - (securities.total.offered ?? 0);
    securities.total.offered = offered;
    for (const key of Object.keys(expenses) as Array<keyof typeof expenses>) expenses[key] = 0;
    expenses.legal = extra;
    expenses.total = extra;
    expect(evaluate(record)).toEqual([]);
    expect(digitSlip(offered, record.offering.adjustedGrossProceeds ?? 0)).toBe('replaced');
    record.offering.useOfProceeds.totalPaymentsListed = securities.total.offered;
    readAt(record, 'offering.adjustedGrossProceeds', 0.94);
    readAt(record, TOTAL_LISTED, 0.96);
    const c5 = evaluate(record).filter((f) => f.rule.startsWith('C5_'));
    expect(c5.map((f) => [f.rule, f.severity])).toEqual([
      ['C5_ROWS_SUM_TO_TOTAL', 'error'],
      ['C5_TOTAL_EQUALS_ADJUSTED_PROCEEDS', 'error'],
    ]);
  });

  it("stays the filer's error when the rows read surely already add up to more than a total read surely", () => {
    // The filer's C.1 total sold leaves out the equity row; its zero rows were read unsurely, and no
    // reading of them can make the rows add up to less.
    const record = consistentRecord();
    const { securities, investors } = record.offering;
    securities.debt.sold = usd(2991.49);
    securities.equity.sold = usd(1395456.76);
    securities.convertible.sold = 0;
    securities.partnership.sold = 0;
    securities.other.sold = 0;
    securities.total.sold = usd(2991.49);
    investors.accredited.amount = usd(2991.49);
    investors.nonAccredited.amount = 0;
    for (const row of ['convertible', 'partnership', 'other'])
      readAt(record, `offering.securities.${row}.sold`, 0.4, '$ -0-');
    readAt(record, 'offering.securities.total.sold', 0.95);
    const flag = evaluate(record).find((f) => f.rule === 'C1_SOLD_SUM');
    expect(flag?.severity).toBe('error');
    expect(flag?.explanation).toContain('read surely already add up to 1,398,448.25');
    // A total of a few dollars is likelier an amount OCR cut short: that stays a warning.
    securities.total.sold = usd(10);
    investors.accredited.amount = usd(10);
    expect(evaluate(record).find((f) => f.rule === 'C1_SOLD_SUM')?.severity).toBe('warning');
  });

  it("stays the filer's error when the rows read unsurely were read as plain zeros, and the sum is thousands off", () => {
    // A real reading: the filer's C.1 total offered is twice the convertible row (it repeats
    // C.4.b); the debt and equity rows read "$ 0" unsurely. A misread zero hides no 45 million.
    const record = consistentRecord();
    const { securities } = record.offering;
    for (const row of ['debt', 'equity', 'partnership', 'other'] as const) securities[row].offered = 0;
    securities.convertible.offered = usd(45730895.26);
    securities.total.offered = usd(91461790.52);
    readAt(record, 'offering.securities.debt.offered', 0.11, '$ 0');
    readAt(record, 'offering.securities.equity.offered', 0.68, '$ -0-');
    readAt(record, 'offering.securities.total.offered', 0.91);
    const flag = evaluate(record).find((f) => f.rule === 'C1_OFFERED_SUM');
    expect(flag?.severity).toBe('error');
    expect(flag?.explanation).toContain('as plain zeros: C.1 debt, aggregate offering price');
    // So is a zero whose cents OCR misread ("$ 0.08", "$ 0.060"), read as the zero it was.
    readAt(record, 'offering.securities.debt.offered', 0.11, '$ 0.08');
    readAt(record, 'offering.securities.equity.offered', 0.68, '$ 0.060');
    expect(evaluate(record).find((f) => f.rule === 'C1_OFFERED_SUM')?.severity).toBe('error');
    // A row read as more than a zero ("$ 9") may be an amount OCR cut short: that stays a warning.
    readAt(record, 'offering.securities.debt.offered', 0.11, '$ 9');
    expect(evaluate(record).find((f) => f.rule === 'C1_OFFERED_SUM')?.severity).toBe('warning');
  });

  it("stays the filer's error when the total read unsurely is the rows' sum with two adjacent digits swapped", () => {
    // A column total copied with two figures swapped (1,033,264 for 1,033,624), read unsurely.
    const record = consistentRecord();
    const use = record.offering.useOfProceeds;
    const others = C5_ROW_KEYS.reduce((sum, row) => sum + (use[row].others ?? 0), 0);
    use.columnTotals.others = others;
    expect(evaluate(record).find((f) => f.rule === 'C5_COLUMN_SUM')).toBeUndefined();
    const digits = String(others);
    const at = [...digits].findIndex((d, i) => i > 0 && d !== digits[i + 1] && i + 1 < digits.length);
    const swapped = Number(`${digits.slice(0, at)}${digits[at + 1]}${digits[at]}${digits.slice(at + 2)}`);
    expect(digitSlip(others, swapped)).toBe('transposed');
    use.columnTotals.others = swapped;
    readAt(record, 'offering.useOfProceeds.columnTotals.others', 0.5);
    const flag = evaluate(record).find((f) => f.rule === 'C5_COLUMN_SUM');
    expect(flag?.severity).toBe('error');
    expect(flag?.explanation).toContain('two adjacent digits swapped');
    // The same total one figure off is likelier misread: a suspected misread, no error.
    use.columnTotals.others = others + 100;
    const flags = evaluate(record);
    expect(flags.map((f) => f.rule)).toContain('OCR_SUSPECTED_MISREAD');
    expect(flags.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it("stays the filer's error in C.4.b when the unsure C.1 total it reads would hold only with two adjacent digits swapped", () => {
    // A real generated filing: C.1's total copied as 2,770,900.00 for the rows' 2,779,000.00, read
    // at 0.70; C.4.b was worked out from the right total, so it fails against the one written.
    // Here the seed's 28,684,072.04 copied as 28,648,072.04; its expenses are 50,000.00.
    const record = consistentRecord();
    const { securities } = record.offering;
    expect(securities.total.offered).toBe(2_868_407_204);
    securities.total.offered = 2_864_807_204;
    expect(digitSlip(2_868_407_204, 2_864_807_204)).toBe('transposed');
    readAt(record, 'offering.securities.total.offered', 0.7);
    const flags = evaluate(record);
    expect(flags.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual([
      'C1_OFFERED_SUM',
      'C4B_ADJUSTED',
    ]);
    expect(flags.find((f) => f.rule === 'C4B_ADJUSTED')?.explanation).toContain('swapped');
  });

  it("stays the filer's error in C.4.b worked out from the amount sold, to the cent, with its expenses read unsurely", () => {
    // A real generated filing: C.4.b is C.1's amount already sold less C.4.a's total, which OCR
    // read at 0.58 and a row misread. No misreading lands on another line's difference to the cent.
    const record = consistentRecord();
    const { securities, expenses } = record.offering;
    const [sold, spent] = [securities.total.sold ?? 0, expenses.total ?? 0];
    expect(sold).not.toBe(securities.total.offered);
    record.offering.adjustedGrossProceeds = sold - spent;
    readAt(record, 'offering.expenses.total', 0.58);
    // A row OCR could not read leaves C.4.a's sum unchecked, and no other line equals the total:
    // nothing else confirms it.
    expenses.printing = null;
    expenses.legal = spent - usd(25_000);
    expenses.accounting = usd(20_000);
    const flag = evaluate(record).find((f) => f.rule === 'C4B_ADJUSTED');
    expect(flag?.severity).toBe('error');
    expect(flag?.explanation).toContain('to the cent');
  });

  it("stays the filer's error when the line one digit off is only matched by a part of the same sum", () => {
    // C.2's amounts add up to one digit more than C.1's total sold, which C.1's rows confirm; the
    // accredited amount is C.2's sum itself, no other line agreeing with it.
    const record = consistentRecord();
    const { securities, investors } = record.offering;
    const sold = securities.total.sold ?? 0;
    expect(investors.nonAccredited.amount ?? 0).toBe(0);
    investors.accredited.amount = sold + 100_000;
    readAt(record, 'offering.investors.accredited.amount', 0.96);
    readAt(record, 'offering.securities.total.sold', 0.91);
    const c2 = evaluate(record).find((f) => f.rule === 'C2_MATCHES_C1_SOLD');
    expect(c2?.severity).toBe('error');
  });

  it('is a warning when an amount read surely is the last figures of what its rule expects (595.00 for 4,243,595.00)', () => {
    // A real reading of C.4.b: "... the "adjusted gross proceeds to the dssper sy 595.00".
    const record = consistentRecord();
    const adjusted = record.offering.adjustedGrossProceeds ?? 0;
    record.offering.adjustedGrossProceeds = adjusted % 100_000;
    readAt(record, 'offering.adjustedGrossProceeds', 0.96, '595.00');
    const c4b = evaluate(record).find((f) => f.rule === 'C4B_ADJUSTED');
    expect(c4b?.severity).toBe('warning');
    expect(c4b?.explanation).toContain('the last figures of');
    // Three figures alike are too few to tell from chance.
    record.offering.adjustedGrossProceeds = adjusted % 1_000;
    expect(evaluate(record).find((f) => f.rule === 'C4B_ADJUSTED')?.severity).toBe('error');
  });

  it('is a warning when an amount read surely is the first figures of what its rule expects (160.00 for 160,000.00)', () => {
    const record = consistentRecord();
    const adjusted = record.offering.adjustedGrossProceeds ?? 0;
    record.offering.useOfProceeds.totalPaymentsListed = Math.floor(adjusted / 100_000);
    readAt(record, TOTAL_LISTED, 0.95);
    const total = evaluate(record).find((f) => f.rule === 'C5_TOTAL_EQUALS_ADJUSTED_PROCEEDS');
    expect(total?.severity).toBe('warning');
    expect(total?.explanation).toContain('the first figures of');
    // Two figures kept whole are the first figures too ("$ 16" of 160,000.00).
    record.offering.useOfProceeds.totalPaymentsListed = Number(String(adjusted).slice(0, 2)) * 100;
    expect(evaluate(record).find((f) => f.rule === 'C5_TOTAL_EQUALS_ADJUSTED_PROCEEDS')?.severity).toBe(
      'warning',
    );
    // The same figures typed by the filer (a transcription) stay the filer's error.
    record.fields[TOTAL_LISTED] = { ...record.fields[TOTAL_LISTED]!, source: 'text' };
    expect(evaluate(record).find((f) => f.rule === 'C5_TOTAL_EQUALS_ADJUSTED_PROCEEDS')?.severity).toBe(
      'error',
    );
  });

  it('is a warning when the first figures, one of them misread, are read surely (2,208.00 for 2,206,450.00)', () => {
    const record = consistentRecord();
    const adjusted = record.offering.adjustedGrossProceeds ?? 0;
    const head = String(adjusted).slice(0, 4);
    // The fourth figure misread, the rest lost.
    const misread = Number(`${head.slice(0, 3)}${(Number(head[3]) + 2) % 10}`);
    record.offering.useOfProceeds.totalPaymentsListed = misread * 100;
    readAt(record, TOTAL_LISTED, 0.95);
    const total = evaluate(record).find((f) => f.rule === 'C5_TOTAL_EQUALS_ADJUSTED_PROCEEDS');
    expect(total?.severity).toBe('warning');
    expect(total?.explanation).toContain('the first figures of');
    // Figures that are not the amount's first figures stay the filer's error.
    record.offering.useOfProceeds.totalPaymentsListed = (Number(head) + 1111) * 100;
    expect(evaluate(record).find((f) => f.rule === 'C5_TOTAL_EQUALS_ADJUSTED_PROCEEDS')?.severity).toBe(
      'error',
    );
  });

  it("is a warning, in each rule that reads it, when a total read surely runs the next column's amount on", () => {
    // C.1's total offered read with the next column's figures run on ("966,366,212,167.99"): C.1's
    // sum fails, and C.4.b, which takes the offering price less the expenses, fails with it.
    const record = consistentRecord();
    const { securities } = record.offering;
    const offered = securities.total.offered ?? 0;
    securities.total.offered = offered * 1000 + 212;
    readAt(record, 'offering.securities.total.offered', 0.93);
    const flags = evaluate(record);
    const failing = flags.filter((f) => ['C1_OFFERED_SUM', 'C4B_ADJUSTED'].includes(f.rule));
    expect(failing.map((f) => [f.rule, f.severity])).toEqual([
      ['C1_OFFERED_SUM', 'warning'],
      ['C4B_ADJUSTED', 'warning'],
    ]);
    expect(failing[1]?.explanation).toContain('runs on (C1_OFFERED_SUM)');
    expect(flags.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
