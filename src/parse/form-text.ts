import { LevenshteinDistanceSearch } from 'natural/lib/natural/distance/index.js';
import type { TextLine } from '../ingest/lines.js';
import { fold, isWordChar } from './fold.js';

/** A place in the text: index into the lines, and a character offset in that line. */
export interface Pos {
  line: number;
  col: number;
}

export interface Match {
  start: Pos;
  end: Pos;
  /** 1 for an exact match; lower for a fuzzy one. */
  score: number;
}

/** A half-open range of line indexes to search in. */
export interface Range {
  from: number;
  to: number;
}

/** A label of the form and the other ways printings and retyped versions word it. */
export type Label = readonly string[];

/** Below this similarity a fuzzy match is not a label. */
const MIN_SCORE = 0.8;
/** A label shorter than this keeps few of its trigrams when OCR misreads two of its letters. */
const SHORT_LABEL = 16;
/** A long wording carried on from an exact short one needs less: its first words are certain. */
const MIN_EXTEND_SCORE = 0.7;

/**
 * The lines of one filing, with label search over them. Labels are found by exact search on
 * folded text first, then by fuzzy substring search (Levenshtein) on lines that share enough
 * character trigrams with the label, so OCR-like typos (`Aggregate 0ffering Pr1ce`) still match.
 */
export class FormText {
  readonly folded: string[];
  private readonly trigrams: Array<Set<string> | undefined>;

  constructor(readonly lines: readonly TextLine[]) {
    this.folded = lines.map((l) => fold(l.text));
    this.trigrams = new Array(lines.length);
  }

  get all(): Range {
    return { from: 0, to: this.lines.length };
  }

  /** Whether a line is OCR's (its words carry boxes), not a transcription's or a text layer's. */
  readByOcr(line: number): boolean {
    return this.lines[line]?.words !== undefined;
  }

  /** The first match of any variant of the label in the range, at or after `after`. */
  find(label: Label, range: Range = this.all, after?: Pos): Match | null {
    return this.findAll(label, range, after, 1)[0] ?? null;
  }

  /** Every match of the label in the range, in document order. */
  findAll(
    label: Label,
    range: Range = this.all,
    after?: Pos,
    limit = Number.POSITIVE_INFINITY,
    /** With this many exact matches, fuzzy search is skipped. */
    enough = limit,
  ): Match[] {
    // Exact matches are cheap; fuzzy search is for labels OCR garbled, where exact ones fall short:
    // a label printed exactly somewhere ahead is taken there. (Taking a garbled copy before it
    // instead was tried: on the development scans it found as many values as it lost, in more time.)
    if (limit !== Number.POSITIVE_INFINITY) {
      const exact = this.scan(label, range, after, limit, false);
      if (exact.length >= enough) return exact;
    }
    return this.scan(label, range, after, limit, true);
  }

  private scan(label: Label, range: Range, after: Pos | undefined, limit: number, fuzzy: boolean): Match[] {
    const out: Match[] = [];
    const first = Math.max(range.from, after?.line ?? range.from);
    for (let i = first; i < range.to && out.length < limit; i++) {
      let col = after && i === after.line ? after.col : 0;
      for (;;) {
        const m = this.matchInLine(label, i, col, fuzzy);
        if (!m || out.length >= limit) break;
        out.push(m);
        col = m.end.col;
      }
    }
    return out;
  }

  private matchInLine(label: Label, line: number, fromCol: number, fuzzy: boolean): Match | null {
    const text = this.folded[line] ?? '';
    let best: Match | null = null;
    for (const needle of foldedVariants(label)) {
      const exact = findWord(text, needle, fromCol, this.lines[line]?.text ?? '');
      if (exact >= 0 && (!best || exact < best.start.col)) {
        best = { start: { line, col: exact }, end: { line, col: exact + needle.length }, score: 1 };
      }
    }
    if (best) return this.extended(label, this.garbledStart(label, best, fromCol) ?? best);
    if (!fuzzy) return best;
    // A wording that is another one with its printed instruction after it is for carrying a match
    // on (extended), not for finding one: two labels' instructions may be the same words.
    const variants = foldedVariants(label);
    variants.forEach((needle, i) => {
      const head = variants.find((w) => needle.startsWith(`${w} (`));
      const found = this.fuzzyInLine(needle, line, fromCol);
      // Unless its own words are there too, a letter or two off ("all Name (Last name first, if
      // individual)", where "Full Name" alone is too short to find so garbled).
      if (
        head !== undefined &&
        (!found || !headNear(head, text.slice(found.start.col, found.start.col + head.length + 2)))
      )
        return;
      const m = found && this.extended(label, found);
      if (!m || (best && m.score <= best.score)) return;
      if (!otherNumber(label[i] ?? '', this.lines[line]?.text.slice(m.start.col, m.end.col) ?? '')) best = m;
    });
    return best;
  }

  /**
   * A longer wording of the label that OCR garbled, begun before an exact match of a shorter one
   * and running into it ("Purchase. rental or leasing and installation of machinery and
   * equipment", where "machinery and equipment" is printed exactly): the label begins there, and
   * is as sure as the exact match.
   */
  private garbledStart(label: Label, exact: Match, fromCol: number): Match | null {
    const { line, col } = exact.start;
    // Most labels begin their line, or follow a bracket or a number: only words before it may be
    // the garbled start of a longer wording.
    const before = (this.folded[line] ?? '').slice(fromCol, col);
    if ((before.match(/\p{L}/gu) ?? []).length < 4) return null;
    let start: Match | null = null;
    for (const needle of foldedVariants(label)) {
      if (needle.length <= exact.end.col - col) continue;
      const found = this.fuzzyInLine(needle, line, fromCol);
      if (!found || found.start.col >= col || found.end.col <= col) continue;
      if (!start || found.start.col < start.start.col) start = found;
    }
    if (!start) return null;
    const end = start.end.col > exact.end.col ? start.end : exact.end;
    return { start: start.start, end, score: exact.score };
  }

  /**
   * A match of a label's short wording, carried on over a longer wording that OCR garbled ("Full
   * Name i Last name fest. il mdividualy"): the garbled rest is the label's, not the value's.
   */
  private extended(label: Label, match: Match): Match {
    const text = this.folded[match.start.line] ?? '';
    const from = match.start.col;
    let end = match.end.col;
    for (const needle of foldedVariants(label)) {
      if (needle.length <= end - from) continue;
      const window = text.slice(from, from + needle.length + 8);
      if (window.length < needle.length * 0.8) continue;
      const found = LevenshteinDistanceSearch(needle, window);
      if (found.offset > 1 || 1 - found.distance / needle.length < MIN_EXTEND_SCORE) continue;
      end = Math.max(end, from + found.offset + found.substring.length);
    }
    // A label ends at a word's end: a letter left over is the label's misread last letter (or
    // its closing bracket misread: "Issuer (Print or Typey").
    const midWord = isWordChar(text[end - 1]) && isWordChar(text[end]);
    if (end > match.end.col || midWord) while (isWordChar(text[end])) end++;
    return end === match.end.col ? match : { ...match, end: { line: match.end.line, col: end } };
  }

  private fuzzyInLine(needle: string, line: number, fromCol: number): Match | null {
    // Short labels ("Debt", "Yes") are matched exactly only: fuzzy short words match anything.
    if (needle.length < 6) return null;
    const hay = (this.folded[line] ?? '').slice(fromCol);
    // Printed labels sit on lines of their own size; long paragraphs are instructions.
    if (hay.length > needle.length * 4 + 160) return null;
    const grams = trigramsOf(needle);
    if (grams.size === 0 || hay.length < needle.length * 0.8) return null;
    const sharedShare = (have: Set<string>) => {
      let shared = 0;
      for (const g of grams) if (have.has(g)) shared++;
      return shared / grams.size;
    };
    // The whole line's trigrams (cached) bound those of its rest: most lines fail here, cheaply.
    // Two letters misread in a short word leave it few of its trigrams ("corparaton" shares 3 of
    // "corporation"'s 9): a short label asks fewer. Four letters misread in a long one (its score
    // allows a fifth of them) leave it about half ("Repaymen: of ndebwdness" shares 11 of 21).
    const least = needle.length < SHORT_LABEL ? 0.3 : 0.45;
    if (sharedShare(this.lineTrigrams(line)) < least) return null;
    if (fromCol > 0 && sharedShare(trigramSet(squeeze(hay))) < least) return null;
    const result = LevenshteinDistanceSearch(needle, hay);
    const score = 1 - result.distance / needle.length;
    if (score < MIN_SCORE) return null;
    const start = fromCol + result.offset;
    const end = start + result.substring.length;
    return { start: { line, col: start }, end: { line, col: end }, score };
  }

  private lineTrigrams(line: number): Set<string> {
    let grams = this.trigrams[line];
    if (!grams) {
      grams = trigramSet(squeeze(this.folded[line] ?? ''));
      this.trigrams[line] = grams;
    }
    return grams;
  }

  /** The text from one place to another, lines joined with newlines. */
  between(from: Pos, to: Pos): string {
    const parts: string[] = [];
    for (let i = from.line; i <= to.line && i < this.lines.length; i++) {
      const text = this.lines[i]?.text ?? '';
      const a = i === from.line ? from.col : 0;
      const b = i === to.line ? to.col : text.length;
      parts.push(text.slice(a, b));
    }
    return parts.join('\n');
  }

  /** The 1-based source line numbers covered by a span. */
  linesOf(from: Pos, to: Pos): TextLine[] {
    return this.lines.slice(from.line, Math.min(to.line + 1, this.lines.length));
  }

  endOf(range: Range = this.all): Pos {
    return { line: range.to, col: 0 };
  }
}

/**
 * Whether a fuzzy match names another number than its label: as many figures, other ones ("Rule
 * 506" is no misreading of "Rule 505"; labels that differ by a number differ by nothing else).
 */
function otherNumber(label: string, found: string): boolean {
  const want = label.replace(/\D/g, '');
  const got = found.replace(/\D/g, '');
  return want !== '' && got.length === want.length && got !== want;
}

/**
 * Exact search that starts and ends at word boundaries (so "no" is not found in "none"). A word
 * glued to a capitalised one by a converter ("ULOEType of Filing") still has its boundary.
 */
function findWord(text: string, needle: string, from: number, original: string): number {
  let at = text.indexOf(needle, from);
  while (at >= 0) {
    const end = at + needle.length;
    // A label never starts inside a hyphenated word: "accredited investors" is not in "non-accredited investors".
    const hyphenated = text[at - 1] === '-' && isWordChar(text[at - 2]);
    const startOk =
      !isWordChar(needle[0]) || (!isWordChar(text[at - 1]) && !hyphenated) || capitalStart(original, at);
    const endOk =
      !isWordChar(needle[needle.length - 1]) || !isWordChar(text[end]) || capitalStart(original, end);
    if (startOk && endOk) return at;
    at = text.indexOf(needle, at + 1);
  }
  return -1;
}

/** A capital followed by a small letter starts a word, whatever stands before it. */
function capitalStart(original: string, at: number): boolean {
  const ch = original[at] ?? '';
  const next = original[at + 1] ?? '';
  return /\p{Lu}/u.test(ch) && /\p{Ll}/u.test(next);
}

const foldedCache = new WeakMap<Label, string[]>();
const trigramCache = new Map<string, Set<string>>();

function foldedVariants(label: Label): string[] {
  let out = foldedCache.get(label);
  if (!out) {
    out = label.map(fold);
    foldedCache.set(label, out);
  }
  return out;
}

function trigramsOf(needle: string): Set<string> {
  let out = trigramCache.get(needle);
  if (!out) {
    out = trigramSet(squeeze(needle));
    trigramCache.set(needle, out);
  }
  return out;
}

function squeeze(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '');
}

function trigramSet(text: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 3 <= text.length; i++) out.add(text.slice(i, i + 3));
  return out;
}

export function comparePos(a: Pos, b: Pos): number {
  return a.line - b.line || a.col - b.col;
}

/** Whether a label's own words (before its instruction) stand at the start of `text`, a letter or two off. */
function headNear(head: string, text: string): boolean {
  return head.length >= 8 && LevenshteinDistanceSearch(head, text).distance <= 2;
}
