import { NotFormDError, TruncatedFilingError } from '../errors.js';
import type { FormText, Pos, Range } from './form-text.js';
import { DISTINCTIVE, LABELS } from './labels.js';

/** Where each part of the form lies in the document's lines. */
export interface Sections {
  /** The cover page and A.1, up to the related persons. */
  cover: Range;
  /** A.2 related persons. */
  persons: Range;
  partB: Range;
  partC: Range;
  partD: Range;
  partE: Range;
  /** Parts of a scanned filing that were not found, and so read as empty. */
  unfound: string[];
}

export interface FindSectionsOptions {
  /** Lines read by OCR: a part whose heading and labels it garbled is unfound, not cut off. */
  readByOcr?: boolean;
}

/**
 * Finds the parts of the form. A document with too few of the form's distinctive labels is not
 * a Form D; one that has them but no signature part was cut off, unless it is a scan with pages
 * after its last part found, whose signature page OCR could not read.
 */
export function findSections(doc: FormText, options: FindSectionsOptions = {}): Sections {
  const found = DISTINCTIVE.filter((name) => doc.find(LABELS[name]) !== null);
  if (found.length < 4) {
    throw new NotFormDError(`found ${found.length} of the form's ${DISTINCTIVE.length} distinctive labels`);
  }
  const end = doc.lines.length;
  const lineOf = (name: keyof typeof LABELS, after = 0): number | null =>
    doc.find(LABELS[name], { from: after, to: end })?.start.line ?? null;

  // A part starts at its heading or at its first question, whichever comes first: a garbled
  // heading may be missed, or found fuzzily on a later page's running head.
  const first = (...lines: Array<number | null>): number | null => {
    const found = lines.filter((l): l is number => l !== null);
    return found.length ? Math.min(...found) : null;
  };
  const b = first(lineOf('partB'), lineOf('b1'));
  const c = first(
    lineOf('partC', b ?? 0),
    lineOf('c1', b ?? 0),
    lineOf('c1Heads', b ?? 0),
    securitiesRows(doc, b ?? 0),
  );
  // The attention notice follows Part D's signature box: a part found by it has lost its box's lines to Part C.
  let d = first(
    lineOf('partD', c ?? 0),
    lineOf('signatureIssuer', c ?? 0),
    lineOf('signer', c ?? 0),
    lineOf('attention', c ?? 0),
  );
  const unfound: string[] = [];
  if (d === null) {
    const reached = c !== null ? 'Part C' : b !== null ? 'Part B' : 'Part A';
    // A scan's later page whose headings OCR garbled is no cut-off filing: its other parts are read.
    if (!options.readByOcr || !pagesAfter(doc, c ?? b)) {
      throw new TruncatedFilingError(`it ends in ${reached}; the signature, Part D, is missing`);
    }
    unfound.push('Part D');
    d = end;
  }
  const e = d >= end ? null : first(lineOf('partE', d + 1), lineOf('e1', d + 1));
  const appendix = e === null ? null : headingLineOf(doc, 'appendix', e);

  // "Check box(es) that apply" also heads the exemptions on page 1: persons start after the issuer,
  // at a "Check Box(es) that Apply" with the roles after it (where OCR garbled the issuer's label,
  // the exemptions' comes first).
  const issuerAt = doc.find(LABELS.nameOfIssuer)?.end;
  const a2 = doc.find(LABELS.a2, { from: 0, to: b ?? end }, issuerAt)?.start.line;
  const firstPerson = a2 ?? firstRolesLine(doc, { from: 0, to: b ?? end }, issuerAt);
  const personsStart = firstPerson ?? b ?? c ?? d;
  const bStart = b ?? c ?? d;
  const cStart = c ?? d;
  return {
    cover: { from: 0, to: personsStart },
    persons: { from: personsStart, to: bStart },
    partB: { from: bStart, to: cStart },
    partC: { from: cStart, to: d },
    partD: { from: d, to: e ?? end },
    partE: { from: e ?? end, to: appendix ?? end },
    unfound,
  };
}

/**
 * The first "Check Box(es) that Apply" line whose roles follow it (Promoter, or another role where
 * OCR garbled that one), or the first such label where none shows its roles.
 */
function firstRolesLine(doc: FormText, range: Range, after: Pos | undefined): number | null {
  const labels = doc.findAll(LABELS.checkBoxesThatApply, range, after);
  const roles = [LABELS.promoter, LABELS.beneficialOwner, LABELS.executiveOfficer, LABELS.director];
  const withRoles = labels.find((m) => {
    const next = { from: m.start.line, to: Math.min(m.start.line + 2, range.to) };
    return roles.some((role) => doc.find(role, next, m.end) !== null);
  });
  return (withRoles ?? labels[0])?.start.line ?? null;
}

/** C.1's row labels, in form order. */
const SECURITIES_ROWS = ['debt', 'equity', 'convertible', 'partnership'] as const;

/** Rows of C.1 found this many lines apart at most are its table. */
const ROWS_APART = 4;

/**
 * Where Part C starts when OCR garbled its heading, its question and its column heads past finding
 * (the running head of a later page found instead): at C.1's first row label found after `after`
 * ("Debt", "Equity", "Convertible Securities", "Partnership Interests") that another of them
 * follows within a few lines. One row label alone is no table ("Limited Partnership Interests" may
 * be an offering's name).
 */
function securitiesRows(doc: FormText, after: number): number | null {
  const range = { from: after, to: doc.lines.length };
  const lines = SECURITIES_ROWS.map((name) => doc.find(LABELS[name], range)?.start.line ?? null)
    .filter((l): l is number => l !== null)
    .sort((x, y) => x - y);
  const start = lines.findIndex((line, i) => (lines[i + 1] ?? Number.POSITIVE_INFINITY) - line <= ROWS_APART);
  return start < 0 ? null : (lines[start] ?? null);
}

/** Whether the document has a page after the one holding the line. */
function pagesAfter(doc: FormText, line: number | null): boolean {
  if (line === null) return false;
  const page = doc.lines[line]?.page;
  const last = doc.lines[doc.lines.length - 1]?.page;
  return page !== undefined && page !== null && last !== undefined && last !== null && last > page;
}

/** The line of a heading: a match that starts its line ("See Appendix, Column 5" is no heading). */
function headingLineOf(doc: FormText, name: keyof typeof LABELS, after: number): number | null {
  const range = { from: after, to: doc.lines.length };
  let from: Pos | undefined;
  for (;;) {
    const match = doc.find(LABELS[name], range, from);
    if (!match) return null;
    const before = (doc.lines[match.start.line]?.text ?? '').slice(0, match.start.col);
    if (!/\p{L}{2,}/u.test(before)) return match.start.line;
    from = match.end;
  }
}
