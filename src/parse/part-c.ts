import { LevenshteinDistance } from 'natural/lib/natural/distance/index.js';
import { comparePos, type Match, type Pos, type Range } from './form-text.js';
import { LABELS, type LabelName } from './labels.js';
import { LONE_DOLLAR_READ, readCount } from './money-cells.js';
import type { Anchor, Reader } from './reader.js';
import { FORM_FOOTER_LINE } from './value-text.js';

/** Part C: the dollar tables C.1, C.2, C.4.a, C.4.b and C.5, in integer cents. */
export function readPartC(r: Reader, range: Range): void {
  const questions = tableStarts(r, range);
  const span = (name: LabelName): { from: Pos; to: Pos } | null => {
    const i = questions.findIndex((q) => q.name === name);
    const q = questions[i];
    if (!q) return null;
    return { from: q.match.end, to: r.stopAfter(questions, i, range) };
  };
  const c1 = span('c1');
  if (c1) readSecurities(r, c1);
  const c2 = span('c2');
  if (c2) readInvestors(r, c2);
  const c4a = span('c4a');
  const expensesTotal = c4a ? readExpenses(r, c4a) : null;
  const c4b = span('c4b');
  if (c4b) {
    const [cell] = r.cells(c4b.from, c4b.to);
    r.record.offering.adjustedGrossProceeds = r.setMoney(
      'offering.adjustedGrossProceeds',
      cell,
      c4b.from,
      c4b.to,
    );
  } else if (expensesTotal) {
    // C.4.b's instruction garbled past finding (its two lines read as one, their words
    // interleaved): its amount is the one set after C.4.a's Total row, before C.5. Found by
    // place, not label, it is less sure; a zero there is a speck or a garbled word read as one.
    const from = { line: expensesTotal.from.line + 1, col: 0 };
    const cell = r.cells(from, expensesTotal.to).findLast((c) => (c.cents ?? 0) > 0 && c.readable);
    r.record.offering.adjustedGrossProceeds = r.setMoney(
      'offering.adjustedGrossProceeds',
      cell,
      from,
      expensesTotal.to,
      BY_PLACE,
    );
  }
  const c5 = span('c5');
  if (c5) readUseOfProceeds(r, c5);
}

/**
 * Where each question of Part C starts: at its printed question, or, when OCR garbled that, at
 * its table's column heads or first row label ("Accredited Investors" for C.2), searched after the
 * previous one.
 */
function tableStarts(r: Reader, range: Range): Anchor[] {
  const tables: Array<[LabelName, LabelName[]]> = [
    ['c1', ['c1Heads', 'debt']],
    ['c2', ['c2Heads', 'accredited']],
    ['c3', []],
    ['c4a', ['transferAgent']],
    ['c4b', []],
    ['c5', ['c5Heads', 'salaries']],
  ];
  const out: Anchor[] = [];
  let after: Pos | undefined;
  for (const [question, stands] of tables) {
    const q = r.find(question, range, after);
    const stand = stands
      .map((name) => r.find(name, range, after))
      .reduce<Match | null>(
        (first, m) => (m && (!first || comparePos(m.start, first.start) < 0) ? m : first),
        null,
      );
    // The heads or a row label, whichever comes first, stand in for a missing question. A question
    // is printed before its table: one found only after the table's heads or first row is a like
    // wording further on (C.4.b's "the aggregate offering price" for C.1's garbled question).
    const asked = q && (!stand || comparePos(q.start, stand.start) <= 0) ? q : null;
    const match = asked ?? stand;
    if (!match) continue;
    const anchor: Anchor = asked
      ? { name: question, match: asked }
      : { name: question, match: { ...match, end: match.start } };
    out.push(anchor);
    after = anchor.match.end;
  }
  return out;
}

/** The rows of a table: each row label found after the previous one, its cells up to the next. */
function rows(r: Reader, names: readonly LabelName[], table: { from: Pos; to: Pos }) {
  const range: Range = { from: table.from.line, to: Math.min(table.to.line + 1, r.doc.lines.length) };
  const found: Anchor[] = [];
  let after = table.from;
  for (const name of names) {
    const m = rowLabel(r, name, range, after);
    if (!m || comparePos(m.start, table.to) >= 0) continue;
    found.push({ name, match: m });
    after = m.end;
  }
  const unlabelled = unlabelledRows(r, names, found, table);
  // A row ends at the next row found, by its label or by its place: a row found by place (its
  // label garbled) is no part of the row above it, whose cells would run on into its own.
  const labelled = found.map((anchor, i) => {
    const next = found[i + 1]?.match.start ?? table.to;
    const placed = unlabelled.find(
      (u) => comparePos(u.from, anchor.match.end) > 0 && comparePos(u.from, next) < 0,
    );
    return { name: anchor.name, from: anchor.match.end, to: placed?.from ?? next, score: anchor.match.score };
  });
  return [...labelled, ...unlabelled].sort((a, b) => comparePos(a.from, b.from));
}

/**
 * A row's label begins its line: "column totals" inside "Total Payments Listed (column totals
 * added)" is not the Column Totals row. A few specks may stand before it.
 */
function rowLabel(r: Reader, name: LabelName, range: Range, after: Pos): Match | null {
  let from = after;
  for (;;) {
    const m = r.find(name, range, from);
    if (!m) return null;
    const before = (r.doc.lines[m.start.line]?.text ?? '').slice(0, m.start.col);
    // A label that ends a hyphenated word is not that row's: "Accredited Investors" in "Non-accredited Investors".
    if (
      (before.match(/\p{L}/gu) ?? []).length <= 3 &&
      !/\p{L}-\s*$/u.test(before) &&
      !inLongerLabel(r, name, m)
    )
      return m;
    from = m.end;
  }
}

/**
 * Whether a row label's match is the end of a longer label that ends with its words, found on the
 * line from further left: garbled, the short one fits as well or better ("Nom-ccredited
 * Investors" is the Non-accredited row, not the Accredited one).
 */
function inLongerLabel(r: Reader, name: LabelName, m: Match): boolean {
  const own = LABELS[name].map((w) => w.toLowerCase());
  return (Object.keys(LABELS) as LabelName[]).some((other) => {
    if (other === name) return false;
    const wordings: readonly string[] = LABELS[other];
    if (!wordings.some((w) => own.some((o) => w.length > o.length && w.toLowerCase().endsWith(o))))
      return false;
    const longer = r.find(other, { from: m.start.line, to: m.start.line + 1 });
    return longer !== null && longer.start.col < m.start.col && longer.end.col >= m.end.col;
  });
}

/**
 * An amount cell: a dollar sign, an amount such as 1,000.00 or -0-, or a last column that is a
 * number after a speck or two (a "$" misread, "S_ 0").
 */
const HAS_AMOUNT = /\$|\d[\d,]*\.\d\d\b|\d{1,3}(?:,\d{3})+|-0-|\t[^\t\d]{0,4}\d[\d,.]*\s*$/;

/** Rows some printings of the form have and others leave out. */
const OPTIONAL_ROWS: ReadonlySet<LabelName> = new Set(['findersFees']);

/**
 * Rows whose label OCR garbled ("DIED ......" for Debt) are still rows of the form, in the form's
 * order: where the lines with amounts between two rows that were found are exactly as many as the
 * rows missing there (or as those every printing has), each missing row takes its line, with a
 * lower confidence.
 */
function unlabelledRows(
  r: Reader,
  names: readonly LabelName[],
  found: Anchor[],
  table: { from: Pos; to: Pos },
) {
  const out: Array<{ name: LabelName; from: Pos; to: Pos; score: number }> = [];
  const bounds = [
    { index: -1, line: table.from.line },
    ...found.map((a) => ({ index: names.indexOf(a.name), line: a.match.start.line })),
    { index: names.length, line: table.to.line + (table.to.col > 0 ? 1 : 0) },
  ];
  for (let k = 1; k < bounds.length; k++) {
    const before = bounds[k - 1];
    const after = bounds[k];
    if (!before || !after) continue;
    let missing = names.slice(before.index + 1, after.index);
    if (missing.length === 0) continue;
    const candidates: number[] = [];
    for (let line = before.line + 1; line < after.line && line < r.doc.lines.length; line++) {
      // A page's footer between the table's head and its first row ("SEC 1972 (1/94) <tab> 4"),
      // its page number after a gap, holds no amount.
      const text = r.doc.lines[line]?.text ?? '';
      if (HAS_AMOUNT.test(text) && !FORM_FOOTER_LINE.test(text.trim())) candidates.push(line);
    }
    // A row found by a label of three lines ("Acquisition of other businesses ... / this offering
    // ... / another issuer pursuant to a merger)") has its cells on the label's last line: the
    // first line with amounts after two without is its own, not a row whose label was garbled.
    const amountless = (line: number) => !HAS_AMOUNT.test(r.doc.lines[line]?.text ?? '');
    if (before.index >= 0 && amountless(before.line) && amountless(before.line + 1)) candidates.shift();
    // A row only some printings have (Finders' Fees) is left out when that makes the count.
    const printed = missing.filter((name) => !OPTIONAL_ROWS.has(name));
    if (candidates.length !== missing.length && candidates.length === printed.length) missing = printed;
    if (candidates.length !== missing.length) continue;
    missing.forEach((name, i) => {
      const line = candidates[i] ?? 0;
      out.push({ name, from: { line, col: 0 }, to: { line: line + 1, col: 0 }, score: 0.6 });
    });
  }
  return out;
}

const SECURITY_ROWS = ['debt', 'equity', 'convertible', 'partnership', 'otherSecurity', 'total'] as const;
const SECURITY_KEYS = {
  debt: 'debt',
  equity: 'equity',
  convertible: 'convertible',
  partnership: 'partnership',
  otherSecurity: 'other',
  total: 'total',
} as const;

/** How sure a pair of boxes read without their labels is, taken for the options the form prints there. */
const UNLABELLED_BOXES = 0.6;

function readSecurities(r: Reader, table: { from: Pos; to: Pos }): void {
  const { securities } = r.record.offering;
  for (const row of rows(r, SECURITY_ROWS, table)) {
    const key = SECURITY_KEYS[row.name as (typeof SECURITY_ROWS)[number]];
    const cells = r.cells(row.from, row.to, 2);
    const base = `offering.securities.${key}`;
    if (cells.length === 0) r.unread(base, row.from);
    securities[key].offered = r.setMoney(`${base}.offered`, cells[0], row.from, row.to, row.score);
    securities[key].sold = r.setMoney(`${base}.sold`, cells[1], row.from, row.to, row.score);
    if (key === 'equity') {
      // The Common / Preferred boxes may sit on a line of their own: look for them in the whole table.
      const [common, preferred] = r.options(
        [`${base}.common`, `${base}.preferred`],
        ['common', 'preferred'],
        table.from,
        table.to,
      );
      securities.equity.common = common?.checked ?? null;
      securities.equity.preferred = preferred?.checked ?? null;
      if (common?.checked == null && preferred?.checked == null) {
        // Both labels lost to OCR, their boxes read: the row's line of two boxes alone is Common
        // and Preferred, in the form's order, read unsurely.
        const pair = /^[ \t]*([☐☒])[ \t]+([☐☒])[ \t]*$/m.exec(r.text(row.from, row.to));
        if (pair) {
          securities.equity.common = pair[1] === '☒';
          securities.equity.preferred = pair[2] === '☒';
          for (const path of [`${base}.common`, `${base}.preferred`])
            r.evidence(path, pair[0].trim(), row.from, row.to, UNLABELLED_BOXES);
        }
      }
    }
    if (key === 'other') {
      const read = leadingText(r.text(row.from, row.to));
      securities.other.description = r.prose(read, row.from);
      if (read) r.evidence(`${base}.description`, read, row.from, row.to, row.score);
    }
  }
}

function readInvestors(r: Reader, table: { from: Pos; to: Pos }): void {
  const { investors } = r.record.offering;
  // The Rule 504 total row ends the table: it is read as a row so that no other row runs into it.
  for (const row of rows(r, ['accredited', 'nonAccredited', 'total'], table)) {
    if (row.name === 'total') continue;
    const key = row.name === 'accredited' ? 'accredited' : 'nonAccredited';
    const text = r.text(row.from, row.to).split('\n')[0] ?? '';
    const { count, raw } = readCount(text);
    investors[key].count = count;
    if (count !== null) r.evidence(`offering.investors.${key}.count`, raw, row.from, row.to, row.score);
    const [cell] = r.cells(row.from, row.to, 1);
    if (!cell) r.unread(`offering.investors.${key}.amount`, row.from);
    investors[key].amount = r.setMoney(`offering.investors.${key}.amount`, cell, row.from, row.to, row.score);
    // A count OCR read as a letter ("a", "Ce") beside purchases of nothing is the zero typed there:
    // no investor bought nothing. Read from the amount, it is less sure.
    const mark = count === null && cell?.cents === 0 ? zeroCountMark(text) : null;
    if (mark) {
      investors[key].count = 0;
      r.evidence(`offering.investors.${key}.count`, mark, row.from, row.to, row.score * BY_PLACE);
    }
  }
}

/** The letter or two OCR read in the count column before the row's "$", or null. */
function zeroCountMark(text: string): string | null {
  const tokens = text
    .replace(/\.{2,}/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const dollar = tokens.findIndex((t) => t.includes('$') || LONE_DOLLAR_READ.test(t));
  const last = (dollar < 0 ? tokens : tokens.slice(0, dollar)).pop();
  return last && /^[\p{L}@]{1,2}$/u.test(last) ? last : null;
}

const EXPENSE_ROWS = [
  'transferAgent',
  'printing',
  'legal',
  'accounting',
  'engineering',
  'salesCommissions',
  'findersFees',
  'otherExpenses',
  'total',
] as const;
const EXPENSE_KEYS = {
  transferAgent: 'transferAgent',
  printing: 'printing',
  legal: 'legal',
  accounting: 'accounting',
  engineering: 'engineering',
  salesCommissions: 'salesCommissions',
  findersFees: 'findersFees',
  otherExpenses: 'other',
  total: 'total',
} as const;

/** Reads C.4.a's rows; returns the place of its Total row's cells, when found. */
function readExpenses(r: Reader, table: { from: Pos; to: Pos }): { from: Pos; to: Pos } | null {
  let total: { from: Pos; to: Pos } | null = null;
  for (const row of rows(r, EXPENSE_ROWS, table)) {
    if (row.name === 'total') total = row;
    const key = EXPENSE_KEYS[row.name as (typeof EXPENSE_ROWS)[number]];
    const [cell] = r.cells(row.from, row.to, 1);
    if (!cell) r.unread(`offering.expenses.${key}`, row.from);
    r.record.offering.expenses[key] = r.setMoney(
      `offering.expenses.${key}`,
      cell,
      row.from,
      row.to,
      row.score,
    );
  }
  return total;
}

/** The confidence of an amount found by its place on the form when its label was not found. */
const BY_PLACE = 0.7;

const USE_ROWS = [
  'salaries',
  'realEstate',
  'equipment',
  'construction',
  'acquisition',
  'debtRepayment',
  'workingCapital',
  'otherUse',
  'columnTotals',
  'totalPaymentsListed',
] as const;

function readUseOfProceeds(r: Reader, table: { from: Pos; to: Pos }): void {
  const use = r.record.offering.useOfProceeds;
  for (const row of rows(r, USE_ROWS, table)) {
    const cells = r.cells(row.from, row.to, row.name === 'totalPaymentsListed' ? 1 : 2);
    if (cells.length === 0) r.unread(`offering.useOfProceeds.${row.name}`, row.from);
    if (row.name === 'totalPaymentsListed') {
      // The row is the table's last: what OCR read after it (a footer, the next part) is no cell of it.
      use.totalPaymentsListed = r.setMoney(
        'offering.useOfProceeds.totalPaymentsListed',
        cells.find((c) => c.cents !== null) ?? cells[0],
        row.from,
        row.to,
        row.score,
      );
      continue;
    }
    const key =
      row.name === 'otherUse'
        ? 'other'
        : (row.name as Exclude<(typeof USE_ROWS)[number], 'otherUse' | 'totalPaymentsListed'>);
    const base = `offering.useOfProceeds.${key}`;
    // A row with one readable cell cannot say which column it is in: it is less certain.
    const confidence = cells.length >= 2 ? row.score : row.score * 0.5;
    use[key].affiliates = r.setMoney(`${base}.affiliates`, cells[0], row.from, row.to, confidence);
    use[key].others = r.setMoney(`${base}.others`, cells[1], row.from, row.to, confidence);
    if (key === 'other') {
      const read = leadingText(r.text(row.from, row.to));
      use.other.description = r.prose(read, row.from);
      if (read) r.evidence(`${base}.description`, read, row.from, row.to, row.score);
    }
  }
}

/**
 * The printed "Specify" before a filer's description, however OCR spelled it ("Specity", "spectty"),
 * or its end where OCR split the word and the label took its start ("spec! cify").
 */
function withoutSpecify(text: string): string {
  // A row found by its place starts with its whole label, garbled ("Qther specily Research and
  // development"): its "Other" goes where "Specify" follows it.
  const other = /^([\p{L}]{4,6})\s*\(?\s*/u.exec(text);
  if (other && LevenshteinDistance(other[1]?.toLowerCase() ?? '', 'other') <= 1) {
    const rest = text.slice(other[0].length);
    const described = afterSpecify(rest);
    if (described !== rest) return described;
  }
  return afterSpecify(text);
}

/** The text after a leading "Specify" however OCR spelled it, or the text as it is. */
function afterSpecify(text: string): string {
  // The word may follow a speck or a garbled bracket read as a word ("Any speci Research").
  const head = /^(?:(\S{1,3})\s+)?([\p{L}\d]+)[\s:.)]*/u.exec(text);
  const word = head?.[2]?.toLowerCase() ?? '';
  const specify = (word.length >= 4 && LevenshteinDistance(word, 'specify') <= 2) || /^c[il1]fy$/.test(word);
  return head && specify ? text.slice(head[0].length) : text;
}

/** The words typed into an "Other (specify ___)" blank: the row's text before its first box or "$". */
function leadingText(text: string): string | null {
  const head = withoutSpecify((text.split(/[$☐☒\n]/)[0] ?? '').replace(/^\s*\(?\s*/, ''));
  const tokens = head
    // A point between figures is the amount's ("3 54.000": its "$" misread, then the amount); one
    // before a word's last letter or two is a speck in it ("Tnvestment.s"), for the prose mending.
    .replace(/[_():\t]+|(?<!\d|\p{L}{3})\.|(?<=\d)\.(?!\d)|(?<=\p{L}{3})\.(?!\p{Ll}{1,2}(?!\p{L}))/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .split(' ');
  // Amounts with no words after them are the row's cells, whose "$" OCR misread ("Units s 11,100
  // 00", "w -0-"); an amount followed by words ("to purchase 1,000,000 shares") is description.
  // So is a misread "$" before figures read with gaps for commas ("Units Ss 728 591 00").
  const amountAt = tokens.findIndex(
    (t, i) =>
      (AMOUNT_TOKEN.test(t) || (LONE_DOLLAR_READ.test(t) && /^\d/.test(tokens[i + 1] ?? ''))) &&
      !tokens.slice(i + 1).some((rest) => /\p{L}{3,}/u.test(rest)),
  );
  const kept = amountAt < 0 ? tokens : tokens.slice(0, amountAt);
  // Nor is a speck before them ("~ General corporate purposes"), or a comma after them.
  while (kept.length && /^[^\p{L}\d]+$/u.test(kept[0] ?? '')) kept.shift();
  // A speck or a lone letter after the words (a "$" misread, the blank's closing bracket) is no word.
  while (kept.length && /^[^\p{L}\d]*[\p{L}\d]?[^\p{L}\d]*$/u.test(kept[kept.length - 1] ?? '')) kept.pop();
  const words = kept.join(' ').trim().replace(/[,;]$/, '');
  return /\p{L}{3,}/u.test(words) ? words : null;
}

/** A cell's amount as it stands among words: "-0-", a zero, digits grouped by commas or points, or cents. */
const AMOUNT_TOKEN = /^(?:-0-|0|\d{1,3}(?:[,.]\d{3})+(?:[.,]\d{2})?|\d+[.,]\d{2})$/;
