import type { Flag, FormDRecord } from '../record/index.js';
import { formatCents, setPath } from '../record/index.js';
import { type DigitSlip, digitSlip, oneSlipAway } from './digits.js';
import { otherLineEqualTo } from './explain.js';
import { C1_ROW_KEYS, C5_COLUMNS, C5_ROW_KEYS, lineName, MONEY_LINES } from './money-lines.js';
import { DEFAULT_CONFIDENCE_THRESHOLD, type Rule, readCents } from './rule.js';
import { checkRules, MISREAD_RULE, RULES } from './table.js';

export interface EvaluateOptions {
  /** Fields read below this confidence may be misreads (default 0.80). */
  readonly confidenceThreshold?: number;
}

/** A value the pipeline probably misread: one digit slip away from a value with which the arithmetic agrees. */
export interface Misread {
  readonly path: string;
  readonly read: number;
  readonly value: number;
  readonly slip: Slip;
  readonly confidence: number;
  /** The arithmetic rules that fail as read and pass with `value`. */
  readonly rules: readonly string[];
  /** Other lines typed and read alike, misread alike: they take `value` too. */
  readonly alike?: readonly string[];
}

const ARITHMETIC = RULES.filter((r) => r.kind === 'arithmetic');
const ARITHMETIC_IDS: ReadonlySet<string> = new Set(ARITHMETIC.map((r) => r.id));

/** A digit's slip, or the cents point lost between figures read bare ("$ 41655200" for 416,552.00). */
type Slip = DigitSlip | 'pointLost';

const READ_AS: Record<Slip, string> = {
  pointLost: 'the cents point lost between figures read bare',
  transposed: 'two adjacent digits read in the wrong order',
  dropped: 'a digit missed in reading',
  doubled: 'a digit read twice',
  inserted: 'a digit read that is not on the page',
  replaced: 'one digit misread',
};

/**
 * The one misread that explains every failing arithmetic rule, or null. Only OCR values read below
 * the threshold (or below 0.90, of a zero read as a 6, 8 or 9; or, of a security's cell, its row's
 * other cell misread by a figure), and equal to no other line of the form, are suspects; of
 * several that fit, one that closes a sum exactly goes first, then the lowest-confidence one wins,
 * and a tie (or two values for one field) is too ambiguous to suggest anything.
 */
export function findMisread(record: FormDRecord, options: EvaluateOptions = {}): Misread | null {
  const failingRules = ARITHMETIC.filter((r) => r.check(record).length > 0);
  if (failingRules.length === 0) return null;
  return misreadFor(record, failingRules, failingRules, options);
}

/**
 * The misreads that explain the failing arithmetic rules: one for them all where there is one;
 * else one for each rule that a slip of one of its own values explains without failing a rule
 * that passes (two misreads in different tables: a legal fee's figure and a C.5 row's).
 */
export function findMisreads(record: FormDRecord, options: EvaluateOptions = {}): Misread[] {
  const failingRules = ARITHMETIC.filter((r) => r.check(record).length > 0);
  if (failingRules.length === 0) return [];
  const whole = misreadFor(record, failingRules, failingRules, options);
  if (whole || failingRules.length < 2) return whole ? eachLine(record, whole) : [];
  const each = failingRules.flatMap((rule) => misreadFor(record, [rule], failingRules, options) ?? []);
  // One field read two ways by two rules is no reading to suggest.
  return each
    .filter((m) => !each.some((o) => o !== m && o.path === m.path))
    .flatMap((m) => eachLine(record, m));
}

/** A misread and each line read alike with it, one misread a line. */
function eachLine(record: FormDRecord, m: Misread): Misread[] {
  return [
    m,
    ...(m.alike ?? []).map((path) => ({
      ...m,
      path,
      confidence: record.fields[path]?.confidence ?? m.confidence,
      alike: [m.path, ...(m.alike ?? []).filter((p) => p !== path)],
    })),
  ];
}

/**
 * The single slip of one value read below the threshold (or a zero's look-alike read below 0.90,
 * or above it where the zero makes it another line of the form, or in lines typed and read alike;
 * or a security's cell one figure off its row's other cell) that makes `explained` pass while
 * every rule outside `failing` still passes, or null (none, or a tie).
 */
function misreadFor(
  record: FormDRecord,
  explained: readonly Rule[],
  failing: readonly Rule[],
  { confidenceThreshold = DEFAULT_CONFIDENCE_THRESHOLD }: EvaluateOptions,
): Misread | null {
  // Only a value that a rule to explain reads can make it pass.
  const suspects = new Set(explained.flatMap((r) => r.paths));
  // A fit passes the rules to explain and breaks none that passes now.
  const mustPass = [...explained, ...ARITHMETIC.filter((r) => !failing.includes(r))];
  // Nor does it undo a sum whose rows written, a blank among them, add up to its total exactly:
  // the rows vouch for the total as read, and it for them.
  const closed = mustPass.filter((r) => closesWithBlanks(record, r));
  const work = structuredClone(record);
  const fits: Array<Misread & { exact: boolean }> = [];
  for (const { path } of MONEY_LINES) {
    if (!suspects.has(path)) continue;
    const field = record.fields[path];
    const read = readCents(record, path);
    if (field?.source !== 'ocr' || read === null) continue;
    // A value read surely is a suspect only of reading a typewriter's zero (a dot or a slash at
    // its centre) as a 6, 8 or 9, which tesseract does with confidence; read very surely, only
    // where the zero makes it another line of the form (a C.4.a total of its one row).
    const sure = field.confidence >= confidenceThreshold;
    const verySure = sure && field.confidence >= ZERO_LOOKALIKE_BELOW;
    // An amount read the same as another line of the form is that line's amount, repeated (the
    // seed's C.5 total is C.1 sold): two readings that agree are no misreading, unless the lines
    // were typed alike and read alike, a typewriter's zero taken for a 6, 8 or 9 in each (C.4.a's
    // one row and its total, both "10,000.06"): then all of them are the misread together.
    const twinned = otherLineEqualTo(record, read, [path]) !== null;
    const alike = twinned ? readAlike(record, path, read) : [];
    if (alike === null) continue;
    const lines = [path, ...alike];
    // A security's cell read surely may still be its row's other cell misread by a figure: a row
    // sold as offered is typed alike in both columns, and the figure that makes them alike again
    // making the table add up is corroboration twice over.
    const twin = twinCell(record, path);
    const slips =
      sure || twinned
        ? oneSlipAway(read).filter(
            (value) =>
              (zeroReadAsLookalike(value, read) &&
                (!verySure || twinned || otherLineEqualTo(record, value, [path]) !== null)) ||
              (!twinned && value === twin),
          )
        : oneSlipAway(read);
    // Figures read bare, with no separator at all, may have lost the point before their cents.
    const pointLost = !sure && BARE_FIGURES.test(field.raw) && read % 100 === 0 ? read / 100 : null;
    // OCR misreads the figures it read: an amount read with no cents ("-0-", "3,782") had none to
    // misread, and a slip that gives it cents ("-0-" for 0.20) is no reading of it.
    const noCents = /\d/.test(field.raw) && !CENTS_READ.test(field.raw.trim());
    const readable = slips.filter((value) => !noCents || value % 100 === 0);
    for (const value of pointLost === null ? readable : [...readable, pointLost]) {
      // Tried from each of the lines alike, the same fit is found once.
      if (twinned && fits.some((f) => f.value === value && f.alike?.includes(path))) continue;
      for (const p of lines) setPath(work, p, value);
      if (mustPass.every((r) => r.check(work).length === 0) && closed.every((r) => closesExactly(work, r))) {
        const slip = value === pointLost ? 'pointLost' : digitSlip(value, read);
        // Two figures swapped is a slip of copying, not of reading: OCR reads a figure at a time.
        if (slip && slip !== 'transposed')
          fits.push({
            path,
            read,
            value,
            slip,
            confidence: field.confidence,
            rules: explained.map((r) => r.id),
            exact: explained.every((r) => closesExactly(work, r)),
            ...(twinned ? { alike } : {}),
          });
      }
    }
    for (const p of lines) setPath(work, p, read);
  }
  if (fits.length === 0) return null;
  // Where blank rows let a sum pass short of its total, a fit that makes the rows written add up
  // to the total exactly is the misreading; one that only brings them under it is chance.
  const exact = fits.filter((f) => f.exact);
  const candidates = exact.length ? exact : fits;
  const lowest = Math.min(...candidates.map((f) => f.confidence));
  const best = candidates.filter((f) => f.confidence === lowest).map(({ exact: _, ...misread }) => misread);
  return best.length === 1 ? (best[0] ?? null) : null;
}

/** The other column's amount of a C.1 security's row (offered for sold, sold for offered), or null. */
function twinCell(record: FormDRecord, path: string): number | null {
  const cell = /^offering\.securities\.(\w+)\.(offered|sold)$/.exec(path);
  if (!cell || cell[1] === 'total') return null;
  return readCents(record, `offering.securities.${cell[1]}.${cell[2] === 'sold' ? 'offered' : 'sold'}`);
}

/** An amount read with a figure or two of cents after its point: "1,549.66", "4,488.8". */
const CENTS_READ = /[.,]\s?\d{1,2}$/;

/** An amount read as figures only, enough of them to hold cents: "$ 41655200". */
const BARE_FIGURES = /^\$?\s*\d{4,}$/;

/** Whether a sum rule's rows as written add up to its total exactly (any other rule: yes). */
function closesExactly(record: FormDRecord, rule: Rule): boolean {
  if (!rule.sum) return true;
  const total = readCents(record, rule.sum.total);
  return total === null || writtenSum(record, rule.sum.rows) === total;
}

/**
 * Whether a sum rule's total is written and its rows written, a blank among them, add up to it
 * exactly, two of them at least other than zero: no chance closing, nor one row and its total
 * typed and misread alike (a sum with no blank row is an equation that holds, confirmed as such).
 */
function closesWithBlanks(record: FormDRecord, rule: Rule): boolean {
  if (!rule.sum) return false;
  const total = readCents(record, rule.sum.total);
  const rows = rule.sum.rows.map((p) => readCents(record, p));
  return (
    total !== null &&
    total > 0 &&
    rows.filter((c) => c !== null && c !== 0).length >= 2 &&
    rows.includes(null) &&
    writtenSum(record, rule.sum.rows) === total
  );
}

/**
 * The other lines read as the same amount as `path`, all read by OCR; null when a line a person or
 * a text layer gave is among them.
 */
function readAlike(record: FormDRecord, path: string, read: number): string[] | null {
  const lines = MONEY_LINES.filter((l) => readCents(record, l.path) === read).map((l) => l.path);
  if (lines.some((p) => record.fields[p]?.source !== 'ocr')) return null;
  return lines.filter((p) => p !== path);
}

/** Below this confidence a value read surely may still be a zero read as a 6, 8 or 9. */
const ZERO_LOOKALIKE_BELOW = 0.9;

/** Whether `read` is `meant` with one 0 read as a 6, an 8 or a 9. */
function zeroReadAsLookalike(meant: number, read: number): boolean {
  const a = String(meant);
  const b = String(read);
  if (a.length !== b.length) return false;
  const diffs = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  const at = diffs[0];
  return diffs.length === 1 && at !== undefined && a[at] === '0' && /[689]/.test(b[at] ?? '');
}

/** The warning flag that stands in for the arithmetic errors a misread explains. */
export function misreadFlag(m: Misread): Flag {
  const read = formatCents(m.read);
  const value = formatCents(m.value);
  return {
    rule: MISREAD_RULE.id,
    severity: MISREAD_RULE.severity,
    paths: [m.path],
    expected: m.value,
    actual: m.read,
    difference: m.read - m.value,
    message: `${lineName(m.path)} was read as ${read} (confidence ${m.confidence.toFixed(2)}); the form's arithmetic says ${value}`,
    explanation: `With ${value} every arithmetic rule passes; as read, ${m.rules.join(', ')} ${m.rules.length === 1 ? 'fails' : 'fail'}.${m.alike?.length ? ` ${m.alike.map(lineName).join(', ')}, typed and read alike, ${m.alike.length === 1 ? 'takes' : 'take'} ${value} too.` : ''}`,
    suggestion: { path: m.path, value: m.value, reason: `${READ_AS[m.slip]}: ${read} for ${value}` },
  };
}

/**
 * What the pipeline calls: every rule's flags, except that arithmetic errors one misread explains
 * become a single warning on that field. The record is not changed.
 */
export function evaluate(record: FormDRecord, options: EvaluateOptions = {}): Flag[] {
  const flags = checkRules(record);
  const misreads = findMisreads(record, options);
  const explained = new Set(misreads.flatMap((m) => m.rules));
  // What the form confirms matters only to an error; most records raise none.
  const confirmed = flags.some((f) => f.severity === 'error')
    ? confirmedPaths(record, flags)
    : new Set<string>();
  const threshold = options.confidenceThreshold ?? DEFAULT_CONFIDENCE_THRESHOLD;
  const others = flags.filter((f) => !explained.has(f.rule));
  const read = others.map((f) => unsureReading(record, f, flags, threshold, confirmed, misreads));
  return [...read, ...misreads.map(misreadFlag)];
}

/**
 * Values the form itself confirms, however unsurely OCR read them: each value of an equation that
 * holds with all its values written (a sum that checks out), and an amount equal to another line of
 * the form (two readings that agree). A misreading almost never does either by chance.
 */
function confirmedPaths(record: FormDRecord, flags: readonly Flag[]): ReadonlySet<string> {
  const failing = new Set(flags.map((f) => f.rule));
  const confirmed = new Set<string>();
  for (const rule of ARITHMETIC) {
    if (!rule.equation || failing.has(rule.id)) continue;
    if (rule.paths.every((p) => readCents(record, p) !== null)) for (const p of rule.paths) confirmed.add(p);
    else if (closesWithBlanks(record, rule))
      for (const p of rule.paths) if (readCents(record, p) !== null) confirmed.add(p);
  }
  for (const { path } of MONEY_LINES) {
    const cents = readCents(record, path);
    if (cents !== null && otherLineEqualTo(record, cents, [path])) confirmed.add(path);
  }
  for (const ways of SAME_QUANTITY) {
    const whole = ways.map((paths) => sumOf(record, paths));
    ways.forEach((paths, i) => {
      // A way of many lines with a blank among them agrees all the same when the lines written
      // already add up to another way's whole amount: the blank is a line the filer left at nothing.
      const value = whole[i] ?? (paths.length > 2 ? writtenSum(record, paths) : null);
      if (value && whole.some((other, j) => j !== i && other === value))
        for (const p of paths) if (readCents(record, p) !== null) confirmed.add(p);
    });
  }
  return confirmed;
}

const C1 = 'offering.securities';
const C5 = 'offering.useOfProceeds';
const C5_ROWS = C5_ROW_KEYS.flatMap((row) => C5_COLUMNS.map(([column]) => `${C5}.${row}.${column}`));

/**
 * Amounts the form asks for more than once, each as the ways to read it (lines added up). The
 * rules compare them pairwise: two ways that agree confirm each other's lines even where the line
 * between them (the one a rule compares both with) is the filer's mistake. The C.5 rows add up to
 * C.4.b although the total listed between them repeats C.1.
 */
const SAME_QUANTITY: ReadonlyArray<ReadonlyArray<readonly string[]>> = [
  [
    C5_ROWS,
    C5_COLUMNS.map(([column]) => `${C5}.columnTotals.${column}`),
    [`${C5}.totalPaymentsListed`],
    ['offering.adjustedGrossProceeds'],
  ],
  [
    C1_ROW_KEYS.map((row) => `${C1}.${row}.sold`),
    [`${C1}.total.sold`],
    ['offering.investors.accredited.amount', 'offering.investors.nonAccredited.amount'],
  ],
];

/** Whether the lines of another way to the amount on `path` (one line) add up to `cents`. */
function anotherWayGives(record: FormDRecord, path: string, cents: number): boolean {
  return SAME_QUANTITY.some(
    (ways) =>
      ways.some((way) => way.length === 1 && way[0] === path) &&
      ways.some((way) => !way.includes(path) && way.length > 1 && sumOf(record, way) === cents),
  );
}

/** The lines written added up, or null when none is. */
function writtenSum(record: FormDRecord, paths: readonly string[]): number | null {
  const written = paths.map((p) => readCents(record, p)).filter((c): c is number => c !== null);
  return written.length ? written.reduce((a, b) => a + b, 0) : null;
}

/** The lines added up, or null when one is blank. */
function sumOf(record: FormDRecord, paths: readonly string[]): number | null {
  let sum = 0;
  for (const path of paths) {
    const cents = readCents(record, path);
    if (cents === null) return null;
    sum += cents;
  }
  return sum;
}

/**
 * An error over a value that OCR read unsurely (an amount of a failing sum, a state code), and that
 * the form does not confirm, may be the pipeline's misreading, not the filer's mistake: it is a
 * warning until a person has looked.
 * An arithmetic rule counts every amount it adds up; any other rule, the values its flag names.
 */
function unsureReading(
  record: FormDRecord,
  flag: Flag,
  flags: readonly Flag[],
  threshold: number,
  confirmed: ReadonlySet<string>,
  misreads: readonly Misread[],
): Flag {
  if (flag.severity !== 'error') return flag;
  const rule = ARITHMETIC.find((r) => r.id === flag.rule);
  const paths = rule?.paths ?? flag.paths;
  const outlier = rule ? (misreadOutlier(record, flag)?.why ?? misreadElsewhere(record, rule, flags)) : null;
  if (outlier) {
    return {
      ...flag,
      severity: 'warning',
      explanation: `${flag.explanation ? `${flag.explanation} ` : ''}${outlier}; a misreading is likelier than the filer's mistake.`,
    };
  }
  const isUnsure = (path: string) => {
    const field = record.fields[path];
    return field?.source === 'ocr' && field.confidence < threshold && !confirmed.has(path);
  };
  const unsure = Object.entries(record.fields).filter(
    ([path]) => isUnsure(path) && paths.some((p) => path === p || path.startsWith(`${p}.`)),
  );
  if (unsure.length === 0) return flag;
  const stands = rule
    ? (slipToTheCent(record, rule) ??
      transposedByFiler(record, rule, flag) ??
      transposedUnsureValue(record, rule, flag, unsure) ??
      sureRowsExceedTotal(record, rule, isUnsure) ??
      zeroRowsCannotClose(record, rule, flag, unsure) ??
      failsWithImpliedValues(record, rule, unsure, isUnsure, flags) ??
      failsWithSuggestedValues(record, rule, unsure, misreads) ??
      rowTakenOnceTooOften(record, rule, unsure))
    : null;
  if (stands) {
    return { ...flag, explanation: `${flag.explanation ? `${flag.explanation} ` : ''}${stands}` };
  }
  const named = unsure
    .slice(0, 3)
    .map(([path, field]) => `${lineName(path)} (confidence ${field.confidence.toFixed(2)})`)
    .join(', ');
  return {
    ...flag,
    severity: 'warning',
    explanation: `${flag.explanation ? `${flag.explanation} ` : ''}Read unsurely: ${named}; check these before taking this as the filer's mistake.`,
  };
}

/**
 * Why an equation's error is the filer's however unsurely its amounts read, or null: they fit a
 * slip filers make (C.4.b worked out from the amount sold) to the cent, with another line of the
 * form, which a misreading does not do by chance.
 */
function slipToTheCent(record: FormDRecord, rule: Rule): string | null {
  if (!rule.slip?.(record)) return null;
  return 'The amounts read fit that slip to the cent, which a misreading does not do by chance.';
}

/**
 * Why an equation's error is the filer's however its amounts read, or null: the amount given is
 * the amount the others make with two adjacent digits swapped, or one row is what the equation
 * needs with two swapped. That is the slip people make copying a figure; OCR misreads a figure at
 * a time and does not swap two.
 */
function transposedByFiler(record: FormDRecord, rule: Rule, flag: Flag): string | null {
  const { expected, actual } = flag;
  if (typeof expected !== 'number' || typeof actual !== 'number') return null;
  if (digitSlip(expected, actual) === 'transposed') {
    return `${formatCents(actual)} is ${formatCents(expected)} with two adjacent digits swapped: a copying slip, which OCR does not make.`;
  }
  for (const row of rule.sum?.rows ?? []) {
    const written = readCents(record, row);
    if (written === null) continue;
    // A row written wrong moves the rows' sum by as much as it is off.
    const meant = written - (expected - actual);
    if (digitSlip(meant, written) === 'transposed') {
      return `${lineName(row)} (${formatCents(written)}) is ${formatCents(meant)}, which the sum needs, with two adjacent digits swapped: a copying slip, which OCR does not make.`;
    }
  }
  return null;
}

/**
 * Why an equation's error is the filer's, or null: the one amount it reads unsurely would have to
 * be its reading with two adjacent digits swapped for the equation to hold (C.4.b against a C.1
 * total the filer copied as 2,770,900.00 for 2,779,000.00). OCR reads a figure at a time: the
 * amount was written as read.
 */
function transposedUnsureValue(
  record: FormDRecord,
  rule: Rule,
  flag: Flag,
  unsure: ReadonlyArray<readonly [string, unknown]>,
): string | null {
  const [only] = unsure;
  if (!rule.equation || unsure.length !== 1 || !only || typeof flag.difference !== 'number') return null;
  const [path] = only;
  const read = readCents(record, path);
  if (read === null) return null;
  const work = structuredClone(record);
  for (const meant of [read + flag.difference, read - flag.difference]) {
    if (meant < 0 || digitSlip(meant, read) !== 'transposed') continue;
    setPath(work, path, meant);
    if (rule.check(work).length === 0) {
      return `It holds only with ${lineName(path)} (read unsurely as ${formatCents(read)}) at ${formatCents(meant)}, the same figures with two adjacent ones swapped: a copying slip, which OCR does not make.`;
    }
  }
  return null;
}

/**
 * Why an error follows from an amount another failing rule shows OCR misread (see
 * `misreadOutlier`), where this rule reads that amount too: two columns run together fail C.1's
 * sum and C.4.b both.
 */
function misreadElsewhere(record: FormDRecord, rule: Rule, flags: readonly Flag[]): string | null {
  for (const other of flags) {
    if (other.rule === rule.id || other.severity !== 'error' || !ARITHMETIC_IDS.has(other.rule)) continue;
    const outlier = misreadOutlier(record, other);
    if (outlier && rule.paths.includes(outlier.path)) return `${outlier.why} (${other.rule})`;
  }
  return null;
}

/** In cents: a total below a hundred dollars is no sure reading of a Form D total. */
const MIN_SURE_TOTAL = 10_000;

/**
 * Why a sum's error is the filer's however unsurely its amounts read, or null: its total is the
 * rows written with one of them left out or counted twice, to the cent, a slip of adding up; a
 * misreading does that by chance only where the gap is one figure of an unsure amount misread
 * (a total of 10,444.90 for rows of 11,444.90, one of them 1,000.00), or an unsure row read as
 * zero but no plain zero is an amount OCR cut short, which leaves it open.
 */
function rowTakenOnceTooOften(
  record: FormDRecord,
  rule: Rule,
  unsure: ReadonlyArray<readonly [string, unknown]>,
): string | null {
  if (!rule.sum) return null;
  const { rows: rowPaths, total: totalPath } = rule.sum;
  const total = readCents(record, totalPath);
  const rows = writtenSum(record, rowPaths);
  // A total read as nothing "leaves out" a lone row by no slip of adding up.
  if (total === null || total === 0 || rows === null || total === rows) return null;
  const gap = Math.abs(total - rows);
  const row = rowPaths.find((p) => readCents(record, p) === gap);
  if (!row) return null;
  const slipOf = (path: string) => {
    const cents = readCents(record, path);
    return cents !== null && [cents + gap, cents - gap].some((v) => oneSlipAway(cents).includes(v));
  };
  // An unsure row taken for a zero that was not read as a plain one ("$ 9") may be an amount OCR
  // cut short.
  const lost = (path: string) =>
    rowPaths.includes(path) && readCents(record, path) === 0 && !readsPlainZero(record, path);
  if (unsure.some(([path]) => slipOf(path) || lost(path))) return null;
  const how = total > rows ? 'counts twice' : 'leaves out';
  return `The total ${how} ${lineName(row)} (${formatCents(gap)}) to the cent, a slip of adding up that a misreading does not make by chance.`;
}

/**
 * Why a sum's error is the filer's however its unsure rows read, or null: the rows read surely
 * already add up to more than a total read surely, and no row is below zero, so no misreading of
 * the others can close the gap (a total that leaves out a row).
 */
function sureRowsExceedTotal(
  record: FormDRecord,
  rule: Rule,
  isUnsure: (path: string) => boolean,
): string | null {
  if (!rule.sum || isUnsure(rule.sum.total)) return null;
  const total = readCents(record, rule.sum.total);
  const sure = rule.sum.rows.filter((p) => !isUnsure(p)).map((p) => readCents(record, p) ?? 0);
  const sum = sure.reduce((a, b) => a + b, 0);
  // A total of a few dollars is likelier an amount OCR cut short ("$ 10" of 10,327,000.00).
  if (total === null || total < MIN_SURE_TOTAL || sum <= total || sure.some((c) => c < 0)) return null;
  return `The rows read surely already add up to ${formatCents(sum)}, more than ${lineName(rule.sum.total)} (${formatCents(total)}); the rows read unsurely can only add to that.`;
}

/**
 * A cell read as a zero and nothing else: "$ 0", "-0-", "$ 0.00", a dash, or a zero whose cents
 * OCR misread or whose point it lost ("$ 0.08", "$ 0.060", "$ 00"): no amount of thousands begins
 * with a zero.
 */
const PLAIN_ZERO = /^\$?\s*(?:-0-|0{1,2}(?:[.,]\d{1,3})?|[-–—]+)$/;

/** Whether an amount was read as a plain zero, however surely. */
function readsPlainZero(record: FormDRecord, path: string): boolean {
  const field = record.fields[path];
  return readCents(record, path) === 0 && field !== undefined && PLAIN_ZERO.test(field.raw);
}

/** In cents: a sum this far off no row read as a plain zero can close. */
const PLAIN_ZERO_GAP = 100_000;

/** The accountant's zero, a dash or "-0-": no amount OCR misreads looks like it. */
const DASH_ZERO = /^\$?\s*(?:-0-|[-–—]+)$/;

/**
 * Why a sum's error is the filer's however its unsure rows read, or null: every amount read
 * unsurely is a row read as a plain zero ("$ 0", "-0-"), the total is read surely, and the sum is
 * a thousand dollars or more off, or every such row is the accountant's dash zero. OCR that read
 * one figure in a cell did not miss an amount of thousands there: it misread a zero, or a blank.
 * In an equation without a total (C.2's amounts against C.1's sold) every amount is a row, and
 * only a dash zero vouches for itself.
 */
function zeroRowsCannotClose(
  record: FormDRecord,
  rule: Rule,
  flag: Flag,
  unsure: ReadonlyArray<readonly [string, { raw: string }]>,
): string | null {
  const { expected, actual } = flag;
  if (typeof expected !== 'number' || typeof actual !== 'number') return null;
  const rows = rule.sum?.rows ?? (rule.equation ? rule.paths : null);
  if (!rows) return null;
  const gap = Math.abs(expected - actual);
  const dashes = unsure.every(([path]) => DASH_ZERO.test(record.fields[path]?.raw ?? ''));
  if (!rule.sum && !dashes) return null;
  if (Math.max(expected, actual) < MIN_SURE_TOTAL || (gap < PLAIN_ZERO_GAP && !dashes)) return null;
  const zeros = unsure.every(([path]) => rows.includes(path) && readsPlainZero(record, path));
  if (!zeros) return null;
  const named = unsure.map(([path]) => lineName(path)).join(', ');
  return `Read unsurely, but as plain zeros: ${named}; a misread zero does not hide the ${formatCents(gap)} the sum is off by.`;
}

/**
 * Why an error over unsurely read amounts is the filer's all the same, or null: with the suspected
 * misreads among them put at their suggested values, each of the others is a plain zero or an
 * amount the form then confirms (a column that adds up), and this rule fails all the same (a C.5
 * row misread, and the total the filer copied from C.1).
 */
function failsWithSuggestedValues(
  record: FormDRecord,
  rule: Rule,
  unsure: ReadonlyArray<readonly [string, { confidence: number }]>,
  misreads: readonly Misread[],
): string | null {
  const suggested = misreads.filter((m) => unsure.some(([path]) => path === m.path));
  if (suggested.length === 0) return null;
  const work = structuredClone(record);
  for (const m of suggested) setPath(work, m.path, m.value);
  if (rule.check(work).length === 0) return null;
  const confirmed = confirmedPaths(work, checkRules(work));
  // A row read unsurely as a plain zero is a zero all the same.
  const vouched = (path: string) =>
    readsPlainZero(record, path) || confirmed.has(path) || suggested.some((m) => m.path === path);
  if (!unsure.every(([path]) => vouched(path))) return null;
  const named = suggested
    .map(
      (m) =>
        `${lineName(m.path)} (read as ${formatCents(m.read)}) is ${formatCents(m.value)} by the form's arithmetic`,
    )
    .join('; ');
  return `Read unsurely, ${named}; the rule fails with that too.`;
}

/**
 * Why an error over unsurely read amounts is the filer's all the same, or null. Each such amount
 * is given by another equation of the form whose other values are written, sure and in no other
 * failing rule (C.4.b is the offering price less the expenses; a total is its rows): a misread
 * amount would be that value, and the rule fails with it too, each amount put right alone and all
 * together.
 */
function failsWithImpliedValues(
  record: FormDRecord,
  rule: Rule,
  unsure: ReadonlyArray<readonly [string, { confidence: number }]>,
  isUnsure: (path: string) => boolean,
  flags: readonly Flag[],
): string | null {
  // A value another failing rule reads is in dispute: it implies nothing. An equation disputes
  // every value it reads; a comparison row by row (sold no more than offered), the values its
  // flags name. A row read unsurely as a plain zero is a zero all the same: OCR that read one
  // figure there missed no amount.
  const disputed = flags.flatMap((f) => {
    const by = ARITHMETIC.find((r) => r.id === f.rule);
    return by ? (by.equation ? by.paths : f.paths).map((path) => ({ by, path })) : [];
  });
  const trusted = (path: string, by: Rule) =>
    (!isUnsure(path) || readsPlainZero(record, path)) &&
    !disputed.some((d) => d.by !== by && d.path === path);
  const implied = unsure.map(([path]) => impliedValues(record, path, rule, trusted, flags));
  if (implied.some((values) => values.length === 0)) return null;
  const work = structuredClone(record);
  const holdsWith = (changes: ReadonlyArray<readonly [string, number]>) => {
    for (const [path, value] of changes) setPath(work, path, value);
    const holds = rule.check(work).length === 0;
    for (const [path] of changes) setPath(work, path, readCents(record, path));
    return holds;
  };
  for (const [i, [path]] of unsure.entries()) {
    if ((implied[i] ?? []).some((value) => holdsWith([[path, value]]))) return null;
  }
  if (holdsWith(unsure.map(([path], i) => [path, implied[i]?.[0] ?? 0] as const))) return null;
  const named = unsure
    .map(([path, field], i) => {
      const values = (implied[i] ?? []).map(formatCents).join(' or ');
      return `${lineName(path)} (confidence ${field.confidence.toFixed(2)}) is ${values} by the form's other lines`;
    })
    .join('; ');
  return `Read unsurely, ${named}; the rule fails with that too.`;
}

/**
 * The values of an amount that make another equation hold (one that reads it, with every other
 * value written and trusted), each found from that equation's difference as read.
 */
function impliedValues(
  record: FormDRecord,
  path: string,
  except: Rule,
  trusted: (path: string, by: Rule) => boolean,
  flags: readonly Flag[],
): number[] {
  const read = readCents(record, path);
  if (read === null) return [];
  const values = new Set<number>();
  const work = structuredClone(record);
  for (const rule of ARITHMETIC) {
    if (rule === except || !rule.equation || !rule.paths.includes(path)) continue;
    if (rule.paths.some((p) => p !== path && (readCents(record, p) === null || !trusted(p, rule)))) continue;
    const failing = flags.filter((f) => f.rule === rule.id);
    for (const { difference } of failing) {
      if (typeof difference !== 'number') continue;
      for (const value of [read + difference, read - difference]) {
        if (value < 0) continue;
        setPath(work, path, value);
        if (rule.check(work).length < failing.length) values.add(value);
      }
    }
    setPath(work, path, read);
  }
  return [...values];
}

/** An amount of a flag that OCR read, and the value the flag's other side says it should be. */
interface ReadAgainst {
  path: string;
  cents: number;
  other: number;
}

/** The flag's amounts that OCR read, each with the other side of the comparison. */
function readAgainst(record: FormDRecord, flag: Flag): ReadAgainst[] {
  const { expected, actual } = flag;
  if (typeof expected !== 'number' || typeof actual !== 'number') return [];
  return flag.paths.flatMap((path) => {
    if (!MONEY_PATHS.has(path) || record.fields[path]?.source !== 'ocr') return [];
    const cents = readCents(record, path);
    const other = cents === actual ? expected : cents === expected ? actual : null;
    return cents === null || other === null ? [] : [{ path, cents, other }];
  });
}

const MONEY_PATHS: ReadonlySet<string> = new Set(MONEY_LINES.map((l) => l.path));

/**
 * Why an error's amount looks like OCR's misreading, with that amount's path, or null. Either it
 * differs by one digit from what its rule expects, and that expected amount is also written on
 * another line of the form (two lines agree and the third is one digit off them; a filer's slip of
 * the pen repeats no other line), while the amount read repeats no other line; or its figures are
 * the first figures of what is expected, a hundred times and more smaller (160.00 for 160,000.00,
 * 2,208.00 for 2,206,450.00: OCR lost its end or a separator, and perhaps misread a figure; no
 * filer writes a figure so); or they are the last figures of what is expected, a hundred times and
 * more smaller (595.00 for 4,243,595.00: OCR lost its front); or what is expected is its first
 * figures, a hundred times and more smaller (966,366,212,167.99 for 966,366.00: OCR ran the next
 * column's amount on).
 */
function misreadOutlier(record: FormDRecord, flag: Flag): { path: string; why: string } | null {
  const amounts = readAgainst(record, flag);
  for (const { path, cents, other } of amounts) {
    if (digitSlip(other, cents) !== 'replaced') continue;
    const agreeing = otherLineEqualTo(record, other, flag.paths);
    // The amount read repeats another line too (C.5's total is C.1's offering price): a line the
    // filer copied from the wrong place, not a misreading. So where the lines of another way to
    // the same amount add up to it (C.4.b is what the C.5 rows add up to).
    if (!agreeing || otherLineEqualTo(record, cents, [path]) || anotherWayGives(record, path, cents))
      continue;
    return {
      path,
      why: `${lineName(path)} was read as ${formatCents(cents)}, one digit off ${formatCents(other)}, which ${lineName(agreeing.path)} also gives`,
    };
  }
  for (const { path, cents, other } of amounts) {
    if (cents > 0 && other >= cents * 100 && startsLike(other, cents, 1)) {
      return {
        path,
        why: `${lineName(path)} was read as ${formatCents(cents)}, the first figures of ${formatCents(other)}`,
      };
    }
    // Its first figures lost: 595.00 for 4,243,595.00 (at least four figures alike).
    if (cents >= 1000 && other >= cents * 100 && String(other).endsWith(String(cents))) {
      return {
        path,
        why: `${lineName(path)} was read as ${formatCents(cents)}, the last figures of ${formatCents(other)}`,
      };
    }
    if (other > 0 && cents >= other * 100 && startsLike(cents, other, 3)) {
      return {
        path,
        why: `${lineName(path)} was read as ${formatCents(cents)}, which begins with the figures of ${formatCents(other)} and runs on`,
      };
    }
  }
  return null;
}

/**
 * Whether the larger amount begins with the smaller one's figures (its zeros at the end left
 * off), at least `least` of them: all of them, or all but one misread where there are three or
 * more, so that a chance likeness is rare.
 */
function startsLike(larger: number, smaller: number, least: number): boolean {
  const head = String(smaller).replace(/0+$/, '');
  const start = String(larger).slice(0, head.length);
  if (head.length < least) return false;
  let differing = 0;
  for (let i = 0; i < head.length; i++) if (head[i] !== start[i]) differing++;
  return differing === 0 || (differing === 1 && head.length >= 3);
}
