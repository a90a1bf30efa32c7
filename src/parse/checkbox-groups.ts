import { CHECKED, isMark } from './check-marks.js';
import type { FormText, Label, Match, Pos, Range } from './form-text.js';
import { comparePos } from './form-text.js';

export interface OptionReading {
  checked: boolean | null;
  confidence: number;
  /** The option's text with its mark, as read. */
  raw: string;
  match: Match | null;
  /** The span of the option's text and its mark together. */
  span: { from: Pos; to: Pos } | null;
  /** Read checked from OCR's junk where the pixels found no box, not from a box seen. */
  fromJunk?: boolean;
}

/** How sure a box read from OCR's junk where the pixels found none is checked. */
const MISSED_BOX_CONFIDENCE = 0.5;

interface Token {
  kind: 'mark' | 'option';
  pos: Pos;
  end: Pos;
  checked?: boolean;
  option?: number;
  match?: Match;
}

/**
 * Reads a group of check-box options ("☐ Rule 504 ☒ Rule 506", or "Yes ☐ No ☒") between two
 * places. Each option takes its own mark: the mark before it when the group starts with a mark,
 * else the mark after it. An option with no mark reads null.
 */
export function readOptions(doc: FormText, options: readonly Label[], from: Pos, to: Pos): OptionReading[] {
  const range: Range = { from: from.line, to: Math.min(to.line + 1, doc.lines.length) };
  const tokens: Token[] = [];
  let after = from;
  options.forEach((label, option) => {
    const m = doc.find(label, range, after);
    if (m && comparePos(m.end, to) <= 0) {
      tokens.push({ kind: 'option', pos: m.start, end: m.end, option, match: m });
      after = m.end;
    }
  });
  // Options laid out in columns are read row by row: one printed before an option found earlier
  // ("other (please specify)" on the first row, after "business trust" on the second) is sought
  // again over the whole group, clear of the options found.
  options.forEach((label, option) => {
    if (tokens.some((t) => t.option === option)) return;
    for (let start = from; ; ) {
      const m = doc.find(label, range, start);
      if (!m || comparePos(m.end, to) > 0) return;
      if (!tokens.some((t) => comparePos(m.start, t.end) < 0 && comparePos(t.pos, m.end) < 0)) {
        tokens.push({ kind: 'option', pos: m.start, end: m.end, option, match: m });
        return;
      }
      start = m.end;
    }
  });
  // A mark OCR put inside an option's words ("General ☒ and/or Managing Partner") is that option's.
  const inner = new Map<number, Token>();
  for (let i = range.from; i < range.to; i++) {
    const text = doc.lines[i]?.text ?? '';
    for (let c = 0; c < text.length; c++) {
      const pos = { line: i, col: c };
      if (!isMark(text[c]) || comparePos(pos, from) < 0 || comparePos(pos, to) >= 0) continue;
      const mark: Token = { kind: 'mark', pos, end: { line: i, col: c + 1 }, checked: text[c] === CHECKED };
      const holder = tokens.find((t) => t.kind === 'option' && inside(pos, t));
      if (holder?.option !== undefined) inner.set(holder.option, mark);
      else if (!holder) tokens.push(mark);
    }
  }
  tokens.sort((a, b) => comparePos(a.pos, b.pos));

  const readings: OptionReading[] = options.map(() => ({
    checked: null,
    confidence: 0,
    raw: '',
    match: null,
    span: null,
  }));
  const marksFirst = marksBeforeOptions(doc, tokens, options.length);
  const markOf = new Map<number, Token>();
  tokens.forEach((token, index) => {
    if (token.kind !== 'option' || token.option === undefined) return;
    const neighbour = marksFirst ? tokens[index - 1] : tokens[index + 1];
    const reading = readings[token.option];
    if (!reading) return;
    reading.match = token.match ?? null;
    const optionText = doc.between(token.pos, token.end);
    const own = inner.get(token.option);
    if (own && neighbour?.kind !== 'mark') {
      reading.checked = own.checked ?? null;
      reading.confidence = (token.match?.score ?? 1) * INNER_MARK;
      reading.span = { from: token.pos, to: token.end };
      reading.raw = optionText;
    } else if (neighbour?.kind === 'mark') {
      markOf.set(token.option, neighbour);
      reading.checked = neighbour.checked ?? null;
      reading.confidence = token.match?.score ?? 1;
      reading.span = marksFirst
        ? { from: neighbour.pos, to: token.end }
        : { from: token.pos, to: neighbour.end };
      reading.raw = marksFirst
        ? `${neighbour.checked ? CHECKED : '☐'} ${optionText}`
        : `${optionText} ${neighbour.checked ? CHECKED : '☐'}`;
    } else {
      reading.raw = optionText;
    }
  });
  byOrder(readings, tokens, markOf);
  if (marksFirst) nextInOrder(readings, tokens, markOf);
  markedBoxesMissed(doc, readings, tokens, from, marksFirst);
  return readings;
}

/**
 * What OCR reads for an empty box outline the pixels missed, or a stroke of one ("[]", "O", "|",
 * "[7": its left side and a corner): nothing says a mark is in it.
 */
const EMPTY_BOX = /^(?:[[(|]\s?[\])|]?|[\])|]|[oO0DQ□]|[Il1|!]|\[.)$/;

/**
 * On OCR lines, an option whose box the pixels did not find, with a short run of junk where the
 * box stands, before the option or after it as the group prints them ("[7 Beneficial Owner",
 * "XI General...", "fj", "#", "Yes =!"): an empty box is found by its
 * clean edges, so a box missed is almost always one a mark ran over, and OCR read mark and box
 * together as that junk. It reads checked, unsurely; an outline read alone ("[]", "O") stays unread.
 */
function markedBoxesMissed(
  doc: FormText,
  readings: OptionReading[],
  tokens: Token[],
  from: Pos,
  marksFirst: boolean,
): void {
  if (!doc.readByOcr(from.line)) return;
  tokens.forEach((token, index) => {
    if (token.kind !== 'option' || token.option === undefined) return;
    const reading = readings[token.option];
    if (!reading || reading.checked !== null) return;
    // The junk stands where the box does: before the option ("☐ Rule 504"), or after it ("Yes =!").
    let start: Pos;
    let end: Pos;
    if (marksFirst) {
      const previous = tokens[index - 1];
      start =
        previous && previous.end.line === token.pos.line ? previous.end : { line: token.pos.line, col: 0 };
      end = token.pos;
    } else {
      const next = tokens[index + 1];
      const lineEnd = { line: token.end.line, col: doc.lines[token.end.line]?.text.length ?? 0 };
      start = token.end;
      end = next && next.pos.line === token.end.line ? next.pos : lineEnd;
    }
    const between = doc.between(start, end);
    const junk = (marksFirst ? /(\S{1,3})\s*$/ : /^\s*(\S{1,3})/).exec(between)?.[1] ?? '';
    if (junk === '' || EMPTY_BOX.test(junk) || /^\p{L}{3}$/u.test(junk) || /^[.,:;'"_~-]+$/.test(junk))
      return;
    if (between.trim().length > junk.length + 3) return;
    reading.checked = true;
    reading.fromJunk = true;
    reading.confidence = MISSED_BOX_CONFIDENCE * (token.match?.score ?? 1);
    const at = start.col + between.indexOf(junk);
    reading.span = marksFirst
      ? { from: { line: token.pos.line, col: at }, to: token.end }
      : { from: token.pos, to: { line: token.end.line, col: at + junk.length } };
    reading.raw = marksFirst
      ? `${junk} ${doc.between(token.pos, token.end)}`
      : `${doc.between(token.pos, token.end)} ${junk}`;
  });
}

/**
 * Whether the group prints its boxes before its options ("☐ Rule 504") or after them ("Yes ☐"):
 * as most options have it, so that one box OCR missed does not turn the whole group around.
 */
function marksBeforeOptions(doc: FormText, tokens: readonly Token[], options: number): boolean {
  let before = 0;
  let after = 0;
  tokens.forEach((token, i) => {
    if (token.kind !== 'option') return;
    if (tokens[i - 1]?.kind === 'mark') before++;
    if (tokens[i + 1]?.kind === 'mark') after++;
  });
  if (before === after)
    return byCount(tokens, options) ?? byJunk(doc, tokens) ?? (tokens[0]?.kind === 'mark' || before > 0);
  return before > after;
}

/**
 * A group with one box read between two options ("Yes ☐ No I J"): the junk OCR read for the box
 * the pixels missed tells the side, a short run of it after the last option and none before the
 * first (the boxes follow their options), or the other way round. Null when it does not.
 */
function byJunk(doc: FormText, tokens: readonly Token[]): boolean | null {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (first?.kind !== 'option' || last?.kind !== 'option' || first === last || !doc.readByOcr(first.pos.line))
    return null;
  const lineOf = (line: number) => doc.lines[line]?.text ?? '';
  const junk = (text: string) => /^\S(?:\s?\S){0,2}$/.test(text.trim());
  const beforeFirst = junk(lineOf(first.pos.line).slice(0, first.pos.col).split('\t').pop() ?? '');
  const afterLast = junk(lineOf(last.end.line).slice(last.end.col).split('\t')[0] ?? '');
  if (afterLast === beforeFirst) return null;
  return beforeFirst;
}

/**
 * A group with a mark for each of its options, some option's label lost ("☒ No ☐" for "Yes ☒ No
 * ☐"): the k-th option has k marks before it when each mark follows its option, k + 1 when each
 * stands before it. Null when the count does not settle it.
 */
function byCount(tokens: readonly Token[], options: number): boolean | null {
  const marks = tokens.filter((t) => t.kind === 'mark').length;
  if (marks !== options) return null;
  let fitsAfter = true;
  let fitsBefore = true;
  let seen = 0;
  for (const token of tokens) {
    if (token.kind === 'mark') seen++;
    else if (token.option !== undefined) {
      if (seen !== token.option) fitsAfter = false;
      if (seen !== token.option + 1) fitsBefore = false;
    }
  }
  return fitsAfter === fitsBefore ? null : fitsBefore;
}

/** An option whose mark OCR read inside its words, not beside them, is a little less sure. */
const INNER_MARK = 0.9;

/** Below a label's own match: an option whose mark is known only by its place in the group. */
const BY_ORDER_CONFIDENCE = 0.7;

/**
 * Options whose label OCR garbled ("Duector") still have their boxes: when the group holds exactly
 * one mark per option, and every option that was read took the mark at its own place, the marks
 * stand for the options in form order.
 */
function byOrder(readings: OptionReading[], tokens: Token[], markOf: Map<number, Token>): void {
  // The marks on the lines the group's options were found on: a span that runs on over the next
  // group's line (its label garbled past finding) holds that group's marks too.
  const lines = new Set(tokens.filter((t) => t.kind === 'option').map((t) => t.pos.line));
  const marks = tokens.filter((t) => t.kind === 'mark' && (lines.size === 0 || lines.has(t.pos.line)));
  if (marks.length !== readings.length || readings.every((r) => r.checked !== null)) return;
  for (const [option, mark] of markOf) if (marks[option] !== mark) return;
  readings.forEach((reading, option) => {
    const mark = marks[option];
    if (reading.checked !== null || !mark) return;
    reading.checked = mark.checked ?? null;
    reading.confidence = BY_ORDER_CONFIDENCE;
    reading.span = { from: mark.pos, to: mark.end };
    reading.raw = mark.checked ? CHECKED : '☐';
  });
}

/**
 * In a group whose boxes stand before their options, a box left over right after an option read,
 * with no option found after it ("☒ Rule 506 ☐ Secon", the rest of the row under a stamp), is the
 * box of the option the form prints next, where that option was found nowhere.
 */
function nextInOrder(readings: OptionReading[], tokens: Token[], markOf: Map<number, Token>): void {
  const taken = new Set(markOf.values());
  const found = new Set(
    tokens.flatMap((t) => (t.kind === 'option' && t.option !== undefined ? [t.option] : [])),
  );
  tokens.forEach((mark, index) => {
    const previous = tokens[index - 1];
    if (
      mark.kind !== 'mark' ||
      taken.has(mark) ||
      previous?.kind !== 'option' ||
      previous.option === undefined
    )
      return;
    if (tokens[index + 1]?.kind === 'option') return;
    const option = previous.option + 1;
    const reading = readings[option];
    if (!reading || reading.checked !== null || found.has(option)) return;
    reading.checked = mark.checked ?? null;
    reading.confidence = BY_ORDER_CONFIDENCE;
    reading.span = { from: mark.pos, to: mark.end };
    reading.raw = mark.checked ? CHECKED : '☐';
    taken.add(mark);
  });
}

function inside(pos: Pos, token: Token): boolean {
  return comparePos(pos, token.pos) >= 0 && comparePos(pos, token.end) < 0;
}
