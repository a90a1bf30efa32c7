/**
 * Every money line of the form (Parts B and C), with its name in the form's own words, in form
 * order. Explanations search these for "the total given equals another line"; repair searches them
 * for a misread digit.
 */

export interface MoneyLine {
  readonly path: string;
  readonly name: string;
  /** Totals are named first when a value matches several lines: they are what filers copy. */
  readonly isTotal: boolean;
}

const C1_ROWS = [
  ['debt', 'debt'],
  ['equity', 'equity'],
  ['convertible', 'convertible securities'],
  ['partnership', 'partnership interests'],
  ['other', 'other securities'],
] as const;

export const C1_ROW_KEYS = C1_ROWS.map(([key]) => key);

const C4A_ROWS = [
  ['transferAgent', "transfer agent's fees"],
  ['printing', 'printing and engraving costs'],
  ['legal', 'legal fees'],
  ['accounting', 'accounting fees'],
  ['engineering', 'engineering fees'],
  ['salesCommissions', 'sales commissions'],
  ['findersFees', "finders' fees"],
  ['other', 'other expenses'],
] as const;

export const C4A_ROW_KEYS = C4A_ROWS.map(([key]) => key);

const C5_ROWS = [
  ['salaries', 'salaries and fees'],
  ['realEstate', 'purchase of real estate'],
  ['equipment', 'machinery and equipment'],
  ['construction', 'plant buildings and facilities'],
  ['acquisition', 'acquisition of other businesses'],
  ['debtRepayment', 'repayment of indebtedness'],
  ['workingCapital', 'working capital'],
  ['other', 'other uses'],
] as const;

export const C5_ROW_KEYS = C5_ROWS.map(([key]) => key);

export const C5_COLUMNS = [
  ['affiliates', 'payments to officers, directors & affiliates'],
  ['others', 'payments to others'],
] as const;

export type C5Column = (typeof C5_COLUMNS)[number][0];

function line(path: string, name: string, isTotal = false): MoneyLine {
  return { path, name, isTotal };
}

export const MONEY_LINES: readonly MoneyLine[] = [
  line('offering.minimumInvestment', 'B.2 minimum investment'),
  ...C1_ROWS.flatMap(([key, name]) => [
    line(`offering.securities.${key}.offered`, `C.1 ${name}, aggregate offering price`),
    line(`offering.securities.${key}.sold`, `C.1 ${name}, amount already sold`),
  ]),
  line('offering.securities.total.offered', 'C.1 aggregate offering price', true),
  line('offering.securities.total.sold', 'C.1 amount already sold', true),
  line('offering.investors.accredited.amount', "C.2 accredited investors' purchases"),
  line('offering.investors.nonAccredited.amount', "C.2 non-accredited investors' purchases"),
  ...C4A_ROWS.map(([key, name]) => line(`offering.expenses.${key}`, `C.4.a ${name}`)),
  line('offering.expenses.total', 'C.4.a total expenses', true),
  line('offering.adjustedGrossProceeds', 'C.4.b adjusted gross proceeds', true),
  ...C5_ROWS.flatMap(([key, name]) =>
    C5_COLUMNS.map(([column, columnName]) =>
      line(`offering.useOfProceeds.${key}.${column}`, `C.5 ${name}, ${columnName}`),
    ),
  ),
  ...C5_COLUMNS.map(([column, columnName]) =>
    line(`offering.useOfProceeds.columnTotals.${column}`, `C.5 column total, ${columnName}`, true),
  ),
  line('offering.useOfProceeds.totalPaymentsListed', 'C.5 total payments listed', true),
];

const BY_PATH = new Map(MONEY_LINES.map((l) => [l.path, l]));

/** The form's name for a money path; the path itself for anything that is not a money line. */
export function lineName(path: string): string {
  return BY_PATH.get(path)?.name ?? path;
}

export function isMoneyPath(path: string): boolean {
  return BY_PATH.has(path);
}

/** Lines in the order explanations name them: totals first, then the rest, each in form order. */
export const LINES_TOTALS_FIRST: readonly MoneyLine[] = [
  ...MONEY_LINES.filter((l) => l.isTotal),
  ...MONEY_LINES.filter((l) => !l.isTotal),
];
