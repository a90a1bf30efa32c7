import { LevenshteinDistance, LevenshteinDistanceSearch } from 'natural/lib/natural/distance/index.js';
import { ENTITY_TYPES } from '../record/schema.js';
import { FOREIGN_JURISDICTIONS, US_POSTAL_CODES } from '../rules/state-code.js';
import { splitAddress } from './address.js';
import type { OptionReading } from './checkbox-groups.js';
import { comparePos, type Pos, type Range } from './form-text.js';
import type { LabelName } from './labels.js';
import { lookalikeCode } from './lookalike-letters.js';
import type { Anchor, Reader } from './reader.js';
import { singleLine } from './value-text.js';

/** The labels of the cover page and A.1, in form order: each value runs to the next one found. */
const COVER_ORDER: readonly LabelName[] = [
  'nameOfOffering',
  'filingUnder',
  'typeOfFiling',
  'nameOfIssuer',
  'executiveAddress',
  'telephone',
  'principalAddress',
  'telephone',
  'businessDescription',
  'businessOrganization',
  'incorporationDate',
  'month',
  'year',
  'jurisdiction',
];

const ENTITY_LABELS: readonly LabelName[] = [
  'corporation',
  'lpFormed',
  'businessTrust',
  'lpToBeFormed',
  'otherEntity',
];

const EXEMPTIONS = ['rule504', 'rule505', 'rule506', 'section4_6', 'uloe'] as const;

function readExemptions(r: Reader, from: Pos, to: Pos): void {
  const paths = EXEMPTIONS.map((p) => `filing.exemptions.${p}`);
  const readings = boxesBesideRow(r, r.options(paths, EXEMPTIONS, from, to), paths);
  EXEMPTIONS.forEach((p, k) => {
    r.record.filing.exemptions[p] = readings[k]?.checked ?? null;
  });
  r.partlyRead('filing.exemptions', readings, from);
}

/**
 * The options that end a row of boxes, left unread where a stamp's border parted the row: their
 * boxes were laid out as a line of their own beside it, their labels lost under the stamp's print
 * ("☐ LANDES 1995" for "☐ ULOE" under "JAN 18 1995"). The boxes of the lines on the row, right of
 * the last option read, are the unread options in order, where there are as many; unsurely.
 */
function boxesBesideRow(
  r: Reader,
  readings: readonly OptionReading[],
  paths: readonly string[],
): OptionReading[] {
  let unread = 0;
  while (unread < readings.length && readings[readings.length - 1 - unread]?.checked === null) unread++;
  const last = [...readings].reverse().find((x) => x.span !== null)?.span;
  const row = last ? r.doc.lines[last.to.line] : undefined;
  if (unread === 0 || !last || !row?.bbox || row.page === null) return [...readings];
  const [, y0, x1, y1] = row.bbox;
  const marks: Array<{ x: number; line: number; col: number; checked: boolean }> = [];
  r.doc.lines.forEach((line, i) => {
    if (i === last.to.line || line.page !== row.page || !line.bbox || line.bbox[0] < x1) return;
    const shared = Math.min(y1, line.bbox[3]) - Math.max(y0, line.bbox[1]);
    if (shared < Math.min(y1 - y0, line.bbox[3] - line.bbox[1]) * 0.5) return;
    for (const m of line.text.matchAll(/[☐☒]/g)) {
      marks.push({ x: line.bbox[0], line: i, col: m.index ?? 0, checked: m[0] === '☒' });
    }
  });
  if (marks.length !== unread) return [...readings];
  marks.sort((a, b) => a.x - b.x || a.col - b.col);
  const out = [...readings];
  marks.forEach((mark, j) => {
    const k = readings.length - unread + j;
    const span = { from: { line: mark.line, col: mark.col }, to: { line: mark.line, col: mark.col + 1 } };
    const raw = mark.checked ? '☒' : '☐';
    out[k] = { checked: mark.checked, confidence: BESIDE_ROW, raw, match: null, span };
    const path = paths[k];
    if (path) r.evidence(path, raw, span.from, span.to, BESIDE_ROW);
  });
  return out;
}

/** How sure a box read beside its row, its label lost, is its option's. */
const BESIDE_ROW = 0.6;

function readTypeOfFiling(r: Reader, from: Pos, to: Pos): void {
  const readings = r.options(['', ''], ['newFiling', 'amendment'], from, to);
  const chosen = r.exclusive('Type of Filing', readings, 'filing.isAmendment');
  if (chosen !== null) r.record.filing.isAmendment = chosen === 1;
}

/**
 * A value that always has a figure (an address, a telephone number), or null with its provenance
 * dropped where OCR read it with none: that reading is its label's garbled rest, the box blank.
 */
export function figuredOrNone(r: Reader, path: string, read: string | null, from: Pos): string | null {
  if (read === null || /\d/.test(read) || !r.doc.readByOcr(from.line)) return read;
  delete r.recorder.fields[path];
  return null;
}

/**
 * The line of a group of boxes whose label OCR garbled past finding ("Fling Under", "TyeotFling"):
 * the first line of the range with as many marks as the group has options and one of its
 * options' words.
 */
function groupLine(r: Reader, range: Range, options: number, words: RegExp): { from: Pos; to: Pos } | null {
  for (let line = range.from; line < range.to; line++) {
    const text = r.doc.lines[line]?.text ?? '';
    if ((text.match(/[☐☒]/g) ?? []).length === options && words.test(text)) {
      return { from: { line, col: 0 }, to: { line, col: text.length } };
    }
  }
  return null;
}

/**
 * The Name of Offering's label where OCR garbled its words past finding ("Name al Otterng ☐
 * check of this is an amendment ..."): the first line before the issuer's name and the exemptions
 * with the instruction both names print after them; found by place, it is less sure.
 */
function offeringByInstruction(r: Reader, range: Range, anchors: readonly Anchor[]): Anchor | null {
  const first = anchors.find((a) => a.name === 'nameOfIssuer' || a.name === 'filingUnder');
  const at = instructionAt(r, NAME_CHANGED, range.from, first?.match.start.line ?? range.to);
  return at && { name: 'nameOfOffering', match: wholeLine(r, at.line) };
}

/**
 * The issuer's name label where OCR garbled its words past finding ("Name of Invert ☐ check if
 * this is an amendment ..."): the first line after the offering's name, the exemptions and the
 * type of filing, and before the issuer's address, with the instruction both names print after
 * them; found by place, it is less sure.
 */
function issuerByInstruction(r: Reader, range: Range, anchors: readonly Anchor[]): Anchor | null {
  const after = anchors.findLast((a) => COVER_BEFORE_ISSUER.includes(a.name))?.match.end.line;
  if (after === undefined) return null;
  const before = anchors.find((a) => ISSUER_DETAILS.includes(a.name))?.match.start.line ?? range.to;
  const at = instructionAt(r, NAME_CHANGED, after + 1, before);
  return at && { name: 'nameOfIssuer', match: wholeLine(r, at.line) };
}

/**
 * The issuer's address label where OCR garbled its words past finding ("Address of Exceutne Otlices
 * (Number ind Street, ...)"): the first line after the issuer's name with the instruction printed
 * after it, before the telephone's label and the principal office's; found by place, less sure.
 */
function addressByInstruction(r: Reader, range: Range, anchors: readonly Anchor[]): Anchor | null {
  const after = anchors.find((a) => a.name === 'nameOfIssuer')?.match.end.line;
  if (after === undefined) return null;
  const before =
    anchors.find((a) => ISSUER_DETAILS.includes(a.name) && a.match.start.line > after)?.match.start.line ??
    range.to;
  const at = instructionAt(r, ADDRESS_PARTS, after + 1, before);
  if (!at) return null;
  const { line, end } = at;
  return {
    name: 'executiveAddress',
    match: { start: { line, col: 0 }, end: { line, col: end }, score: BY_INSTRUCTION },
  };
}

/**
 * The first line from `from` up to `to` that has the instruction, a few letters off at most, and
 * where on it the instruction ends.
 */
function instructionAt(
  r: Reader,
  instruction: string,
  from: number,
  to: number,
): { line: number; end: number } | null {
  for (let line = from; line < to; line++) {
    const text = (r.doc.lines[line]?.text ?? '').toLowerCase();
    const found = LevenshteinDistanceSearch(instruction, text);
    if (found.distance <= instruction.length / 6) return { line, end: found.offset + found.substring.length };
  }
  return null;
}

/** A label found by place: its whole line, less surely. */
function wholeLine(r: Reader, line: number): Anchor['match'] {
  const end = { line, col: (r.doc.lines[line]?.text ?? '').length };
  return { start: { line, col: 0 }, end, score: BY_INSTRUCTION };
}

/** The cover's labels printed before the issuer's name. */
const COVER_BEFORE_ISSUER: readonly LabelName[] = ['nameOfOffering', 'filingUnder', 'typeOfFiling'];

/** A.1's labels after the issuer's name and address. */
const ISSUER_DETAILS: readonly LabelName[] = [
  'executiveAddress',
  'telephone',
  'principalAddress',
  'businessDescription',
];

/** The instruction printed after the addresses' labels. */
const ADDRESS_PARTS = '(number and street, city, state, zip code)';

/**
 * The Type of Business Organization's options where OCR garbled its label past finding ("Type
 * of]"): the first line after the business's description (and before the date of incorporation)
 * with a box and an option's words ("☒ corporation ☐ limited partnership, already formed"). It
 * stands as a label of no words before them, found by place: the description's span ends there,
 * and the options are read in its own.
 */
function entityOptions(r: Reader, range: Range, anchors: readonly Anchor[]): Anchor | null {
  const after = anchors.find((a) => a.name === 'businessDescription')?.match.end.line;
  const before = anchors.find((a) => a.name === 'incorporationDate')?.match.start.line ?? range.to;
  if (after === undefined) return null;
  for (let line = after + 1; line < before; line++) {
    const text = r.doc.lines[line]?.text ?? '';
    if (!/[☐☒]/.test(text) || !ENTITY_OPTION_WORDS.test(text)) continue;
    const start = { line, col: 0 };
    return { name: 'businessOrganization', match: { start, end: start, score: BY_INSTRUCTION } };
  }
  return null;
}

/** Words of the entity type's options, as printed. */
const ENTITY_OPTION_WORDS = /\bcorporation\b|\bbusiness trust\b|\blimited partnership\b/i;

/** The instruction printed after the offering's and the issuer's names. */
const NAME_CHANGED = 'check if this is an amendment and name has changed';

/** How sure a label found by its instruction alone is. */
const BY_INSTRUCTION = 0.7;

/** The cover page (offering, exemptions, type of filing) and A.1 (the issuer). */
export function readCover(r: Reader, range: Range): void {
  const anchors = r.anchorsAnyOrder(COVER_ORDER, range);
  const labelled = new Set(anchors.map((a) => a.name));
  if (!labelled.has('nameOfOffering')) {
    const offering = offeringByInstruction(r, range, anchors);
    if (offering) anchors.splice(0, 0, offering);
  }
  for (const [name, find] of [
    ['nameOfIssuer', issuerByInstruction],
    ['executiveAddress', addressByInstruction],
  ] as const) {
    if (labelled.has(name)) continue;
    const found = find(r, range, anchors);
    if (!found) continue;
    const at = anchors.findIndex((a) => comparePos(a.match.start, found.match.start) > 0);
    anchors.splice(at < 0 ? anchors.length : at, 0, found);
  }
  if (!labelled.has('filingUnder')) {
    const line = groupLine(r, range, EXEMPTIONS.length, /\bULOE\b|\bRule\s?50\d/i);
    if (line) readExemptions(r, line.from, line.to);
  }
  if (!labelled.has('typeOfFiling')) {
    const line = groupLine(r, range, 2, /\bAmendment\s*$/i);
    if (line) readTypeOfFiling(r, line.from, line.to);
  }
  if (!labelled.has('businessOrganization')) {
    const options = entityOptions(r, range, anchors);
    if (options) {
      const at = anchors.findIndex((a) => a.match.start.line > options.match.start.line);
      anchors.splice(at < 0 ? anchors.length : at, 0, options);
    }
  }
  const { record } = r;
  let telephones = 0;
  // A telephone label after the principal office's address is that office's, whether or not the
  // issuer's own was found.
  const principalAt = anchors.findIndex((a) => a.name === 'principalAddress');
  let yearAfterMonth: { digits: string; from: Pos; to: Pos; score: number } | undefined;
  const setYear = (digits: string, from: Pos, to: Pos, score: number) => {
    if (digits.length !== 2 && digits.length !== 4) return;
    const n = Number(digits);
    // Filings end in 2009, so a two-digit year up to 09 is this century.
    const year = digits.length === 2 ? (n <= 9 ? 2000 + n : 1900 + n) : n;
    // A year no issuer of a filing could have been formed in ("1097") has a figure misread: the one
    // year of the last century or this one a figure off it is the year, unsurely.
    const mended = year >= EARLIEST_YEAR && year <= LAST_FILING_YEAR ? year : yearOneFigureOff(year);
    record.issuer.incorporation.year = mended ?? year;
    r.evidence('issuer.incorporation.year', digits, from, to, mended === year ? score : score * 0.5);
  };

  // A month comb holds two digits. When OCR garbled the Year label, the year's digits follow
  // in this span: the two (or four) after the month's are the year.
  const readMonth = (digits: string, from: Pos, to: Pos, score: number) => {
    const monthDigits = digits.length > 2 ? digits.slice(0, 2) : digits;
    // A month's leading zero read as the 6, 8 or 9 it looks like ("9 4" for 04), unsurely.
    const zeroMisread = /^[689][1-9]$/.test(monthDigits);
    const month = monthDigits ? Number(zeroMisread ? monthDigits.slice(1) : monthDigits) : Number.NaN;
    if (month >= 1 && month <= 12) {
      record.issuer.incorporation.month = month;
      r.evidence('issuer.incorporation.month', monthDigits, from, to, zeroMisread ? score * 0.5 : score);
      yearAfterMonth = { digits: digits.slice(2), from, to, score: score * 0.9 };
    }
  };
  // A G alone in a comb's cell is a zero's broken ring, or the 6 it looks like: where the zero
  // makes no month ("O G" for 06), the 6, unsurely.
  const readMonthComb = (text: string, from: Pos, to: Pos, score: number) => {
    readMonth(digitsOnly(text, 6), from, to, score);
    if (record.issuer.incorporation.month === null && /(?<!\S)G(?!\S)/.test(text))
      readMonth(digitsOnly(text.replace(/(?<!\S)G(?!\S)/g, '6'), 6), from, to, score * 0.5);
  };

  anchors.forEach((anchor, i) => {
    const span = r.valueSpan(anchors, i, range);
    const { from, to } = span;
    const score = anchor.match.score;
    switch (anchor.name) {
      case 'nameOfOffering':
        // The title of the securities offered is common words ("Limited Partnership Interests",
        // "Series A Preferred Stock Financing"): mended as prose.
        record.filing.offeringName = r.prose(
          r.setText('filing.offeringName', from, to, score, false, span.text),
          from,
        );
        break;
      case 'filingUnder':
        readExemptions(r, from, to);
        break;
      case 'typeOfFiling':
        readTypeOfFiling(r, from, to);
        break;
      case 'nameOfIssuer':
        record.issuer.name = r.setText('issuer.name', from, to, score, false, span.text);
        break;
      case 'executiveAddress': {
        // The telephone's label garbled past finding, its number beside the address is read by
        // place, and its column is no part of the address.
        const beside = anchors[i + 1]?.name === 'telephone' ? null : phoneBeside(r, anchor, to);
        const own = beside ? r.valueSpan(anchors, i, range, beside.x) : span;
        const text = r.setText('issuer.address', own.from, own.to, score, true, own.text);
        record.issuer.address = splitAddress(text);
        if (text) recordAddressParts(r, 'issuer.address');
        if (beside) {
          const end = { line: beside.from.line, col: r.doc.lines[beside.from.line]?.text.length ?? 0 };
          const read = r.setText('issuer.phone', beside.from, end, score * BY_PLACE_OF_PHONE);
          record.issuer.phone = read === null ? null : usPhone(read);
          telephones++;
        }
        break;
      }
      case 'principalAddress': {
        // An address has a street number or a ZIP code: OCR's reading with no figure is the rest of
        // the label garbled ("al different from Executive, Ollicesy"), the box left blank.
        const path = 'issuer.principalBusinessAddress';
        const text = figuredOrNone(r, path, r.setText(path, from, to, score, true, span.text), from);
        record.issuer.principalBusinessAddress = splitAddress(text);
        if (text) recordAddressParts(r, path);
        break;
      }
      case 'telephone': {
        const first = telephones++ === 0 && (principalAt < 0 || i < principalAt);
        const path = first ? 'issuer.phone' : 'issuer.principalBusinessPhone';
        // OCR's reading with no figure is the end of the label ("{Including"), no number.
        const read = figuredOrNone(
          r,
          path,
          r.setText(path, from, to, score, false, phoneLines(span.text)),
          from,
        );
        const phone = read !== null && r.doc.readByOcr(from.line) ? usPhone(read) : read;
        if (path === 'issuer.phone') record.issuer.phone = phone;
        else record.issuer.principalBusinessPhone = phone;
        break;
      }
      case 'businessDescription':
        record.issuer.businessDescription = r.prose(
          r.setText('issuer.businessDescription', from, to, score, true, span.text),
          from,
        );
        break;
      case 'businessOrganization': {
        const readings = r.options(
          ENTITY_LABELS.map(() => ''),
          ENTITY_LABELS,
          from,
          to,
        );
        const chosen = r.exclusive('Type of Business Organization', readings, 'issuer.entityType');
        if (chosen !== null) {
          record.issuer.entityType = ENTITY_TYPES[chosen] ?? null;
          const reading = readings[chosen];
          if (record.issuer.entityType === 'other' && reading?.match) {
            record.issuer.entityTypeOther = r.prose(
              r.setText(
                'issuer.entityTypeOther',
                reading.match.end,
                to,
                1,
                false,
                r.textInColumn(reading.match, to),
              ),
              reading.match.end,
              { capitalStart: false },
            );
          }
        }
        break;
      }
      case 'incorporationDate': {
        // Actual/Estimated boxes follow the year; read them over the rest of the date block.
        const jurisdiction = anchors.find((a) => a.name === 'jurisdiction');
        const end = jurisdiction?.match.start ?? to;
        const readings = r.options(['', ''], ['actual', 'estimated'], from, end);
        const chosen = r.exclusive('Actual or Estimated', readings, 'issuer.incorporation.actual');
        if (chosen !== null) record.issuer.incorporation.actual = chosen === 0;
        // The Month label garbled past finding ("Moh 1 1 yew 9 2", or lost: "O G Yer 2001"): the
        // combs follow this label all the same, the month's before a word like "Year", the year's
        // after it (where the Year label was not found either), read less surely.
        if (!labelled.has('month')) {
          const combs = incorporationCombs(span.text);
          readMonthComb(combs.month, from, to, score * BY_PLACE_OF_COMB);
          if (!labelled.has('year') && combs.year !== null)
            yearAfterMonth = { digits: digitsOnly(combs.year), from, to, score: score * BY_PLACE_OF_COMB };
        }
        break;
      }
      case 'month':
        readMonthComb(span.text, from, to, score);
        break;
      case 'year':
        setYear(digitsOnly(span.text), from, to, score);
        break;
      case 'jurisdiction': {
        const raw = r.setText('issuer.jurisdiction', from, to, score, false, jurisdictionText(span.text));
        const code = jurisdictionCode(raw ?? '');
        record.issuer.jurisdiction = code?.code ?? null;
        const field = r.recorder.fields['issuer.jurisdiction'];
        if (record.issuer.jurisdiction === null) delete r.recorder.fields['issuer.jurisdiction'];
        // A code made of digits read for their look-alike letters is a guess: a person checks it.
        else if (field && code?.guessed) field.confidence *= 0.7;
        break;
      }
      default:
        break;
    }
  });
  if (record.issuer.incorporation.year === null && yearAfterMonth) {
    const { digits, from, to, score } = yearAfterMonth;
    setYear(digits, from, to, score);
  }
  // The Type of Filing label found on a line OCR read twice, the second time as junk under the
  // first ("of Filing: ☒ New Filing ☐ Amendment", then "Typeoffiling: NewTling"): its boxes are
  // on the line that has them. (Boxes read at the label, none or both checked, are its answer.)
  const typeOfFilingDoubtful = r.doubtful.some((d) => d.startsWith('checkbox:Type of Filing'));
  if (labelled.has('typeOfFiling') && record.filing.isAmendment === null && !typeOfFilingDoubtful) {
    const line = groupLine(r, range, 2, /\bAmendment\s*$/i);
    if (line) readTypeOfFiling(r, line.from, line.to);
  }
}

/**
 * The text of the jurisdiction's comb in its span. Where OCR garbled the start of the label's long
 * wording, the rest of it comes first ("...for State: CN for Canada; FN for other foreign
 * jurisdiction)"): the comb follows its closing bracket or the line it ends, or ends one of its
 * lines after a column's gap, or stands among its lines, the one code in capitals that no word of
 * running text ("for") follows (or, failing one, the one pair of capitals a letter OCR confuses
 * with another makes a code, "LL" for IL).
 */
function jurisdictionText(read: string): string {
  // A speck read in a column of its own before the comb ("jurisdiction) <tab> ’ <tab> D E") is
  // no column.
  const span = read.replace(/(^|\t)[^\S\n]*[^\p{L}\d\s]{1,3}[^\S\n]*(?=\t)/gu, '$1');
  const first = singleLine(span);
  if (first !== null && jurisdictionCode(first)) return span;
  const lines = span.split('\n');
  const end = lines.findIndex((line) => /jurisdiction\s*\)|foreign/i.test(line));
  const last = lines[end];
  if (last === undefined) return span;
  const after = last.slice(last.lastIndexOf(')') + 1).trim() || (lines[end + 1] ?? '').trim();
  if (jurisdictionCode(after)) return after;
  // The comb beside one of the label's lines, after a column's gap ("... for State: <tab> D E",
  // "... jurisdiction} <tab> D E" with the bracket misread).
  for (const line of lines.slice(0, end + 1)) {
    const comb = /\t\s*([A-Za-z\d]\s?[A-Za-z\d])\s*$/.exec(line)?.[1];
    if (comb && jurisdictionCode(comb)) return comb;
  }
  const words = lines
    .slice(0, end + 1)
    .join(' ')
    .split(/[^A-Za-z]+/);
  const standing = words.filter((w, i) => /^[A-Z]{2}$/.test(w) && !/^[a-z]{2,4}$/.test(words[i + 1] ?? ''));
  const codes = new Set(standing.filter(isJurisdiction));
  // Failing a code, one a letter OCR confuses with another makes ("LL" for IL).
  const near = new Set(standing.filter((w) => lookalikeCode(w, isJurisdiction) !== null));
  const found = codes.size ? codes : near;
  const [only] = found;
  return found.size === 1 && only ? only : span;
}

/** Digits a comb's letters are misread as, each to the letter it stands for. */
const LETTER_FOR_DIGIT: Record<string, string> = {
  '0': 'O',
  '1': 'I',
  '2': 'Z',
  '3': 'E',
  '4': 'A',
  '5': 'S',
  '6': 'G',
  '7': 'T',
  '8': 'B',
};

/**
 * The two-letter code of the jurisdiction box. Where OCR read a letter as a digit ("D3"), the code
 * with the digit read as its look-alike letter is taken only when it is a real code, and marked a guess.
 */
function jurisdictionCode(raw: string): { code: string; guessed: boolean } | null {
  const letters = raw.replace(/[^A-Za-z]/g, '').toUpperCase();
  if (letters.length === 2) {
    if (isJurisdiction(letters)) return { code: letters, guessed: false };
    // No such code: one letter OCR confuses with another ("DF" for DE, "HT" for HI) may make one.
    return { code: lookalikeCode(letters, isJurisdiction) ?? letters, guessed: true };
  }
  const mixed = raw.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  if (mixed.length !== 2) return null;
  const code = [...mixed].map((ch) => LETTER_FOR_DIGIT[ch] ?? ch).join('');
  return isJurisdiction(code) ? { code, guessed: true } : null;
}

function isJurisdiction(code: string): boolean {
  return US_POSTAL_CODES.has(code) || FOREIGN_JURISDICTIONS.has(code);
}

/** How sure a date's comb read by its place after the date's label, its own label not found, is. */
const BY_PLACE_OF_COMB = 0.7;

/**
 * The text of the month's comb and of the year's, on the first line after the date's label with
 * letters or figures, where the Month label was not found: the year's after the first word a
 * letter or two off "Year" ("Yer", "yew"), the month's before it, less a word a letter or two off
 * "Month" ("Moh"). Without such a word it is all the month's, and the year's digits follow the
 * month's.
 */
function incorporationCombs(text: string): { month: string; year: string | null } {
  const head = (text.split(/[☒☐]/)[0] ?? '').split('\n').find((line) => /[\p{L}\d]/u.test(line)) ?? '';
  const tokens = head.split(/\s+/).filter(Boolean);
  const near = (token: string, word: string) =>
    /^\p{L}{3,6}$/u.test(token) && LevenshteinDistance(token.toLowerCase(), word) <= 2;
  const yearAt = tokens.findIndex((t) => near(t, 'year'));
  const before = (yearAt < 0 ? tokens : tokens.slice(0, yearAt)).filter((t) => !near(t, 'month'));
  return { month: before.join(' '), year: yearAt < 0 ? null : tokens.slice(yearAt + 1).join(' ') };
}

/**
 * What OCR reads for a typed 0 standing alone in a comb's cell: the letter O, a broken ring ("C",
 * "()", "rn", "n", "u"), or a symbol ("@", "Q"); and for a typed 1: I, l, |, "]" or "!".
 */
const ZERO_IN_A_CELL = /^(?:[OoQDCcGUu@]|\(\)?|\)|rn|n)$/;
const ONE_IN_A_CELL = /^[Il|\]![]$/;

/** Other figures OCR reads as a mark or letter alone in a comb cell ("1 9 & 6" is 1986). */
const FIGURE_IN_A_CELL: Record<string, string> = { '&': '8', B: '8', S: '5', s: '5', Z: '2', z: '2', g: '9' };

/** The first year an issuer may plausibly have been formed in, and the last year of paper filings. */
const EARLIEST_YEAR = 1800;
const LAST_FILING_YEAR = 2009;

/** The one year from 1900 to the last filing's that differs from `year` by one figure, or null. */
function yearOneFigureOff(year: number): number | null {
  const figures = String(year);
  if (figures.length !== 4) return null;
  const near = new Set<number>();
  for (let i = 0; i < 4; i++) {
    for (const d of '0123456789') {
      const y = Number(figures.slice(0, i) + d + figures.slice(i + 1));
      if (y !== year && y >= 1900 && y <= LAST_FILING_YEAR) near.add(y);
    }
  }
  return near.size === 1 ? ([...near][0] ?? null) : null;
}

/**
 * A comb's zeros OCR read as letters among its walls and figures ("|ojo|2"): in a token of figures,
 * walls and round letters alone, the round letters are zeros.
 */
function combZeros(token: string): string {
  return /[\d|]/.test(token) && /^[\d|oOQDj\][!]+$/.test(token) ? token.replace(/[oOQD]/g, '0') : token;
}

/** The digits of a short typed value, the words and marks around them ignored ("1 2" is 12). */
function digitsOnly(text: string, max = 4): string {
  // OCR reads a lone 0 or 1 in a comb cell as the letter O or I. The Actual and Estimated boxes
  // follow the year: what OCR read after the first of them is no digit of it ("0 6 ☒ 7").
  const tokens = (text.split(/[☒☐]/)[0] ?? '').split('\n').slice(0, 4).join(' ').split(/\s+/).filter(Boolean);
  // A comb's closing wall read as "|" after a whole two- or four-digit value is no 1 of it ("9 2 |"),
  // nor its opening wall before one ("| 9 7").
  const figures = (list: readonly string[]) => list.join('').replace(/\D/g, '').length;
  const last = tokens[tokens.length - 1] ?? '';
  if (/^[|\]!]$/.test(last) && [2, 4].includes(figures(tokens.slice(0, -1)))) tokens.pop();
  if (/^[|[!]$/.test(tokens[0] ?? '') && [2, 4].includes(figures(tokens.slice(1)))) tokens.shift();
  const firstLines = tokens
    .map((token) =>
      ZERO_IN_A_CELL.test(token)
        ? '0'
        : ONE_IN_A_CELL.test(token)
          ? '1'
          : (FIGURE_IN_A_CELL[token] ?? combZeros(token)),
    )
    .join(' ');
  const m = firstLines.match(/\d/g);
  return m ? m.join('').slice(0, max) : '';
}

/** The parts of an address share the provenance of the whole. */
function recordAddressParts(r: Reader, path: string): void {
  const whole = r.recorder.fields[path];
  delete r.recorder.fields[path];
  if (!whole) return;
  const address =
    path === 'issuer.address' ? r.record.issuer.address : r.record.issuer.principalBusinessAddress;
  if (!address) return;
  for (const [key, value] of Object.entries(address)) {
    if (value !== null) r.recorder.fields[`${path}.${key}`] = { ...whole, raw: whole.raw };
  }
}

/**
 * The issuer's telephone number where OCR garbled its label past finding ("shane (aslufing Aven"
 * for "Telephone Number (Including Area"): a telephone number that ends a line of the address's
 * span below its label (after the address's words or the label's garble, "[Mmmm (734) 779-3500")
 * and begins right of where the address's label ends, in the column the form prints beside the
 * address. Where it begins, with the x the address's lines are cut at; null where there is none.
 */
function phoneBeside(r: Reader, label: Anchor, to: Pos): { from: Pos; x: number } | null {
  const labelLine = r.doc.lines[label.match.end.line];
  if (!labelLine?.bbox || !r.doc.readByOcr(label.match.end.line)) return null;
  const right = labelLine.bbox[2];
  for (let line = label.match.end.line + 1; line < to.line; line++) {
    const { text, words, page } = r.doc.lines[line] ?? {};
    if (text === undefined || !words?.length || page !== labelLine.page) continue;
    const phone = PHONE_AT_END.exec(text);
    if (!phone?.[1]) continue;
    const col = phone.index + phone[0].length - phone[1].length;
    const first = words.find((w) => (w.start ?? 0) >= col);
    // The column begins at the line's first word past the label's end: the garble before the
    // number is the column's too.
    if (first && first.bbox[0] >= right)
      return {
        from: { line, col },
        x: Math.min(...words.flatMap((w) => (w.bbox[0] >= right ? [w.bbox[0]] : []))),
      };
  }
  return null;
}

/** A US telephone number that ends a line, a speck or two either side allowed. */
const PHONE_AT_END = /(?:^|\s)(\W{0,2}\(?\s*\d{3}\s*\)?\s*[-.]?\s*\d{3}\s*[-.\s]\s*\d{4}\W{0,2})$/;

/** How sure a telephone number read by its place beside the address, its label not found, is. */
const BY_PLACE_OF_PHONE = 0.7;

/**
 * A telephone number's lines from its first with figures enough for one: the end of its label OCR
 * set on a line of its own ("Area Code}", "(Including") is no number. Lines with too few figures
 * throughout are left as they are.
 */
function phoneLines(text: string): string {
  const lines = text.split('\n');
  const at = lines.findIndex((line) => (line.match(/\d/g) ?? []).length >= 7);
  return at > 0 ? lines.slice(at).join('\n') : text;
}

/**
 * A US telephone number OCR read with its area code in brackets, typed "(650) 801-6135": its three
 * groups of figures kept, the specks OCR read in its brackets and after it ("( 804) 239-2253 ce")
 * dropped. Anything else stays as read.
 */
export function usPhone(read: string): string {
  const m =
    /^[^\d(]{0,2}\(?\s*(\d{3})\s*\)?\s*[-.]?\s*(\d{3})\s*[-.]\s*(\d{4})(?!\d)(?:\s+\p{L}{1,3}|[.,'"’”]{1,3})?\s*$/u.exec(
      read,
    );
  // Typed without brackets ("650-801-6135"), it stays as typed, less a speck read after it.
  if (m) return /[()]/.test(read) ? `(${m[1]}) ${m[2]}-${m[3]}` : read.replace(/[.,'"’”]{1,3}\s*$/, '');
  // Its area code in brackets and seven figures after it, with a gap OCR put among them or its
  // hyphen read as one ("(213) 568 6476", "(816) 45 6-3726").
  const gapped = /^[^\d(]{0,2}\(\s*(\d{3})\s*\)\s*(\d[\d\s.-]*\d)\s*$/.exec(read);
  const seven = gapped?.[2]?.replace(/\D/g, '') ?? '';
  if (gapped && seven.length === 7) return `(${gapped[1]}) ${seven.slice(0, 3)}-${seven.slice(3)}`;
  // A number whose figures OCR read twice, as overlapping words ("(408) 8) 697- 697-693 3"): the
  // area code begins the reading and the number ends it, its gaps closed.
  const doubled = /^\((\d{3})\)\s.*?(\d{3})-(\d{4})$/.exec(read.replace(/(?<=[\d-])\s+(?=\d)/g, ''));
  return doubled && (read.match(/\d/g) ?? []).length > 10
    ? `(${doubled[1]}) ${doubled[2]}-${doubled[3]}`
    : read;
}
