import { parseMoney } from '../record/money.js';
import { CHECKED, isMark, UNCHECKED } from './check-marks.js';
import { lookalikeDigits } from './value-text.js';

/** A "$" as OCR reads it standing alone: the sign, or an "s" or two, or a section sign. */
export const LONE_DOLLAR_READ = /^[$sS§]{1,2}$/;

/** One dollar box of a table row: its amount, whether its "estimate" box is checked, and the text read. */
export interface MoneyCell {
  cents: number | null;
  estimated: boolean;
  raw: string;
  /** False when the box held text that is not an amount (then cents is null but something was written). */
  readable: boolean;
}

// A space may follow a thousands comma (an OCR gap), never end an amount. OCR reads commas as
// periods ("19.428.713.46"): parseMoney sorts the separators out.
// A space stands for a lost comma before a group of three ("22,670 133.03"), and may stand either
// side of a separator ("14, 329 . 97", "4 , 680 ,901.00").
const AMOUNT =
  /-0-|\d{1,3}(?:(?:\s?[,.]\s?|\s)\d{3}(?!\d))+(?:\s?[.,]\s?\d{1,2}(?!\d))?|\d+(?:\s?\.\s?\d{1,2}(?!\d))?|n\/a|none|nil|zero/i;

/**
 * Gaps OCR put inside one amount ("3 4,400.00", "4, 1 78,000", "48 283 03 0"): a cell of digits,
 * separators and spaces that, without its spaces, groups its thousands as typed is that amount.
 * One that does not ("22,670 133.03") is left for the space to stand for a lost comma.
 */
function closeGaps(typed: string): string {
  // A comma read as a "+" standing apart before the last group ("2,12 4 + 994.00").
  const cell = typed.replace(/(\d)\s+\+\s+(?=\d{3}(?:[.,]\d{2})?$)/, '$1,');
  if (!/^[\d,.\s]+$/.test(cell) || !/\d\s+[\d,.]|[,.]\s+\d/.test(cell)) return typed;
  // The amount's first figures read twice, the second time whole ("38.6 38.682.586.00"). A first
  // group with its separator after it ("2, 296,740.93") is no figures read twice: it is the
  // amount's first group, a gap after its comma, whatever figure the next group starts with.
  const twice = /^([\d,.]+)\s+(\d{1,3}(?:[,.]\d{3})+(?:[.,]\d{2})?)$/.exec(cell);
  const figures = (text: string) => text.replace(/\D/g, '');
  if (
    twice?.[1] &&
    twice[2] &&
    !/^\d{1,3}[,.]$/.test(twice[1]) &&
    figures(twice[2]).startsWith(figures(twice[1]))
  )
    return twice[2];
  // Cents end the amount: figures after a gap past them are another's ("31,206.83 5").
  if (/[,.]\d{2}\s+\d{1,2}$/.test(cell)) return typed;
  const closed = cell.replace(/\s+/g, '');
  // A gap between the cents' two figures ("0.0 0") parts nothing.
  if (/[,.]\d\s+\d$/.test(cell) && /^\d{1,3}(?:[,.]\d{3})*[.,]\d{2}$/.test(closed)) return closed;
  // Digits alone, every comma lost and gaps left among them ("48 283 03 0"), are one amount too.
  if (/^\d{2,12}$/.test(closed) && !/[,.]/.test(cell)) return closed;
  // The decimal point read as a comma too ("44 , 118, 91").
  if (/^\d{1,3}(?:,\d{3})+,\d{2}$/.test(closed)) return `${closed.slice(0, -3)}.${closed.slice(-2)}`;
  // Points for the commas, as typed or as OCR read them ("1 3.534.00", "24.5 19.00", "4,2 1
  // 5.900.00"); four to six figures before the first group lost their comma too ("42 1 5 ,900.00"),
  // and the cents after a gap with no point before them are the last two of five ("26,682 . 005 48").
  const regrouped = closed
    .replace(/^(\d{1,3})(\d{3})(?=[,.]\d{3})/, '$1,$2')
    .replace(/([,.]\d{3})(\d{2})$/, '$1.$2')
    // And a group of six after a separator, a gap where its comma was ("2,12 4 994.00").
    .replace(SIX_FIGURE_GROUP, '$1$2,$3');
  return /^\d{1,3}(?:[,.]\d{3})+(?:[.,]\d{2})?$/.test(regrouped) ? regrouped : typed;
}

/**
 * A column of a laid-out row that holds just an amount, perhaps after a few specks ("B® 0.00") or
 * after its "$" read as an "s" behind a letter or two made of a box the pixels did not find ("ms
 * 47,365.61"). A lone digit other than 0 is a "$" misread ("5", "8"), not an amount.
 */
const AMOUNT_COLUMN = /^(?:[^\s\d$☐☒sS§]{0,3}|[^\s\d$☐☒sS§]{1,2}[sS§])\s?(?:-0-|0|\d[\d,.\s]*\d)$/;

/**
 * Specks or letters standing apart before a zero at a column's start ("g 0", "i -0-") are its "$"
 * misread: no amount is a figure, a gap and a zero.
 */
function withoutJunkBeforeZero(column: string): string {
  return column.replace(/^(\s*)[^\s\d$☐☒sS§]{1,3} +(?=(?:-0-|0|0[.,]00) *(?:\n|$))/, '$1');
}

/** A column that lost its "$" to OCR, given it back. */
function openedColumn(column: string): string {
  return `$ ${withoutJunkBeforeZero(column)}`;
}

/**
 * Splits the text of a table row (after its label) into dollar cells. Each "$" opens a cell, as
 * does an estimate box with an amount after it; the mark just before a "$" is that cell's estimate
 * box. Rows typed without "$" signs fall back to the amounts themselves.
 */
export function readMoneyCells(raw: string, columns?: number): MoneyCell[] {
  // A lone figure (or one glued to an "s", a "B" or the "$" itself), one or two marks (|, a
  // bracket, "@", "\", a quote), or one or two letters between a box and an amount are the "$"
  // ("☐ 5 <tab> 170.781", "☐ I <tab> 0.00", "☐ Y -0-", "☐ UE 0.00", "☐ 3s <tab> 0", "☐ 5 <tab> Q",
  // "☐ \ <tab> 0", "☐ i” 3.263.886.00", "☐ 5 2 , 000 ’ 237.96", "☐ 4 1.219.488.92", "☐ 3$ 6,900",
  // "☐ 8B <tab> 0.00", "☐ 4 oO" with the zero read as two round letters, "☒ “ 13 554.00" with the
  // amount's comma lost to a gap), or an "s" after two letters OCR made of the box's edge ("☒ Tos
  // 21.751"): the sign or its stroke misread; nothing else is printed between them, and an
  // amount's first figure split off by a gap where its "$" was lost is two misreadings, not one.
  // So is a dash or two before grouped thousands ("☐ - 15.000.00", "☒ -— 117,417.00"); before
  // anything else a dash is the accountant's zero, and a letter or two between the box and it the
  // "$" ("☐ ee -"). The cell's underline may be read between them in pieces ("☐ Cs __ -0-").
  const mended = mendSeparators(zerosTakenForBoxes(raw.replace(STRAY_QUOTE, '$1')))
    .replace(
      /([☐☒][\s_]*)(?:[1-9][sS§$B]?|[^\s\p{N}☐☒$_-]{1,2}|[^\s\p{N}☐☒$_-]{2}[sS§])(?=\s+(?:_+\s+)?(?:-0-|\d{1,3}(?:\s?[,.]\s?\d{3})+(?!\d)|\d{1,3}\s\d{3}[.,]\d{2}(?!\d)|\d+[.,]\d{2}(?!\d)|0(?![\d,.])|[oOQD]{1,2}(?![\p{L}\d])|[-–—]{1,2}(?:\s|$)))/gu,
      '$1$',
    )
    // A "$" read as a figure glued to a zero after its box ("☐ 50.00" is $0.00: no Form D amount
    // is fifty dollars), or as an "s" glued to the amount before it ("0s <tab> 0" is 0, then $ 0,
    // "$ <tab> os <tab> 0" the same with the zero read "o").
    .replace(/([☐☒][\s_]*)[358](?=(?:0|0[.,]00|-0-)(?![\d,.]))/g, '$1$ ')
    // Or as a figure glued to the "$" read as itself, an amount standing apart after it ("$8 <tab>
    // 8,210", "$8 7.507.955.10"): typed figures stand together, and a comma lost to a gap
    // between them ("$3 500,000") leaves a group of three after it, not of one or two.
    .replace(/\$[358](?=[^\S\n]+\d{1,2}(?:[,.]\d{3})+(?:[.,]\d{2})?(?![\d,.]))/g, '$')
    .replace(/([☐☒][\s_]*)[-–—]{1,2}(?=\s+\d{1,3}(?:[,.]\d{3})+(?!\d))/g, '$1$')
    // Or as a letter or two after a cell's amount or zero, before the next cell's or at the row's
    // end (C.1's rows print no boxes to open their cells: "S 42,879,507 ow 40,926,168", "S <tab>
    // - ow").
    .replace(
      /(?<=(?:^|\s)(?:-0-|[-–—]{1,2}|\d{1,3}(?:[,.]\d{3})+(?:[.,]\d{2})?))(\s+)\p{L}{1,2}(?=\s+(?:-0-|\d{1,3}(?:[,.]\d{3})+(?:[.,]\d{2})?(?![\d,.]))|[^\S\n]*(?:\n|$))/gu,
      '$1$',
    )
    // Or as a lone figure between a cell's zero and the next cell's zero or amount, or between a
    // "$" and a zero, where the table prints no box ("S <tab> - 3 <tab> -": $ -, then $ -; "S <tab>
    // 5 <tab> -", the first zero lost): no amount is three, five or eight dollars. (Between a "$"
    // and an amount, the figure is the amount's first, a gap after it: "$ 3 4,400.00".)
    .replace(
      /(?<=(?:^|\s)(?:-0-|[-–—]{1,2})\s+)[358](?=\s+(?:-0-|[-–—]{1,2}(?=\s|$)|\d{1,3}(?:[,.]\d{3})+(?!\d)))/g,
      '$',
    )
    .replace(/(?<=^|\s)[$sS§](\s+)[358](?=\s+(?:-0-|[-–—]{1,2})(?:\s|$))/g, '$$$1$$')
    .replace(/(\d)[sS§](?=\s+(?:-0-|\d))/g, '$1 $')
    // The zero read as an "o" too ("$ <tab> os <tab> 0" is $ 0, then $ 0).
    .replace(/(\$\s+)[oO][sS§](?=\s+(?:-0-|\d))/g, '$10 $')
    // One "$" read twice a space apart before its amount ("$ $ 172,553.32"); a tab between them
    // parts two columns.
    .replace(/\$ +\$(?= +(?:-0-|\d))/g, '$')
    // A "$" read as an "s" glued to a zero read as an "O" and its point, the cents apart ("☐ sO.
    // 00"): $0.00.
    .replace(/([☐☒][\s_]*)[sS§$][oO]\s?([.,])\s?(\d{2})(?![\d,.])/g, '$1$ 0$2$3')
    // A column of "$0" alone read "sO" is a cell, however a dot leader's speck stands before it
    // (". <tab> sO <tab> s0"); one with the leader's dots after it too is the leader's.
    .replace(/(?<=^|\t)[sS§][oO](?=$|\t(?!\.))/gm, '$$0');
  const text = zeroCellsReadFifty(mended, columns);
  const cellsIn = (row: string) => cellsOf(withColumnsOpened(withLeadingAmountOpened(row)));
  let cells = cellsIn(text);
  if (columns !== undefined && cells.length > columns) {
    // More cells than the row has: a lone "s" between an amount's first group and the next is
    // its comma misread, not a "$" ("$ 213 s 505.24" in C.2's one dollar cell); a zero between a
    // box and the "$" of an amount is the box's marked wall read as a figure ("☒ 0 $ 342,068.00").
    const commas = text.replace(S_FOR_COMMA, '$1,').replace(WALL_READ_AS_ZERO, '$1');
    const fewer = commas === text ? cells : cellsIn(commas);
    return withoutEmptyExtras(
      fewer.length >= columns && fewer.length < cells.length ? fewer : cells,
      columns,
    );
  }
  if (columns === undefined || cells.length >= columns) return cells;
  // Fewer cells than the table has columns: a column holding just an amount lost its "$" to OCR
  // ("Debt <tab> 184,117 <tab> s 32,400"). Such columns open cells, rightmost first, up to the
  // table's count (a count of investors before C.2's one dollar cell stays a count). A column
  // after a "$" already has its sign; one after a "$" and its box read as one word ("as") has not.
  const parts = text.split('\t');
  const signed = (part: string) =>
    /[$☐☒]$/.test(part) || LONE_DOLLAR_READ.test(part.split(/\s+/).pop() ?? '');
  // A column's amount ends at its line's end: the row's next line (the Common and Preferred boxes
  // under Equity's amounts) is none of its.
  const firstLine = (part: string) => part.split('\n')[0] ?? '';
  const lastLine = (part: string) => part.split('\n').pop() ?? '';
  // The next column's "$" may stand at the end of this one ("0.00 $ <tab> 0.00").
  const lost = parts.flatMap((part, i) =>
    i > 0 &&
    AMOUNT_COLUMN.test(
      firstLine(part)
        .trim()
        .replace(/\s+\$$/, ''),
    ) &&
    !signed(lastLine(parts[i - 1] ?? '').trim())
      ? [i]
      : [],
  );
  for (const i of lost.reverse()) {
    parts[i] = openedColumn(parts[i] ?? '');
    const more = cellsOf(withColumnsOpened(parts.join('\t')));
    if (more.length > columns) break;
    cells = more;
    if (cells.length === columns) break;
  }
  return cells;
}

/** A zero standing between a box and the "$" of an amount after it. */
const WALL_READ_AS_ZERO = /([☐☒])\s*0\s+(?=\$\s*\d)/g;

/** An "s" between a group of one to three figures and a group of three that ends an amount. */
const S_FOR_COMMA = /(?<![\d,.])(\d{1,3}) [sS§] (?=\d{3}(?:[,.]\d{3})*(?:[.,]\d{2})?(?![\d,.]))/g;

/**
 * More cells than the table has columns: an empty one (a "$" with nothing after it) is a "$" OCR
 * read twice round a box ("$ ☒ $ 1.389.633.69"), not a column; the last ones go first.
 */
function withoutEmptyExtras(cells: MoneyCell[], columns: number): MoneyCell[] {
  const out = [...cells];
  for (let i = out.length - 1; i >= 0 && out.length > columns; i--) {
    const cell = out[i];
    if (cell && cell.raw === '$' && cell.cents === null) out.splice(i, 1);
  }
  return out;
}

/** A group of six figures after a separator: two groups, the comma between them lost. */
const SIX_FIGURE_GROUP = /(\d[,.])(\d{3})(\d{3})(?![\d,])/g;

/**
 * Separators as OCR garbles them, put back: a thousands comma read as a letter with a tail ("3 y
 * 759 ,000.00", "9 f 677 f 000.00", "83 r 000", "22 Y 921.76", "36 v 670.22": a lone y or Y, v, f,
 * j, r or semicolon between a group of digits and a group of three), a separator read twice,
 * underscores for separators, "-0-" read with a letter for its zero ("-O-", "-N-", "N-", "—-n-") or
 * with long dashes ("—0—"), and a lone 3, 5 or 8 for the "$" between two amounts.
 */
function mendSeparators(text: string): string {
  return (
    text
      .replace(/(\d)\s?[yYvfjr;](?=\s?,?\s?\d{3}(?!\d))/g, '$1,')
      // A comma read as a colon between groups ("3:502.152.00"); a colon before two figures is
      // the decimal point's (withDecimalPoint).
      .replace(/(?<![\d,.:])(\d{1,3}):(?=\d{3}[,.]\d)/g, '$1,')
      // A comma read as a quote, an "x" or a bracket after an amount's first group ("591 ’ 960 .
      // 36", "725 x 228 .51", "2 ) 000 , 237.96", "37 ’ 8 00" with a gap in the group); after a
      // point or a comma the mark stands between two amounts, not in one.
      .replace(/(?<![\d,.])(\d{1,3})\s?[’'‘`´x)]\s?(?=\d(?:\s?\d){2}(?!\d))/g, '$1,')
      // Any other quote among an amount's figures is a speck, a gap at most ("198, ’ 656", "11,7 ’
      // 5 2,114.26"): the gaps are closed with the others.
      .replace(/(\d[,.]?)\s?[’'‘`´]\s?(?=\d)/g, '$1 ')
      // A group of six figures after a separator is two groups, the comma between them lost
      // ("7.154820" is 7,154,820): cents have two figures.
      .replace(SIX_FIGURE_GROUP, '$1$2,$3')
      // And a group of five at the end is a group and the cents, the point lost ("9.983.94542").
      .replace(/(\d[,.])(\d{3})(\d{2})(?![\d,.])/g, '$1$2.$3')
      // Four to six figures before a separator and a group of three are groups whose comma was
      // lost ("10381.679" is 10,381,679; no amount groups its thousands after four figures).
      .replace(/(?<![\d,.])(\d{1,3})(\d{3})(?=[,.]\d{3}(?!\d))/g, '$1,$2')
      .replace(/(\d)([,.])[,.]+(?=\d)/g, '$1$2')
      // Two separators with gaps round them ("94. , 000.00"), or an underscore ("1.273 _580_82"),
      // before a group of three are a thousands comma; an underscore before the cents is the point.
      .replace(/(\d)\s?[,.]\s?[,.]\s?(?=\d{3}(?!\d))/g, '$1,')
      // And a separator read twice with a gap before the cents, the last a point ("9,349,914 ,.88").
      .replace(/(\d)\s?[,.]\s?\.\s?(?=\d{2}(?![\d,.]))/g, '$1.')
      .replace(/(\d)\s?_(?=\d{3}(?!\d))/g, '$1,')
      .replace(/(\d)_(?=\d{2}(?!\d))/g, '$1.')
      .replace(/,\s?,/g, ',')
      // Its first dash read as an underscore, a quote, a tilde or a sign too ("_o-", "“o-", "~o-").
      .replace(/(^|\s)[-–—_“”"'~<=]{0,2}[oONDQUun][-–—]{1,2}(?=\s|$)/g, '$1-0-')
      // Its zero read as a "C" between both its dashes ("-C-"; "C-" is the form's "Part C -").
      .replace(/(^|\s)[-–—]{1,2}[Cc][-–—]{1,2}(?=\s|$)/g, '$1-0-')
      // Its zero read as another figure, or its last dash as a point ("-8-", "-0."): no amount is
      // a figure between dashes.
      .replace(/(^|\s)[-–—]\d[-–—.,](?=\s|$)/g, '$1-0-')
      // "-0-" typed or read with long dashes ("—0—", "–0-"), its first dash read as a bracket, a
      // sign, an underscore or a quote ("<0-", "=0-", "~0-", "_0-"), its last as a tilde ("—0~"),
      // a speck after it read as a comma ("=-0-,").
      .replace(/(^|[\s$])[–—<=~_“”"'-]{1,2}0[–—~-]{1,2}[,.]?(?=\s|$)/g, '$1-0-')
      // Its zero read as a pair of brackets ("-()-").
      .replace(/(^|[\s$])[–—-]\(\)[–—-](?=\s|$)/g, '$1-0-')
      // The row's first "$" read as a 3, 5 or 8 before an amount that cannot take it as a figure:
      // its first group has one or two figures ("5 21,340,000.00" is $21,340,000.00, never
      // 521,340,000.00, "3 <tab> 1.768.600"), or it is a zero ("3 <tab> 0.00"). After a "$" it is
      // a figure of the amount ("$ 3 4,400.00"). A speck may stand before it, such as the closing
      // bracket of "Other (Specify ___)" (") 3 54.000").
      .replace(
        /(^|\t)([^\s\p{L}\p{N}$☐☒]{1,2}\s)?[358]\s(?=\d{1,2}[,.]\d{3}(?!\d)|0(?:[.,]00)?(?![\d,.])|-0-)/gu,
        (found, start: string, speck: string | undefined, at: number, all: string) =>
          /[$☐☒]/.test(all.slice(0, at)) ? found : `${start}${speck ?? ''}$ `,
      )
      // A "$" read as a 3, 5 or 8 glued to the dash zero after it ("8-0-"): no amount is a figure
      // before a dash.
      .replace(/(^|[\s☐☒])[358](?=-0-(?:\s|$))/g, '$1$ ')
      // A lone 3, 5 or 8 between two amounts, perhaps with a speck read as a point after it, is
      // the second one's "$" ("0.00 3 <tab> 0.00", "3.185.000 8", "-0- <tab> 8. -0-").
      .replace(/(\d[.,]\d{2,3}|-0-)\s+[358][.,]?\s+(?=-0-|\d)/g, '$1 $ ')
      // So is a lone letter after an amount's cents, before an amount typed as one ("17,207,700.00
      // g 17,207,700.00"): after a group of three it may be a comma misread, in the amount; before
      // bare figures, a speck among specks ("0.00 x 100").
      .replace(
        /(\d[.,]\d{2}(?!\d)|-0-)\s+\p{L}\s+(?=-0-|\d{1,3}(?:[,.]\d{3})+(?:[.,]\d{2})?(?![\d,.])|\d+[.,]\d{2}(?![\d,.]))/gu,
        '$1 $ ',
      )
  );
}

/**
 * Zeros the pixels or OCR took for something else: a heavy typewriter zero with a dot inside,
 * found as a filled box in its amount ("712, ☒ 23.63", "$ ☒ .00"; an amount starts with no zero,
 * so "0 ☒ 3,394,235.44" is a zero cell and an estimate box before the next), a zero alone in its
 * cell read as the letter o ("☐ or <tab> o", "☐ <tab> oo"), after the box and what is left of its
 * "$", and a zero read "@" before its cents.
 */
function zerosTakenForBoxes(text: string): string {
  return (
    text
      .replace(
        new RegExp(`(\\d[\\d,.]*) ?${CHECKED} ?(\\d[\\d,.]*)`, 'g'),
        (whole, before: string, after: string) =>
          /^(?!0)\d{1,3}(?:([,.])\d{3})(?:\1\d{3})*(?:[.,]\d{2})?$/.test(`${before}0${after}`)
            ? `${before}0${after}`
            : whole,
      )
      .replace(new RegExp(`${CHECKED} ?_?(?=\\.\\d{2}(?!\\d))`, 'g'), '0')
      .replace(
        /([☐☒][\s_]*)(?:[A-Za-z$]{1,2}\s+)?[oO]{1,2}(?:\s?[.,]?\s?[0oO]{2})?(?=\s*$|\s+[☐☒])/g,
        '$1$ 0',
      )
      // A bold zero read "@" before its cents, its "$" read "@" too ("☐ @ @ .00").
      .replace(/([☐☒][\s_]*)(?:[@$]\s*)?@\s?(?=[.,]\d{2}(?!\d))/g, '$1$ 0')
  );
}

/** A quote or tilde OCR read out of a speck just before a "$" ("“s 4,109,900.00", "~$1,171,619.00"). */
const STRAY_QUOTE = /(^|[\s_☐☒])[“”"'‘’~`]+(?=[$sS§358]\s?\d|[$sS§]\s?-0-)/g;

/**
 * The decimal point as OCR garbles it, put back where the cents are plain: read as a colon, a
 * semicolon or a hyphen ("0:00", "2,172;00", "1,914,877-80"), as a comma after grouped thousands
 * or a zero ("3,335,92", "0,00"), or lost to a gap after grouped thousands or a long whole
 * ("1,344 869 00", "219048 00").
 */
function withDecimalPoint(typed: string): string {
  return typed
    .replace(/(\d)\s+[.,'`]$/, '$1')
    .replace(/^(\d{1,3}(?:[,.]\d{3})*)\s?[:;-]\s?(\d{2})$/, '$1.$2')
    .replace(/^(\d{1,3}(?:[,.]\d{3})+),\s?(\d{2})$/, '$1.$2')
    .replace(/^0\s?,\s?(\d{1,2})$/, '0.$1')
    .replace(/^(\d{1,3}(?:[,.\s]\d{3})+|\d{4,})\s(\d{2})$/, '$1.$2');
}

/** A dash for zero alone, however OCR read it ("-", "—", "="). */
export const DASH_ZERO = /^[-–—=]{1,2}$/;
/**
 * A typewriter's zero read as its ring's sides ("()", "[c]") or a round letter, perhaps between the
 * accountant's dashes read as dashes or quotes ("“()-" for -0-).
 */
const ZERO_RING = /^[-–—“”"'‘’`~]?[[({][oOcCQDu]?[\])}][-–—“”"'‘’`~]?$|^[@oOQDnuUcCeaøØθΘ©®]$/;

function cellsOf(text: string): MoneyCell[] {
  // OCR reads a dollar sign standing apart as "s", "S", "Ss" or "§".
  const flat = text
    .replace(/\s+/g, ' ')
    // One "$" read twice ("☐ $$ 22,467,312.24", "S$ -").
    .replace(/\$\$/g, '$')
    .replace(/(^|[\s_☐☒])[sS§]\$\.?(?=[\s_]|$)/g, '$1$')
    // Or read as "$s" before its box ("$s ☒ 1.358,252.20"): the box is the cell's.
    .replace(/\$[sS§]{1,2}(?=[\s_]+[☐☒])/g, '$')
    // A speck after an "s" read for the "$" ("Ss. <tab> -n-"), or before the amount after it, and
    // the box's wall read before it where the pixels found no box ("ls .5,600").
    .replace(/(^|[\s_.])[oOlI|]?[sS§]{1,2}(?:\.(?= ))?(?=[ _]*(?:[.,'’] ?)?[\d-])/g, '$1$')
    // "n/a" read with a gap in it, glued to its "$" ("$n /a") or to an S read for it ("SN /a"), or
    // its stroke read as a letter ("nla", "nIa"), or typed without it ("NA").
    .replace(/(^|[\s_☐☒])[sS§](?=[nN]\s?[/lI1|]?\s?[aA](?=\s|$))/g, '$1$')
    .replace(/(^|[\s_☐☒$])[nN]\s?[/lI1|]?\s?[aA](?=\s|$)/g, '$1 n/a')
    // "$0" read as "so" or "SO"; among a dot leader's dots, "So" is the leader's.
    .replace(/(?<!\.\s?)(^|[\s_☐☒])[sS§$][oO](?=\s|$)/g, '$1$0')
    // And "$0" read with its zero as another letter glued to it ("$n", "Sn", "$C").
    .replace(/(^|[\s_☐☒])(?:\$[sS§]?|[sS§])[nNcCuU](?=\s|$)/g, '$1$0')
    .replace(/([☐☒] ?)[sS§]{1,2}(?= |$)/g, '$1$')
    // An estimate box opens its cell even where OCR lost the "$" after it ("☐ 0 ☐ $ 0"), or the
    // "$" and the accountant's dash for zero both ("☐ - ☐ $ 9,342,002.74"). A box with the next
    // cell's box straight after it is a cell whose amount OCR lost ("☐ ☐ $ 6,795,175.60"), or read
    // as a letter or two, as letters for figures, or as a few short marks ("☐ PH ☐ $", "☐ n.oo ☐
    // $ 73.178.90", "☐ w @ 00 ☐ $ 11,041,563"): the amount after the second box is the second
    // column's. A box printed just after a "$" of its own is that cell's ("$ ☐ 1,000"); one after
    // a "$" that has its box is the next cell's.
    .replace(
      /(?<!(?:^|[^☐☒\s_])[\s_]*\$[\s_]*)([☐☒])(?=[\s_]*(?:-0-|\d|[-–—=]{1,2}\s*(?:[☐☒]|$)|(?:(?:[^\s\d☐☒$-]{1,2}|[^\s☐☒$]{1,4}[.,][^\s☐☒$]{2})\s+|(?:[^\s☐☒$]{1,5}\s+){2,3})?[☐☒][\s_]*(?:\$|-0-|\d)))/g,
      '$1$',
    );
  if (!flat.includes('$')) return amountsWithoutDollarSigns(flat);
  // Two whole amounts in one dollar cell ("$ 33,804,004.76 11,897,800.00", or the same amount
  // twice, "179,663 179,663" or "729.318 729.318", offered and sold): the second lost its "$".
  const split = flat
    .replace(/(\d[,.]\d{2}) (?=\d{1,3}(?:[,.]\d{3})+[.,]\d{2}(?!\d))/g, '$1 $ ')
    .replace(/(?<![\d,.])(\d{1,3}(?:[,.]\d{3})+) (?=\1(?![\d,.]))/g, '$1 $ ');
  const dollarAt = [...split.matchAll(/\$/g)].map((m) => m.index ?? 0);
  return dollarAt.map((at, i) => {
    const before = split.slice(i === 0 ? 0 : (dollarAt[i - 1] ?? 0) + 1, at);
    const lastMark = [...before].reverse().find((ch) => isMark(ch));
    let body = split.slice(at + 1, dollarAt[i + 1] ?? split.length);
    // A box read just after the "$" (the two overlap on some printings) is still this cell's box.
    // A box with nothing after it opens the next cell.
    const leading = /^[\s_]*([☐☒])(?!\s*$)/.exec(body);
    const mark = leading?.[1] ?? lastMark;
    if (leading) body = body.slice(leading[0].length);
    const cut = body.search(new RegExp(`[${CHECKED}${UNCHECKED}]`));
    // A speck or two read as letters just before the next cell's box are no part of this one
    // ("s <tab> - <tab> Cs ☒ 615,614 45"), nor is an "s" the "$" was read twice as ("$s <tab> -",
    // "$s @", "$s 49,828,866 23": then the cents after a gap are read as such).
    // Nor are specks read after the amount ("9 77,975.95 ’ .").
    const bare = (cut >= 0 ? body.slice(0, cut).replace(/(?<=\S)\s+[^\s\d-]{1,2}\s*$/, '') : body)
      .replace(/(?<=\d)(?:\s+[’'‘`"“”.,·]+)+\s*$/, '')
      .trim()
      .replace(/^[sS§]\s+(?=[-\d]|[@QD]$)/, '')
      // The cell's underline read between the "$" and the amount ("$_45,588,000,00"), a speck
      // after it ("S___ . -0-"), are no part of it.
      .replace(/^_+\s*(?:[.,'’]\s+)?(?=\d|-0-)/, '')
      // Nor a speck read as a separator after the cents, a figure of them read as a letter
      // ("0.n0,"): no amount ends so.
      .replace(/(?<=[.,][\dA-Za-z]{2})[.,]$/, '');
    const typed = withDecimalPoint(bare);
    // Two figures after a group and a comma ("6,987,39") are the cents with their point read as a
    // comma, or a group that lost a figure (6,987,390): read as the cents, unsurely.
    const commaCents = /^\d{1,3}(?:\s?[,.]\s?\d{3})+\s?,\s?\d{2}$/.test(bare);
    // Groups parted by commas but the last by a point ("26,682.005"): a comma read as a point,
    // or the cents lost after it (26,682,005.48). Read as whole dollars, unsurely.
    const pointLast = /^\d{1,3}(?:,\d{3})+\.\d{3}$/.test(typed);
    // A gap just before a separator ("9 ,368.00"): a figure may have stood there (98,368.00).
    const gapBefore = /\d\s+[,.]\d{3}/.test(bare);
    // A "+" read for a comma (closeGaps) may as well have been a figure.
    const plusComma = /\d\s+\+\s+\d/.test(bare);
    // A dash alone in a dollar box is the accountant's zero ("$ -"); OCR may read it "=" or "—".
    if (DASH_ZERO.test(typed)) return { cents: 0, estimated: mark === CHECKED, raw: '$ -', readable: true };
    // A typewriter's dotted or slashed zero alone in its box, read as its ring's sides ("[c]", "[}"),
    // or as a round letter ("n", "u", "c", "e", "O"): no amount is one letter. Any other letter alone is
    // a mark OCR could not read, not an empty box.
    if (ZERO_RING.test(typed))
      return { cents: 0, estimated: mark === CHECKED, raw: `$ ${typed}`, readable: false };
    if (/^\p{L}$/u.test(typed))
      return { cents: null, estimated: mark === CHECKED, raw: `$ ${typed}`, readable: false };
    const lettered = digitsForLetters(typed);
    const inner = closeGaps(lettered ?? typed);
    const amount = AMOUNT.exec(inner);
    // A few specks or underscores may stand between "$" and the amount, never other digits.
    const lead = amount ? inner.slice(0, amount.index) : '';
    const rawAmount =
      amount && lead.length <= 5 && !/\d/.test(lead)
        ? amount[0]
            .trim()
            .replace(/\s*([,.])\s*/g, '$1')
            .replace(/(\d)\s+(?=\d{3}(?!\d))/g, '$1,')
            .replace(/\s+/g, '')
        : '';
    // More digits glued to the amount ("129,6-:6.19"), or just past a letter or a separator ("91g,
    // 000"), mean OCR broke it: the part read is not the amount.
    const after = amount ? inner.slice(amount.index + amount[0].length) : '';
    const broken =
      rawAmount !== '' &&
      (/^\S*\d/.test(after) ||
        /^\S{1,3}\s?\d/.test(after) ||
        /^ ?[.,:;_-][ .,:;_-]{0,3}\d/.test(after) ||
        // An amount cut short, its cents one figure ("138.0 4.57") or its whole a figure or two
        // ("25 A51.940", "2 +, 000"), with more figures after a gap: OCR broke it at a lost or
        // misread figure.
        (/^(?:\d+[.,]\d|\d{1,2})$/.test(rawAmount) && /^ \S{0,3} ?\d/.test(after)));
    // Cents are typed as two digits: one after the point ("3,629,852.0", "9.575.622.0") means a
    // digit was lost; read as the likeliest, a zero, and unsurely.
    const clipped = /\d[,.]\d{3}\.\d$/.test(rawAmount);
    // No amount begins with a zero before a group of three: "0.060" is a zero's cents with a speck
    // read as a third figure, never sixty dollars.
    const reading = /^0[.,]\d{3}$/.test(rawAmount)
      ? rawAmount.slice(0, 4)
      : clipped
        ? `${rawAmount}0`
        : rawAmount;
    const read = broken ? null : parseMoney(reading);
    // A letter just before the figures ("N 2,928.00": a figure read as one) or a separator the
    // figures begin with (".800": the first read as a speck) may stand for lost figures: unsure.
    const cutFront = rawAmount !== '' && /\p{L}\s?$|[.,]$/u.test(lead);
    // No amount begins with a zero before another figure: one with grouped thousands and cents
    // ("07,985.04", "00,936.78") lost or misread its first figures, and is unsure; any other
    // ("06.080", "0560") is a zero misread.
    const leadingZero = /^0\d/.test(rawAmount);
    const whole = leadingZero && /^0\d{0,2}(?:[,.]\d{3})+[.,]\d{2}$/.test(rawAmount);
    const zero = looksLikeMisreadZero(read) || (leadingZero && !whole && read !== null);
    const cents = zero ? 0 : read;
    return {
      cents,
      estimated: mark === CHECKED,
      raw: `$ ${broken ? inner : rawAmount}`.trim(),
      readable:
        lettered === null &&
        !broken &&
        !zero &&
        !clipped &&
        !whole &&
        !cutFront &&
        !commaCents &&
        !pointLast &&
        !gapBefore &&
        !plusComma &&
        (rawAmount === '' || cents !== null || /^n\/a$/i.test(rawAmount)),
    };
  });
}

/** The digits a font's figures are misread as, letter by letter ("n.on" for 0.00, "aQ7" for 997). */
export const DIGIT_FOR_LETTER: Readonly<Record<string, string>> = {
  o: '0',
  O: '0',
  Q: '0',
  D: '0',
  n: '0',
  u: '0',
  U: '0',
  c: '0',
  C: '0',
  l: '1',
  I: '1',
  i: '1',
  '|': '1',
  '!': '1',
  z: '2',
  Z: '2',
  s: '5',
  S: '5',
  b: '6',
  G: '6',
  T: '7',
  B: '8',
  R: '8',
  a: '9',
  g: '9',
  q: '9',
};

/**
 * A dollar cell holds an amount: where OCR read some of its figures as look-alike letters, and
 * every character is a figure, a look-alike or a separator, the letters are read as figures (an
 * underscore as the separator it stood for). Null when there are no such letters, or the result is
 * no amount. The reading is unsure: the caller marks it so.
 */
function digitsForLetters(typed: string): string | null {
  // A "$" read twice ("$s 25,000"), or after a letter made of a box's edge ("Zs 8.439.072.86"),
  // leaves an "s" before the amount: it is no figure.
  const cell = typed.replace(/^(?:[sS§]{1,2}|[A-Za-z][sS§])\s+/, '');
  // So is a figure and a letter standing apart before a whole grouped amount ("3g 54,535,985"); a
  // letter alone may be its first figure ("l 234,567.00").
  const apart = /^(\S{2})\s+(\d{1,3}(?:[,.]\d{3})+(?:[.,]\d{2})?)$/.exec(cell);
  if (apart?.[2] && /[A-Za-z]/.test(apart[1] ?? '')) return apart[2];
  if (!/[A-Za-z|!]/.test(cell) || /^(?:n\/a|none|nil|zero)$/i.test(cell)) return null;
  if (cell.length > 24 || !/^[\dA-Za-z|!,._\s-]+$/.test(cell)) return null;
  const mapped = [...cell].map((ch) => (/[\d,._\s-]/.test(ch) ? ch : (DIGIT_FOR_LETTER[ch] ?? '?'))).join('');
  if (mapped.includes('?') || (mapped.match(/\d/g) ?? []).length < 2) return null;
  // The letters read as figures, a group of six after a separator is two ("B,245820").
  const separated = mapped
    .replace(/_(?=\d{2}$)/, '.')
    .replace(/_/g, ',')
    .replace(SIX_FIGURE_GROUP, '$1$2,$3');
  const closed = closeGaps(separated);
  const whole = AMOUNT.exec(closed);
  return whole && whole.index === 0 && whole[0].length === closed.length ? closed : null;
}

/**
 * A whole amount before the row's first "$" whose own "$" OCR lost ("Debt <tab> 1,512,000.00 $
 * 1,470,000.00", "Total <tab> 725.228.51 s 725,228.51"; the next "$" read "5s" with its figure
 * dropped, "204,100.00 5s 26,976.00"): grouped thousands say it is an amount, not a count of
 * investors. So is one after a column's gap that ends a label's lines with figures of their own
 * ("... Question 4.a. This difference is the ... <tab> 4,245,969.84", its "$" set on the next
 * line). Or whose "$" OCR read as the figure it looks like, standing apart before it ("5
 * 349,375.00 s 84,000.00"): a comma lost to a gap as well as the "$" would be two misreadings.
 */
function withLeadingAmountOpened(text: string): string {
  return text.replace(
    /^([^$☐☒\d]*?|[^$☐☒]*\t\s*)(?:[358]\s+(?=\d{1,3}(?:[,.]\d{3})+[.,]\d{2}\s))?(\d{1,3}(?:[,.]\d{3})+(?:[.,]\d{2})?)(?:\s+[358](?=\s+\$))?(?=\s+(?:[$☐☒]|[sS§]{1,2}\s))/,
    '$1$ $2',
  );
}

/**
 * A "$" OCR read as a letter or a mark ("~", "\\", "|", "<"), alone in its column, perhaps after
 * the box the pixels did not find, read as a letter ("Cs").
 */
const LONE_DOLLAR = /^(?:[CcO([]?[sS§]{1,2}|H|[~\\|<])$/;
/**
 * A "$" read as a figure, alone in its column: only after a clean amount or a dash for zero, where
 * no count stands (no Form D amount is one figure).
 */
const LONE_DOLLAR_FIGURE = /^[1-9]$/;

/**
 * On a laid-out OCR row, columns are set apart by tabs: after the row's first dollar cell, a column
 * that holds only an amount is a cell of its own even where OCR lost its "$" ("Convertible ... $
 * 0.00 <tab> 0.00"), unless the cell open before it has no amount yet ("☐ $ <tab> - <tab> 0.00").
 */
function withColumnsOpened(text: string): string {
  const columns = text.split('\t');
  // A count ("Accredited Investors <tab> 35 <tab> $ ...") stands before the first dollar cell.
  const firstCell = columns.findIndex((c) => /[$☐☒]/.test(c) || LONE_DOLLAR.test(c.trim()));
  if (firstCell < 0) return text;
  // Whether the cell open so far already holds its amount: a second amount opens the next cell.
  let filled = /\d/.test(columns[firstCell]?.split(/[$☐☒]/).pop() ?? '');
  return columns
    .map((column, i) => {
      if (i < firstCell) return column;
      // A column of a lone "S" before an amount is a "$" standing apart: it opens the next cell.
      const previous = (columns[i - 1] ?? '').trim();
      const afterAmount = i > firstCell && (AMOUNT_COLUMN.test(previous) || DASH_ZERO.test(previous));
      const lone = LONE_DOLLAR.test(column.trim()) || (afterAmount && LONE_DOLLAR_FIGURE.test(column.trim()));
      const next = (columns[i + 1] ?? '').trim();
      // A small whole number with a "$" after it (or an "s" read for it) is a count of investors,
      // not this cell's amount ("Accredited Investors ... ~ <tab> 2 <tab> $ 217.310.85", "~ <tab>
      // 30 <tab> s 15,141": the "~" a speck of the leader).
      const count = /^\d{1,3}$/.test(next) && /^(?:[$☐☒]|[sS§]\s?\d)/.test((columns[i + 2] ?? '').trim());
      if (lone && !count && (/^(?:-0-|\d)/.test(next) || (afterAmount && DASH_ZERO.test(next)))) {
        filled = false;
        return '$';
      }
      if (i === firstCell) return column;
      if (/[$☐☒]/.test(column)) {
        filled = /\d/.test(column.split(/[$☐☒]/).pop() ?? '');
        return column;
      }
      if (!AMOUNT_COLUMN.test(column.trim())) return column;
      const opened = filled;
      filled = true;
      return opened ? openedColumn(column) : withoutJunkBeforeZero(column);
    })
    .join('\t');
}

/**
 * A typed "0.00" in a font whose zero has a dot or slash inside is read "0.60", "6.08" or "8.00",
 * and a "$ 0" whose zero OCR took for another figure "$ 4" or "$ 5": a Form D amount is never a
 * few dollars, so an amount under $10 is taken as the zero it was typed as, and marked unsure so
 * that a person checks it.
 */
function looksLikeMisreadZero(cents: number | null): boolean {
  return cents !== null && cents > 0 && cents < 1000;
}

function amountsWithoutDollarSigns(flat: string): MoneyCell[] {
  const out: MoneyCell[] = [];
  let pendingMark: string | undefined;
  const tokens = flat.split(' ');
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    if (isMark(token)) {
      pendingMark = token;
      continue;
    }
    const run = figuresRun(tokens, i);
    const joined = run > 1 ? closeGaps(tokens.slice(i, i + run).join(' ')) : null;
    if (joined !== null && WHOLE_AMOUNT.test(joined)) {
      out.push({
        cents: parseMoney(joined),
        estimated: pendingMark === CHECKED,
        raw: joined,
        readable: false,
      });
      pendingMark = undefined;
      i += run - 1;
      continue;
    }
    if (!/^(?:\d{1,3}(?:[,.]\d{3})+(?:[.,]\d{2})?|\d+\.\d{2}|-0-)$/.test(token)) continue;
    out.push({ cents: parseMoney(token), estimated: pendingMark === CHECKED, raw: token, readable: true });
    pendingMark = undefined;
  }
  return out;
}

/** An amount whose thousands are grouped, with or without its cents. */
const WHOLE_AMOUNT = /^\d{1,3}(?:[,.]\d{3})+(?:[.,]\d{2})?$/;

/**
 * How many tokens from `start` are pieces of one amount OCR broke at gaps ("96 0, 051.00" for
 * 960,051.00, its "$" read as a mark): figures and separators only, broken at a separator (a
 * piece after the first begins with one, or one before the last ends with one). One when the
 * tokens are whole amounts or counts side by side ("5 8,811.00", "3 5 607,147 09": a count, a "$"
 * read as a 5, and an amount), or no figures.
 */
function figuresRun(tokens: readonly string[], start: number): number {
  let end = start;
  while (end < tokens.length && /^[\d,.]*\d[\d,.]*$/.test(tokens[end] ?? '')) end++;
  const pieces = tokens.slice(start, end);
  const broken = pieces.some(
    (piece, k) => (k > 0 && /^[,.]/.test(piece)) || (k < pieces.length - 1 && /[,.]$/.test(piece)),
  );
  return pieces.length > 1 && broken ? pieces.length : 1;
}

/** Capitals OCR reads for a count's typed figures, each mapped to the figure. */
const COUNT_LOOKALIKES: Record<string, string> = { T: '7', S: '5', B: '8', Z: '2' };

/**
 * A column of "$0" alone read "50", its sign a 5, as it is after a box ("Equity <tab> 50 <tab> 50"):
 * no Form D amount is fifty dollars. Its zero read as two arcs too ("5 ()", "s ()"). Only the
 * row's last `columns` fields are its dollar cells (C.2's count of 50 investors stands before
 * its one), and a "50" after a "$" read as itself ("$ <tab> 50") is no such misreading.
 */
function zeroCellsReadFifty(text: string, columns: number | undefined): string {
  return text
    .split('\n')
    .map((line) => {
      const fields = line.split('\t');
      const first = columns === undefined ? 0 : Math.max(0, fields.length - columns);
      return fields
        .map((field, k) =>
          k >= first && FIFTY_FOR_ZERO.test(field) && !/[$☐☒]\s*$/.test(fields[k - 1] ?? '') ? '$0' : field,
        )
        .join('\t');
    })
    .join('\n');
}

const FIFTY_FOR_ZERO = /^(?:50|[$sS§5]\s?\(\))$/;

/** A bare count before the first dollar cell ("Accredited investors 20 $ 27,701,668.92"). */
export function readCount(text: string): { count: number | null; raw: string } {
  const beforeDollar = text.split('$')[0] ?? '';
  for (const token of beforeDollar.replace(/\.{2,}/g, ' ').split(/\s+/)) {
    // OCR reads the digits of a typed count as letters (o for 0, l for 1), and some filers type "0.00".
    // A bracket or a quote after it ("20)") is the column's edge, not part of the count.
    // So is a point or a comma after it ("32.").
    const bare = token.replace(/^[([{'"‘’.,]+|(?<=\S)[)\]}|'"‘’.,]+$/g, '');
    // A zero alone may be read as a letter or a broken ring ("Non-accredited Investors Q $ 0.00",
    // "... n $0"), or "@".
    const lone = /^[OQDoCcUun@]$/.test(bare);
    // Beside a figure, a capital a typed figure looks like is that figure ("T7" for 77).
    const figured = /\d/.test(bare) ? bare.replace(/[TSBZ]/g, (ch) => COUNT_LOOKALIKES[ch] ?? ch) : bare;
    const digits = lone ? '0' : lookalikeDigits(figured);
    if (!/^\d{1,3}(?:,\d{3})*(?:\.0{1,2})?$|^\d+(?:\.0{1,2})?$/.test(digits) || !(lone || /\d/.test(token)))
      continue;
    return { count: Number(digits.replace(/,/g, '').replace(/\.0+$/, '')), raw: token };
  }
  return { count: null, raw: '' };
}
