/** Labels found through OCR-like typos, and transcriptions typed in other plausible styles. */

import { describe, expect, it } from 'vitest';
import type { TextLine } from '../src/ingest/lines.js';
import { readTranscription } from '../src/ingest/transcription.js';
import { splitAddress } from '../src/parse/address.js';
import { usPhone } from '../src/parse/cover.js';
import { FormText } from '../src/parse/form-text.js';
import { LABELS } from '../src/parse/labels.js';
import { parseFiling } from '../src/parse/parse-filing.js';
import { roundSum } from '../src/parse/part-b.js';
import { Reader } from '../src/parse/reader.js';
import { parseMisreadDate } from '../src/parse/signature.js';
import { mendProse } from '../src/parse/spelling.js';
import {
  mendNameCase,
  mendOcrText,
  mendTitleCase,
  mendTitleWords,
  valueLines,
} from '../src/parse/value-text.js';
import { emptyRecord } from '../src/record/empty-record.js';
import type { Bbox } from '../src/record/schema.js';
import { ACME, parseText, seedText, values } from './parse-seed-variants.js';

const docOf = (text: string) => new FormText(readTranscription(text));

describe('FormText.find where one wording is printed exactly inside a garbled longer one', () => {
  it('takes the label from where its garbled longer wording begins, as sure as the exact part', () => {
    // A real OCR line: "Purchase. rental ..." (a period for the comma) ends in the exact wording
    // "machinery and equipment", which, found alone, left the row's label with words before it.
    const doc = docOf(
      'Purchase. rental or leasing and installation of machinery and equipment\t☐ S\t-0- ☐ S\t-0-',
    );
    expect(doc.find(LABELS.equipment)).toEqual({
      start: { line: 0, col: 0 },
      end: { line: 0, col: 71 },
      score: 1,
    });
  });
});

describe('FormText.find with OCR-like typos', () => {
  const doc = docOf(
    [
      'Type of Security\tAggregate 0ffering Pr1ce\tAmount Already Sold',
      'Nane of lssuer (☐ check if this is an amendment and name has changed)',
      'Total Paymants Listed (column totals added) ☒ $ 27,701,668.92',
    ].join('\n'),
  );

  it('finds "Aggregate Offering Price" written "Aggregate 0ffering Pr1ce" (0 for O, 1 for i)', () => {
    expect(doc.find(['Aggregate Offering Price'])).toMatchObject({ start: { line: 0, col: 17 }, score: 1 });
  });

  it('finds "Name of Issuer" written "Nane of lssuer", with a score below 1', () => {
    const m = doc.find(LABELS.nameOfIssuer);
    expect(m?.start).toEqual({ line: 1, col: 0 });
    expect(m?.score).toBeGreaterThan(0.8);
    expect(m?.score).toBeLessThan(1);
  });

  it('finds "Total Payments Listed" written "Total Paymants Listed", with its printed "(column totals added)"', () => {
    const m = doc.find(LABELS.totalPaymentsListed);
    expect(m).toMatchObject({ start: { line: 2, col: 0 }, end: { line: 2, col: 43 } });
    expect(m?.score).toBeLessThan(1);
  });

  it('takes no label with another number for a misreading of one ("Rule 504" for "Rule 505")', () => {
    // OCR read a speck inside "Rule 505"; "Rule 50" is one letter off it, and ends "Rule 504".
    const row = docOf('Filing Under (Check box(es) that apply): ☐ Rule 504 ☐ Rule 8 505 ☒ Rule 506 ☐ ULOE');
    expect(row.find(['Rule 505'])).toBeNull();
    expect(row.find(['Rule 506'])?.start.col).toBe(67);
    // A figure read as its look-alike letter is no other number.
    expect(docOf('☐ Rule 5O5 ☐ Ru1e 506').find(['Rule 505'])?.start.col).toBe(2);
  });

  it('finds a long label four letters off, that keeps under two thirds of its trigrams', () => {
    // A real OCR reading at 200 dpi of C.5's row on a noisy thresholded scan: "Repaymen:" and
    // "ndebwdness" keep 11 of the label's 21 trigrams, and the row's two zeros were lost.
    const row = docOf('Repaymen: of ndebwdness\t☐ $\t0 ☐ 8\t0');
    expect(row.find(LABELS.debtRepayment)).toMatchObject({
      start: { line: 0, col: 0 },
      end: { line: 0, col: 23 },
    });
    // A line that shares a few words with it is still no match.
    expect(docOf('Repayment schedule of the notes\t☐ $\t0').find(LABELS.debtRepayment)).toBeNull();
  });

  it('does not take a label that is too far from any line', () => {
    expect(doc.find(['Repayment of indebtedness'])).toBeNull();
    expect(doc.find(LABELS.signer)).toBeNull();
  });

  it('takes a misspelled "Accredited investors" row, not the "Non-accredited Investors" row after it', () => {
    const table = docOf(
      'Accredlted investers\t20\t$ 27,701,668.92\nNon-accredited Investors.....\t0\t$ 0.00',
    );
    expect(table.find(LABELS.accredited)?.start).toEqual({ line: 0, col: 0 });
  });

  it('carries a label found by its short wording on over the garbled rest of its long one', () => {
    const lines = ['Full Name i Last name fest. il mdividualy', 'Full Name eLast name list iF individuoaly'];
    const garbled = docOf(lines.join('\n'));
    expect(garbled.find(LABELS.fullName)?.end).toEqual({ line: 0, col: lines[0]?.length });
    expect(garbled.find(LABELS.fullName, undefined, { line: 1, col: 0 })?.end).toEqual({
      line: 1,
      col: lines[1]?.length,
    });
    // A value typed on the label's line is not taken for the label's rest.
    expect(docOf('Full Name Smith, John A.').find(LABELS.fullName)?.end).toEqual({ line: 0, col: 9 });
  });

  it('ends a garbled label at the end of its last word, whose closing bracket OCR read as a letter', () => {
    // "Issuer (Print or Typey": the match stops after "Type", and the "y" left over was taken for
    // the value, so the issuer's name on the next line was never read.
    const garbled = docOf('Issuer (Print or Typey\nGenomic Corporation');
    expect(garbled.find(LABELS.signatureIssuer)?.end).toEqual({ line: 0, col: 22 });
  });
});

describe('the seed with several labels misspelled', () => {
  const TYPOS: Array<[string, string]> = [
    ['Name of Issuer', 'Nane of lssuer'],
    ['Total Payments Listed', 'Total Paymants Listed'],
    ['Telephone Number (Including Area Code)', 'Telephone Numbr (Includng Area Code)'],
    ['Brief Description of Business', 'Brief Descripton of Busines'],
    ['Repayment of indebtedness', 'Repaymemt of indebtednes'],
    ['Working capital', 'Workinq capita1'],
    ['Accredited investors', 'Accredlted investers'],
    ['Legal Fees', 'Lega1 Fess'],
    ['Name of Signer (Print or Type)', 'Name of Slgner (Prnt or Type)'],
    ['Full Name (Last name first, if individual)', 'Ful1 Name (Last nane first, if individual)'],
  ];

  it('still parses every value the same', async () => {
    let text = seedText();
    for (const [label, typo] of TYPOS) {
      expect(text).toContain(label);
      text = text.split(label).join(typo);
    }
    const [typed, seed] = await Promise.all([parseText(text), parseText(seedText())]);
    expect(values(typed)).toEqual(values(seed));
    // The values behind the misspelled labels are there, read with less than full confidence.
    expect(typed.issuer.name).toBe('Qualys, Inc.');
    expect(typed.offering.useOfProceeds.totalPaymentsListed).toBe(27701668.92);
    expect(typed.offering.investors.accredited).toEqual({ count: 20, amount: 27701668.92 });
    expect(typed.fields['issuer.name']?.confidence).toBeLessThan(1);
    expect(typed.fields['offering.useOfProceeds.totalPaymentsListed']).toMatchObject({ line: 336 });
  });
});

describe('a transcription typed in another style', () => {
  it('parses every part: labels with colons, bracket boxes, tables without dot leaders', async () => {
    const json = await parseText(ACME, 'acme.txt');
    expect(json.filing).toEqual({
      offeringName: 'Series A Common Stock',
      isAmendment: false,
      exemptions: { rule504: false, rule505: false, rule506: true, section4_6: false, uloe: false },
    });
    expect(json.issuer).toMatchObject({
      name: 'Acme Corp',
      address: { street: '100 Main Street', city: 'Springfield', state: 'IL', zip: '62701' },
      phone: '(217) 555-0100',
      businessDescription: 'Maker of anvils and rocket skates',
      entityType: 'corporation',
      incorporation: { month: 5, year: 1998, actual: true },
      jurisdiction: 'IL',
    });
    expect(json.relatedPersons).toEqual([
      {
        name: 'Coyote, Wile E.',
        address: '100 Main Street, Springfield, IL 62701',
        roles: {
          promoter: false,
          beneficialOwner: true,
          executiveOfficer: true,
          director: true,
          generalPartner: false,
        },
      },
      {
        name: 'Runner, Road',
        address: '1 Desert Road, Tucson, AZ 85701',
        roles: {
          promoter: false,
          beneficialOwner: false,
          executiveOfficer: false,
          director: true,
          generalPartner: false,
        },
      },
    ]);
    const o = json.offering;
    expect([o.nonAccreditedSales, o.minimumInvestment, o.jointOwnership, o.salesCompensation]).toEqual([
      false,
      25000,
      true,
      [],
    ]);
    expect(o.securities.equity).toEqual({ offered: 1000000, sold: 750000, common: true, preferred: false });
    expect(o.securities.total).toEqual({ offered: 1000000, sold: 750000 });
    expect(o.investors).toEqual({
      accredited: { count: 12, amount: 750000 },
      nonAccredited: { count: 0, amount: 0 },
    });
    expect(o.expenses).toMatchObject({ legal: 20000, accounting: 5000, total: 25000, findersFees: null });
    expect(o.adjustedGrossProceeds).toBe(975000);
    expect(o.useOfProceeds.salaries).toEqual({ affiliates: 100000, others: 0 });
    expect(o.useOfProceeds.workingCapital).toEqual({ affiliates: 0, others: 875000 });
    expect(o.useOfProceeds.columnTotals).toEqual({ affiliates: 100000, others: 875000 });
    expect(o.useOfProceeds.totalPaymentsListed).toBe(975000);
    expect([...o.estimated].sort()).toEqual([
      'expenses.legal',
      'expenses.total',
      'useOfProceeds.columnTotals.others',
      'useOfProceeds.totalPaymentsListed',
      'useOfProceeds.workingCapital.others',
    ]);
    expect(json.signature).toEqual({
      issuer: 'Acme Corp',
      signer: 'Jane Doe',
      title: 'President',
      date: '2003-11-28',
    });
    expect(json.stateDisqualification).toBe(false);
  });

  it('is consistent, so no rule fires and no one needs to review it', async () => {
    const json = await parseText(ACME, 'acme.txt');
    expect(json.flags).toEqual([]);
    expect(json.review).toEqual({ status: 'auto', reasons: [] });
  });

  it("reads no amount out of a page footer that a table row's blank cell runs over", async () => {
    const json = await parseText(
      ACME.replace(
        'Column Totals    [ ] $ 100,000.00    [X] $ 875,000.00',
        'Column Totals    [ ] $ 100,000.00    [ ] $\nSEC 1972 (6/99)',
      ),
      'acme.txt',
    );
    expect(json.offering.useOfProceeds.columnTotals).toEqual({ affiliates: 100000, others: null });
  });

  it('reads C.4.b\'s amount on a line of its own before C.5\'s number read "So"', async () => {
    // A real reading at 200 dpi: the amount under the instruction, and "5." read as "S" and "o",
    // which looked like a "$" and a zero.
    const json = await parseText(
      ACME.replace('Question 4.a.    $ 975,000.00\n5. Indicate', 'Question 4.a.\t.\n975.000.00\nSo Indicate'),
      'acme.txt',
    );
    expect(json.offering.adjustedGrossProceeds).toBe(975000);
  });

  it("reads no amount out of a speck read as a dash before the next row's label", async () => {
    // A real reading of C.4.a: the legal fees' cents after a comma, the accounting fees' line
    // begun by a speck ("- Accounting Fees").
    const json = await parseText(
      ACME.replace(
        'Legal Fees    [X] $ 20,000.00\nAccounting Fees',
        'Legal Fees    [X] $ 20,000,00\n- Accounting Fees',
      ),
      'acme.txt',
    );
    expect(json.offering.expenses.legal).toBe(20000);
  });

  it("reads a row's dash for zero with specks read as curly quotes on a line of their own after it", async () => {
    // A real reading of C.4.a at 200 dpi: the next row's X ran out of its box and OCR read its ends
    // as a line of its own ("’ .") between the printing row and the legal fees' row.
    const json = await parseText(
      ACME.replace(
        'Printing and Engraving Costs    [ ] $ 0',
        'Printing and Engraving Costs    [ ] $\t-\n’ .',
      ),
      'acme.txt',
    );
    expect(json.offering.expenses.printing).toBe(0);
  });

  it("reads C.5's first row by its place, its label garbled, where a page's footer stands between the table's head and it", async () => {
    // A real reading at 200 dpi: "Salaries" read "Satanes", and page 4's footer, its number after
    // a gap, before page 5's heading and the table's column heads.
    const json = await parseText(
      ACME.replace(
        '5. Indicate below the amount of the adjusted gross proceeds to the issuer used or proposed to be used for each of the purposes shown.\n',
        '5. Indicate below the amount of the adjusted gross proceeds to the issuer used or proposed to be used for each of the purposes shown.\nSEC 1972 (1/94)\t4\nC. OFFERING PRICE, NUMBER OF INVESTORS, EXPENSES AND USE OF PROCEEDS\n',
      ).replace('Salaries and fees    [ ] $ 100,000.00', 'Satanes and fees .    [ ] $ 100,000.00'),
      'acme.txt',
    );
    expect(json.offering.useOfProceeds.salaries).toEqual({ affiliates: 100000, others: 0 });
  });

  it.each([
    // A real reading at 200 dpi: C.5's Construction row ends page 5, "-5." under it, and page 6
    // opens with the part's heading before the Acquisition row.
    ['[ ] $ 0    [ ] $ 0\n-5.\nC. OFFERING PRICE, NUMBER OF INVESTORS, EXPENSES AND USE OF PROCEEDS\n'],
    // A real reading: the footer, then the heading read in pieces, its start with a speck and its
    // "EXPENSES" in a column of its own, after a cell whose zero lost its point ("$0 00").
    [
      '[ ] $0.00    [ ] $0 00\nSEC 1972 (9/06)\t5.\nPRICE, NUMBER OF INVESTORS, AND USE OF PROCEEDS\n~ C.OFFERING\tEXPENSES\n',
    ],
    // A real reading at 200 dpi: page 5's heading bar, beside a copier's dark edge, read as junk.
    [
      '[ ] $ 0    [ ] $ 0\nSEC 1972 (1/04)\t4\n(ON10) 3 3 2A TE Ie 2 1 (03 SRL) G02) 4 100) 30 INA OR) KO) LN 2D 4 RISEN) ROR) 3) |: 10010) 242) 1)\n',
    ],
  ])(
    "reads a row at a page's foot whose span runs over the page's number and the next page's heading (%j)",
    async (cells) => {
      const label = 'Construction or leasing of plant buildings and facilities    ';
      const json = await parseText(
        ACME.replace(`${label}[ ] $ 0    [ ] $ 0\n`, `${label}${cells}`),
        'acme.txt',
      );
      expect(json.offering.useOfProceeds.construction).toEqual({ affiliates: 0, others: 0 });
    },
  );

  it('reads no amount out of a page\'s "N of M" footer read as "Sof6", or its "of" as figures ("4016") or an "o"', async () => {
    // Real readings at 200 dpi: the footer's figures read as letters; C.5's Other row at page 4's
    // foot, "4 of 6" under it read "4016"; and its Repayment row, "4 of 5" under it read "4o5".
    for (const [row, others] of [
      ['[ ] $0    [ ] $0\nSof6', 0],
      ['[ ] $ 0.00    [ ] $ 1,371,514.51\n4016', 1_371_514.51],
      ['[ ] $ 0.00    [ ] $ 136,580.13\n4o5', 136_580.13],
    ] as const) {
      const json = await parseText(
        ACME.replace(
          'Acquisition of other businesses    [ ] $ 0    [ ] $ 0',
          `Acquisition of other businesses    ${row}`,
        ),
        'acme.txt',
      );
      expect(json.offering.useOfProceeds.acquisition).toEqual({ affiliates: 0, others });
    }
  });

  it("reads C.4.b's amount by its place after C.4.a's Total when OCR garbled its instruction, and less surely", async () => {
    const c4b =
      'b. Enter the difference between the aggregate offering price given in response to Part C - Question 1 and total expenses furnished in response to Part C - Question 4.a.    $ 975,000.00';
    // A real OCR line: the instruction's two lines read as one, their words interleaved.
    const garbled =
      'difference b Enter the is differance the “adjusted between gross the proceeds aggregate to the ofering issuer. ics given in response fo Part G- Question 1 and total expenses\t$ 975,000.00';
    const json = await parseText(ACME.replace(c4b, garbled), 'acme.txt');
    expect(json.offering.adjustedGrossProceeds).toBe(975000);
    expect(json.fields['offering.adjustedGrossProceeds']?.confidence).toBeLessThan(0.8);
    // A zero read there is a speck or a garbled word, not an amount.
    const zero = await parseText(
      ACME.replace(
        c4b,
        'Ere fn rence beeen 057s fg pice gen 1 espr Part G- Que 1a al pans arth 1 epoca Pat C- Quon 2. Tha dees so $s oP . 5 6500 .',
      ),
      'acme.txt',
    );
    expect(zero.offering.adjustedGrossProceeds).toBeNull();
  });

  it('reads a count OCR read as a letter beside purchases of nothing as the zero it is, less surely', async () => {
    // A real OCR line: the typed 0 read "a" among a leader's specks; no investor bought nothing.
    const json = await parseText(
      ACME.replace(
        'Non-accredited Investors    0    $ 0',
        'Non-accredited Investors...\t.\t..\tCe\ta\t$ -0-',
      ),
      'acme.txt',
    );
    expect(json.offering.investors.nonAccredited).toEqual({ count: 0, amount: 0 });
    expect(json.fields['offering.investors.nonAccredited.count']?.confidence).toBeLessThan(0.8);
    // Beside an amount, a letter says nothing of the count.
    const some = await parseText(
      ACME.replace('Accredited Investors    12    $ 750,000.00', 'Accredited Investors\ta\t$ 750,000.00'),
      'acme.txt',
    );
    expect(some.offering.investors.accredited).toEqual({ count: null, amount: 750000 });
  });

  it("reads no zero out of the page's number that ends the page after a row", async () => {
    // A real OCR reading: the last row of a page, then the page's number "-4-", which read as a
    // third cell's "-0-" and spoiled the row's second one.
    const json = await parseText(
      ACME.replace(
        'Construction or leasing of plant buildings and facilities    [ ] $ 0    [ ] $ 0',
        'Construction or leasing of plant buildings and facilities    [ ] $0.00\t[ ] $0.00\n-4-',
      ),
      'acme.txt',
    );
    expect(json.offering.useOfProceeds.construction).toEqual({ affiliates: 0, others: 0 });
  });

  it("reads a row's amount when the next row's label is garbled past finding", async () => {
    // A real OCR reading: the Sales Commissions label unfound, its line fell in the Engineering
    // row, and its words ran into the Engineering amount.
    const json = await parseText(
      ACME.replace(
        "Engineering Fees    [ ] $ 0\nSales Commissions (specify finders' fees separately)    [ ] $ 0",
        'Engineering Fees\t[ ] $\t0:00\nSales Cunnnlssluns (spectly finders’ fees separately)\t[ ] $\t0:00',
      ),
      'acme.txt',
    );
    expect(json.offering.expenses.engineering).toBe(0);
    expect(json.fields['offering.expenses.engineering']?.raw).toBe('$ 0.00');
  });

  it('finds a garbled row by its place where only a row some printings have is missing too', async () => {
    // A real OCR reading of the label; this printing has no Finders' Fees row.
    const json = await parseText(
      ACME.replace(
        "Sales Commissions (specify finders' fees separately)    [ ] $ 0",
        "Sales Coninilssions (specify finders' fees separately)\t[ ] $\t0.00",
      ),
      'acme.txt',
    );
    expect(json.offering.expenses.salesCommissions).toBe(0);
    expect(json.fields['offering.expenses.salesCommissions']?.confidence).toBeLessThan(0.8);
    expect(json.offering.expenses.findersFees).toBeNull();
  });

  it("reads a dash as zero with a dot leader's dots on the line after it", async () => {
    // A real OCR reading: the leader's dots of the row, set on a line of their own.
    const json = await parseText(
      ACME.replace('Engineering Fees    [ ] $ 0', 'Engineering Fees\t[ ] s\t-\n .\t.\t.\t.'),
      'acme.txt',
    );
    expect(json.offering.expenses.engineering).toBe(0);
  });

  it("reads a row whose label's small print OCR read as a line of a word and lone figures after its cells", async () => {
    // A real OCR reading at 200 dpi: the Acquisition label's second line run into its cells'
    // line, and what was left of it read under them as "dhe 1 <tab> 1".
    const json = await parseText(
      ACME.replace(
        'Acquisition of other businesses    [ ] $ 0    [ ] $ 0',
        [
          'Acquisition of other businesses (including the value of securities involved in this',
          'lig issuer pursuant rat may fo be a Una merger) change : or the sect o sctrlfes of anchhr [ ] $0\t[ ] $0',
          'dhe 1\t1',
        ].join('\n'),
      ),
      'acme.txt',
    );
    expect(json.offering.useOfProceeds.acquisition).toEqual({ affiliates: 0, others: 0 });
  });

  it('finds a garbled row by its place after a row whose label runs over three lines, its cells on the last', async () => {
    // A real OCR reading at 200 dpi: the Acquisition label typed over three lines, its cells on the
    // third, and the next row's label garbled ("Repayment of hulelum lure").
    const json = await parseText(
      ACME.replace(
        'Acquisition of other businesses    [ ] $ 0    [ ] $ 0\nRepayment of indebtedness    [ ] $ 0    [ ] $ 0',
        [
          'Acquisition of other businesses (including the value of securities involved in',
          'this offering that may be used in exchange for the assets or securities of',
          'another Issuer pursuant to a merger)\t[ ] $\t-0-\t[ ] $ 10.310.777.00',
          'Repayment of hulelum lure\t[ ] $\t-0-\t[ ] $ 5.559.486.00',
        ].join('\n'),
      ),
      'acme.txt',
    );
    expect(json.offering.useOfProceeds.acquisition).toEqual({ affiliates: 0, others: 10_310_777 });
    expect(json.offering.useOfProceeds.debtRepayment).toEqual({ affiliates: 0, others: 5_559_486 });
  });

  it('ends a row at the next row found by its place, its label garbled', async () => {
    // A real OCR reading: Equity's label unfound, its amounts found by place, and the Debt row's
    // second "-" ran on into them.
    const json = await parseText(
      ACME.replace('Debt    $ 0    $ 0', 'Debt\t$\t-\t$\t-').replace(
        'Equity    $ 1,000,000.00    $ 750,000.00',
        'Equty\too\t. ~~ s 1,000,000.00\t$ 750,000.00',
      ),
      'acme.txt',
    );
    expect(json.offering.securities.debt).toEqual({ offered: 0, sold: 0 });
    expect(json.offering.securities.equity).toEqual({
      offered: 1000000,
      sold: 750000,
      common: true,
      preferred: false,
    });
  });

  it('flags the same filing once its C.5 total repeats C.1 amount already sold', async () => {
    const json = await parseText(
      ACME.replace('(column totals added)    [X] $ 975,000.00', '(column totals added)    [X] $ 750,000.00'),
      'acme.txt',
    );
    const rules = json.flags.map((f) => f.rule).sort();
    expect(rules).toEqual(['C5_ROWS_SUM_TO_TOTAL', 'C5_TOTAL_EQUALS_ADJUSTED_PROCEEDS']);
    const total = json.flags.find((f) => f.rule === 'C5_TOTAL_EQUALS_ADJUSTED_PROCEEDS');
    expect(total).toMatchObject({ expected: 975000, actual: 750000, difference: -225000 });
    expect(total?.explanation).toContain('C.1 amount already sold');
  });
});

describe("Equity's Common and Preferred boxes", () => {
  it('reads a line of two boxes under Equity whose labels OCR lost as Common and Preferred, unsurely', async () => {
    const text = seedText().replace(
      '<input type="checkbox"/> Common <input checked="" type="checkbox"/> Preferred',
      '☐\t☒',
    );
    expect(text).not.toBe(seedText());
    const record = await parseText(text);
    expect(record.offering.securities.equity).toMatchObject({ common: false, preferred: true });
    expect(record.fields['offering.securities.equity.preferred']?.confidence).toBeLessThan(0.8);
    expect(record.offering.securities.equity.offered).toBe(28_684_072.04);
  });
});

describe('the date and jurisdiction combs as OCR garbles them', () => {
  it('reads the year after the month when the Year label is unreadable', async () => {
    // One line, as OCR reads the comb row: "Year" garbled to "vear".
    const text = seedText().replace(
      'Month\n1 **2**Year\n9 **9**☒ Actual☐ Estimated',
      'Month 1 2 vear 9 9 ☒ Actual ☐ Estimated',
    );
    expect(text).not.toBe(seedText());
    const record = await parseText(text);
    expect(record.issuer.incorporation).toMatchObject({ month: 12, year: 1999, actual: true });
    expect(record.fields['issuer.incorporation.year']?.confidence).toBeLessThan(1);
  });

  it.each([
    ['Moh 1 1 yew 9 2', 11, 1992],
    ['1 1 Yer 1992', 11, 1992],
    ['0 6 2001', 6, 2001],
    // Its 0 read as an O and its 6 as the G it looks like (a real OCR reading).
    ['O G Yer 2001', 6, 2001],
  ])(
    'reads the combs after the date\'s label where OCR garbled or lost the Month label: "%s"',
    async (row, month, year) => {
      const text = seedText().replace(
        'Month\n1 **2**Year\n9 **9**☒ Actual☐ Estimated',
        `${row} ☒ Actual ☐ Estimated`,
      );
      expect(text).not.toBe(seedText());
      const record = await parseText(text);
      expect(record.issuer.incorporation).toMatchObject({ month, year, actual: true });
      expect(record.fields['issuer.incorporation.month']?.confidence).toBeLessThan(0.8);
    },
  );

  it.each([
    ['Month @ 8 Year 9 5', 8, 1995],
    ['Month rn 4 Year n 4', 4, 2004],
    ['Month 1 C Year 9 ]', 10, 1991],
  ])('reads a zero or a one OCR read as a sign or a broken ring in "%s"', async (row, month, year) => {
    const text = seedText().replace(
      'Month\n1 **2**Year\n9 **9**☒ Actual☐ Estimated',
      `${row} ☒ Actual ☐ Estimated`,
    );
    expect(text).not.toBe(seedText());
    const record = await parseText(text);
    expect(record.issuer.incorporation).toMatchObject({ month, year });
  });

  it('reads no digit of the year from what OCR read after the Actual box ("0 6 ☒ 7 Actual")', async () => {
    const text = seedText().replace(
      'Month\n1 **2**Year\n9 **9**☒ Actual☐ Estimated',
      'Month 0 2 year 0 6 ☒ 7 Actual ☐ Estimated',
    );
    expect(text).not.toBe(seedText());
    const record = await parseText(text);
    expect(record.issuer.incorporation).toMatchObject({ month: 2, year: 2006, actual: true });
  });

  it('reads no 1 from the comb\'s closing wall after the year ("9 2 |")', async () => {
    const text = seedText().replace(
      'Month\n1 **2**Year\n9 **9**☒ Actual☐ Estimated',
      'Month 0 2 Year 9 2 | ☒ Actual ☐ Estimated',
    );
    expect(text).not.toBe(seedText());
    const record = await parseText(text);
    expect(record.issuer.incorporation).toMatchObject({ month: 2, year: 1992 });
    // Nor from its opening wall before it ("| 9 7").
    const opening = seedText().replace(
      'Month\n1 **2**Year\n9 **9**☒ Actual☐ Estimated',
      'Month 0 2 Year | 9 7 ☒ Actual ☐ Estimated',
    );
    expect((await parseText(opening)).issuer.incorporation).toMatchObject({ month: 2, year: 1997 });
  });

  it('reads the zeros of a comb OCR read as letters among its walls and figures ("|2 |ojo|2")', async () => {
    // A real OCR reading of "2 0 0 2" in a comb with walls between its cells.
    const text = seedText().replace(
      'Month\n1 **2**Year\n9 **9**☒ Actual☐ Estimated',
      'Month 06 Year |2 |ojo|2 ☐ Actual ☒ Estimated',
    );
    const record = await parseText(text);
    expect(record.issuer.incorporation).toMatchObject({ month: 6, year: 2002 });
  });

  it('reads a figure OCR read as a mark or a letter alone in a comb cell ("1 9 & 6")', async () => {
    // A real OCR reading of the year 1986.
    const text = seedText().replace(
      'Month\n1 **2**Year\n9 **9**☒ Actual☐ Estimated',
      'Month 1 2 Year 1 9 & 6 ☒ Actual ☐ Estimated',
    );
    expect((await parseText(text)).issuer.incorporation).toMatchObject({ month: 12, year: 1986 });
  });

  it('reads a month whose leading zero OCR read as a 9 ("9 4") as that month, unsurely', async () => {
    const text = seedText().replace(
      'Month\n1 **2**Year\n9 **9**☒ Actual☐ Estimated',
      'Month 9 4 Year 1 9 9 6 ☒ Actual ☐ Estimated',
    );
    const record = await parseText(text);
    expect(record.issuer.incorporation).toMatchObject({ month: 4, year: 1996 });
    expect(record.fields['issuer.incorporation.month']?.confidence).toBeLessThan(0.8);
  });

  it('reads a year no issuer could have been formed in ("1097") as the one year a figure off it, unsurely', async () => {
    const read = async (row: string) =>
      parseText(
        seedText().replace('Month\n1 **2**Year\n9 **9**☒ Actual☐ Estimated', `${row} ☒ Actual ☐ Estimated`),
      );
    const record = await read('Month 0 1 Year 1 o 9 7');
    expect(record.issuer.incorporation.year).toBe(1997);
    expect(record.fields['issuer.incorporation.year']?.confidence).toBeLessThan(0.8);
    // A year of the last century is left as read.
    expect((await read('Month 0 1 Year 1 9 2 5')).issuer.incorporation.year).toBe(1925);
  });

  it('reads a jurisdiction whose letter OCR read as a digit ("D3") as a real code, marked unsure', async () => {
    const record = await parseText(seedText().replace('\nD E**GENERAL', '\nD 3**GENERAL'));
    expect(record.issuer.jurisdiction).toBe('DE');
    expect(record.fields['issuer.jurisdiction']?.confidence).toBeLessThan(0.8);
    // Digits that make no code stay unread.
    const none = await parseText(seedText().replace('\nD E**GENERAL', '\nQ 9**GENERAL'));
    expect(none.issuer.jurisdiction).toBeNull();
  });

  it('reads the code after the rest of a label whose start OCR garbled', async () => {
    const label =
      'Jurisdiction of Incorporation or Organization: (Enter two-letter U.S. Postal Service Abbreviation for State:\n\nCN for Canada; FN for other foreign jurisdiction)\n\nD E';
    expect(seedText()).toContain(label);
    for (const [garbled, code] of [
      // The code after the instruction's closing bracket.
      [
        'Jurisdiction of Incorporation or O on for State:\nCN for Canada; FN for sther foreign jurisdiction) DE',
        'DE',
      ],
      // The code read on the line between the instruction's two lines.
      [
        'Jurisdiction of Incorporation or Organiz tion: (Enter two-letter U.S. Postal Service Abbreviation for State:\nWA\nCN for Canada; FN for ather foreign jurisdiction)',
        'WA',
      ],
      // There, its I read as an L (a real reading): the one code a confused letter makes.
      [
        'Jurisdiction of Incorporation or Organization: (Enter two-letter U.S. Postal Service\nAbbreviation for State:\nLL\nCN for Canada; FN for other foreign jurisdiction)',
        'IL',
      ],
      // The comb's spaced letters at the end of the instruction's first line, after a column's gap.
      [
        'Jurisdiction of Incorporation or Organization: (Enter two-letter U.S. Postal Service Abbreviation for State:\tD E\nCN for Canada; FN for other foreign jurisdiction)',
        'DE',
      ],
      // After the second line, its closing bracket misread.
      [
        'Jurisdiction of Incorporation or Organization: (Enter two-letter U.S. Postal Service\nCN tor Canada; FN for other foreign jurisdiction}\tD E',
        'DE',
      ],
      // After a speck read in a column of its own (a real reading).
      [
        'Jurisdiction of Incorporation or Organization: (Enter two-letter U.S. Postal Service Abbreviation for State:\nCN for Canada; FN for other foreign jurisdiction)\t’\tW Y',
        'WY',
      ],
    ] as const) {
      const record = await parseText(seedText().replace(label, garbled));
      expect(record.issuer.jurisdiction).toBe(code);
    }
  });

  it('reads letters that make no code as the one real code a look-alike letter makes ("D F" for DE)', async () => {
    for (const [typed, code] of [
      ['D F', 'DE'],
      ['H T', 'HI'],
    ]) {
      const record = await parseText(seedText().replace('\nD E**GENERAL', `\n${typed}**GENERAL`));
      expect(record.issuer.jurisdiction).toBe(code);
      expect(record.fields['issuer.jurisdiction']?.confidence).toBeLessThan(0.8);
    }
  });
});

describe('mendNameCase', () => {
  it.each([
    ['Hiroshi white', 'person', 'Hiroshi White'],
    ['Richard I. clark', 'person', 'Richard I. Clark'],
    ['Miller, Giovanni o.', 'person', 'Miller, Giovanni O.'],
    ['Andrew X. JackSon', 'person', 'Andrew X. Jackson'],
    ['Jason K, ESchelbeck', 'person', 'Jason K. Eschelbeck'],
    ['VenroCk Associates, L.P.', 'entity', 'Venrock Associates, L.P.'],
    ['Clearwater Gp, L.L.C.', 'entity', 'Clearwater GP, L.L.C.'],
    ['Silver Advisors, L.L-.C.', 'entity', 'Silver Advisors, L.L.C.'],
    ['Williams, Sharon V-', 'person', 'Williams, Sharon V.'],
    // A middle initial read twice, or as a bar; a name's O read as a zero (real OCR readings).
    ['Taylor, Lisa QQ.', 'person', 'Taylor, Lisa Q.'],
    ['Saltzman, Andrew |.', 'person', 'Saltzman, Andrew I.'],
    ["0'Brien, Joseph", 'person', "O'Brien, Joseph"],
    ['Lisa QQ. Taylor', 'entity', 'Lisa QQ. Taylor'],
    ['L Borregas Avenue, Boston, MA 02129', 'address', '1 Borregas Avenue, Boston, MA 02129'],
    ['U.S. Venture partners IX, L.P.', 'entity', 'U.S. Venture Partners IX, L.P.'],
    ['3 ExecUtive Drive, Phoenix, AZ 85088', 'address', '3 Executive Drive, Phoenix, AZ 85088'],
    ['Accel Partners vii, L.P.', 'entity', 'Accel Partners VII, L.P.'],
    ['Sequoia Capital Xiv', 'entity', 'Sequoia Capital XIV'],
    ['Smith, John iii', 'person', 'Smith, John III'],
    ['Nakamura, Eric Vv.', 'person', 'Nakamura, Eric V.'],
    // A speck before a middle initial read as an I (a real OCR reading).
    ['Williams, Alex ID.', 'person', 'Williams, Alex D.'],
    // Or read as a figure (a real OCR reading).
    ['Ward, Hiroshi 8S.', 'person', 'Ward, Hiroshi S.'],
    ['Linda U Gutierrez', 'person', 'Linda U. Gutierrez'],
    ['1476 Chestnut Street, EMeryville, CA 94673', 'address', '1476 Chestnut Street, Emeryville, CA 94673'],
    ['JOhnson, Mary', 'person', 'Johnson, Mary'],
    // A round capital ending a word after small letters, and one inside it (a real OCR reading).
    ['Venrock AsSociateS', 'entity', 'Venrock Associates'],
    [
      '116 Research Boulevard; Unit 2300, Menlo Park, CA 94068',
      'address',
      '116 Research Boulevard, Unit 2300, Menlo Park, CA 94068',
    ],
    // An accent OCR read over a letter of an address (a real OCR reading).
    ['1160 El Camino Réal, Albuquerque, NM 87168', 'address', '1160 El Camino Real, Albuquerque, NM 87168'],
    // A part's first letter read small after a comma (a real OCR reading).
    [
      '7 Franklin Street, unit 700, pittsburgh, PA 15260',
      'address',
      '7 Franklin Street, Unit 700, Pittsburgh, PA 15260',
    ],
  ] as const)('mends the case of %j (a %s) to %j', (read, kind, typed) => {
    expect(mendNameCase(read, kind)).toBe(typed);
  });

  it.each([
    ['McKenzie, Ann', 'person'],
    ['DeSoto, Maria', 'person'],
    ['PeopleSoft, Inc.', 'entity'],
    ['Fund of the Future, L.P.', 'entity'],
    ['eBay Inc.', 'entity'],
    ['IBM Corp.', 'entity'],
    ['King, Patricia A.', 'person'],
    ['1 Main street, Boston, MA 02110', 'address'],
    ['9 Oak Street, c/o Apex Partners, Boston, MA 02110', 'address'],
    ['L Street, Washington, DC 20005', 'address'],
    ['Vivid Partners, L.P.', 'entity'],
    ['Six Rivers Fund I, L.P.', 'entity'],
    ['Oo, Kim', 'person'],
    ['Smith, John IV.', 'person'],
  ] as const)('leaves %j (a %s) as read', (read, kind) => {
    expect(mendNameCase(read, kind)).toBe(read);
  });
});

describe('mendTitleCase', () => {
  it.each([
    ['Chief operating officer', 'Chief Operating Officer'],
    ['president', 'President'],
    ['Vice President and secretary', 'Vice President and Secretary'],
    // A word that shows it was typed small: left as read, but for the first word's capital.
    ['officer', 'Officer'],
    ['Chief executive officer', 'Chief executive officer'],
    ['Managing Member', 'Managing Member'],
    // An abbreviation's last letter read small where it is the same shape in both sizes (a real
    // reading); a word of a capital and small letters stays.
    ['President and CEo', 'President and CEO'],
    ['president and cEo', 'President and CEO'],
    ['VP of Ops', 'VP of Ops'],
  ])('mends %j to %j', (read, typed) => {
    expect(mendTitleCase(read)).toBe(typed);
  });
});

describe('mendOcrText', () => {
  it.each([
    ['Martinez, Charles T,', 'Martinez, Charles T.'],
    ['Roberts, John C', 'Roberts, John C.'],
    // A word split in two.
    ['Institutional Vent Ure Partners Fund III, L.P.', 'Institutional Venture Partners Fund III, L.P.'],
    [
      '1140 Techno Ogy Drive, Floor 2000, New York, NY 10068',
      '1140 Technology Drive, Floor 2000, New York, NY 10068',
    ],
    // A word broken where OCR lost a letter (real readings), where one letter only makes a word
    // of it; a letter alone after a name is an initial.
    ['Product deve opment', 'Product development'],
    // A letter read as a mark inside a word (a real reading); names are left as read.
    ['Norwest Venture Pa:tners', 'Norwest Venture Partners'],
    // Or as two points (a real OCR reading of an issuer's name).
    ['Bio Oil & Gas Program Limited P..rtnership', 'Bio Oil & Gas Program Limited Partnership'],
    ['Smith;Jones', 'Smith;Jones'],
    ['T ust Certificates', 'Trust Certificates'],
    ['Charles T Ust', 'Charles T Ust'],
    ['sale of common Stock and Warrants', 'Sale of Common Stock and Warrants'],
    ['780 01d Middlefield Way, Scottsdale, AZ 85203', '780 Old Middlefield Way, Scottsdale, AZ 85203'],
    ['880 pine Street, St, Louis, MO 63115', '880 Pine Street, St. Louis, MO 63115'],
    ['chief Executive Office r', 'Chief Executive Officer'],
    ['2240 Avenue of the Stars. Bellevue, WA 98039', '2240 Avenue of the Stars, Bellevue, WA 98039'],
    ['Oppenheimer & Co.. Inc.', 'Oppenheimer & Co., Inc.'],
    ['8 Michigan Avenue, Miami,. FL 33194', '8 Michigan Avenue, Miami, FL 33194'],
    ['3 Canal Sueet, Building 36, Charlotte, NC. 28201', '3 Canal Street, Building 36, Charlotte, NC 28201'],
    ['2560 Elm Street, Suite 30, Boston, MA 02196, for A)', '2560 Elm Street, Suite 30, Boston, MA 02196'],
    ['Blue GP. L.L.C.', 'Blue GP, L.L.C.'],
    ['Fairview Link. Inc.', 'Fairview Link, Inc.'],
    ['‘White, Gerhard', 'White, Gerhard'],
    [
      '+9675 Bridge Parkway, Suite 38, Pittsburgh, PA 15284',
      '9675 Bridge Parkway, Suite 38, Pittsburgh, PA 15284',
    ],
    ['3122" Broadway, Charleston, WV 25362', '3122 Broadway, Charleston, WV 25362'],
    ['2 Elm street, Suite 2500, stamford, CT 06926', '2 Elm Street, Suite 2500, Stamford, CT 06926'],
    ['GRP Partners Fund III, L.P,', 'GRP Partners Fund III, L.P.'],
    ['Alta Partners Fund Ill, L.P.', 'Alta Partners Fund III, L.P.'],
    ['26 State street, Cheyenne, WY 82044', '26 State Street, Cheyenne, WY 82044'],
    ['ward, Karen', 'Ward, Karen'],
    ['King, patricia', 'King, Patricia'],
    ['outsourced payroll services', 'Outsourced payroll services'],
    ['5680 Franklin Street, Boston, Ma 02128', '5680 Franklin Street, Boston, MA 02128'],
    ['6 Page Mill Road, Evanston, IL. 60226', '6 Page Mill Road, Evanston, IL 60226'],
    ['Mercury Interactive Ventures, L,P.', 'Mercury Interactive Ventures, L.P.'],
    ['Benchmark Capital Partners II. L.P.', 'Benchmark Capital Partners II, L.P.'],
    ['Sutter Hill Ventures 1X, L.P.', 'Sutter Hill Ventures IX, L.P.'],
    ['Battery Ventures Partners 11, L.P.', 'Battery Ventures Partners II, L.P.'],
    ['Apex. Inc.', 'Apex, Inc.'],
    // Real OCR readings: a speck apart before the street number, a bracket before the ZIP code,
    // a semicolon for a comma.
    ['~ 6834 Gateway Boulevard, Boise, ID 83730', '6834 Gateway Boulevard, Boise, ID 83730'],
    ['2226 Park Avenue, Manchester, NH (03188', '2226 Park Avenue, Manchester, NH 03188'],
    ['Robinson; Jennifer J.', 'Robinson, Jennifer J.'],
    ['Brooks: Sarah', 'Brooks, Sarah'],
    ['3.Peachtree Street, Atlanta, GA 30303', '3 Peachtree Street, Atlanta, GA 30303'],
    // Specks read as a comma after the street number, a point after the street's name, a point
    // before the ZIP code, a gap before a comma, a point stuck to a small word (real readings).
    ['3130, Center Street, Minneapolis, MN 55419', '3130 Center Street, Minneapolis, MN 55419'],
    ['2 Borregas. Avenue, Miami, FL 33164', '2 Borregas Avenue, Miami, FL 33164'],
    ['2 Innovation Way, Pittsburgh, PA .15225', '2 Innovation Way, Pittsburgh, PA 15225'],
    [
      '737 Washington Street , Suite 1600, Boise, ID 83797',
      '737 Washington Street, Suite 1600, Boise, ID 83797',
    ],
    ['Oak Investment .partners IX, L.P.', 'Oak Investment Partners IX, L.P.'],
    ['St. Avenue Partners', 'St. Avenue Partners'],
    // Or between two words with no gap (a real reading); an abbreviation's period stays.
    ['405 Gateway.Boulevard, Boise, ID 83791', '405 Gateway Boulevard, Boise, ID 83791'],
    ['Smith Corp.Ventures', 'Smith Corp.Ventures'],
    // The comma before the state's code lost, or read as an "s" (a real reading), where the city
    // is a place of that state and the address's other parts have their commas.
    ['1729 Highland Avenue, Salt Lake Citys UT 84105', '1729 Highland Avenue, Salt Lake City, UT 84105'],
    ['6 Harbor Boulevard, Billings MT 59141', '6 Harbor Boulevard, Billings, MT 59141'],
    // A quote stuck to the front of a later word with none after it (a real OCR reading).
    [
      '5 El ‘camino Real, Building 3200, Houston, TX 77026',
      '5 El Camino Real, Building 3200, Houston, TX 77026',
    ],
    // An abbreviation ending the value with its period read as a dash.
    ['Cowen & Co-', 'Cowen & Co.'],
    // A stop standing apart after the last word (a real OCR reading of a signer's name), or an
    // abbreviation's period after a gap.
    ['Thomas M. Robinson .', 'Thomas M. Robinson'],
    ['Cowen & Co .', 'Cowen & Co.'],
    // Its commas read as periods, and a speck after its ZIP code (a real OCR reading).
    ['2 Peachtree Street. Unit 4. Durham. NC 27730, lo', '2 Peachtree Street, Unit 4, Durham, NC 27730'],
    ['Battery Ventures Partners II; L.P.', 'Battery Ventures Partners II, L.P.'],
    ['1116 Third Street,-San Jose, CA 95154', '1116 Third Street, San Jose, CA 95154'],
    // A speck read as a mark no typed value holds, stuck to a word's end (a real OCR reading).
    ['1701 Borregas Avenue, Boca@ Raton, FL 33409', '1701 Borregas Avenue, Boca Raton, FL 33409'],
    ['Summit© Technologies, Inc.', 'Summit Technologies, Inc.'],
    [
      '522 Commerce Drive,” Building 32, Billings, MT 59158',
      '522 Commerce Drive, Building 32, Billings, MT 59158',
    ],
    ['Norwest Venture Partners Fund ITI, L.P.', 'Norwest Venture Partners Fund III, L.P.'],
    ['Accel Partners Fund IIT, L.P.', 'Accel Partners Fund III, L.P.'],
    // The suffix's L lost after the comma (a real reading).
    ['Kleiner Perkins Caufield & Byers, .P.', 'Kleiner Perkins Caufield & Byers, L.P.'],
    ['Oak Investment Partners yIII, L,P.', 'Oak Investment Partners VIII, L.P.'],
    ['Charles River Ventures Vill, L.P.', 'Charles River Ventures VIII, L.P.'],
    ['Norwest Venture Partners Fund IIL, L.P.', 'Norwest Venture Partners Fund III, L.P.'],
    // Its first I read as a letter or a mark too, or its last as an L after a V (real OCR readings).
    ['Mercury Interactive Ventures Fund Ili, L.P.', 'Mercury Interactive Ventures Fund III, L.P.'],
    ['Domain Associates Partners Ll, L.P.', 'Domain Associates Partners II, L.P.'],
    ['Sutter Hill Ventures Partners !l, L.P.', 'Sutter Hill Ventures Partners II, L.P.'],
    ['Mayfield Fund VIIL, L.P.', 'Mayfield Fund VIII, L.P.'],
    ['Trident Capital Fund Ill, L.P.', 'Trident Capital Fund III, L.P.'],
    ['Lake Hill Partners, L.P.', 'Lake Hill Partners, L.P.'],
    // Its middle I read as a T and its last as a 1, the suffix's period as a comma (real OCR).
    ['Benchmark Capital Fund IT1, L.P,', 'Benchmark Capital Fund III, L.P.'],
    ['IT Partners, L.P.', 'IT Partners, L.P.'],
    ['Nano Communications Co', 'Nano Communications Co.'],
    // A suffix's P read small, its period read as a hyphen; a numeral's I read as a bracket.
    ['Nexus Growth Fund Fund, L.p', 'Nexus Growth Fund Fund, L.P.'],
    ['Tele Properties Fund, L-P.', 'Tele Properties Fund, L.P.'],
    ['Oak Investment Partners [X, L.P.', 'Oak Investment Partners IX, L.P.'],
    // A middle initial read as its figure look-alike.
    ['Taylor. Sharon 1.', 'Taylor, Sharon I.'],
    ['Kevin 2. Torres', 'Kevin Z. Torres'],
    ['Lewis, Barbara 5', 'Lewis, Barbara S.'],
    ['Lewis, Barbara 4.', 'Lewis, Barbara 4.'],
    ['Sigma Partners 111, LLC', 'Sigma Partners III, LLC'],
    ['Suite 11, Boston, MA 02110', 'Suite 11, Boston, MA 02110'],
    ['780 Riverside Drive, Portland, OR 97238, 20t7', '780 Riverside Drive, Portland, OR 97238'],
    ['9 Franklin Street, st. Louis, MO 63179', '9 Franklin Street, St. Louis, MO 63179'],
    ['1 Main Street, Boston, MA 02110, USA', '1 Main Street, Boston, MA 02110, USA'],
    ['Edward 0. Adams', 'Edward O. Adams'],
    ['Quantum 0il & Gas Program L.P.', 'Quantum Oil & Gas Program L.P.'],
    ['(303) 492-3OO2', '(303) 492-3002'],
    ['4 Cedar Lane, White Plains. NY 10647', '4 Cedar Lane, White Plains, NY 10647'],
    // A state's code and ZIP code read as one, a mark after the code, a quote after the ZIP code
    // (real OCR readings).
    ['4048 Wacker Drive, Phoenix, AZ.85052', '4048 Wacker Drive, Phoenix, AZ 85052'],
    ['426 Madison Avenue, Providence. R102931', '426 Madison Avenue, Providence, RI 02931'],
    ['317 Lakeview Drive, Omaha, NI= 68107', '317 Lakeview Drive, Omaha, NE 68107'],
    ['5355 Lexington Avenue, Pittsburgh, PA 15220"', '5355 Lexington Avenue, Pittsburgh, PA 15220'],
    ['Suite 2300, Room A1.12345', 'Suite 2300, Room A1.12345'],
    // A floor's zero read as a C inside its figures (a real OCR reading); a unit's letter stays.
    ['1337 Hamilton Avenue, Floor 35C0', '1337 Hamilton Avenue, Floor 3500'],
    ['1337 Hamilton Avenue, Suite 12C', '1337 Hamilton Avenue, Suite 12C'],
    ['1 Lexington Avenue, - Menlo Park, CA 94003', '1 Lexington Avenue, Menlo Park, CA 94003'],
    // A dash read after a name's last word (a real OCR reading); an abbreviation's stays a period.
    ['Van Dyke, Brian-', 'Van Dyke, Brian'],
    ['Acme Holdings Inc-', 'Acme Holdings Inc.'],
    [
      '248 Oak Street, Floor 1400, -Salt Lake City, UT 84129',
      '248 Oak Street, Floor 1400, Salt Lake City, UT 84129',
    ],
    ['1106 Hamilton Avenue. Charlotte, NC 28255', '1106 Hamilton Avenue, Charlotte, NC 28255'],
    ['2 State Street, Suite 27. Madison, WI 53729', '2 State Street, Suite 27, Madison, WI 53729'],
    ['Reyes. Donald', 'Reyes, Donald'],
    ['5 State Street, Miami, FI, 33153', '5 State Street, Miami, FL 33153'],
    ['Keystone .Income Fund, L.L.C.', 'Keystone Income Fund, L.L.C.'],
    ['6272 Elm Street:', '6272 Elm Street'],
    ['Membership | Units', 'Membership Units'],
    // Or a quote standing alone (a real OCR reading of an offering's name).
    ['Common " Stock Offering', 'Common Stock Offering'],
    ['Units . of Limited . : Partnership . Interest', 'Units of Limited Partnership Interest'],
    // Or between a word and a number (a real reading); after two letters it may end an abbreviation.
    ['2776 Avenue of the Stars, Suite . 29', '2776 Avenue of the Stars, Suite 29'],
    ['Summit Technologies, = Inc.', 'Summit Technologies, Inc.'],
    ['Series C Preferred Stock Financing’', 'Series C Preferred Stock Financing'],
    // A double quote stuck to a word inside the value, none before it (a real reading); a single
    // one there may be a plural's apostrophe.
    ['Sprout” Group, L.P.', 'Sprout Group, L.P.'],
    ['Founders’ Fund II, L.P.', 'Founders’ Fund II, L.P.'],
    ['Norwest Venture Partners II, L.p.', 'Norwest Venture Partners II, L.P.'],
    // A small letter whose capital has its shape read large in a value typed in sentence case, as
    // another small word shows it (a real reading); without such a word the value is Title Case.
    ['Storage networking Software', 'Storage networking software'],
    ['Oil company Services', 'Oil Company Services'],
    // A speck read as a comma after a word's capital, and the word's last small letter read large
    // (a real reading of "St. Louis").
    ['2 Fifth Avenue, St. L,ouiS, MO 63171', '2 Fifth Avenue, St. Louis, MO 63171'],
    // "Inc." with its I read as a point (a real reading).
    ['Copper Creek Pharmaceuticals .nc.', 'Copper Creek Pharmaceuticals Inc.'],
    // A speck read as a closing bracket after the street number (a real reading).
    ['2250) Gateway Boulevard, Menlo Park, CA 94016', '2250 Gateway Boulevard, Menlo Park, CA 94016'],
    ['1 Pine Street, Portland, GR 97256', '1 Pine Street, Portland, OR 97256'],
    ['5192 Fifth Avenue, Des Moines, IA 50367, VJ', '5192 Fifth Avenue, Des Moines, IA 50367'],
    ['Bell. Linda S.', 'Bell, Linda S.'],
    ["O'Brien, wei", "O'Brien, Wei"],
    // A code one letter off the state its ZIP code is in, valid code or not.
    ['7 Executive Drive, Bethesda, MP 20899', '7 Executive Drive, Bethesda, MD 20899'],
    ['30 Gateway Boulevard, Sioux Falls, SH 57121', '30 Gateway Boulevard, Sioux Falls, SD 57121'],
    ['2124 Executive > Drive', '2124 Executive Drive'],
    // A code garbled past reading, before a ZIP code of a state the city is a place of.
    [
      '1032 Sand Hill Road, Building 2200, Portland, E 04168',
      '1032 Sand Hill Road, Building 2200, Portland, ME 04168',
    ],
    ['9 Franklin Treet, Boulder, (1 80324', '9 Franklin Street, Boulder, CO 80324'],
    ['7847 Center Street, Boise, 1D 83750', '7847 Center Street, Boise, ID 83750'],
    // A speck before the ZIP code read as a figure.
    ['9 Industrial Parkway, Manchester, NH 103116', '9 Industrial Parkway, Manchester, NH 03116'],
    // The code's I read as a 1, and again before the ZIP code (a real OCR reading).
    ['8 Summit Avenue, Providence, R1 102916', '8 Summit Avenue, Providence, RI 02916'],
    // With the city's comma read as a point too (a real reading).
    [
      '3 Wacker Drive, Building 1900, Des Moines. 1A 50360',
      '3 Wacker Drive, Building 1900, Des Moines, IA 50360',
    ],
    ['12 Main Street, Boise, 1D 83750', '12 Main Street, Boise, ID 83750'],
    ['8 Chestnut Street, Albuquerque, NM 187120', '8 Chestnut Street, Albuquerque, NM 87120'],
  ])('mends %j to %j', (read, typed) => {
    expect(mendOcrText(read)).toBe(typed);
  });

  it.each([
    // Not a place of the ZIP code's state, or six figures whose first five are that state's too.
    '9 Main Street, Xqzville, E 04168',
    '9 Main Street, Boston, MA 021101',
    'Telecommunications equipment',
    'limited liability company',
    'Bank of America, N.A.',
    'Suite 2900, Waltham, MA 02499',
    'Series B Preferred Stock Financing',
    'Commercial banking',
    'Corp. Finance',
    '5 St. Louis Street, St. Louis, MO 63101',
    // A state far from its ZIP code's: which of the two was misread is not known.
    '16 Wacker Drive, Cleveland, DE 44181',
    'Mt. Vernon Partners, L.P.',
    'Internet.com Holdings',
    // Not an address: its small words stay small.
    'Development of software systems',
    'Development of Linux software tools',
    '1st Avenue, Suite 5th, Boston, MA 02110',
    'Unit 1A, Boston, MA 02110',
    'Acme Co. L.P.',
    '12 Sweet Briar Road, Boston, MA 02110',
    // Two words that are words stay apart.
    '4 High and Low Avenue, Manchester, NH 03191',
    'J.P. Morgan Securities, Inc.',
    // Quotes with their closing one.
    'Robert “Bob” Smith',
    // Typed without commas: as typed.
    '12 Elm Street Boston MA 02110',
  ])('leaves %j as it is', (value) => {
    expect(mendOcrText(value)).toBe(value);
  });
});

describe('mendTitleWords', () => {
  it.each([
    ['Srenident', 'President'],
    ['Tredsurer', 'Treasurer'],
    ['Chiet Operating Officer', 'Chief Operating Officer'],
    ['Vice President nd Secretary', 'Vice President and Secretary'],
    ['Vice President a d Secretary', 'Vice President and Secretary'],
    // Words that are title words, and short ones, stay.
    ['Vice President and Secretary', 'Vice President and Secretary'],
    ['CEO', 'CEO'],
    ['Managing Member', 'Managing Member'],
    // A title word typed as one word stays one word (not "Founder", two letters off).
    ['Cofounder and Director', 'Cofounder and Director'],
    // A speck stuck to a title word's end, or to a common word's (real OCR readings).
    ['General] Counsel', 'General Counsel'],
    ['Vice President, Finance.', 'Vice President, Finance'],
    ['President| and CEO', 'President and CEO'],
    // A chief officer's O read as a C or a zero (a real OCR reading).
    ['President and CEC', 'President and CEO'],
    ['CF0', 'CFO'],
    // An abbreviation's period stays.
    ['Vice Pres. and Treas.', 'Vice Pres. and Treas.'],
  ])('mends the words of the title %j as %j', (read, typed) => {
    expect(mendTitleWords(read)).toBe(typed);
  });
});

describe('valueLines', () => {
  it("drops a label's own box set on a line of its own with a letter of the label beside it", () => {
    // A real OCR reading of "Name of Offering (☐ check if this is an amendment ...)": the box and
    // the "f" of "if" on a line between the label and the value.
    expect(valueLines('\n☐ f\nSeries A Preferred Stock Financing')).toEqual([
      'Series A Preferred Stock Financing',
    ]);
    expect(valueLines('☒ Common Stock')).toEqual(['Common Stock']);
  });

  it('drops specks read as marks standing apart after the value', () => {
    // Real OCR readings: a name of offering with a stamp's date after a gap, an issuer's name.
    expect(valueLines('Series D Preferred Stock Financing . .\tJAN 17 2008')).toEqual([
      'Series D Preferred Stock Financing',
    ]);
    expect(valueLines('Info Energy, Incorporated |')).toEqual(['Info Energy, Incorporated']);
    // A mark that ends the value's last word is the value's.
    expect(valueLines('Acme Holdings, L.P.')).toEqual(['Acme Holdings, L.P.']);
  });

  it('goes on after a gap that follows a house number alone, the word OCR dropped there', () => {
    // A real OCR reading of A.1's address: "Old" lost, a gap in its place.
    expect(valueLines('2835\tMiddlefield Way, Building 2300, Emeryville,\nCA 94656')).toEqual([
      '2835 Middlefield Way, Building 2300, Emeryville,',
      'CA 94656',
    ]);
    // After a number, another column's figures or marks still end the value.
    expect(valueLines('2835\t(510) 989-0018')).toEqual(['2835']);
    expect(valueLines('12 Elm Street\tBoston')).toEqual(['12 Elm Street']);
  });

  it("keeps a value with a stamp's bracket read after a column's gap beside it", () => {
    // A real OCR reading of a Name of Offering under a "PROCESSED" stamp's edge.
    expect(valueLines('\nUnits of Limited Partnership Interest\tlp: p ROCESSE |)')).toEqual([
      'Units of Limited Partnership Interest',
    ]);
    expect(valueLines('Units of Limited Partnership Interest\t|)')).toEqual([
      'Units of Limited Partnership Interest',
    ]);
    // An instruction's wrapped tail on a line of its own is still no value.
    expect(valueLines('\nCode)\n(650) 801-6135')).toEqual(['(650) 801-6135']);
  });

  it("drops a label's instruction whose opening bracket OCR read as a brace, and the next one wrapped", () => {
    // A real OCR reading of "Address of Principal Business Operations (Number and Street, City,
    // State, Zip Code) (if different from Executive Offices)", the instruction's "(" read "{".
    const text =
      ' {Number and Street, City, State, Zip Code) (if different from\nExecutive Offices)\n8 Sand Hill Road, Unit 27, Wichita, KS 67247';
    expect(valueLines(text)).toEqual(['8 Sand Hill Road, Unit 27, Wichita, KS 67247']);
    expect(valueLines(text.replace('{', '['))).toEqual(['8 Sand Hill Road, Unit 27, Wichita, KS 67247']);
  });

  it("drops a label's instruction whose words after the first the scan's damage took", () => {
    // A real OCR reading after "Title of Signer": "(Print" left of "(Print or Type)".
    expect(valueLines(' (Print\nPresident')).toEqual(['President']);
    expect(valueLines('(Last name\nKing, Patricia')).toEqual(['King, Patricia']);
    // A value in brackets that begins no instruction stays.
    expect(valueLines('(650) 801-6135')).toEqual(['(650) 801-6135']);
  });

  it("drops a label's instruction read with both its brackets lost", () => {
    // A real OCR reading of a related person's "(Number and Street, City, State, Zip Code)", its
    // "(" read "1" and its ")" a "y".
    expect(
      valueLines(
        ' 1 Number and Street, City, State, Zip Codey\n3 Technology Drive, Suite 2, Scottsdale, AZ 85299',
      ),
    ).toEqual(['3 Technology Drive, Suite 2, Scottsdale, AZ 85299']);
    // An address that names a street and a city is a value.
    expect(valueLines('1 State Street, Boston, MA 02109')).toEqual(['1 State Street, Boston, MA 02109']);
  });

  it("drops a received stamp's date read on a line of its own above the value", () => {
    // A real OCR reading of a Name of Offering box with a "PROCESSED AUG 11 2000" stamp beside it.
    expect(valueLines('AUG 11 2000\nMembership Interests')).toEqual(['Membership Interests']);
    expect(valueLines('SEP. 10, 2000\nSeries B Preferred Stock')).toEqual(['Series B Preferred Stock']);
    expect(valueLines('AUG 08 2 000\nLimited Partnership Interests')).toEqual([
      'Limited Partnership Interests',
    ]);
    // Or its year lost under the stamp's edge, specks before it (a real OCR reading).
    expect(valueLines('. . . MAR 01\nSeries A Preferred Stock Financing')).toEqual([
      'Series A Preferred Stock Financing',
    ]);
    // Or its month read in two at a gap, after dot leaders a tab apart (a real OCR reading).
    expect(valueLines('\n.\t.\t.\tMA R 18 2005\nSeries C Preferred Stock Financing')).toEqual([
      'Series C Preferred Stock Financing',
    ]);
    // A value with a date in it stays.
    expect(valueLines('Notes due Aug 11 2003')).toEqual(['Notes due Aug 11 2003']);
  });

  it('drops a second instruction after the first whose opening bracket OCR garbled', () => {
    // "(If different from Executive Offices)" over two lines, its bracket read "a" and its words misread.
    expect(
      valueLines(' (Number and Street. City. State, Zip Code) ait different trom\nEaceutive Offices)\n'),
    ).toEqual([]);
    expect(
      valueLines(
        ' (Number and Street, City, State, Zip Code) ait different trom\nEaceutive Offices)\n9 Elm Street',
      ),
    ).toEqual(['9 Elm Street']);
  });

  it('drops a stamp OCR garbled ("ROCESSE", "PROCESSE-") and lines of mere specks', () => {
    expect(valueLines('ROCESSE\nLLC Membership Units\n’\nPROCESSE-')).toEqual(['LLC Membership Units']);
    expect(valueLines('Processing equipment')).toEqual(['Processing equipment']);
    // A part of the stamp's word in its capitals, cut by its edge and misread.
    expect(valueLines('VUCESS E D\nSenior Subordinated Notes')).toEqual(['Senior Subordinated Notes']);
    expect(valueLines('RUCESSE\nLimited Partnership Interests')).toEqual(['Limited Partnership Interests']);
    expect(valueLines('Success Fund')).toEqual(['Success Fund']);
  });

  it("drops the form's footer and its note on additional sheets, as OCR garbles them", () => {
    for (const printed of [
      '8EC 1972 (W080)',
      'SEC 1972 (6/02)',
      'SEC 19729 06)',
      '(Use blank sheet, or copy and use additional copies of this che',
      'iUse blank sheet. or copy and use additional copies of this sheet. as necessary)',
    ]) {
      expect(valueLines(`5 Borregas Avenue\nKansas City, MO 64101\n${printed}`)).toEqual([
        '5 Borregas Avenue',
        'Kansas City, MO 64101',
      ]);
    }
  });

  it('ends at the note however garbled: the page number after it is no value, nor the note alone', () => {
    // A block left blank at a page's foot: the note, then "2 of 7" read "Jot 7" or "ro".
    expect(
      valueLines('(Use blank sheet, of copy and use additional copies of this sheet, as necessary)\nro'),
    ).toEqual([]);
    expect(
      valueLines('Ure Blank chert or copy and Las addon. copies of thes sheet as Pecessary\nJot 7'),
    ).toEqual([]);
    expect(
      valueLines(
        "3 Elm Street\nUse slang sheet. or copy and Jse adamara' cazies otis sheet. as necessary:, SEC *972:6 C2",
      ),
    ).toEqual(['3 Elm Street']);
    expect(
      valueLines('Use slang sheet. or copy and se adam enzies of is sheet. as necessary:\nSEC *972:6 C2:'),
    ).toEqual([]);
    // A real OCR reading on a damaged scan: three of its words, "copies", "ths", "sheets".
    expect(valueLines('thsehish sot vad ee ada copies ob ths sheets eoesan')).toEqual([]);
    // Three of its words are not the note.
    expect(valueLines('Blank Sheet Copy Center, Inc.')).toEqual(['Blank Sheet Copy Center, Inc.']);
  });

  it('drops a line of specks before the value, and keeps specks alone for the caller to judge', () => {
    expect(valueLines('*\nRobertson Stephens & Company')).toEqual(['Robertson Stephens & Company']);
    expect(valueLines('*')).toEqual(['*']);
  });

  it("drops a label's instruction whose closing bracket OCR misread, or left on a line of its own", () => {
    // The bracket read "}", the value on the next line.
    expect(valueLines('(Last name first. if individual}\nSaltzman, Brian X.')).toEqual([
      'Saltzman, Brian X.',
    ]);
    // The label matched up to the bracket: the bracket alone is left before the value.
    expect(valueLines('}\nOak Investment Partners VII, L.P.')).toEqual(['Oak Investment Partners VII, L.P.']);
    // A speck before it: "Area" ends the label's line, "Code)" read "Cade}" on the next.
    expect(valueLines('’\nCade}\n(703) 660-0290')).toEqual(['(703) 660-0290']);
    // The opening bracket lost, or read as a letter.
    expect(valueLines('Number and Street. City. Slate. Zip Code)\n5 Pine Street, Wichita, KS 67272')).toEqual(
      ['5 Pine Street, Wichita, KS 67272'],
    );
    expect(valueLines('iNumber and Street. City. State, Zip Code)\n5 Pine Street')).toEqual([
      '5 Pine Street',
    ]);
    // No closing bracket at all: the instruction ends with its line.
    expect(
      valueLines('(Number and Street, City, State, Zip Code\n3 Technology Drive, Charlotte, NC 28244'),
    ).toEqual(['3 Technology Drive, Charlotte, NC 28244']);
  });
});

describe('a check-box group whose option label OCR garbled', () => {
  const LINE =
    'Check Box(es) that Apply: ☐ Promoter ☒ Beneficial Owner ☒ Executive Officer ☒ Director ☐ General and/or Managing Partner';

  it('reads the box by its place when the group has one box per option', async () => {
    const text = seedText().replace(LINE, LINE.replace('☒ Director', '☒ Duect0r'));
    expect(text).not.toBe(seedText());
    const [garbled, seed] = await Promise.all([parseText(text), parseText(seedText())]);
    expect(garbled.relatedPersons[0]?.roles).toEqual(seed.relatedPersons[0]?.roles);
    expect(garbled.relatedPersons[0]?.roles.director).toBe(true);
    expect(garbled.fields['relatedPersons.0.roles.director']?.confidence).toBeLessThan(1);
  });

  it('leaves it unread when a box is missing, since places no longer say which box is whose', async () => {
    const text = seedText().replace(LINE, LINE.replace('☒ Director', 'Duect0r'));
    const record = await parseText(text);
    expect(record.relatedPersons[0]?.roles.director).toBeNull();
  });

  it('reads a box the pixels missed, where OCR read a mark run over it as junk, as checked, unsurely', () => {
    for (const [junk, director] of [
      ['XI', true],
      ['fj', true],
      ['#', true],
      // An outline read alone, or its side and a corner, says nothing of a mark.
      ['|', null],
      ['[7', null],
      ['O', null],
    ] as const) {
      const text = seedText().replace(LINE, LINE.replace('☒ Director', `${junk} Director`));
      const record = parseOcrLike(text);
      expect([junk, record.relatedPersons[0]?.roles.director]).toEqual([junk, director]);
      if (director) expect(record.fields['relatedPersons.0.roles.director']?.confidence).toBeLessThan(0.8);
    }
  });
});

describe('an "Other (Specify ___)" description', () => {
  it('is read without the printed "Specify", however OCR spelled it', async () => {
    const seed = seedText();
    const at = seed.indexOf('Other (Specify');
    expect(at).toBeGreaterThan(0);
    const text = `${seed.slice(0, at)}Other (Specity Membership Units )${seed.slice(at + 'Other (Specify'.length).replace(/^[^)]*\)/, '')}`;
    const record = await parseText(text);
    expect(record.offering.securities.other.description).toBe('Membership Units');
  });

  /** The seed with its C.1 "Other" row's text after the label replaced. */
  const withOtherRow = (row: string) => {
    const seed = seedText();
    const at = seed.indexOf('Other (Specify');
    const end = seed.indexOf('\n', at);
    return parseText(`${seed.slice(0, at)}Other (Specify ${row}${seed.slice(end)}`);
  };

  it.each([
    // Amounts whose "$" OCR misread are the row's cells, not words of the description.
    ['Membership Units s 11,100 00\ts 11,100 00', 'Membership Units'],
    ['Membership Units Ss 728 591 00\tSs 728 591 00', 'Membership Units'],
    ['Series 2 Units s 171 000', 'Series 2 Units'],
    ['Trust Certificates\t) 3 54.000\t$ 54.000', 'Trust Certificates'],
    ['Any speci Membership Units ) $ 0 $ 0', 'Membership Units'],
    ['Warrants to purchase 1,000,000 shares ) $ 0 $ 0', 'Warrants to purchase 1,000,000 shares'],
    // A speck before the words, a comma after them (real OCR readings).
    ['~ General corporate purposes\t) $ 0 $ 0', 'General corporate purposes'],
    ['Inventory,\t) $ 0 $ 0', 'Inventory'],
    // Nothing written: the end of "Specify", split off by OCR ("spec! cify"), is no description.
    ['! cify):\t) $ 0 $ 0', null],
    // Nothing written: amounts and specks are no description.
    ['4 -0- vw -0-', null],
    ['oo [ $ 0 $ 0', null],
  ])('reads %j as %j', async (row, description) => {
    expect((await withOtherRow(row)).offering.securities.other.description).toBe(description);
  });

  it.each([
    // Real OCR rows found by their place, their label garbled past finding.
    ['Qther specily Research and development\t☐ $ 0\t☐ $ 0', 'Research and development'],
    ['Qther Specify\t☐ $ 0\t☐ $ 0', null],
    ['Othet Specity\t) ☐ $ 0\t☐ $ 0', null],
    // A description that begins with a word like "Other" keeps it.
    ['Otherwise unallocated\t☐ $ 0\t☐ $ 0', 'Otherwise unallocated'],
  ])('reads the garbled row %j of C.5 as %j', async (row, description) => {
    const seed = seedText();
    const at = seed.indexOf('Other (specify):');
    expect(at).toBeGreaterThan(0);
    const end = seed.indexOf('\n', at);
    const record = await parseText(`${seed.slice(0, at)}${row}${seed.slice(end)}`);
    expect(record.offering.useOfProceeds.other.description).toBe(description);
  });
});

describe('values of OCR lines', () => {
  const parseOcr = (text: string) =>
    parseFiling(ocrOf(text), 'a'.repeat(64), { file: 'x.pdf', pages: 1, kind: 'pdf' });

  it('takes no garbled printed label for a value', () => {
    const doc = new FormText(
      asOcr(['States in Which Person Tisted Has Solicited or Intends to Solicit Purchasers']),
    );
    const reader = new Reader(doc, emptyRecord('a'.repeat(64), { file: 'x.pdf', pages: 1, kind: 'pdf' }));
    const at = { line: 0, col: 0 };
    expect(
      reader.mended('States in Which Person Tisted Has Solicited or Intends to Solicit Purchasers', at),
    ).toBeNull();
    expect(
      reader.mended('Business or Residcnue Addiess (Number and Street. City. State. Zip Codey', at),
    ).toBeNull();
    expect(reader.mended('Alta Partners Fund Ill, L.P.', at)).toBe('Alta Partners Fund III, L.P.');
    // A label's bracketed instruction, set on a line of its own, however garbled.
    expect(reader.mended('Pt or Type', at)).toBeNull();
    expect(reader.mended('"Titke of Signer (Print Tor or T Type)', at)).toBeNull();
    expect(reader.mended('Vice President and Secretary', at)).toBe('Vice President and Secretary');
  });

  it('takes no label garbled word by word for a value, half its words read right in order', () => {
    // A real OCR reading of Part B's "Name of Associated Broker or Dealer" over a blank: it was
    // taken for the address of a person paid commissions that the filing does not list.
    const doc = new FormText(asOcr(['Nano 1A ownd Broker or Dealer']));
    const reader = new Reader(doc, emptyRecord('a'.repeat(64), { file: 'x.pdf', pages: 1, kind: 'pdf' }));
    const at = { line: 0, col: 0 };
    expect(reader.mended('Nano 1A ownd Broker or Dealer', at)).toBeNull();
    // A broker's own name shares a word or two with the label at most.
    expect(reader.mended('Hambrecht & Quist Broker Dealer LLC', at)).toBe(
      'Hambrecht & Quist Broker Dealer LLC',
    );
    expect(reader.mended('Name Associates of Boston', at)).toBe('Name Associates of Boston');
  });

  it("finds the Name of Offering by its instruction where OCR garbled the label's words", () => {
    // A real OCR reading: "Name al Otterng ☐ check of this is an amendment ...".
    const seed = seedText();
    const label =
      'Name of Offering (☐ check if this is an amendment and name has changed, and indicate change.)**Series B Preferred Stock Financing**';
    expect(seed).toContain(label);
    const garbled =
      'Name al Otterng ☐ check of this is an amendment and name has changed, and indicate change)\nSeries B Preferred Stock Financing\n';
    const { record } = parseOcr(seed.replace(label, garbled));
    expect(record.filing.offeringName).toBe('Series B Preferred Stock Financing');
    expect(record.fields['filing.offeringName']?.confidence).toBeLessThan(0.8);
    expect(record.issuer.name).toBe('Qualys, Inc.');
  });

  it("finds the issuer's name and address by their instructions where OCR garbled the labels' words", () => {
    // A real OCR reading: "Name of Invert ☐ check if this is an amendment and mae hos hanged. and
    // indicate change" and "Address of Exceutne Otlices (Number ind Street, City, State, Zip Code)".
    const seed = seedText();
    const name =
      'Name of Issuer (☐ check if this is an amendment and name has changed, and indicate change.)';
    const address = 'Address of Executive Offices (Number and Street, City, State, Zip Code)';
    expect(seed).toContain(name);
    expect(seed).toContain(address);
    const { record } = parseOcr(
      seed
        .replace(
          name,
          'Name of Invert ☐ check if this is an amendment and mae hos hanged. and indicate change',
        )
        .replace(address, 'Address of Exceutne Otlices (Number ind Street, City, State, Zip Code)'),
    );
    const plain = parseOcr(seed).record;
    expect(record.issuer.name).toBe('Qualys, Inc.');
    expect(record.issuer.address).toEqual(plain.issuer.address);
    expect(record.issuer.address?.city).toBe('Redwood Shores');
    expect(record.fields['issuer.name']?.confidence).toBeLessThan(0.8);
  });

  it('finds the signature date by its shape where OCR garbled the Date label past finding', () => {
    // Real OCR readings of the label: "Das", "Die", "Dae"; the date typed under it read clearly.
    const seed = seedText();
    const signed = 'Date November 28, 2003';
    expect(seed.split(signed)).toHaveLength(3);
    const { record } = parseOcr(seed.replaceAll(signed, 'Das\tNovember 28, 2003'));
    expect(record.signature.date).toBe('2003-11-28');
    expect(record.fields['signature.date']?.confidence).toBeLessThan(0.8);
    // Part D's prose cites rules and statutes: with no date typed, none is made of them.
    const unsigned = parseOcr(seed.replaceAll(signed, 'Das')).record;
    expect(unsigned.signature.date).toBeNull();
  });

  it('reads the signature date with a speck after it read as a stop ("1/3/03:")', () => {
    // A real OCR reading of Part D's date; Part E's copy was misread a year early ("1/3/93").
    const seed = seedText();
    const signed = 'Date November 28, 2003';
    const at = seed.lastIndexOf(signed);
    const text = `${seed.slice(0, at).replace(signed, 'Date 11/28/03:')}Date 11/28/93${seed.slice(at + signed.length)}`;
    expect(text).not.toContain(signed);
    expect(parseOcr(text).record.signature.date).toBe('2003-11-28');
  });

  it("reads E.1's Yes and No where OCR lost the question's words", () => {
    // A real page: the question's line under the heading's black bar was not read at all, only
    // its last word: "rule? <tab> Yes ☐ No ☒".
    const seed = seedText();
    const question =
      '1. Is any party described in 17 CFR 230.262 presently subject to any of the disqualification provisions of such rule?';
    expect(seed).toContain(question);
    const { record } = parseOcr(seed.replace(question, 'rule?'));
    expect(record.stateDisqualification).toBe(false);
  });

  it("reads C.5's other use with a speck read as a point in its word ('Tnvestment.s')", () => {
    const seed = seedText();
    const at = seed.indexOf('Other (specify):');
    const end = seed.indexOf('\n', at);
    const row = 'Other (specify): Tnvestment.s\t) ☐ $\t-0- ☐ $ 11,960,195.17';
    const { record } = parseOcr(`${seed.slice(0, at)}${row}${seed.slice(end)}`);
    expect(record.offering.useOfProceeds.other.description).toBe('Investments');
    expect(record.offering.useOfProceeds.other.others).toBe(1196019517);
    // Typed so in a transcription, it stays as typed.
    const typed = parseFiling(
      readTranscription(`${seed.slice(0, at)}${row}${seed.slice(end)}`),
      'a'.repeat(64),
      { file: 'x.txt', pages: 0, kind: 'text' },
    );
    expect(typed.record.offering.useOfProceeds.other.description).toBe('Tnvestment.s');
  });

  it("ends a value before a label whose first words OCR set on a line of their own ('Type of')", () => {
    const text = seedText().replace(
      '\nType of Business Organization\n',
      '\nI pe of\nBusiness Organization\n',
    );
    expect(text).not.toBe(seedText());
    const { record } = parseOcr(text);
    expect(record.issuer.businessDescription).toBe(
      'Provider of network security audits and vulnerability management',
    );
    expect(record.issuer.entityType).toBe('corporation');
  });

  it('reads the telephone number past the end of its label that OCR set on a line of its own', () => {
    const seed = seedText();
    const text = seed.replace(
      'Telephone Number (Including Area Code)\n\n(650) 801-6135',
      'Telephone Number (Including\nArea Code}\n(650) 801-6135',
    );
    expect(text).not.toBe(seed);
    expect(parseOcr(text).record.issuer.phone).toBe('(650) 801-6135');
    // The principal office's number left blank, the end of its label alone is no number.
    const blank = seed.replace(
      '(if different from Executive Offices)\n\nTelephone Number (Including Area Code)\n',
      '(if different from Executive Offices)\n\nTelephone Number\n{Including\n',
    );
    expect(blank).not.toBe(seed);
    const { record } = parseOcr(blank);
    expect(record.issuer.principalBusinessPhone).toBeNull();
    expect(record.fields['issuer.principalBusinessPhone']).toBeUndefined();
  });

  it("reads a signer's title OCR read small where its letters are the same shape in both sizes in Title Case", () => {
    const text = seedText().replaceAll('Chief Financial Officer', 'Chief operating officer');
    expect(text).not.toBe(seedText());
    expect(parseOcr(text).record.signature.title).toBe('Chief Operating Officer');
  });

  it('reads the date under a Date label printed with a stop ("Date."), the stop on a line of its own', () => {
    // A real page's signature table as the layout gives it: each cell's label, then its value.
    const seed = seedText();
    const text = seed.replaceAll(
      'Issuer (Print or Type) Qualys, Inc.\tSignature \tDate November 28, 2003',
      'Issuer (Print or Type)\nQualys, Inc.\nSignature\n1 ln\nDate.\n11/28/2003',
    );
    expect(text).not.toBe(seed);
    expect(parseOcr(text).record.signature.date).toBe('2003-11-28');
  });

  it("takes the state signature's copy of the date where the first reads as a year no Form D has", () => {
    const seed = seedText();
    const text = seed.replace('Date November 28, 2003', 'Date November 28, 2063');
    expect(text).not.toBe(seed);
    expect(parseOcr(text).record.signature.date).toBe('2003-11-28');
    // Both copies misread alike: the reading stands, for the date rule to flag.
    expect(
      parseOcr(text.replace('Date November 28, 2003', 'Date November 28, 2063')).record.signature.date,
    ).toBe('2063-11-28');
  });

  it('takes no principal business address out of the rest of its label OCR garbled, the box blank', () => {
    // A real OCR reading of the label's end; the box below it left blank.
    const seed = seedText();
    const text = seed.replace(
      'Address of Principal Business Operations (Number and Street, City, State, Zip Code) (if different from Executive Offices)\n',
      'Address of Principal Business Operations (Number and Street, City, State, Zip Code)\nal different from Executive, Ollicesy\n',
    );
    expect(text).not.toBe(seed);
    const { record } = parseOcr(text);
    expect(record.issuer.principalBusinessAddress).toBeNull();
    expect(record.fields['issuer.principalBusinessAddress']).toBeUndefined();
    // An address with a figure is read, however garbled.
    const typed = parseOcr(text.replace('Ollicesy\n', 'Ollicesy\n12 Oak Street, Austin, TX 78701\n')).record;
    expect(typed.issuer.principalBusinessAddress?.zip).toBe('78701');
  });

  it.each([
    // Its last word garbled past finding.
    ['Type of Business Cryuulzalion'],
    // A real OCR reading at 300 dpi: the label read as "Type of]", its other words lost; the
    // description ends at the entity type's options.
    ['Type of]'],
  ])('ends the description of business at a "Type of Business" label read as %j', (label) => {
    const text = seedText().replace('\nType of Business Organization\n', `\n${label}\n`);
    expect(text).not.toBe(seedText());
    const { record } = parseOcr(text);
    expect(record.issuer.businessDescription).toBe(
      'Provider of network security audits and vulnerability management',
    );
    expect(record.issuer.entityType).toBe('corporation');
  });

  it('gives the description of business its capital where OCR read it small', () => {
    // A real OCR reading: the typed P read as a small p.
    const text = seedText().replace('\nProvider of network security', '\nprovider of network security');
    expect(text).not.toBe(seedText());
    expect(parseOcr(text).record.issuer.businessDescription).toBe(
      'Provider of network security audits and vulnerability management',
    );
  });

  it('reads an option whose short label OCR misread two letters of ("corparaton")', () => {
    // A real OCR reading at 200 dpi of a faint scan's Type of Business Organization.
    const rows = [
      'Type of Business Orgamzanon',
      '☒ corparaton           ☐ hited partnership. already formed    ☐ other (please specify):',
      '☐ business tnust        ☐ hited partnership. to be formed',
    ];
    const text = seedText().replace(/Type of Business Organization\n\n[^\n]*\n/, `${rows.join('\n')}\n`);
    expect(text).not.toBe(seedText());
    expect(parseOcr(text).record.issuer.entityType).toBe('corporation');
  });

  it('reads a business organization group laid out in columns, "other" with its value under it', () => {
    const rows = [
      'Type of Business Organization',
      '☐ corporation           ☐ limited partnership, already formed    ☒ other (please specify):',
      '☐ business trust        ☐ limited partnership, to be formed        limited liability company',
    ];
    const text = seedText().replace(/Type of Business Organization\n\n[^\n]*\n/, `${rows.join('\n')}\n`);
    expect(text).not.toBe(seedText());
    const { record } = parseOcr(text);
    expect(record.issuer.entityType).toBe('other');
    expect(record.issuer.entityTypeOther).toBe('limited liability company');
  });

  it('takes a row of the states grid that OCR set before its heading for no broker or dealer', () => {
    const seed = seedText();
    const grid = '[IL]\t[IN]\t[IA]\t[KS]\t[KY]\t[LA]\t[ME]\t[MD]\t[MA]\t[MI]\t[MN]\t[MS]\t[MO]';
    const text = seed.replace(
      'Name of Associated Broker or Dealer\n\nStates in Which',
      `Name of Associated Broker or Dealer\n${grid.replace(/\t/g, ' ')}\nStates in Which`,
    );
    expect(text).not.toBe(seed);
    const { record } = parseOcr(text);
    expect(record.offering.salesCompensation.map((s) => s.brokerDealer)).not.toContain(
      grid.replace(/\t/g, ' '),
    );
    expect(record.offering.salesCompensation).toEqual(parseOcr(seed).record.offering.salesCompensation);
  });

  it('sends a table row with no dollar cell read, and a role box not found, to review', () => {
    const seed = seedText();
    expect(parseOcr(seed).doubtful.filter((d) => d.startsWith('unread:'))).toEqual([]);
    const lost = seed
      .replace(/Accounting Fees[^\n]*/, 'Accounting Fees ........')
      .replace('☐ Promoter', 'Promoter');
    expect(lost).not.toBe(seed);
    const { doubtful } = parseOcr(lost);
    expect(doubtful).toContain('unread:offering.expenses.accounting');
    expect(doubtful.some((d) => /^unread:relatedPersons\.0\.roles: 1 of 5 boxes$/.test(d))).toBe(true);
  });

  it('reads the states marked on a grid of bare codes, each mark standing before its own code', () => {
    const seed = withRecipient(seedText());
    const marked = seed.replace('[CT]\t[DE]\t[DC]\t[FL]\t[GA]\t[HI]', '[CT]\t☒[DE]\t[DC]\t[FL]\t[GA]\t☒[HI]');
    expect(marked).not.toBe(seed);
    const { record } = parseOcr(marked);
    expect(record.offering.salesCompensation[0]?.states).toEqual(['DE', 'HI']);
  });

  it('takes a "box" the pixels found over a bold code of a grid with no boxes for no mark', () => {
    const seed = withRecipient(seedText());
    for (const [cells, states] of [
      // "☒ [GA]" is a circle round the code; "JL ☒ DC]" is [DE] in bold brackets, found as a box.
      ['[CT]\tJL ☒\tDC]\t[FL]\t☒ [GA]\t[HI]', ['GA']],
      ['[CT]\tL] ☒\t[DC]\t[FL]\t[GA]\t[HI]', []],
      // A real OCR reading: [CO] read "cop", its brackets as letters, before a mark on [CT].
      ['☒ [CA]\tcop\t☒ [CT]\tIE)\t[DC]\t[FL]\t[GA]\t[HI]', ['CA', 'CT']],
      // And codes misread between their brackets ("(pC)" for [DC], "[EL]" for [FL]).
      ['[CT]\t[DE]\t(pC)\t[EL]\t☒ [GA]\t[HI]', ['GA']],
    ] as const) {
      const row = cells.startsWith('[CT]')
        ? '[CT]\t[DE]\t[DC]\t[FL]\t[GA]\t[HI]'
        : '[CA]\t[CO]\t[CT]\t[DE]\t[DC]\t[FL]\t[GA]\t[HI]';
      const marked = seed.replace(row, cells).replace(/☐ All States/g, '☐ _\tAlStates');
      expect(marked).not.toBe(seed);
      const { record } = parseOcr(marked);
      expect(record.offering.salesCompensation[0]?.states ?? []).toEqual(states);
    }
  });

  it('takes a code the page stage marked ("☒[DE]", one word) for its place in a grid with no boxes', () => {
    const seed = withRecipient(seedText());
    // "⊕" stands for the page stage's mark, which a transcription's reading would space from its
    // code; a circle round the next code ("☒ [DC]") follows it in the grid's order.
    const marked = seed
      .replace('[CT]\t[DE]\t[DC]\t[FL]\t[GA]\t[HI]', '[CT]\t⊕[DE]\t☒ [DC]\t[FL]\t[GA]\t[HI]')
      .replace(/☐ All States/g, '☐ _\tAlStates');
    expect(marked).not.toBe(seed);
    const lines = asOcr(readTranscription(marked).map((line) => line.text.replace('⊕', '☒')));
    expect(lines.some((line) => line.text.includes('☒[DE]'))).toBe(true);
    const { record } = parseFiling(lines, 'a'.repeat(64), { file: 'x.pdf', pages: 1, kind: 'pdf' });
    expect(record.offering.salesCompensation[0]?.states).toEqual(['DE', 'DC']);
  });

  it('reads a B.4 block whose "Full Name" label OCR lost by the name typed just above its address label', () => {
    const texts = readTranscription(seedText()).map((line) => line.text);
    const question = texts.findIndex((t) => t.startsWith('4. Enter the information requested for each'));
    const at = texts.findIndex((t, i) => i > question && t.startsWith('Full Name'));
    expect(texts.slice(at + 1, at + 4)).toEqual([
      'N/A',
      'Business or Residence Address (Number and Street, City, State, Zip Code)',
      'Name of Associated Broker or Dealer',
    ]);
    const [address, broker] = [texts[at + 2] ?? '', texts[at + 3] ?? ''];
    const name = 'Roth Capital Partners';
    texts.splice(at, 4, name, address, '343 Park Avenue, Boulder, CO 80308', broker, name);
    const lines = asOcr(texts);
    // The name typed under its lost label, indented past the labels as typed values are.
    const nameLine = lines[at];
    if (nameLine?.bbox) nameLine.bbox = [48, nameLine.bbox[1], 300, nameLine.bbox[3]];
    const { record } = parseFiling(lines, 'a'.repeat(64), { file: 'x.pdf', pages: 1, kind: 'pdf' });
    expect(record.offering.salesCompensation[0]).toMatchObject({
      name,
      address: '343 Park Avenue, Boulder, CO 80308',
      brokerDealer: name,
    });
    expect(record.fields['offering.salesCompensation.0.name']?.confidence).toBeLessThan(0.8);
    // Flush with the labels, the line above the address label is taken for the form's own print
    // (the question's last line stands there when the block is blank).
    const flush = asOcr(texts);
    expect(
      parseFiling(flush, 'a'.repeat(64), { file: 'x.pdf', pages: 1, kind: 'pdf' }).record.offering
        .salesCompensation[0]?.name ?? null,
    ).toBeNull();
  });

  it("reads B.4's blocks where OCR garbled its question past finding", () => {
    // A real OCR reading of the question's first line: "4 Eater the tor Iegiested or es or Will ke
    // paid on gine directly or duals Cn Tu not puch nection with".
    const texts = readTranscription(seedText()).map((line) => line.text);
    const question = texts.findIndex((t) => t.startsWith('4. Enter the information requested for each'));
    const at = texts.findIndex((t, i) => i > question && t.startsWith('Full Name'));
    expect(texts[at + 1]).toBe('N/A');
    texts[question] =
      '4 Eater the tor Iegiested or es or Will ke paid on gine directly or duals Cn Tu not puch nection with';
    texts[at + 1] = 'Roth Capital Partners';
    const { record } = parseFiling(asOcr(texts), 'a'.repeat(64), { file: 'x.pdf', pages: 1, kind: 'pdf' });
    expect(record.offering.salesCompensation.map((p) => p.name)).toEqual(['Roth Capital Partners']);
    // The related persons' blocks of Part A before it are no part of it.
    expect(record.relatedPersons.length).toBeGreaterThan(0);
  });

  it('reads C.2 with its row labels garbled by their order, not into the Rule 504 total row', () => {
    const seed = seedText();
    const garbled = seed
      .replace('Accredited investors\t20', 'ACCTOAIEA INVESTS ......\t20')
      .replace('Non-accredited Investors.....\t0\t$ 0.00', 'INON-BCCTEAIEd INVESIOTS .....\t0\tS_ 0');
    expect(garbled).not.toBe(seed);
    const { investors } = parseOcr(garbled).record.offering;
    expect([investors.accredited.count, investors.accredited.amount]).toEqual([20, 2_770_166_892]);
    expect([investors.nonAccredited.count, investors.nonAccredited.amount]).toEqual([0, 0]);
  });

  it('reads the Non-accredited row whose garbled label fits "Accredited Investors" better as non-accredited', () => {
    const seed = seedText();
    const garbled = seed
      .replace('Accredited investors\t20', 'Aeeredited Testor\t20')
      .replace('Non-accredited Investors.....\t0', 'Nom-ccredited Investors\t0');
    expect(garbled).not.toBe(seed);
    const { investors } = parseOcr(garbled).record.offering;
    expect(investors.accredited.count).toBe(20);
    expect([investors.nonAccredited.count, investors.nonAccredited.amount]).toEqual([0, 0]);
  });

  it('reads C.1 from its column heads when the question and the Debt label are garbled', () => {
    const seed = seedText();
    const garbled = seed
      .replace(
        /^1\. Enter the aggregate offering price.*$/m,
        'Lines the Olle Price of ene eluded mths offer unt already old',
      )
      .replace('Debt.....', 'Debi .....');
    expect(garbled).not.toBe(seed);
    const { securities } = parseOcr(garbled).record.offering;
    expect(securities).toEqual(parseOcr(seed).record.offering.securities);
    expect(securities.total.sold).toBeGreaterThan(0);
  });

  it("reads a Yes/No group whose Yes OCR lost by its boxes' count: each box follows its option", () => {
    const seed = seedText();
    const line = 'non-accredited investors in this offering? ☐ Yes ☒ No';
    // The form's other layout, boxes after the options: Yes checked, then its label lost.
    const yes = seed.replace(line, 'non-accredited investors in this offering?\tYes ☒ No ☐');
    const lost = seed.replace(line, 'non-accredited investors in this offering?\t☒ No ☐');
    expect(lost).not.toBe(seed);
    expect(parseOcr(yes).record.offering.nonAccreditedSales).toBe(true);
    expect(parseOcr(lost).record.offering.nonAccreditedSales).toBe(true);
  });

  it("reads a row's dash zeros before the running head of the page the table runs onto", () => {
    const seed = seedText();
    const row =
      'Purchase of real estate\t<input type="checkbox"/> \\$ 0.00\t<input type="checkbox"/> \\$ 0.00';
    expect(seed).toContain(row);
    const text = seed.replace(
      row,
      'Purchase of real estate\t☐ $ -\t☐ $ -\nC. OFFERING PRICE, NUM ☒ ER OF INVESTORS, EXPENSES AND USE OF PROCEEDS',
    );
    const { realEstate } = parseOcr(text).record.offering.useOfProceeds;
    expect([realEstate.affiliates, realEstate.others]).toEqual([0, 0]);
  });

  it("reads a row's amount whose cents follow a comma before the note under the table", () => {
    const seed = seedText();
    const row = 'Total.....\t\\$ 28,684,072.04\t\\$ 27,701,668.92';
    expect(seed).toContain(row);
    // The note's "Column 3" is no figure of the amount.
    const text = seed.replace(row, 'Total\t$ 28,684,072.04\t$ 27,701,668,92');
    const { total } = parseOcr(text).record.offering.securities;
    expect([total.offered, total.sold]).toEqual([2_868_407_204, 2_770_166_892]);
  });

  it('reads the exemptions and the type of filing whose labels and options OCR garbled', () => {
    const seed = seedText();
    const exemptions =
      'Filing Under (Check box(es) that apply): ☐ Rule 504 ☐ Rule 505 ☒ Rule 506 ☐ Section 4(6) ☐ ULOE';
    const type = 'Type of Filing: ☒ New Filing ☐ Amendment';
    // The transcription runs the two groups on; OCR sets them on lines of their own.
    expect(seed).toContain(`${exemptions}${type}`);
    const text = seed.replace(
      `${exemptions}${type}`,
      'Fling Undr (Chek bx(es) that apply): ☐ ~~ Rule504 ☐ Rule505 ☒ Rule508 ☐ Seconds) ☐ ULOE\nTyeotFlng: ☒ NewFlhg ☐ Amendment',
    );
    const { filing } = parseOcr(text).record;
    expect(filing.exemptions).toEqual({
      rule504: false,
      rule505: false,
      rule506: true,
      section4_6: false,
      uloe: false,
    });
    expect(filing.isAmendment).toBe(false);
  });

  it('reads the type of filing from the line with its boxes where OCR read the line again as junk under it', () => {
    // A real OCR reading at 200 dpi under a "PROCESSED" stamp: the line read without "Type", then
    // again, its words run together, where the label is found.
    const seed = seedText();
    const type = 'Type of Filing: ☒ New Filing ☐ Amendment';
    const text = seed.replace(type, '\nof Filing: ☒ New Filin, ☐ Amendment\nTypeoffiling: NewTling\t||\n');
    expect(text).not.toBe(seed);
    expect(parseOcr(text).record.filing.isAmendment).toBe(false);
  });

  it('takes the box the pixels could not read, of two, where the other was read empty, unsurely', () => {
    // A real OCR reading: the marked New Filing box read as junk ("[ZI"), the Amendment box empty.
    const seed = seedText();
    const type = 'Type of Filing: ☒ New Filing ☐ Amendment';
    const { record } = parseOcr(seed.replace(type, '\nType of Filing: [ZI New Filing ☐ Amendment\n'));
    expect(record.filing.isAmendment).toBe(false);
    expect(record.fields['filing.isAmendment']?.confidence).toBeLessThan(0.8);
    // Both read empty: nothing to go by.
    const blank = parseOcr(seed.replace(type, '\nType of Filing: ☐ New Filing ☐ Amendment\n')).record;
    expect(blank.filing.isAmendment).toBeNull();
  });

  it('takes the box the pixels could not read, of several, where every other was read empty', () => {
    // A real OCR reading: the marked corporation box read as junk ("[#"), the other four empty.
    const seed = seedText();
    const row = '☒ corporation☐ limited partnership, already formed';
    expect(seed).toContain(row);
    const { record } = parseOcr(seed.replace(row, '[# corporation☐ limited partnership, already formed'));
    expect(record.issuer.entityType).toBe('corporation');
    expect(record.fields['issuer.entityType']?.confidence).toBeLessThan(0.8);
  });

  it('takes the box the pixels saw marked over junk read where they missed an empty box', () => {
    // A real reading: a speck broke the empty box's outline, so the pixels missed it and OCR read
    // it as an "a"; the corporation box was found and read marked.
    const seed = seedText();
    const row = '☐ limited partnership, to be formed';
    expect(seed).toContain(row);
    const { record } = parseOcr(seed.replace(row, ' a limited partnership, to be formed'));
    expect(record.issuer.entityType).toBe('corporation');
    // With no box seen marked, the junk is still the marked box missed.
    const unseen = seed
      .replace('☒ corporation', '☐ corporation')
      .replace(row, ' a limited partnership, to be formed');
    expect(parseOcr(unseen).record.issuer.entityType).toBe('limited partnership, to be formed');
  });

  it("finds C.5 by its bold column heads where OCR garbled its question's small print and first row's label", () => {
    const seed = seedText();
    const question = /^5\. Indicate below the amount of the adjusted gross proceeds.*$/m;
    const garbled = seed
      .replace(question, 'F Indie ae bel te mmm ol fhe adiusted ne pmeee cs to the stuer used or propose')
      .replace('Salaries and fees\t', 'Salanes and lees\t');
    expect(garbled).not.toBe(seed);
    const { useOfProceeds } = parseOcr(garbled).record.offering;
    expect(useOfProceeds.salaries).toEqual({ affiliates: 0, others: 0 });
    expect(useOfProceeds.debtRepayment).toEqual({ affiliates: 0, others: 1_103_500_008 });
    expect(useOfProceeds.totalPaymentsListed).toBe(2_770_166_892);
  });

  it('reads an amount whose gaps OCR left for its separators, with a speck on the line after it', () => {
    const seed = seedText();
    const row =
      'Total Payments Listed (column totals added)\t<input checked="" type="checkbox"/> \\$ 27,701,668.92';
    expect(seed).toContain(row);
    const text = seed.replace(row, 'Total Payments Listed (column totals added)\t☒ $ 27,701 668 92\ni\n’');
    expect(parseOcr(text).record.offering.useOfProceeds.totalPaymentsListed).toBe(2_770_166_892);
  });

  it("keeps each block its own roles and name where OCR garbled the first blocks' labels", () => {
    const seed = seedText();
    let garbled = 0;
    // "Check Boveesvihar Apply", and "Full Name east nine tistat mdivadual" for the parenthetical.
    const text = seed
      .replace(/Check Box\(es\) that Apply:/g, (label) => (garbled++ < 2 ? 'Check Boveesvihar Apply' : label))
      .replace('Full Name (Last name first, if individual)', 'Full Name east nine tistat mdivadual');
    expect(garbled).toBeGreaterThan(2);
    const read = parseOcr(text).record.relatedPersons;
    const truth = parseOcr(seed).record.relatedPersons;
    expect(read.map((p) => [p.name, p.roles])).toEqual(truth.map((p) => [p.name, p.roles]));
    // The name's provenance is the name's, not the garbled label's.
    expect(parseOcr(text).record.fields['relatedPersons.0.name']?.raw).toContain(truth[0]?.name);
  });

  it('takes no person from blank blocks after the last one filled, whatever mark damage left in their boxes', () => {
    const seed = seedText();
    const blank =
      'Check Box(es) that Apply: ☐ Promoter ☐ Beneficial Owner ☐ Executive Officer ☐ Director ☐ General and/or Managing Partner';
    const at = seed.indexOf(blank);
    expect(at).toBeGreaterThan(0);
    const persons = parseOcr(seed).record.relatedPersons.length;
    const text = `${seed.slice(0, at)}${blank.replace('☐ Beneficial', '☒ Beneficial')}${seed.slice(at + blank.length)}`;
    expect(parseOcr(text).record.relatedPersons).toHaveLength(persons);
  });

  // A recipient's block of the seed, blank, and what OCR read of one filled in.
  const recipientBlock =
    'Full Name (Last name first, if individual)\n\nN/A\n\nBusiness or Residence Address (Number and Street, City, State, Zip Code)\n\nName of Associated Broker or Dealer\n\nStates in Which Person Listed Has Solicited or Intends to Solicit Purchasers\n\n(Check "All States" or check individuals States) ☐ All States';
  it.each([
    [
      'whose grid heading OCR lost',
      'Full Name (Last name first, if individual)\n\nFirst Montauk Securities Corp.\n\nName of Associated Broker or Dealer\n\nFirst Montauk Securities Corp.\n\n(Check "All States” or check individual States)\t☒ All States',
      'First Montauk Securities Corp.',
    ],
    [
      'whose box label OCR garbled, though its instruction names the box exactly',
      'Full Name (Last name first, if individual)\n\nRoberts, Giovanni\n\nName of Associated Broker or Dealer\n\nJ.P. Turner & Company\n\nStates in Which Person Listed Has Solicited or Intends to Solicit Purchasers\n\n(Check "All States" or check individual States)\t☒ Al States',
      'Roberts, Giovanni',
    ],
  ])('reads the All States box of a recipient %s', (_, read, name) => {
    const seed = seedText();
    expect(seed).toContain(recipientBlock);
    const [recipient] = parseOcr(seed.replace(recipientBlock, read)).record.offering.salesCompensation;
    expect(recipient?.name).toBe(name);
    expect(recipient?.allStates).toBe(true);
  });

  it('takes a few specks for no value', () => {
    const seed = seedText();
    const name = 'Qualys, Inc.';
    const at = seed.indexOf(name);
    const { record } = parseOcr(`${seed.slice(0, at)}~ *${seed.slice(at + name.length)}`);
    expect(record.issuer.name).toBeNull();
  });
});

describe('B.2 left blank', () => {
  it("reads no minimum investment from the next question's number", async () => {
    const text = seedText().replace('any individual? \\$ N/A', 'any individual?\t$');
    expect(text).not.toBe(seedText());
    const record = await parseText(text);
    expect(record.offering.minimumInvestment).toBeNull();
    expect(record.offering.jointOwnership).toBe(true);
  });

  it('reads no minimum investment from the next question\'s number with a speck before it ("-3.")', async () => {
    // A real OCR reading: a speck read "-" before B.3's number.
    const text = seedText()
      .replace('any individual? \\$ N/A', 'any individual?\t$')
      .replace(/^3\. Does the offering/m, '-3. Does the offering');
    expect(text).not.toBe(seedText().replace('any individual? \\$ N/A', 'any individual?\t$'));
    const record = await parseText(text);
    expect(record.offering.minimumInvestment).toBeNull();
  });
});

describe('B.1 and B.3 with their wording garbled past finding', () => {
  it("reads their Yes and No boxes by place: the part's first line of two boxes, then the next", () => {
    // Real OCR readings of a damaged page's B.1 and B.3.
    const text = seedText()
      .replace(
        /^1\. Has the issuer sold.*$/m,
        '1 Has the ssuev 521d, of does the ssuer rend to sel ‘0 ron-accred ted rvastors a is oer ng?\tYes ☐ Ne ☒',
      )
      .replace(
        /^3\. Does the offering permit.*$/m,
        '3 Dzes me ofterng permit ort oaressh oof a single yn”\tYes ☒ Ne ☐',
      );
    expect(text).not.toBe(seedText());
    const record = parseOcrLike(text);
    expect([record.offering.nonAccreditedSales, record.offering.jointOwnership]).toEqual([false, true]);
    expect(record.fields['offering.jointOwnership']?.confidence).toBeLessThan(0.8);
  });
});

describe("B.3's answer as OCR reads it", () => {
  it('is read on its own line, not among the boxes of the part after it, whose wording OCR garbled', () => {
    // A real OCR reading: B.3's "Yes" misread, B.4's wording garbled past finding, and its box
    // of "All States" in the span B.3 would otherwise read to.
    const text = seedText()
      .replace(
        /^3\. Does the offering permit.*$/m,
        '+. Does the offeaag permit joint ownership of a single unt?\tYeo ☐ No ☒',
      )
      .replace(
        /^4\. Enter the information requested for each person.*$/m,
        'FE thee\tFeria Tet Ir eg asain\tCome\t☐ Al Cee',
      );
    expect(text).not.toBe(seedText());
    expect(parseOcrLike(text).offering.jointOwnership).toBe(false);
  });
});

describe('a label whose own words OCR garbled, its printed instruction read whole', () => {
  it('is found by the two together: "all Name (Last name first, if individual)"', () => {
    // A real OCR reading of a related person's Full Name label, its "F" lost and "u" read "a".
    const text = seedText().replace(
      /Full Name \(Last name first, if individual\)\s*\n\s*Courtot, Philippe/,
      'all Name (Last name first, if individual)\nCourtot, Philippe',
    );
    expect(text).not.toBe(seedText());
    expect(parseOcrLike(text).relatedPersons[0]?.name).toBe('Courtot, Philippe');
    // A label's instruction alone finds no label: another's may have the same words.
    const alone = seedText().replace(
      /Full Name \(Last name first, if individual\)\s*\n\s*Courtot, Philippe/,
      'Xqzv Wrtp (Last name first, if individual)\nCourtot, Philippe',
    );
    expect(parseOcrLike(alone).relatedPersons[0]?.name ?? null).not.toBe('Courtot, Philippe');
  });
});

describe("a related person's name as OCR reads it", () => {
  it('puts back the comma after a last name written first, where a middle initial ends the name', () => {
    // A real OCR reading: "Ross, Eric T." with its comma lost.
    const text = seedText().replace('Courtot, Philippe', 'Courtot Philippe F.');
    expect(text).not.toBe(seedText());
    expect(parseOcrLike(text).relatedPersons[0]?.name).toBe('Courtot, Philippe F.');
    // A name with the initial between its words is first name first, and stays as read.
    const first = seedText().replace('Courtot, Philippe', 'Philippe F. Courtot');
    expect(parseOcrLike(first).relatedPersons[0]?.name).toBe('Philippe F. Courtot');
  });
});

describe('the signature table as OCR lays it out', () => {
  const ROW = 'Issuer (Print or Type) Qualys, Inc.\tSignature \tDate November 28, 2003';

  it('takes its labels from the table, not from "signature" in the prose above it, and reads each column', () => {
    // Labels in a header row, values in the row under them; the heading and the prose both say "signature".
    const text = seedText().replace(
      ROW,
      'D. FE ERAL SIGNATURE\nthe following signature constitutes an undertaking\nIssuer (Print or Type)\tSignature\tDate\nQualys, Inc.\t/s/\tNovember 28. 2003',
    );
    expect(text).not.toBe(seedText());
    const { signature } = parseOcrLike(text);
    expect(signature.issuer).toMatch(/^Qualys, Inc\./);
  });

  it('reads the issuer under its label where OCR garbled the Signature label beside it past finding', () => {
    // A real OCR reading: "Signature" read "Siguture", the signature itself not read at all; here
    // in Part D's table and Part E's copy both.
    const text = seedText().replaceAll(
      ROW,
      'Issuer (Print or Type)\tSiguture\tDate\nQualys, Inc.\tNovember 28, 2003',
    );
    expect(text).not.toBe(seedText());
    const { signature } = parseOcrLike(text);
    expect(signature.issuer).toBe('Qualys, Inc.');
  });

  it("takes no garbled table header, nor Part D's printed warning, for a value", () => {
    const text = seedText().replace(
      ROW,
      'Issuer (Print or Type) Sighature Date\nQualys, Inc.\t11/28/2003\nName of Signer (Print or Type)\tTitle of Signer (Print or Type)\n\nATTENTION\nIntentional misstatements or omissions of fact constitute federal criminal violations. (See 18 U.S.C. 1001.)',
    );
    expect(text).not.toBe(seedText());
    const { signature } = parseOcrLike(text);
    expect(signature.issuer).not.toBe('Sighature');
    expect(signature.title ?? '').not.toMatch(/riminal/);
  });

  it('takes no garbled instruction after the Name of Issuer label for the name', () => {
    const label =
      'Name of Issuer (☐ check if this is an amendment and name has changed, and indicate change.)';
    expect(seedText()).toContain(label);
    for (const garbled of [
      'Name of Issuer i ☐ check if this is an amendment and name has changed. and indicale change.)',
      'Name of Issuer ☐ Check if this ix an amendment and name has changed, and indicate change',
    ]) {
      expect(parseOcrLike(seedText().replace(label, garbled)).issuer.name).toBe('Qualys, Inc.');
    }
  });

  it.each([
    ['June 17. 2005', '2005-06-17'],
    ['June l7, 2005', '2005-06-17'],
    ['Junc 17, 2OO5', '2005-06-17'],
    ['June 17, 2005', null],
    ['Jane Doe', null],
    // A slash read as a 7, or lost where a figure read as a slash makes another date too.
    ['4717/08', '2008-04-17'],
    ['4/1708', null],
    // A gap inside the year's four figures; three figures are no year.
    ['July 16, 2 000', '2000-07-16'],
    ['07/16/2 000', '2000-07-16'],
    ['7-16-2 00', null],
  ])('reads the misread date %j as %j (null: nothing to mend, or no date)', (text, iso) => {
    expect(parseMisreadDate(text)).toBe(iso);
  });
});

/** The seed with its first B.4 block given a person's name for its "N/A": a block nobody is named in is blank. */
function withRecipient(text: string): string {
  const none = 'Full Name (Last name first, if individual)\n\nN/A\n\nBusiness or Residence Address';
  expect(text).toContain(none);
  return text.replace(none, none.replace('N/A', 'Smith, John'));
}

function parseOcrLike(text: string) {
  return parseFiling(ocrOf(text), 'a'.repeat(64), { file: 'x.pdf', pages: 1, kind: 'pdf' }).record;
}

/** Lines as OCR gives them: each word boxed where its characters stand (12 pixels a character). */
function asOcr(texts: readonly string[], pageOf: (index: number) => number = () => 1): TextLine[] {
  return texts.map((text, i) => ({
    text,
    line: i + 1,
    page: pageOf(i),
    bbox: [0, i * 30, 1000, i * 30 + 20],
    confidence: 0.9,
    words: [...text.matchAll(/\S+/g)].map((m) => ({
      text: m[0],
      bbox: [m.index * 12, i * 30, (m.index + m[0].length) * 12, i * 30 + 20],
      confidence: 0.9,
      start: m.index,
    })),
  }));
}

/** A transcription's lines as OCR gives them. */
function ocrOf(text: string): TextLine[] {
  return asOcr(readTranscription(text).map((line) => line.text));
}

describe('a value under its label, the layout having set lines above the label after it', () => {
  it("takes no line above the label for the offering's name (the OMB box beside the form's title)", () => {
    const texts = readTranscription(seedText()).map((line) => line.text);
    const at = texts.findIndex((t) => t.startsWith('Name of Offering'));
    expect(at).toBeGreaterThan(0);
    const plain = parseFiling(asOcr(texts), 'a'.repeat(64), { file: 'x.pdf', pages: 1, kind: 'pdf' }).record;
    expect(plain.filing.offeringName).not.toBeNull();
    // The OMB box's lines, from the top of the page, laid out right after the label.
    const lines = asOcr(texts);
    const omb = asOcr(['OMB APPROVAL', 'OMB Number: 3235-0076']).map((l, k) => ({
      ...l,
      bbox: [1600, k * 30, 2000, k * 30 + 20] as Bbox,
      words: l.words?.map((w) => ({
        ...w,
        bbox: [w.bbox[0] + 1600, w.bbox[1], w.bbox[2] + 1600, w.bbox[3]] as Bbox,
      })),
    }));
    lines.splice(at + 1, 0, ...omb);
    lines.forEach((l, i) => {
      l.line = i + 1;
    });
    const record = parseFiling(lines, 'a'.repeat(64), { file: 'x.pdf', pages: 1, kind: 'pdf' }).record;
    expect(record.filing.offeringName).toBe(plain.filing.offeringName);
  });
});

describe('the first related person', () => {
  it('starts at its own "Check Box(es) that Apply" however garbled, not at the next exact one', () => {
    const seed = seedText();
    const first = 'Check Box(es) that Apply: ☐ Promoter ☒ Beneficial Owner ☒ Executive Officer ☒ Director';
    expect(seed).toContain(first);
    // A.2's question garbled past finding too (a real OCR page: "2. Enter the information ...").
    const garbled = parseOcrLike(
      seed
        .replace('2. Enter the information requested for the following:', 'ote or dispos1tion 0f, 10% or mui')
        .replace(
          first,
          'Check Boxies) that Apply ☐ Promoter ☒ Beneticial Owner ☒ Exccutive Officer ☒ Director',
        ),
    );
    const read = parseOcrLike(seed);
    expect(read.relatedPersons.length).toBeGreaterThan(1);
    expect(garbled.relatedPersons.map((p) => [p.name, p.roles])).toEqual(
      read.relatedPersons.map((p) => [p.name, p.roles]),
    );
  });
});

describe("a related person's garbled address label", () => {
  it("is found in its own block, not taken from the next block's exact label", () => {
    const seed = seedText();
    const label = 'Business or Residence Address (Number and Street, City, State, Zip Code)';
    const at = seed.indexOf(label);
    expect(at).toBeGreaterThan(0);
    const garbled = `${seed.slice(0, at)}Business of Residence Address {Number and Street. City, State. Zip Code)${seed.slice(at + label.length)}`;
    const read = parseOcrLike(seed);
    const first = parseOcrLike(garbled).relatedPersons[0];
    expect(first?.name).toBe(read.relatedPersons[0]?.name);
    expect(first?.address).toBe(read.relatedPersons[0]?.address);
    expect(first?.address).not.toBeNull();
  });
});

describe("a sales compensation block's garbled address label", () => {
  it("is found in its own block, not taken from the next block's exact label", () => {
    const blank =
      'Full Name (Last name first, if individual)\n\nBusiness or Residence Address (Number and Street, City, State, Zip Code)\n\nName of Associated Broker or Dealer';
    expect(seedText()).toContain(blank);
    const filled =
      'Full Name (Last name first, if individual)\n\nSmith, John\n\nBusiness of Residence Address {Number and Street. City, State. Zip Code)\n\n12 Main Street, Boston, MA 02110\n\nName of Associated Broker or Dealer\n\nAcme Securities, Inc.';
    const { salesCompensation } = parseOcrLike(seedText().replace(blank, filled)).offering;
    expect(salesCompensation.map((p) => [p.name, p.address, p.brokerDealer])).toEqual([
      ['Smith, John', '12 Main Street, Boston, MA 02110', 'Acme Securities, Inc.'],
    ]);
  });
});

describe('a blank sales compensation block whose labels OCR garbled', () => {
  it('is no person: the garbled labels read as its address have no figure', () => {
    const blank =
      'Business or Residence Address (Number and Street, City, State, Zip Code)\n\nName of Associated Broker or Dealer\n\nStates in Which Person Listed Has Solicited or Intends to Solicit Purchasers';
    expect(seedText()).toContain(blank);
    const garbled =
      'Business or Residence Address (Number and Street, City, State, Zip Code)\n\nNama of / i Brkr or Deaier\n\nStes In Wch Persn Lsted Hs Slicited or Intnds fo Slicit Purchasrs';
    const { salesCompensation } = parseOcrLike(seedText().replace(blank, garbled)).offering;
    expect(salesCompensation).toEqual([]);
  });
});

describe('a blank sales compensation block with a speck on its grid', () => {
  it('is no person: nobody is named, nor an address or broker given', () => {
    // Real readings of a generated scan: a blank block's grid with one code read as marked, and
    // the next block's "All States" box read after its broker label, its grid's heading lost.
    const grid = '[IL]\t[IN]\t[IA]\t[KS]\t[KY]\t[LA]\t[ME]\t[MD]\t[MA]\t[MI]\t[MN]\t[MS]\t[MO]';
    const text = seedText();
    expect(text).toContain(grid);
    const marked = text.replace(grid, grid.replace('[MN]', '☒[MN]'));
    expect(parseOcrLike(marked).offering.salesCompensation).toEqual([]);
    const heading =
      'Name of Associated Broker or Dealer\n\nStates in Which Person Listed Has Solicited or Intends to Solicit Purchasers\n\n(Check "All States" or check individuals States) ☐ All States';
    expect(text).toContain(heading);
    const lost = text.replace(heading, 'Name of Associated Broker or Dealer\n\n☐ All States');
    expect(parseOcrLike(lost).offering.salesCompensation).toEqual([]);
  });
});

describe("a label's closing bracket misread as a letter", () => {
  it('is no value: the name on the next line is', () => {
    const label =
      'Name of Issuer (☐ check if this is an amendment and name has changed, and indicate change.)**Qualys, Inc.**';
    expect(seedText()).toContain(label);
    // A real reading: the bracket after "change." read as an "f".
    const text = seedText().replace(
      label,
      'Name of Issuer ☐ (check if this is an amendment and name has changed, and indicate change. f\nQualys, Inc.',
    );
    expect(parseOcrLike(text).issuer.name).toBe('Qualys, Inc.');
  });

  it("is no value, nor is a stamp's letter set on a line of its own before the value", () => {
    // A real reading at 200 dpi: the "D" of a PROCESSED stamp beside the value, a line of its own.
    const label =
      'Name of Offering (☐ check if this is an amendment and name has changed, and indicate change.)**Series B Preferred Stock Financing**';
    expect(seedText()).toContain(label);
    const text = seedText().replace(
      label,
      'Name of Offering ☐ check if this is an amendment and name has changed, and indicate change.)\nD\nSeries B Preferred Stock Financing\tPROCESSED\n',
    );
    expect(parseOcrLike(text).filing.offeringName).toBe('Series B Preferred Stock Financing');
  });
});

describe('a Yes/No group with its boxes after the options, one read between them', () => {
  it('takes the junk after the last option for the box the pixels missed, and the box between for the first', () => {
    const line = '3. Does the offering permit joint ownership of a single unit? ☒ Yes ☐ No';
    expect(seedText()).toContain(line);
    // A real reading at 200 dpi: "Yes ☐ No ☒", the No box filled with a scribble the pixels did
    // not find as a box and OCR read as "I J".
    const text = seedText().replace(
      line,
      '3. Does the offering permit joint ownership of a single unit?\tYes ☐ No I J',
    );
    expect(parseOcrLike(text).offering.jointOwnership).toBe(false);
  });
});

describe('a sales compensation block that says it has no person', () => {
  const named = (name: string) => {
    const text = seedText().replace(
      'Full Name (Last name first, if individual)\n\nN/A',
      `Full Name (Last name first, if individual)\n\n${name}`,
    );
    expect(text).not.toBe(seedText());
    return parseOcrLike(text).offering.salesCompensation;
  };

  // Real OCR readings of "None" and "N/A" among them: "Nore", "Mone", "N/R".
  it.each([['Not Applicable'], ['Not Applicab e'], ['None'], ['Nore'], ['Mone'], ['N/R'], ['M/A']])(
    'is none with "%s" for its name',
    (name) => {
      expect(named(name)).toEqual([]);
    },
  );

  it('keeps a name of one word of the language one letter from "None"', () => {
    expect(named('Zone').map((p) => p.name)).toEqual(['Zone']);
  });
});

describe('the name of the offering', () => {
  it("has OCR's slips in its common words mended; a transcription's stays as typed", async () => {
    const text = seedText().replace(
      'Series B Preferred Stock Financing',
      'Series B Preferred Stock FiNRancing',
    );
    expect(text).not.toBe(seedText());
    expect(parseOcrLike(text).filing.offeringName).toBe('Series B Preferred Stock Financing');
    expect((await parseText(text)).filing.offeringName).toBe('Series B Preferred Stock FiNRancing');
  });
});

describe('a dash for zero', () => {
  it('is as sure as OCR read the dash, not the row it stands on', () => {
    const row =
      'Total Payments Listed (column totals added)\t<input checked="" type="checkbox"/> \\$ 27,701,668.92';
    expect(seedText()).toContain(row);
    const lines = ocrOf(seedText().replace(row, 'Total Payments Listed (column totals added)\t☐ $ -'));
    const read = (dashConfidence: number) => {
      for (const line of lines)
        for (const word of line.words ?? []) if (word.text === '-') word.confidence = dashConfidence;
      const { record } = parseFiling(lines, 'a'.repeat(64), { file: 'x.pdf', pages: 1, kind: 'pdf' });
      const path = 'offering.useOfProceeds.totalPaymentsListed';
      return [record.offering.useOfProceeds.totalPaymentsListed, record.fields[path]?.confidence];
    };
    // A faint figure's piece the pixels took for a dash is read unsurely; so is the zero.
    expect(read(0.6)).toEqual([0, 0.6]);
    expect(read(0.9)).toEqual([0, 0.9]);
  });
});

describe("the signature table's labels beside a blank", () => {
  it('are no issuer, signer or title ("Sig e" where OCR garbled "Signature")', async () => {
    const text = seedText().replace(/Issuer \(Print or Type\)[^\n]*\n/g, (row) =>
      row.replace(/Qualys, Inc\.\s*/, 'Sig e\t'),
    );
    expect(text).not.toBe(seedText());
    const record = await parseText(text);
    expect(record.signature.issuer).not.toBe('Sig e');
  });
});

describe('values the form asks for more than once', () => {
  const BUSINESS = 'Business or Residence Address (Number and Street, City, State, Zip Code)';
  const ROW = 'Issuer (Print or Type) Qualys, Inc.\tSignature \tDate November 28, 2003';
  const parseOcr = (text: string) =>
    parseFiling(ocrOf(text), 'a'.repeat(64), { file: 'x.pdf', pages: 1, kind: 'pdf' });

  it("takes a related person's address misread for the reading of it that others agree on", () => {
    const seed = seedText();
    const address = '1600 Bridge Parkway, Redwood Shores, CA 94065';
    const misread = (text: string, read: string) => {
      const at = text.indexOf(address, text.indexOf('Eschelbeck'));
      return `${text.slice(0, at)}${read}${text.slice(at + address.length)}`;
    };
    const read = (text: string) =>
      parseOcr(text)
        .record.relatedPersons.slice(0, 3)
        .map((p) => p.address);
    expect(read(misread(seed, '1600 Bridge Parkway, Redwood Shoves, CA 94065'))).toEqual(
      Array(3).fill(address),
    );
    expect(read(misread(seed, '16001 Bridge Parkway, Redwood Shores, CA 94065'))).toEqual(
      Array(3).fill(address),
    );
    // Another number of as many figures is another address.
    const other = '1700 Bridge Parkway, Redwood Shores, CA 94065';
    expect(read(misread(seed, other))).toContain(other);
  });

  it("takes the issuer's address, read surely, for a person's read unsurely with a figure lost", () => {
    const address = '1600 Bridge Parkway, Redwood Shores, CA 94065';
    // Only the first person shares the issuer's offices: no third reading breaks the tie.
    let text = seedText();
    const at = text.indexOf(address, text.indexOf('Courtot'));
    text = `${text.slice(0, at)}600 Bridge Parkway, Redwood Shores, CA 94065${text.slice(at + address.length)}`;
    text = text
      .replace(
        `Eschelbeck, Gerhard\n\n${BUSINESS}\n\n${address}`,
        `Eschelbeck, Gerhard\n\n${BUSINESS}\n\n9 Elm Street, Boston, MA 02110`,
      )
      .replace(
        `Saltzman, Eric\n\n${BUSINESS}\n\n${address}`,
        `Saltzman, Eric\n\n${BUSINESS}\n\n5 Oak Avenue, Austin, TX 78701`,
      );
    const firstAddress = (sure: boolean) => {
      const lines = ocrOf(text).map((line) =>
        line.text.startsWith('600 Bridge') && !sure
          ? { ...line, confidence: 0.3, words: line.words?.map((w) => ({ ...w, confidence: 0.3 })) }
          : line,
      );
      const record = parseFiling(lines, 'a'.repeat(64), { file: 'x.pdf', pages: 1, kind: 'pdf' }).record;
      expect(record.relatedPersons.slice(1, 3).map((p) => p.address)).toEqual([
        '9 Elm Street, Boston, MA 02110',
        '5 Oak Avenue, Austin, TX 78701',
      ]);
      return record.relatedPersons[0]?.address;
    };
    expect(firstAddress(false)).toBe(address);
    // Read as surely as the issuer's, it is an address of its own.
    expect(firstAddress(true)).toBe('600 Bridge Parkway, Redwood Shores, CA 94065');
  });

  it('takes the issuer name most readings agree on (A.1, Part D, Part E)', async () => {
    const text = seedText().replace(ROW, ROW.replace('Qualys, Inc.', 'Qua1ys, lnc.'));
    expect(text).not.toBe(seedText());
    const record = await parseText(text);
    expect(record.signature.issuer).toBe('Qualys, Inc.');
    expect(record.issuer.name).toBe('Qualys, Inc.');
  });

  it("takes the issuer name without the signature's scribble read on after it", async () => {
    // Part D's copy with the scribble read as words, Part E's left blank: A.1 and Part D agree on
    // the name Part D starts with.
    const [d, e] = [seedText().indexOf(ROW), seedText().lastIndexOf(ROW)];
    expect(e).toBeGreaterThan(d);
    const seed = seedText();
    const text = `${seed.slice(0, d)}${ROW.replace('Qualys, Inc.', 'Qualys, Inc. Tons li ha')}${seed.slice(d + ROW.length, e)}${ROW.replace('Qualys, Inc.', '')}${seed.slice(e + ROW.length)}`;
    const record = parseOcr(text).record;
    expect(record.signature.issuer).toBe('Qualys, Inc.');
    // A copy cut short inside a word is no copy of the longer one.
    const cut = `${seed.slice(0, d)}${ROW.replace('Qualys, Inc.', 'Qualys, In')}${seed.slice(d + ROW.length, e)}${ROW.replace('Qualys, Inc.', '')}${seed.slice(e + ROW.length)}`;
    expect(parseOcr(cut).record.issuer.name).toBe('Qualys, Inc.');
  });

  it('takes the whole name where the other copies were cut short of its last words', () => {
    // A.1 reads the whole name; Part D's copy lost its last word under the signature, and Part E's
    // the end of it. They had agreed on the shortest as a copy with words read on after it.
    const seed = seedText();
    const whole = 'Meridian Ventures Limited Partnership';
    const [d, e] = [seed.indexOf(ROW), seed.lastIndexOf(ROW)];
    const named = (name: string) => ROW.replace('Qualys, Inc.', name);
    const text =
      `${seed.slice(0, d)}${named('Meridian Ventures Limited')}${seed.slice(d + ROW.length, e)}${named('Meridian Ventures Limited partners')}${seed.slice(e + ROW.length)}`.replace(
        'Qualys, Inc.',
        whole,
      );
    const record = parseOcr(text).record;
    expect(record.issuer.name).toBe(whole);
    expect(record.signature.issuer).toBe(whole);
    // And a suffix the A.1 copy lost is the suffix the signature's copy has.
    const suffix =
      `${seed.slice(0, d)}${named('Copper Creek Properties III, L.P.')}${seed.slice(d + ROW.length, e)}${named('Copper Creek Properties III,')}${seed.slice(e + ROW.length)}`.replace(
        'Qualys, Inc.',
        'Copper Creek Properties III.',
      );
    expect(parseOcr(suffix).record.signature.issuer).toBe('Copper Creek Properties III, L.P.');
    expect(parseOcr(suffix).record.issuer.name).toBe('Copper Creek Properties III, L.P.');
  });

  it("takes the whole name where the copies cut short of it have the signature's scribble read on", () => {
    // A real page: the typed name ran under the signature in both tables; Part D's copy read the
    // last word and the scribble as one ("rerio"), Part E's lost it.
    const seed = seedText();
    const whole = 'Web Growth Fund Limited Partnership';
    const [d, e] = [seed.indexOf(ROW), seed.lastIndexOf(ROW)];
    const named = (name: string) => ROW.replace('Qualys, Inc.', name);
    const text =
      `${seed.slice(0, d)}${named('Web Growth Fund Limited rerio')}${seed.slice(d + ROW.length, e)}${named('Web Growth Fund Limited')}${seed.slice(e + ROW.length)}`.replace(
        'Qualys, Inc.',
        whole,
      );
    expect(parseOcr(text).record.signature.issuer).toBe(whole);
  });

  it("mends the case OCR misread in the signer's and a related person's names", () => {
    // "c" and "S" are the same shape in both sizes: OCR reads their case by their size.
    const text = seedText()
      .replaceAll('Eric Saltzman', 'Eric SaltZman')
      .replace('Courtot, Philippe', 'courtot, Philippe');
    expect(text).not.toBe(seedText());
    const record = parseOcr(text).record;
    expect(record.signature.signer).toBe('Eric Saltzman');
    expect(record.relatedPersons[0]?.name).toBe('Courtot, Philippe');
  });

  it('mends A.1 when the two signature copies agree on a name it misread', async () => {
    const seed = seedText();
    const at = seed.indexOf('Qualys, Inc.');
    const record = await parseText(
      `${seed.slice(0, at)}Qua1ys, lnc.${seed.slice(at + 'Qualys, Inc.'.length)}`,
    );
    expect(record.issuer.name).toBe('Qualys, Inc.');
  });
});

describe('a value at the foot of a page', () => {
  it("stops at the page: the next page's running head and the page number are no part of it", () => {
    const lines = asOcr(
      [
        'Business or Residence Address (Number and Street, City, State, Zip Code)',
        '456 Maple Avenue, Jackson, MS 39262',
        '- 3 -',
        'A. BASIC IDENTIFICATION DATA',
      ],
      (i) => (i < 3 ? 1 : 2),
    );
    const reader = new Reader(
      new FormText(lines),
      emptyRecord('a'.repeat(64), { file: 'x.pdf', pages: 2, kind: 'pdf' }),
    );
    const value = reader.setText(
      'relatedPersons.0.address',
      { line: 0, col: 72 },
      { line: 4, col: 0 },
      1,
      true,
    );
    expect(value).toBe('456 Maple Avenue, Jackson, MS 39262');
  });
});

describe('a check-box group with its first box missed', () => {
  it('still pairs each box with the option it is printed before', async () => {
    const seed = seedText();
    const printed = '☒ corporation☐ limited partnership, already formed☐ business trust';
    expect(seed).toContain(printed);
    // OCR missed the first box; the business trust box is the one marked.
    const text = seed.replace(printed, 'corporation☐ limited partnership, already formed☒ business trust');
    expect((await parseText(text)).issuer.entityType).toBe('business trust');
  });
});

describe('a check-box group whose last options a stamp covers', () => {
  it('takes the box after the last option read for the option printed next', () => {
    // "☒ Rule 506 ☐ Secon": the rest of the row, "tion 4(6) ☐ ULOE", under the PROCESSED stamp.
    const text = seedText().replace('☐ Section 4(6) ☐ ULOE', '☐ Secon');
    expect(text).not.toBe(seedText());
    const { exemptions } = parseOcrLike(text).filing;
    expect(exemptions).toMatchObject({ rule504: false, rule505: false, rule506: true, section4_6: false });
    expect(exemptions.uloe).toBeNull();
  });
});

describe("a check-box group whose row a stamp's border parted", () => {
  /**
   * The seed read as OCR lines, the exemptions' row ending at "Section 4(6)", and the ULOE box laid
   * out beside it as a line of its own after the next label's (`beside`), with its label lost
   * under the stamp's date.
   */
  const parted = (beside: string) => {
    const row = 'Filing Under (Check box(es) that apply): ☐ Rule 504 ☐ Rule 505 ☒ Rule 506 ☐ Section 4(6)';
    const texts = readTranscription(seedText()).flatMap((line) =>
      line.text.includes('☐ Section 4(6) ☐ ULOE')
        ? [row, line.text.slice(line.text.indexOf('Type of Filing'))]
        : [line.text],
    );
    const lines = asOcr(texts);
    const at = texts.indexOf(row);
    const y = lines[at]?.bbox?.[1] ?? 0;
    const x = row.length * 12 + 60;
    const stamp: TextLine = {
      text: beside,
      line: 0,
      page: 1,
      bbox: [x, y, x + beside.length * 12, y + 20],
      confidence: 0.5,
      words: [...beside.matchAll(/\S+/g)].map((m) => ({
        text: m[0],
        bbox: [x + m.index * 12, y, x + (m.index + m[0].length) * 12, y + 20],
        confidence: 0.5,
        start: m.index,
      })),
    };
    lines.splice(at + 2, 0, stamp);
    lines.forEach((l, i) => {
      l.line = i + 1;
    });
    return parseFiling(lines, 'a'.repeat(64), { file: 'x.pdf', pages: 1, kind: 'pdf' }).record.filing
      .exemptions;
  };

  it('takes the one box beside the row, after its last option read, for the option printed next', () => {
    expect(parted('☐ LANDES 1995')).toEqual({
      rule504: false,
      rule505: false,
      rule506: true,
      section4_6: false,
      uloe: false,
    });
    expect(parted('☒ LANDES 1995').uloe).toBe(true);
  });

  it('leaves the option unread where the boxes beside the row are more than the options missing', () => {
    expect(parted('☐ LANDES ☐ 1995').uloe).toBeNull();
  });
});

describe('a Yes/No group whose marked box OCR read as junk after its option', () => {
  it('reads the option with the junk after it checked, unsurely', () => {
    // "Yes =! No ☐": the X ran over the Yes box, so the pixels found no box there.
    const text = seedText().replace('single unit? ☒ Yes ☐ No', 'single unit? Yes =! No ☐');
    expect(text).not.toBe(seedText());
    const { record } = parseFiling(ocrOf(text), 'a'.repeat(64), { file: 'x.pdf', pages: 1, kind: 'pdf' });
    expect(record.offering.jointOwnership).toBe(true);
  });
});

describe("a mark OCR read inside an option's words", () => {
  it('is that option\'s mark ("General ☒ and/or Managing Partner")', async () => {
    const line =
      'Check Box(es) that Apply: ☐ Promoter ☒ Beneficial Owner ☒ Executive Officer ☒ Director ☐ General and/or Managing Partner';
    const text = seedText().replace(line, line.replace('☐ General and/or', 'General ☒ and/or'));
    expect(text).not.toBe(seedText());
    const record = await parseText(text);
    expect(record.relatedPersons[0]?.roles.generalPartner).toBe(true);
    expect(record.relatedPersons[0]?.roles.director).toBe(true);
  });
});

describe('Part C with its heading and the end of its first question lost', () => {
  it('starts at the opening words of the question, and reads C.1', async () => {
    const text = seedText()
      .replace(
        'C. OFFERING PRICE, NUMBER OF INVESTORS, EXPENSES AND USE OF PROCEEDS\n\n1. Enter',
        'LC OFERNG PR1C NUMBR\n\n1. Enter',
      )
      .replace(
        'offering price of securities included in this offering and the total',
        'offering price of secunti=',
      );
    expect(text).not.toContain('C. OFFERING PRICE, NUMBER OF INVESTORS, EXPENSES AND USE OF PROCEEDS\n\n1.');
    const record = await parseText(text);
    expect(record.offering.securities.total).toEqual((await parseText(seedText())).offering.securities.total);
  });
});

describe('Part C with its heading, its first question and its column heads garbled', () => {
  it("starts at C.1's rows, not at the next page's running head, and reads C.1", async () => {
    const heading = 'C. OFFERING PRICE, NUMBER OF INVESTORS, EXPENSES AND USE OF PROCEEDS';
    const text = seedText()
      .replace(heading, 'CFFERING FRICE NUMBER: FL E-TOR EwFEN.EH SNDLTE OF PROCEED')
      .replace(
        /1\. Enter the aggregate offering price[^\n]*/,
        '1. Enver he agrege cing ios of seuss nck ne ll and he le rot avec ack.',
      )
      .replace(
        'Type of Security\tAggregate Offering Price\tAmount Already Sold',
        'Type of Semurty\tAggregain Offwing Prise Amu Alrosdy Sold',
      );
    // The heading is printed again at the top of C.5's page.
    expect(text).toContain(heading);
    const record = await parseText(text);
    const seed = await parseText(seedText());
    expect(record.offering.securities.total.offered).not.toBeNull();
    expect(record.offering.securities).toEqual(seed.offering.securities);
  });
});

describe("C.2 with its question and its first row's label garbled", () => {
  it('starts at its column heads, and reads both rows', async () => {
    // A real OCR reading of a damaged page: "Zhan rhe mehr of accredited and waacoedted mresions
    // who hue perciased ..." and "Wwtedited Tivestons <tab> 23 <tab> S 1.406.490.00".
    const text = seedText()
      .replace(
        /2\. Enter the number of accredited and non-accredited investors[^\n]*/,
        '2 Zhan rhe mehr of accredited and waacoedted mresions who hue perciased soonest',
      )
      .replace('Accredited investors\t20', 'Wwtedited Tivestons\t20');
    const record = await parseText(text);
    const seed = await parseText(seedText());
    expect(record.offering.investors.accredited.count).toBe(20);
    expect(record.offering.investors).toEqual(seed.offering.investors);
  });
});

describe('C.5 total payments listed, the last row of Part C', () => {
  it('is its own cell, not an amount OCR read after it (a stamp or a footer before Part D)', async () => {
    const text = seedText().replace(/(Total Payments Listed \(column totals added\)[^\n]*\n)/, '$1$$ 05\n');
    expect(text).not.toBe(seedText());
    const record = await parseText(text);
    expect(record.offering.useOfProceeds.totalPaymentsListed).toBe(27_701_668.92);
  });
});

describe('a scanned filing whose last page OCR garbled past reading', () => {
  // Part D's heading and labels, and everything after them, read as OCR reads a faint page.
  const seed = seedText();
  const cut = seed.indexOf('D. FEDERAL SIGNATURE');
  const garbled = `${seed.slice(0, cut)}Do FEDERANL SIGN ATT REE\nStes No Jones CoChadtnoan\nFOSTATE SIGNATURE\n`;

  it('keeps what it read of the other parts, and says for review that Part D was not found', () => {
    const lines = readTranscription(garbled).map((line) => line.text);
    const lastPage = lines.findIndex((text) => text.startsWith('Do FEDERANL'));
    expect(lastPage).toBeGreaterThan(0);
    const { record, doubtful } = parseFiling(
      asOcr(lines, (i) => (i >= lastPage ? 2 : 1)),
      'a'.repeat(64),
      { file: 'x.pdf', pages: 2, kind: 'pdf' },
    );
    expect(record.offering.securities.total.offered).toBe(2_868_407_204);
    expect(record.signature.signer).toBeNull();
    expect(doubtful).toContain('section:Part D not found on the scanned pages');
  });

  it("says for review which of Part C's totals a scan's OCR read none of, a page too damaged for its labels", () => {
    const lines = readTranscription(ACME).map((line) => line.text);
    // The use of proceeds read as junk: no row label, no total.
    const junk = lines.map((text) =>
      /^(Salaries|Purchase|Construction|Acquisition|Repayment|Working|Other \(specify|Column|Total Payments)/.test(
        text,
      )
        ? 'Se 1 DE Ras Sm ☐ < ☐ :'
        : text,
    );
    const scan = parseFiling(
      asOcr(junk, () => 1),
      'a'.repeat(64),
      { file: 'x.pdf', pages: 1, kind: 'pdf' },
    );
    expect(scan.record.offering.useOfProceeds.totalPaymentsListed).toBeNull();
    expect(scan.doubtful).toEqual(['missing:offering.useOfProceeds.totalPaymentsListed']);
    const whole = parseFiling(
      asOcr(lines, () => 1),
      'a'.repeat(64),
      { file: 'x.pdf', pages: 1, kind: 'pdf' },
    );
    expect(whole.doubtful).toEqual([]);
  });

  it('is a cut-off filing when it is a transcription', async () => {
    await expect(parseText(garbled)).rejects.toThrow(/Part D, is missing/);
  });
});

describe('splitAddress', () => {
  it('splits street, city, state and ZIP code', () => {
    expect(splitAddress('1600 Bridge Parkway, Suite 5, Redwood Shores, CA 94065')).toEqual({
      street: '1600 Bridge Parkway, Suite 5',
      city: 'Redwood Shores',
      state: 'CA',
      zip: '94065',
    });
  });

  it('reads the city and state before a ZIP code OCR garbled, and keeps the ZIP code as read', () => {
    expect(splitAddress('7011 Mission Street, Washington, DC 200%4')).toEqual({
      street: '7011 Mission Street',
      city: 'Washington',
      state: 'DC',
      zip: '200%4',
    });
    expect(splitAddress('2124 Executive Drive, Richmond, VA 2323')).toMatchObject({
      city: 'Richmond',
      zip: '2323',
    });
    // A figure lost to a gap in it (a real OCR reading of 48270).
    expect(splitAddress('1 Center Street, Detroit, MI 4 270')).toEqual({
      street: '1 Center Street',
      city: 'Detroit',
      state: 'MI',
      zip: '4 270',
    });
    // No state code, no split: a garbled tail is not taken for one.
    expect(splitAddress('Sumit Avel Av Nue, Campridge, M $2117')).toMatchObject({ city: null, state: null });
  });
});

describe('mendProse', () => {
  it.each([
    // Its first letter read small where it is the same shape in both sizes (a real reading).
    ['warrants', 'Warrants'],
    [
      'Development of enterprise software for supply chain manadgement',
      'Development of enterprise software for supply chain management',
    ],
    ['General corporaté purposes', 'General corporate purposes'],
    ['INVestments', 'Investments'],
    ['1nventory', 'Inventory'],
    ['Product deve1opment', 'Product development'],
    ['1imited liability company', 'limited liability company'],
    // Figures in no word stay: "Series 1A Units", "5th floor".
    ['Series 1A Units', 'Series 1A Units'],
    ['Broadband acCEss equipment', 'Broadband access equipment'],
    ['General corporare purposes', 'General corporate purposes'],
    ['Research and develonment', 'Research and development'],
    ['Research and development YY', 'Research and development'],
    ['Research and develanment 1s', 'Research and development'],
    // A capital misread in the middle of a word, and a first letter misread small.
    ['Developer of sPeech recognition software', 'Developer of speech recognition software'],
    [
      'pevelopment of medical devices for cardiac surgery',
      'Development of medical devices for cardiac surgery',
    ],
    // Letters a rule under the words took, read as underscores.
    ['limited liability co__pany', 'limited liability company'],
    // Two words as near, one of them by letters OCR confuses by their shape (l for i, T for I, v
    // for y): "serves" and "inventors" are as near, but by letters that look nothing alike.
    ['Serles E Convertible Preferred Stock', 'Series E Convertible Preferred Stock'],
    ['Tnventorv', 'Inventory'],
    // A speck read as a point before the last letter, and a word split in two (real OCR readings).
    ['Tnvestment.s', 'Investments'],
    ['Investment ts', 'Investments'],
    ['IAvesTmen ts', 'Investments'],
    // A letter lost to marks and a gap (real OCR readings).
    ["Real estate inves'.- ent and develop. ent", 'Real estate investment and development'],
    ['Biopharmaceutical research and develop— ent', 'Biopharmaceutical research and development'],
  ])('mends %j as %j', (read, typed) => {
    expect(mendProse(read)).toBe(typed);
  });

  it.each([
    'Investment in private equity securities',
    'Design of semiconductors for wireless networks',
    'Clinical trials of Phase II',
    'Purchase of U.S. treasuries',
    'Shares of Apex Inc. and its affiliates',
    // Not a word of the list, but no common word is one letter from it.
    'Biopharmaceutical research',
  ])('leaves %j as typed', (typed) => {
    expect(mendProse(typed)).toBe(typed);
  });
});

describe('the words of an address OCR garbled', () => {
  it.each([
    ['3 Maple Avenue, Suite 1300, St. Louls, MO 63119', '3 Maple Avenue, Suite 1300, St. Louis, MO 63119'],
    ['1806 Executive Drive, Des Mpines, IA 50339', '1806 Executive Drive, Des Moines, IA 50339'],
    ['7 Franklin Street, Honolylu, HI 96838', '7 Franklin Street, Honolulu, HI 96838'],
    ['1536 Madison Avehue, San Diego, CA 92113', '1536 Madison Avenue, San Diego, CA 92113'],
    ['1305 Elm Street, Bullding 11, Evanston, IL 60228', '1305 Elm Street, Building 11, Evanston, IL 60228'],
    // A city word split in two.
    ['6 Cedar Lane, Suite 100, Portla d, OR 97244', '6 Cedar Lane, Suite 100, Portland, OR 97244'],
    ['1 K Street, Wash Ngton, DC 20001', '1 K Street, Washington, DC 20001'],
    // A small letter whose capital differs only in size, read as the capital, in a common word.
    ['3 GateWay Boulevard, Des Moines, IA 50384', '3 Gateway Boulevard, Des Moines, IA 50384'],
    // A ZIP code's figure read as a letter it looks like, in the state named before it.
    ['5 Madison Avenue, Newark, NJ C7166', '5 Madison Avenue, Newark, NJ 07166'],
    ['4648 Summit Avenue, Burlington, VT 0546p', '4648 Summit Avenue, Burlington, VT 05460'],
    ['9 Chestnut Street, Billings, MT 5919@', '9 Chestnut Street, Billings, MT 59190'],
    ['40 Center Street, Tulsa, OK 7411e', '40 Center Street, Tulsa, OK 74110'],
    // A 1 read as an opening bracket before figures; the l of "El" read as a 1.
    ['7 Wacker Drive, Suite (4, Evanston, IL 60297', '7 Wacker Drive, Suite 14, Evanston, IL 60297'],
    ['4 E1 Camino Real, Salt Lake City, UT 84133', '4 El Camino Real, Salt Lake City, UT 84133'],
    ['3174 E1 camino Real, omaha, NE 68198', '3174 El Camino Real, Omaha, NE 68198'],
    ['5 Maple Avenue, Rochester, NY [4690', '5 Maple Avenue, Rochester, NY 14690'],
    // A speck read in or after a street word, or as a hyphen before it (real OCR readings).
    ['1 Summit Avenu-, Floor 1400, Wichita, KS 67274', '1 Summit Avenue, Floor 1400, Wichita, KS 67274'],
    [
      '2 Congress-Avenue, Suite 3100, New Orleans, LA 70116',
      '2 Congress Avenue, Suite 3100, New Orleans, LA 70116',
    ],
    // Its letters read as the figures they look like.
    ['788 Broadway, Fl100r 25, Waltham, MA 02492', '788 Broadway, Floor 25, Waltham, MA 02492'],
  ])('are the place names of the state and the street words they were: %j', (read, typed) => {
    expect(mendOcrText(read)).toBe(typed);
  });

  it.each([
    '1600 Bridge Parkway, Redwood Shores, CA 94065',
    '5 Borregas Avenue, Kansas City, MO 64101',
    '2 Elm Street, Salt Lake City, UT 84101',
    // No place in Missouri is one letter from it: a name the list lacks stays as typed.
    '12 Court Street, Zorbville, MO 64101',
    // Names written with a capital inside them are no common words.
    '200 LaSalle Street, Chicago, IL 60601',
    '1 McCormick Place, Chicago, IL 60616',
    '20 Main Street, Suite E1, Boston, MA 02110',
    '12 Hewlett-Packard Drive, Palo Alto, CA 94304',
  ])('leaves %j as typed', (typed) => {
    expect(mendOcrText(typed)).toBe(typed);
  });
});

describe("an entity's suffix OCR misread", () => {
  it.each([
    ['Mayfield Fund, 1.2.', 'Mayfield Fund, L.P.'],
    ['Greylock VII, 1..P.', 'Greylock VII, L.P.'],
    ['Ironwood Management, LL.C', 'Ironwood Management, L.L.C.'],
    // A speck read as an I before a suffix typed with its periods (a real OCR reading).
    ['Norwest Venture Partners VII, IL.P.', 'Norwest Venture Partners VII, L.P.'],
    ['Silver Advisors, _LC', 'Silver Advisors, LLC'],
    // A roman numeral read with L or 1 for I, the comma before the suffix lost.
    ['Trident Capital VILL TP.', 'Trident Capital VIII, L.P.'],
    ['Charles River Ventures Partners 11. 1.P.', 'Charles River Ventures Partners II, L.P.'],
    // The period of an abbreviation lost.
    ['Riverbend, Inc', 'Riverbend, Inc.'],
  ])('reads %j as %j', (read, typed) => {
    expect(mendOcrText(read)).toBe(typed);
  });

  it.each(['Smith, T.P.', 'Davis, Jeffrey B.', 'Acme Holdings, LLC', 'Kleiner Perkins Caufield & Byers, LP'])(
    'leaves %j as typed',
    (typed) => {
      expect(mendOcrText(typed)).toBe(typed);
    },
  );
});

describe('roundSum', () => {
  it.each([
    // Real OCR readings of minimum investments typed with a typewriter's zeros.
    [50_006_000, 50_000_000],
    [100_600, 100_000],
    [100_000_006, 100_000_000],
    [100_000_900, 100_000_000],
  ])('reads %j cents as the round sum %j', (read, round) => {
    expect(roundSum(read)).toBe(round);
  });

  it.each([2_500_000, 1_680_000, 96_000_000, 125_000, 1_234_567])('leaves %j cents as read', (read) => {
    expect(roundSum(read)).toBeNull();
  });

  it('gives B.2 its round sum unsurely', () => {
    const seed = seedText();
    const b2 = 'from any individual? \\$ N/A';
    expect(seed).toContain(b2);
    const record = parseOcrLike(seed.replace(b2, 'from any individual?\t$ 500.060'));
    expect(record.offering.minimumInvestment).toBe(50_000_000);
    expect(record.fields['offering.minimumInvestment']?.confidence).toBeLessThan(0.8);
  });
});

describe('usPhone', () => {
  it.each([
    ['( 804) 239-2253 ce', '(804) 239-2253'],
    ['(650)801-6135', '(650) 801-6135'],
    // Its figures read twice, as overlapping words (a real reading).
    ['(408) 8) 697- 697-693 3', '(408) 697-6933'],
    // A gap OCR put among its seven figures, or its hyphen read as one (real readings).
    ['(213) 568 6476', '(213) 568-6476'],
    ['(816) 45 6-3726', '(816) 456-3726'],
    // Specks read after it (a real reading), with or without its brackets.
    ['(918) 234-5664."', '(918) 234-5664'],
    ['650-801-6135.', '650-801-6135'],
    // Figures missing: as read.
    ['(281) 0053', '(281) 0053'],
    // Typed without brackets, or not a US number read whole: as read.
    ['650-801-6135', '650-801-6135'],
    ['(6.7) 274-1 1452', '(6.7) 274-1 1452'],
    ['650.801.6135 x12', '650.801.6135 x12'],
  ])('reads %j as %j', (read, typed) => {
    expect(usPhone(read)).toBe(typed);
  });
});

describe("the issuer's telephone number, its label garbled past finding", () => {
  /** A line moved right by `x` pixels, words and all. */
  const shifted = (line: TextLine, x: number): TextLine => ({
    ...line,
    bbox: line.bbox && [line.bbox[0] + x, line.bbox[1], line.bbox[2] + x, line.bbox[3]],
    words: line.words?.map((w) => ({
      ...w,
      bbox: [w.bbox[0] + x, w.bbox[1], w.bbox[2] + x, w.bbox[3]] as Bbox,
    })),
  });
  /**
   * The seed read with the issuer's telephone label garbled, it and its number set `x` pixels
   * right; OCR may read the garble and the number as one line.
   */
  const read = (garbled: string, x: number, oneLine = false) => {
    const texts = readTranscription(seedText()).map((line) => line.text);
    const label = texts.indexOf('Telephone Number (Including Area Code)');
    expect(texts[label + 1]).toBe('(650) 801-6135');
    if (oneLine) texts.splice(label, 2, `${garbled} ${texts[label + 1]}`);
    else texts[label] = garbled;
    const lines = asOcr(texts);
    for (const at of oneLine ? [label] : [label, label + 1]) lines[at] = shifted(lines[at] as TextLine, x);
    return parseFiling(lines, 'a'.repeat(64), { file: 'x.pdf', pages: 1, kind: 'pdf' }).record;
  };

  it('reads the number typed in the column beside the address, and keeps that column out of the address', () => {
    const record = read('shane (aslufing Aven', 1200);
    expect(record.issuer.phone).toBe('(650) 801-6135');
    expect(record.issuer.address).toEqual({
      street: '1600 Bridge Parkway',
      city: 'Redwood Shores',
      state: 'CA',
      zip: '94065',
    });
    // Found by its place alone, it is less sure than a number read under its label.
    const labelled = read('Telephone Number (Including Area Code)', 1200);
    expect(labelled.issuer.phone).toBe('(650) 801-6135');
    expect(record.fields['issuer.phone']?.confidence).toBeLessThan(
      labelled.fields['issuer.phone']?.confidence ?? 0,
    );
    // The principal office's telephone label, found, is that office's: its number left blank.
    expect(record.issuer.principalBusinessPhone).toBeNull();
  });

  it('reads the number where OCR read it on one line after the garbled label', () => {
    const record = read('[Mmmm', 1200, true);
    expect(record.issuer.phone).toBe('(650) 801-6135');
    expect(record.issuer.address?.city).toBe('Redwood Shores');
  });

  it('takes no line of figures under the address itself for the number', () => {
    const record = read('shane (aslufing Aven', 0);
    expect(record.issuer.phone).toBeNull();
  });
});
