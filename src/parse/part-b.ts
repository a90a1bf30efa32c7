import { CHECKED, UNCHECKED } from './check-marks.js';
import { figuredOrNone } from './cover.js';
import { comparePos, type Match, type Pos, type Range } from './form-text.js';
import { LABELS, type LabelName } from './labels.js';
import type { Reader } from './reader.js';
import { multiLine, singleLine } from './value-text.js';

/**
 * The states grid of B.4, as the form prints it: four rows of thirteen bracketed codes, in this
 * order. A filer marks a state by checking, circling or crossing out its code.
 */
export const STATE_GRID: readonly string[] = [
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID',
  'IL IN IA KS KY LA ME MD MA MI MN MS MO',
  'MT NE NV NH NJ NM NY NC ND OH OK OR PA',
  'RI SC SD TN TX UT VT VA WA WV WI WY PR',
]
  .join(' ')
  .split(' ');

const US_STATES = new Set(STATE_GRID);

/** Part B: non-accredited sales, minimum investment, joint ownership, sales compensation. */
export function readPartB(r: Reader, range: Range): void {
  const { offering } = r.record;
  const anchors = r.anchorsInOrder(['b1', 'b2', 'b3', 'b4'], range);
  const at = (name: LabelName) => anchors.findIndex((a) => a.name === name);

  // A Yes or No question's answer: its boxes between two places, the first for Yes.
  const answer = (path: string, group: string, from: Pos, to: Pos): boolean | null => {
    const chosen = r.exclusive(group, r.options(['', ''], ['yes', 'no'], from, to), path);
    return chosen === null ? null : chosen === 0;
  };
  const yesNo = (name: LabelName, path: string, group: string): boolean | null => {
    const i = at(name);
    const anchor = anchors[i];
    if (!anchor) return null;
    return answer(
      path,
      group,
      anchor.match.end,
      answerEnd(r, anchor.match.end, r.stopAfter(anchors, i, range)),
    );
  };

  // A question whose wording OCR garbled past finding ("1 Has the ssuev 521d, of does ...") is
  // still the line of its Yes and No boxes: B.1's the first such line of the part, B.3's the next.
  const pairs = yesNoLines(r, { from: range.from, to: anchors[at('b4')]?.match.start.line ?? range.to });
  const byPlace = (path: string, group: string, line: number | undefined): boolean | null => {
    if (line === undefined) return null;
    const read = answer(path, group, { line, col: 0 }, { line: line + 1, col: 0 });
    const field = r.recorder.fields[path];
    if (read !== null && field) field.confidence *= BY_PLACE_OF_QUESTION;
    return read;
  };
  // Found by its wording, or else by its place.
  const question = (name: LabelName, path: string, group: string, place: () => number | undefined) =>
    at(name) >= 0 ? yesNo(name, path, group) : byPlace(path, group, place());
  const b1Line = anchors[at('b1')]?.match.start.line;
  const b3Line = anchors[at('b3')]?.match.start.line;
  offering.nonAccreditedSales = question(
    'b1',
    'offering.nonAccreditedSales',
    'B.1 non-accredited investors',
    () => pairs.find((line) => b3Line === undefined || line < b3Line),
  );
  offering.jointOwnership = question('b3', 'offering.jointOwnership', 'B.3 joint ownership', () =>
    b1Line !== undefined ? pairs.find((line) => line > b1Line) : pairs[1],
  );

  const b2 = at('b2');
  const b2Anchor = anchors[b2];
  if (b2Anchor) {
    const to = r.stopAfter(anchors, b2, range);
    const [cell] = r.cells(b2Anchor.match.end, to);
    const read = r.setMoney('offering.minimumInvestment', cell, b2Anchor.match.end, to);
    const field = r.recorder.fields['offering.minimumInvestment'];
    const round = read !== null && field?.source === 'ocr' ? roundSum(read) : null;
    offering.minimumInvestment = round ?? read;
    if (round !== null && field) field.confidence *= ZERO_READ_AS_FIGURE;
  }

  // B.4's long question garbled past finding ("4 Eater the tor Iegiested or es ..."), its blocks
  // are still the part's: no other question of Part B has a "Full Name".
  const b4 = anchors[at('b4')];
  const before = anchors.at(-1)?.match.end ?? { line: range.from, col: 0 };
  const b4From = b4?.match.end ?? r.find('fullName', range, before)?.start;
  if (b4From) readSalesCompensation(r, { from: b4?.match.start.line ?? b4From.line, to: range.to }, b4From);
}

/**
 * Where a Yes or No question's answer ends: with the first line after its wording that has a box,
 * within a line or two; the question after it may be garbled past finding, and its boxes (a
 * states grid's) are no answer to this one.
 */
function answerEnd(r: Reader, from: Pos, to: Pos): Pos {
  for (let line = from.line; line <= Math.min(from.line + 2, to.line); line++) {
    const text = r.doc.lines[line]?.text ?? '';
    if (/[☐☒]/.test(line === from.line ? text.slice(from.col) : text)) {
      const end = { line, col: text.length };
      return comparePos(end, to) < 0 ? end : to;
    }
  }
  return to;
}

/** How sure a Yes or No read from a question found by its place, its wording garbled, is. */
const BY_PLACE_OF_QUESTION = 0.7;

/**
 * The lines of a range that end in two boxes, each with a word of a few letters before it ("Yes ☐
 * Ne ☒") or after it ("☐ Yes ☒ No").
 */
function yesNoLines(r: Reader, range: Range): number[] {
  const lines: number[] = [];
  for (let line = range.from; line < range.to; line++) {
    const text = r.doc.lines[line]?.text ?? '';
    if (/(?:\s\S{1,4}\s*[☐☒]\s+\S{1,4}\s*[☐☒]|\s[☐☒]\s*\S{1,4}\s+[☐☒]\s*\S{1,4})\s*$/u.test(text))
      lines.push(line);
  }
  return lines;
}

/** B.4: each filled block of a person paid for soliciting purchasers; a lone "N/A" is none. */
function readSalesCompensation(r: Reader, range: Range, after: Pos): void {
  const blocks = blockNames(r, range, after);
  blocks.forEach((block, i) => {
    const end = blocks[i + 1]?.start ?? r.doc.endOf(range);
    // Sought in the block's own lines: a later block's label read exactly is not this one's.
    const lines: Range = { from: block.start.line, to: Math.min(end.line + 1, range.to) };
    const within = (name: LabelName) => {
      const m = r.find(name, lines, block.end);
      return m && comparePos(m.start, end) < 0 ? m : null;
    };
    const addressAt = within('businessAddress');
    const brokerAt = within('brokerDealer');
    const statesAt = within('statesSolicited');
    const stop = (...candidates: Array<Pos | undefined>) => candidates.find((p) => p !== undefined) ?? end;

    const prefix = `offering.salesCompensation.${r.record.offering.salesCompensation.length}`;
    const name = r.mended(
      singleLine(r.text(block.end, stop(addressAt?.start, brokerAt?.start, statesAt?.start))),
      block.end,
      `${prefix}.name`,
    );
    // An address has a figure: OCR's reading with none is the garbled labels after a blank one.
    const address = addressAt
      ? figuredOrNone(
          r,
          `${prefix}.address`,
          r.mended(
            multiLine(r.text(addressAt.end, stop(brokerAt?.start, statesAt?.start))),
            addressAt.end,
            `${prefix}.address`,
          ),
          addressAt.end,
        )
      : null;
    const brokerText = brokerAt ? singleLine(r.text(brokerAt.end, stop(statesAt?.start))) : null;
    // Nor is the "All States" box's label, read where the grid's heading was lost.
    const brokerDealer =
      brokerAt && brokerText && !isStateGridRow(brokerText) && !ALL_STATES_BOX.test(brokerText)
        ? r.mended(brokerText, brokerAt.end, `${prefix}.brokerDealer`)
        : null;
    const statesText = statesAt ? r.text(statesAt.end, end) : '';
    // The "All States" box after the instruction that names it ("(Check "All States" or ...)"),
    // also where OCR lost the grid's heading: the last "All States" of the block before its grid.
    const gridFrom = statesAt?.end ?? brokerAt?.end ?? block.end;
    // The instruction names the box exactly: where OCR garbled the box's own label ("Al States"),
    // it is found only by a fuzzy search, which the instruction's exact match must not stop.
    const allStatesAt = r.doc
      .findAll(LABELS.allStates, range, gridFrom, 3, Number.POSITIVE_INFINITY)
      .filter((m) => comparePos(m.start, end) < 0 && m.start.line <= gridFrom.line + 2)
      .at(-1);
    const allStates = allStatesAt
      ? (r.options([''], ['allStates'], gridFrom, allStatesAt.end)[0]?.checked ?? false)
      : false;
    const states = checkedStates(statesText, statesAt ? r.doc.readByOcr(statesAt.end.line) : false);
    // A person paid is named, or has an address or a broker: a block with none of them is blank,
    // whatever a speck on its grid reads as.
    if (!name && !address && !brokerDealer) return;

    r.record.offering.salesCompensation.push({ name, address, brokerDealer, states, allStates });
    if (name) r.setText(`${prefix}.name`, block.end, stop(addressAt?.start, brokerAt?.start), block.score);
    if (address && addressAt) r.setText(`${prefix}.address`, addressAt.end, stop(brokerAt?.start), 1, true);
    if (brokerDealer && brokerAt) r.setText(`${prefix}.brokerDealer`, brokerAt.end, stop(statesAt?.start), 1);
    if (statesAt && (states.length || allStates)) {
      r.evidence(`${prefix}.states`, states.join(' ') || 'All States', statesAt.end, end, 1);
    }
  });
}

/**
 * Where each B.4 block's name begins: after its "Full Name" label, or, where OCR lost that label,
 * at the line just above a "Business or Residence Address" label with no name label since the
 * block before, when that line is indented past the label as a typed name is (the question's
 * last line, or a grid row, is not): found by its place, less surely.
 */
function blockNames(r: Reader, range: Range, after: Pos): Match[] {
  const names = r.doc.findAll(LABELS.fullName, range, after);
  const addresses = r.doc.findAll(LABELS.businessAddress, range, after);
  const placed = addresses.flatMap((address, i) => {
    const since = addresses[i - 1]?.end ?? after;
    const named = names.some((n) => comparePos(n.start, since) > 0 && comparePos(n.start, address.start) < 0);
    const line = address.start.line - 1;
    const above = r.doc.lines[line];
    const label = r.doc.lines[address.start.line];
    if (named || line <= since.line || !above?.bbox || !label?.bbox) return [];
    const indented = above.bbox[0] - label.bbox[0] > (label.bbox[3] - label.bbox[1]) / 2;
    if (!indented || !/\p{L}/u.test(above.text) || isStateGridRow(above.text)) return [];
    const start = { line, col: 0 };
    return [{ start, end: start, score: address.score * BY_PLACE_OF_NAME }];
  });
  return [...names, ...placed].sort((a, b) => comparePos(a.start, b.start));
}

/** The "All States" box and its label alone, as OCR reads them. */
const ALL_STATES_BOX = /^[☐☒]?\s*a[l1I|]{1,2}\s*states$/i;

/** How sure a B.4 name found by its place above the address label, its own label lost, is. */
const BY_PLACE_OF_NAME = 0.7;

/**
 * On a scan of a grid with no boxes, a "box" the pixels found among the codes is a code in bold
 * brackets taken for one ("[LA] L] ☒ [MD]": [ME]), when the code it stands before is not the next
 * in the grid's order after the last one read. A mark before the very next code is a circle round
 * it ("[AL] ☒ [AK]"), and the page stage's own marks ("☒[CA]") always count.
 */
function withoutCodesTakenForBoxes(text: string): string {
  const tokens = text.split(/(\s+)/);
  let last = -1;
  return tokens
    .map((token, i) => {
      const at = STATE_GRID.indexOf(token.replace(/[^A-Z]/g, ''));
      if (at >= 0 && /^☒?\[?[A-Z]{2}\]?$/.test(token)) last = at;
      // A code OCR read with its brackets as letters ("cop" for [CO], "16al" for [AL]), or
      // misread between its brackets ("(pC)", "[EL]" for [FL]), still takes its place in the grid;
      // one or two letters without both brackets ("L]", "JL") may be a piece of a bold bracket.
      else if (
        last >= 0 &&
        ((token.match(/[\p{L}\d]/gu) ?? []).length >= 3 || /^[[({|]\p{L}{2}[\])}|]$/u.test(token))
      )
        last++;
      if (token !== CHECKED) return token;
      const next = tokens.slice(i + 1).find((t) => t.trim() !== '') ?? '';
      const code = STATE_GRID.indexOf(next.replace(/[^A-Z]/g, ''));
      const standsBefore = /^\[?[A-Z]{2}\]?$/.test(next) && code >= 0 && (last < 0 || code === last + 1);
      return standsBefore ? token : ' ';
    })
    .join('');
}

/**
 * A row of the states grid ("[IL] [IN] [IA] [KS] ...") that OCR set before the grid's heading:
 * bracketed two-letter codes, no broker's name.
 */
function isStateGridRow(text: string): boolean {
  const tokens = text.trim().split(/\s+/);
  const codes = tokens.filter((t) => /[[\]]/.test(t) && t.replace(/[^A-Za-z0-9]/g, '').length === 2);
  return tokens.length >= 5 && codes.length >= tokens.length * 0.6;
}

/**
 * The states whose box is checked: "☒ CA", "[X] CA" (already ☒) or "CA ☒", as the grid sets its
 * boxes: before their codes or after them, as most of its empty boxes stand. A grid with no boxes,
 * whose marks the page stage read ("☒[CA]"), has each mark before its code.
 */
function checkedStates(rawText: string, ocr: boolean): string[] {
  // The grid itself: the "All States" box stands before it.
  const allStates = [...rawText.matchAll(/a[l1I|]{1,2}\s*states/gi)].at(-1);
  const grid = allStates ? rawText.slice((allStates.index ?? 0) + allStates[0].length) : rawText;
  const text = ocr && !grid.includes(UNCHECKED) ? withoutCodesTakenForBoxes(rawText) : rawText;
  const before = new RegExp(`[${CHECKED}${UNCHECKED}]\\s*\\[?[A-Z]{2}\\b`, 'g');
  const after = new RegExp(`\\b[A-Z]{2}\\]?\\s*[${CHECKED}${UNCHECKED}]`, 'g');
  const empty = (re: RegExp) => [...text.matchAll(re)].filter((m) => m[0].includes(UNCHECKED)).length;
  const marksAfter = empty(after) > empty(before);
  // A code is two letters alone: "☒ PROCESSED" (a stamp beside a box) checks no PR.
  const pattern = marksAfter
    ? new RegExp(`(?<![A-Za-z])\\[?([A-Z]{2})\\]?\\s*${CHECKED}`, 'g')
    : new RegExp(`${CHECKED}\\s*\\[?([A-Z]{2})(?![A-Za-z])\\]?`, 'g');
  const out = new Set<string>();
  for (const m of text.matchAll(pattern)) if (m[1] && US_STATES.has(m[1])) out.add(m[1]);
  return [...out];
}

/**
 * A minimum investment is a round sum of dollars: read with a typewriter's zero taken for the 6, 8
 * or 9 it looks like past its first two figures ("$ 500.060", "$ 1,006", "$ 1.000.000.06"), it is
 * the round sum those zeros make, unsurely; null where no such zero makes one.
 */
export function roundSum(cents: number): number | null {
  const figures = String(cents);
  if (figures.length < 5 || cents % 10_000 === 0) return null;
  const zeroed = figures.slice(0, 2) + figures.slice(2).replace(/[689]/g, '0');
  const round = Number(zeroed);
  return round % 10_000 === 0 ? round : null;
}

/** How much less sure an amount is whose zeros were read as other figures. */
const ZERO_READ_AS_FIGURE = 0.5;
