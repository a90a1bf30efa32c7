import { LevenshteinDistance, LevenshteinDistanceSearch } from 'natural/lib/natural/distance/index.js';
import type { Word } from '../ingest/lines.js';
import { unionBbox } from '../record/bbox.js';
import type { FormDRecord } from '../record/schema.js';
import { CHECKED, UNCHECKED } from './check-marks.js';
import { type OptionReading, readOptions } from './checkbox-groups.js';
import { comparePos, type FormText, type Match, type Pos, type Range } from './form-text.js';
import { LABELS, type LabelName } from './labels.js';
import { DASH_ZERO, type MoneyCell, readMoneyCells } from './money-cells.js';
import { FieldRecorder } from './provenance.js';
import { mendProse } from './spelling.js';
import {
  FORM_FOOTER_LINE,
  mendNameCase,
  mendOcrText,
  mendTitleCase,
  mendTitleWords,
  multiLine,
  singleLine,
  squeezeValue,
} from './value-text.js';

export interface Anchor {
  name: LabelName;
  match: Match;
}

/**
 * What every part parser shares: the document, the record being filled, the provenance of each
 * value, and the ways of reading a value after a label.
 */
export class Reader {
  readonly recorder = new FieldRecorder();
  /** Exclusive groups that read no box or two boxes: sent to review. */
  readonly doubtful: string[] = [];

  constructor(
    readonly doc: FormText,
    readonly record: FormDRecord,
  ) {}

  find(name: LabelName, range: Range, after?: Pos): Match | null {
    return this.doc.find(LABELS[name], range, after);
  }

  /** The labels found in the range, in document order, each at its first place after the previous one. */
  anchorsInOrder(names: readonly LabelName[], range: Range): Anchor[] {
    const out: Anchor[] = [];
    let after: Pos | undefined;
    for (const name of names) {
      const match = this.find(name, range, after);
      if (!match) continue;
      out.push({ name, match });
      after = match.end;
    }
    return out;
  }

  /**
   * The labels found in the range wherever they stand, sorted by place. Forms set fields side by
   * side in different orders; a label named twice is taken at its first two places.
   */
  anchorsAnyOrder(names: readonly LabelName[], range: Range): Anchor[] {
    const wanted = new Map<LabelName, number>();
    for (const name of names) wanted.set(name, (wanted.get(name) ?? 0) + 1);
    const found: Anchor[] = [];
    // More places than wanted: the first may be inside a heading ("FEDERAL SIGNATURE") or in
    // running prose ("the following signature constitutes").
    for (const [name, count] of wanted) {
      for (const match of this.doc.findAll(LABELS[name], range, undefined, count + 5, count)) {
        found.push({ name, match });
      }
    }
    found.sort((a, b) => comparePos(a.match.start, b.match.start));
    // A label found inside a longer one ("Signature" in "State Signature") is not a label there.
    const out = found.filter(
      (a) =>
        !found.some(
          (o) =>
            o !== a &&
            comparePos(o.match.start, a.match.start) <= 0 &&
            comparePos(o.match.end, a.match.end) >= 0 &&
            (comparePos(o.match.start, a.match.start) !== 0 || comparePos(o.match.end, a.match.end) !== 0),
        ),
    );
    // A label starts its box (a line, or a column after a wide gap): such places are taken first,
    // the others, in form order, only where too few of those; the anchors stay in form order.
    const chosen = new Set<Anchor>();
    for (const [name, count] of wanted) {
      const places = out.filter((a) => a.name === name);
      const starting = places.filter((a) => this.startsBox(a.match.start));
      const rest = places.filter((a) => !this.startsBox(a.match.start));
      for (const a of [...starting, ...rest].slice(0, count)) chosen.add(a);
    }
    return out.filter((a) => chosen.has(a));
  }

  /** Whether a place begins a line or a column (after a tab), ignoring marks, numbering and specks before it. */
  private startsBox(pos: Pos): boolean {
    const before = (this.doc.lines[pos.line]?.text ?? '').slice(0, pos.col);
    const cell = before.slice(before.lastIndexOf('\t') + 1);
    return (cell.match(/\p{L}/gu) ?? []).length <= 1;
  }

  /** Where the value after an anchor stops: the next anchor's start, or the end of the range. */
  stopAfter(anchors: readonly Anchor[], index: number, range: Range): Pos {
    return anchors[index + 1]?.match.start ?? this.doc.endOf(range);
  }

  /**
   * The value written for a label laid out in a box of the form: what follows it on its own line up
   * to the next label there, then the lines below, up to the next label on a later line. Where two
   * labels stand side by side (Address | Telephone), the lines below are cut at the second label's
   * place, so each label gets the words of its own column.
   */
  valueSpan(
    anchors: readonly Anchor[],
    index: number,
    range: Range,
    /** Where a column beside the value begins, its label not found: the lines below are cut there. */
    besideAt: number | null = null,
  ): { from: Pos; to: Pos; text: string } {
    const anchor = anchors[index];
    if (!anchor) return { from: this.doc.endOf(range), to: this.doc.endOf(range), text: '' };
    const line = anchor.match.end.line;
    const rest = anchors.slice(index + 1);
    const sameLine = rest.find((a) => a.match.start.line === line);
    const below = rest.find((a) => a.match.start.line > line);
    const end = below?.match.start ?? this.doc.endOf(range);
    const own = this.doc.lines[line]?.text ?? '';
    const parts = [own.slice(anchor.match.end.col, sameLine ? sameLine.match.start.col : own.length)];
    const left = this.xAt(line, anchor.match.start.col);
    const previous = anchors.slice(0, index).findLast((a) => a.match.start.line === line);
    const right = sameLine ? this.xAt(line, sameLine.match.start.col) : besideAt;
    for (let i = line + 1; i <= end.line && i < this.doc.lines.length; i++) {
      const text =
        i === end.line ? (this.doc.lines[i]?.text ?? '').slice(0, end.col) : (this.doc.lines[i]?.text ?? '');
      if (i === end.line && end.col === 0) break;
      // No value stands above its label: a line the layout set after the label that lies above it
      // on the page is another column's (the OMB box beside the form's title).
      if (this.above(i, line)) continue;
      parts.push(this.inColumn(i, text, previous && left !== null ? left : null, right));
    }
    return { from: anchor.match.end, to: end, text: parts.join('\n') };
  }

  /** Whether an OCR line lies wholly above another on the same page. */
  private above(line: number, other: number): boolean {
    const a = this.doc.lines[line];
    const b = this.doc.lines[other];
    return !!a?.bbox && !!b?.bbox && a.page === b.page && a.bbox[3] < b.bbox[1];
  }

  /** The pixel x of a character of a line built from OCR words; null for a transcription. */
  private xAt(line: number, col: number): number | null {
    const words = this.doc.lines[line]?.words;
    if (!words?.length) return null;
    const word = words.findLast((w) => (w.start ?? 0) <= col) ?? words[0];
    return word ? word.bbox[0] : null;
  }

  /** The words of an OCR line whose middle lies between two x positions (either may be open). */
  private inColumn(line: number, text: string, left: number | null, right: number | null): string {
    const words = this.doc.lines[line]?.words;
    if (!words?.length || (left === null && right === null)) return text;
    // A little slack: typed values start a few pixels left of their label.
    const slack = 30;
    return words
      .filter((w) => {
        const mid = (w.bbox[0] + w.bbox[2]) / 2;
        return (left === null || mid >= left - slack) && (right === null || mid < right - slack);
      })
      .map((w) => w.text)
      .join(' ');
  }

  text(from: Pos, to: Pos): string {
    return this.doc.between(from, to);
  }

  /**
   * The text after a label, as typed in the label's own column: the rest of the label's line where
   * it holds a value, else, on OCR lines, the words of the lines below that stand under the label
   * (an "other (please specify)" option in a three-column group has its value under it, beside
   * the next row's options). A transcription keeps its text as it is.
   */
  textInColumn(label: Match, to: Pos): string {
    const line = this.doc.lines[label.end.line];
    const rest = (line?.text ?? '').slice(label.end.col);
    const all = this.text(label.end, this.onePage(label.end, to));
    const labelWord = line?.words?.find((w) => (w.start ?? -1) >= label.start.col);
    if (!labelWord || /\p{L}.*\p{L}/u.test(rest)) return all;
    const height = labelWord.bbox[3] - labelWord.bbox[1];
    const below: string[] = [];
    for (let i = label.end.line + 1; i <= to.line && i < this.doc.lines.length; i++) {
      const words = this.doc.lines[i]?.words;
      if (!words || (i === to.line && to.col === 0)) break;
      const under = words.filter(
        (w) => w.bbox[0] >= labelWord.bbox[0] - 2.5 * height && (i < to.line || (w.start ?? 0) < to.col),
      );
      if (under.length) below.push(under.map((w) => w.text).join(' '));
    }
    return below.length ? `${rest}\n${below.join('\n')}` : all;
  }

  /**
   * Where a value that starts at `from` must end, at the latest: `to`, or the end of `from`'s page.
   * A box of the form never runs onto the next page, whose running head and footer are no value.
   */
  onePage(from: Pos, to: Pos): Pos {
    const page = this.doc.lines[from.line]?.page;
    if (page === undefined || page === null) return to;
    for (let line = from.line + 1; line < to.line; line++) {
      const other = this.doc.lines[line]?.page;
      if (other !== undefined && other !== null && other !== page) return { line, col: 0 };
    }
    return to;
  }

  /** Sets a text value read between two places, with its provenance. */
  setText(path: string, from: Pos, to: Pos, score: number, multi = false, text?: string): string | null {
    const raw = text ?? this.text(from, this.onePage(from, to));
    // OCR splits a label's words over lines; a transcription keeps a label on its line.
    const ocr = this.doc.readByOcr(from.line);
    const value = multi ? multiLine(ocr ? withoutLabelStarts(raw) : raw) : singleLine(raw);
    const mended = value === null ? null : this.mended(value, from, path);
    if (value === null || mended === null) return null;
    this.evidence(path, value, from, to, score);
    return mended;
  }

  /**
   * A text value read from lines with word boxes is OCR's: its character slips are mended (after
   * its words are found), and a "value" that is the form's own printed words, a label OCR garbled
   * past finding ("States in Which Person Tisted Has Solicited"), or specks, is no value.
   */
  mended(value: string | null, from: Pos, path = ''): string | null {
    if (value === null || !this.doc.readByOcr(from.line)) return value;
    // Specks read as "*" or "~" are not a value either.
    if ((value.match(/[\p{L}\d]/gu) ?? []).length < 2 || echoesLabel(value)) return null;
    const read = mendOcrText(value);
    // A name asked for last name first, its comma lost to OCR ("Ross Eric T."): a middle initial
    // ends a name only when the last name comes first.
    const mended = /^(?:relatedPersons|offering\.salesCompensation)\.\d+\.name$/.test(path)
      ? read.replace(/^(\p{Lu}[\p{Ll}'’-]+) (?=\p{Lu}\p{Ll}+ \p{Lu}\.$)/u, '$1, ')
      : read;
    if (path === 'signature.title') return mendTitleCase(mendTitleWords(mended));
    const kind = caseKind(path, mended);
    return kind ? mendNameCase(mended, kind) : mended;
  }

  /**
   * Prose OCR read (a description of a business or of securities, a use of proceeds) with its
   * garbled common words mended; a transcription's prose is as typed.
   */
  prose(value: string | null, from: Pos, { capitalStart = true } = {}): string | null {
    if (value === null || !this.doc.readByOcr(from.line)) return value;
    const mended = mendProse(value);
    // A title or a description is typed with a capital first, which OCR may read small
    // ("provider of ...", "research and development"); an entity type named after "other" may be
    // typed small ("limited liability company"), and is left as read.
    return capitalStart ? mended.replace(/^\p{Ll}(?=\p{Ll}{2})/u, (c) => c.toUpperCase()) : mended;
  }

  /**
   * Records provenance for a value set by a part parser. On OCR lines the value's own words give
   * its box and confidence (the least sure word), times how surely its label was found.
   */
  evidence(path: string, raw: string, from: Pos, to: Pos, confidence: number): void {
    const words = this.wordsOf(raw, from, to);
    if (words.length) {
      const page = words[0]?.page ?? null;
      const marks = words.filter((w) => w.word.text === CHECKED || w.word.text === UNCHECKED);
      this.recorder.record(path, {
        raw,
        lines: [],
        // A check box's value is its mark: how OCR read the option's printed words does not change it.
        confidence: confidence * Math.min(...(marks.length ? marks : words).map((w) => w.word.confidence)),
        page,
        bbox: unionBbox(words.map((w) => w.word.bbox)) ?? undefined,
      });
      return;
    }
    const end = comparePos(to, from) > 0 && to.col === 0 ? { line: to.line - 1, col: 0 } : to;
    const lines = this.doc.linesOf(from, end);
    const head = raw.trim().split(/[\s,]/)[0] ?? '';
    // A value split over segments ("1 **2**") is in no one line: take the first with text after the label.
    const firstWithText =
      lines.find((l) => head === '' || l.text.includes(head)) ??
      lines.find((l, i) => (i === 0 ? l.text.slice(from.col) : l.text).trim() !== '');
    this.recorder.record(path, {
      raw,
      lines: firstWithText ? [firstWithText] : lines.slice(0, 1),
      confidence,
    });
  }

  /** The OCR words between two places whose text is part of the value. */
  private wordsOf(raw: string, from: Pos, to: Pos): Array<{ word: Word; page: number | null }> {
    const value = squeezeValue(raw);
    // A dash for zero ("$ -") has no letter or figure: its words are the dashes.
    const dash = value === '' && /[-–—=]/.test(raw);
    if (value === '' && !dash) return [];
    const out: Array<{ word: Word; page: number | null }> = [];
    for (let i = from.line; i <= to.line && i < this.doc.lines.length; i++) {
      const line = this.doc.lines[i];
      if (!line?.words) continue;
      const a = i === from.line ? from.col : 0;
      const b = i === to.line ? to.col : Number.POSITIVE_INFINITY;
      for (const word of line.words) {
        const start = word.start ?? -1;
        if (start < a || start >= b) continue;
        const w = squeezeValue(word.text);
        if (dash ? DASH_ZERO.test(word.text) : w !== '' && value.includes(w))
          out.push({ word, page: line.page });
      }
    }
    return out;
  }

  /** Reads a group of check boxes; records each checked/unchecked option that has a mark. */
  options(paths: readonly string[], labels: readonly LabelName[], from: Pos, to: Pos): OptionReading[] {
    const readings = readOptions(
      this.doc,
      labels.map((l) => LABELS[l]),
      from,
      to,
    );
    readings.forEach((reading, i) => {
      const path = paths[i];
      if (!path || reading.checked === null || !reading.span) return;
      this.evidence(path, reading.raw, reading.span.from, reading.span.to, reading.confidence);
    });
    return readings;
  }

  /**
   * On OCR lines, a value the form prints a place for that nothing was read in: a row of a dollar
   * table with no cell at all (not even its printed "$"), a box of a group whose other boxes were
   * read. A blank the filer left shows its "$" or its empty box; this is a value missed, and a
   * person must look.
   */
  unread(what: string, at: Pos): void {
    if (this.doc.readByOcr(at.line)) this.doubtful.push(`unread:${what}`);
  }

  /** A multi-choice group (exemptions, roles) with some boxes read and some not found: one goes to review. */
  partlyRead(group: string, readings: readonly OptionReading[], at: Pos): void {
    const missing = readings.filter((x) => x.checked === null).length;
    if (missing > 0 && missing < readings.length)
      this.unread(`${group}: ${missing} of ${readings.length} boxes`, at);
  }

  /** An exclusive group (Yes/No, Actual/Estimated) reads one box; anything else goes to review. */
  exclusive(group: string, readings: readonly OptionReading[], path?: string): number | null {
    const marked = readings.flatMap((r, i) => (r.checked ? [i] : []));
    // A box the pixels missed, read checked from OCR's junk, beside one the pixels saw marked: the
    // group has one answer, the box seen; the junk was the missed box's outline broken by a speck.
    const seen = marked.filter((i) => !readings[i]?.fromJunk);
    const checked = seen.length === 1 ? seen : marked;
    const anyMark = readings.some((r) => r.checked !== null);
    if (checked.length === 1) {
      const chosen = checked[0] ?? null;
      // The value the group stands for was read from the box chosen and its option.
      const reading = chosen === null ? undefined : readings[chosen];
      if (path && reading?.span) {
        this.evidence(path, reading.raw, reading.span.from, reading.span.to, reading.confidence);
      }
      return chosen;
    }
    // Every other box read empty beside one the pixels could not read (a mark spoiled its outline,
    // OCR read it as junk: "[ZI New Filing ☐ Amendment", "[# corporation"): the unread box is the
    // answer, unsurely, since every such question is answered.
    const unreadAt = readings.flatMap((r, i) => (r.checked === null ? [i] : []));
    const unread = readings[unreadAt[0] ?? -1];
    const empties = readings.filter((r) => r.checked === false);
    if (
      checked.length === 0 &&
      unreadAt.length === 1 &&
      unread?.match &&
      empties.length === readings.length - 1 &&
      path
    ) {
      const sureness = Math.min(...empties.map((r) => r.confidence));
      this.evidence(path, unread.raw, unread.match.start, unread.match.end, sureness * UNREAD_BOX_ANSWER);
      return unreadAt[0] ?? null;
    }
    if (anyMark)
      this.doubtful.push(
        `checkbox:${group}: ${checked.length === 0 ? 'no box' : 'more than one box'} checked`,
      );
    return null;
  }

  /** The dollar cells between two places; `columns`: how many the table's row has, when known. */
  cells(from: Pos, to: Pos, columns?: number): MoneyCell[] {
    // The next question's number ("3." before "Does the offering ...", with a speck before it:
    // "-3."; "5." read "So", a "$" and a zero) ends the span; it is no amount.
    // Nor is the form's number in a page footer the row runs over ("SEC 1972 (6/99)"), or the
    // page's number set between dashes ("-4-", which reads as a zero's dashes round a misread 0).
    // Nor is a speck read as a mark before the next row's label ("- Accounting Fees"): the span
    // ends at that label, so what it holds of the label's line lies left of any cell.
    // (What ends the span is looked for once the lines that are no cells' are out: a row at a
    // page's foot runs on over the page's number, "-5.", and the next page's heading.)
    const lines = this.text(from, to).split('\n');
    // Nor is what follows the page's footer: a row ends on its page, and the next page opens with
    // its heading, which OCR can read as a line of junk when the bar it is printed on stays dark.
    const footer = lines.findIndex((line, i) => i > 0 && FORM_FOOTER_LINE.test(line.trim()));
    const text = (footer > 0 ? lines.slice(0, footer) : lines)
      .filter((line) => !PAGE_NUMBER_LINE.test(line.trim()) && !isProse(line) && !isSpecks(line))
      // A line after the span's first that starts with words before its cells is the next row,
      // its label garbled past finding ("Sales Cunnnlssluns (spectly finders' fees separately)
      // <tab> ☐ $ <tab> 0:00"): the words are no part of a cell, and left in, they run into the
      // amount before them and spoil it.
      .map((line, i) => (i > 0 ? line.replace(ROW_LABEL_BEFORE_CELLS, '') : line))
      .join('\n')
      .replace(/\n\s*(?:[-–—~'‘’".,]\s?\d{1,2}\.|\d{1,2}\.?|[S5][o.,])\s*$/, '')
      .replace(/\n[^\S\n]*[-–—~'‘’".,_*•·|]+[^\S\n]*$/, '');
    return readMoneyCells(text, columns);
  }

  /** Sets a money value from a cell, its provenance, and its estimate box. */
  setMoney(path: string, cell: MoneyCell | undefined, from: Pos, to: Pos, confidence = 1): number | null {
    if (!cell) return null;
    if (cell.cents !== null)
      this.evidence(path, cell.raw, from, to, cell.readable ? confidence : confidence * 0.5);
    if (cell.estimated && path.startsWith('offering.')) {
      this.record.offering.estimated.push(path.slice('offering.'.length));
    }
    return cell.cents;
  }
}

/** How sure an unread box is the answer where the other of two was read empty. */
const UNREAD_BOX_ANSWER = 0.6;

/** Words (three letters or more, no figure, "$" or box) before a line's first tab. */
const ROW_LABEL_BEFORE_CELLS = /^(?=[^\t\d$☐☒]*\p{L}{3})[^\t\d$☐☒]+(?=\t)/u;

/** A page's number alone between dashes ("- 4 -"); never a zero, which a cell's "-0-" is. */
const PAGE_NUMBER_LINE = /^[-–—]\s*[1-9]\d?\s*[-–—]$/;

/**
 * A line of words, with no amount, "$" or dash (the running head of a page a table runs onto:
 * "C. OFFERING PRICE, NUMBER OF INVESTORS, ...", or the note under a table, "Answer also in
 * Appendix, Column 3, ..."): no part of a dollar cell, though a mark OCR read in it, or its words
 * after a cell's dash, would spoil the cell. A lone figure other than 0 among the words is no amount,
 * and makes a line of a word or two junk.
 */
function isProse(line: string): boolean {
  const words = line.replace(/(?<![\d,.])[1-9](?=[,.;:)]?(?:\s|$))/g, '');
  if (/[\d$]|(?:^|\s)[-–—]+(?=\s|$)/u.test(words)) return false;
  // The running head's capitals, however few of them OCR read ("~ C.OFFERING <tab> EXPENSES"), are
  // no cell's either; a zero written out in capitals ("NONE") is.
  const heading =
    /^(?:\p{Lu}{3,}[,.]?\s*)+$/u.test(words.trim().replace(/^[^\p{L}\d]*(?:\p{Lu}\.\s?)?/u, '')) &&
    /\p{Lu}{5,}/u.test(words) &&
    !/\b(?:NONE|ZERO|NIL)\b/.test(words);
  // A lone figure or two among words is what OCR made of a label's small print run through by a
  // line of it ("dhe 1 <tab> 1", under a two-line label): no figure of an amount.
  const junk = words !== line && /\p{L}{3,}/u.test(words) && !/\b(?:none|zero|nil)\b/i.test(words);
  return heading || junk || (words.match(/\p{L}{3,}/gu) ?? []).length >= 4;
}

/**
 * A line of a speck or two ("i", "'"), or of dots and quotes alone (a dot leader's ". <tab> .
 * <tab> .", the ends of a box's cross "’ ."), that OCR set after a row: read with the row, it ends
 * the row's amount early ("3,779 725 22 i" loses its cents, "$ - . . ." is no dash). A dash, a
 * "$", or a zero read as a letter ("Oo") or its dash misread ("=") is a cell's and stays.
 */
function isSpecks(line: string): boolean {
  const text = line.trim();
  if (/^[.,·'`‘’"“”]+(?:\s+[.,·'`‘’"“”]+)+$/.test(text)) return true;
  return text !== '' && text.length <= 2 && !/[\d$☐☒\-–—=~_oOQD]/.test(text);
}

/** Printed labels long enough that no filer's value reads like one by chance. */
const LONG_LABELS = Object.values(LABELS)
  .flat()
  .filter((text) => text.length >= 12)
  .map((text) => text.toLowerCase());

/**
 * A value's lines after its first, less any that is the start of a long label: OCR may set a
 * label's first words on a line of their own ("Type of" above "Business Organization").
 */
function withoutLabelStarts(raw: string): string {
  const lines = raw.split('\n');
  const first = lines.findIndex((l) => /[\p{L}\d]/u.test(l));
  return lines
    .filter((line, i) => {
      const text = line.trim().toLowerCase();
      // A label's first words are a short line.
      if (i <= first || text.length < 5 || text.length > 30) return true;
      return !LONG_LABELS.some(
        (label) =>
          label.length > text.length &&
          LevenshteinDistance(label.slice(0, text.length), text) <= Math.ceil(text.length / 4),
      );
    })
    .join('\n');
}

/**
 * The printed instructions in a label's brackets, which OCR may set apart from the label on a
 * line of their own; no filer's value has their words.
 */
const INSTRUCTIONS = [
  'print or type',
  'last name first',
  'number and street',
  'including area code',
  // Part D's and E's printed instruction and warning, under and beside the signature table.
  'signing representative',
  'criminal violations',
  'misstatements or omissions',
];

/** The signature table's own header, read as the value under it ("Sighature", "Signatur,"). */
const HEADERS = ['signature'];

/**
 * The value begins with one of the form's long labels, within a fifth of its letters misread,
 * holds one of its printed instructions ("Pant or Type"), or is a table header ("Sighature").
 */
function echoesLabel(value: string): boolean {
  const text = value.toLowerCase().replace(/^[^\p{L}\d]+/u, '');
  if (INSTRUCTIONS.some((words) => LevenshteinDistanceSearch(words, text).distance <= 3)) return true;
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (HEADERS.some((header) => LevenshteinDistance(letters, header) <= 2)) return true;
  if (
    LONG_LABELS.some(
      (label) =>
        label[0] === text[0] &&
        text.length >= label.length * 0.8 &&
        LevenshteinDistance(text.slice(0, label.length), label) <= Math.floor(label.length / 5),
    )
  )
    return true;
  const words = wordsOf(text);
  return LABEL_WORDS.some((label) => wordsEcho(words, label));
}

/** The long labels as words, those of four words or more. */
const LABEL_WORDS = LONG_LABELS.map(wordsOf).filter((words) => words.length >= 4);

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\d]+/gu) ?? [];
}

/**
 * Whether a value is a label garbled word by word ("Nano 1A ownd Broker or Dealer" for "Name of
 * Associated Broker or Dealer"): as many words, give or take one, and half the label's found in
 * it in order, each read right or with one letter wrong (a short word exactly), two of them words
 * of four letters or more.
 */
function wordsEcho(value: readonly string[], label: readonly string[]): boolean {
  if (Math.abs(value.length - label.length) > 1) return false;
  const long = (words: readonly string[]) => words.filter((w) => w.length >= 4);
  return (
    wordsInOrder(value, label) >= Math.max(3, Math.ceil(label.length / 2)) &&
    wordsInOrder(long(value), long(label)) >= 2
  );
}

/** How many of a label's words a value has in the label's order, each read right or nearly. */
function wordsInOrder(value: readonly string[], label: readonly string[]): number {
  const same = (a: string, b: string) =>
    a === b || (Math.min(a.length, b.length) >= 4 && LevenshteinDistance(a, b) <= 1);
  // The longest common subsequence, a row at a time.
  const row = new Array<number>(value.length + 1).fill(0);
  for (const word of label) {
    let diagonal = 0;
    for (let j = 1; j <= value.length; j++) {
      const above = row[j] ?? 0;
      row[j] = same(word, value[j - 1] ?? '') ? diagonal + 1 : Math.max(above, row[j - 1] ?? 0);
      diagonal = above;
    }
  }
  return row[value.length] ?? 0;
}

/**
 * What a text value is, for the case of its letters: a person's name (the signer, a related
 * person written last name first with no entity's suffix), an entity's name, an address; null for
 * other text (prose, titles, descriptions), whose case is as typed.
 */
function caseKind(path: string, value: string): 'person' | 'entity' | 'address' | null {
  if (/\.address$/.test(path)) return 'address';
  if (path === 'signature.signer') return 'person';
  if (/^relatedPersons\.\d+\.name$/.test(path)) {
    const entity =
      /\b(?:L\.?L\.?C|L\.?P|L\.?L\.?P|Inc|Corp|Ltd|Co|Company|Corporation|Partners|Fund|Trust|Associates|Holdings|Group|Capital|Ventures|Management)\b/i;
    return /^[^,]+, \p{L}/u.test(value) && !entity.test(value) ? 'person' : 'entity';
  }
  if (
    /^(?:issuer\.name|signature\.issuer|offering\.salesCompensation\.\d+\.(?:name|brokerDealer))$/.test(path)
  )
    return 'entity';
  return null;
}
