import { LevenshteinDistance } from 'natural/lib/natural/distance/index.js';
import { MONTHS, parseDate } from '../record/dates.js';
import type { FieldProvenance } from '../record/schema.js';
import { inPaperEra } from '../rules/date-plausible.js';
import type { Range } from './form-text.js';
import type { LabelName } from './labels.js';
import type { Reader } from './reader.js';
import { isCommonWord } from './spelling.js';
import { lookalikeDigits, squeezeValue } from './value-text.js';

// The part headings are listed so that a label inside one ("FEDERAL SIGNATURE") is not taken for a field.
const SIGNATURE_ORDER: readonly LabelName[] = [
  'partD',
  'partE',
  'signatureIssuer',
  'signature',
  'date',
  'signer',
  'title',
];

type Copied = 'issuer' | 'signer' | 'title';
/** Longer than this, a "name" or "title" is printed prose that ran into an empty blank. */
const MAX_VALUE_LENGTH = 100;
const COPIED: Record<string, Copied> = { signatureIssuer: 'issuer', signer: 'signer', title: 'title' };

/** One reading of a value the form asks for more than once, with its provenance. */
interface Reading {
  value: string;
  field: FieldProvenance;
}

/**
 * Part D, the federal signature, and Part E's copy of it. The issuer's name, the signer and the
 * title are typed twice (the issuer's name three times, with A.1): the readings are compared, and
 * the one most of them agree on wins (see `agreed`). Part E fills what Part D leaves blank.
 */
/**
 * The signature table's one-word labels as OCR may read them beside a blank ("Sig e", "Signaturc",
 * "Datc"): no name or title is a short word that starts "Sign" or "Sig " ("Sigma" is a name).
 */
function tableLabel(value: string): boolean {
  const word = value.trim().toLowerCase();
  if (word.length > 10) return false;
  if (/^(?:s[il1]g(?:n|\s|$)[a-z\s]*|dat[ec])[.:]?$/.test(word)) return true;
  // Or the whole word misread a letter or two past that ("Siguture", "Sigpature").
  return /^s[il1]g[a-z]{4,6}$/.test(word) && LevenshteinDistance(word, 'signature') <= 2;
}

/**
 * A column's text with the table's labels OCR read on the labels' row left out: where it missed the
 * Signature label ("Issuer (Print or Type) <tab> Siguture <tab> Date"), the issuer's value would
 * begin with it.
 */
function withoutTableLabels(text: string): string {
  const [first = '', ...rest] = text.split('\n');
  const kept = first
    .split('\t')
    .map((part) => (tableLabel(part) ? '' : part))
    .join('\t');
  return [kept, ...rest].join('\n');
}

export function readSignature(r: Reader, partD: Range, partE: Range): void {
  const readings: Record<Copied, Reading[]> = { issuer: [], signer: [], title: [] };
  for (const range of [partD, partE]) {
    const anchors = r.anchorsAnyOrder(SIGNATURE_ORDER, range);
    const { signature } = r.record;
    anchors.forEach((anchor, i) => {
      const span = r.valueSpan(anchors, i, range);
      const { from, to } = span;
      const score = anchor.match.score;
      const copied = COPIED[anchor.name];
      if (copied) {
        const path = `signature.${copied}`;
        const kept = r.recorder.fields[path];
        const read = r.setText(path, from, to, score, false, withoutTableLabels(span.text));
        // A name or a title is a few words; a sentence there is the instruction printed below a blank.
        // The table's own labels beside the blank ("Signature", "Date") are no value either.
        const value = read !== null && read.length <= MAX_VALUE_LENGTH && !tableLabel(read) ? read : null;
        if (value === null && r.recorder.fields[path] !== kept) delete r.recorder.fields[path];
        const field = r.recorder.fields[path];
        if (value !== null && field && field !== kept) readings[copied].push({ value, field });
        // The first reading stands until the readings are compared.
        if (kept) r.recorder.fields[path] = kept;
        signature[copied] ??= value;
      } else if (anchor.name === 'date' && (signature.date === null || !plausibleDate(signature.date))) {
        // The column under (or the text after) the Date label: a row of the signature table
        // holds the issuer and the signature too. The label's own stop ("Date.") is no part of it.
        const raw =
          span.text
            .split('\n')
            .map((l) => l.split('\t').find((c) => c.trim() !== '') ?? '')
            .map((l) => l.trim())
            .find((l) => /[\p{L}\d]/u.test(l)) ?? '';
        // Nor is a speck after it read as a stop ("1/3/03:").
        const read = raw.replace(/^[:\s]+/, '').replace(/(\d)[:;,.'’]+$/, '$1');
        const exact = parseDate(read);
        const date = exact ?? parseMisreadDate(read);
        // The date is typed again under the state signature: a copy read as a date no Form D has
        // ("September 24, 2063") gives way to the next that reads as one.
        if (date === null || (signature.date !== null && !plausibleDate(date))) return;
        signature.date = date;
        // A date read only once OCR's slips were mended is less sure.
        r.evidence('signature.date', raw, from, to, exact ? score : score * 0.8);
      }
    });
  }
  if (r.record.signature.date === null) readUnlabelledDate(r, [partD, partE]);
  const { record } = r;
  const nameField = r.recorder.fields['issuer.name'];
  const issuerReadings = [...readings.issuer];
  if (record.issuer.name !== null && nameField)
    issuerReadings.push({ value: record.issuer.name, field: nameField });
  const issuer = agreed(issuerReadings);
  if (issuer) {
    record.signature.issuer = issuer.value;
    r.recorder.fields['signature.issuer'] = issuer.field;
    // A.1's reading, when it is the same name misread, takes the agreed one too.
    if (
      record.issuer.name !== null &&
      record.issuer.name !== issuer.value &&
      sameTextMisread(record.issuer.name, issuer.value)
    ) {
      record.issuer.name = issuer.value;
      r.recorder.fields['issuer.name'] = { ...issuer.field, raw: nameField?.raw ?? issuer.field.raw };
    }
  }
  for (const key of ['signer', 'title'] as const) {
    const chosen = agreed(readings[key]);
    if (!chosen) continue;
    record.signature[key] = chosen.value;
    r.recorder.fields[`signature.${key}`] = chosen.field;
  }
}

/** A date typed out whole, found by its shape: "July 10, 1999", "May. 24, 2008", "7/10/1999". */
const WHOLE_DATE =
  /\b(?:\p{L}{3,9}\.?\s*\d{1,2}(?:st|nd|rd|th)?,?\s*\d{4}|\d{1,2}\/\d{1,2}\/(?:\d{4}|\d{2}))(?!\d)/gu;

/** A date found by its shape, no label over it, is less sure than one read under its label. */
const BY_SHAPE = 0.7;

/**
 * Where OCR garbled the signature table's Date label past finding ("Das", "Die", "Dae"), the date
 * typed under it, found by its shape: the first whole date that a Form D can bear between the
 * issuer's label (or the part's start) and the signer's (or the part's end). The part's prose
 * cites rules, forms and statutes, never a whole date.
 */
function readUnlabelledDate(r: Reader, ranges: readonly Range[]): void {
  for (const range of ranges) {
    const from = r.find('signatureIssuer', range)?.start ?? { line: range.from, col: 0 };
    const to = r.find('signer', range, from)?.start ?? r.doc.endOf(range);
    for (let line = from.line; line <= to.line && line < r.doc.lines.length; line++) {
      const text = r.doc.lines[line]?.text ?? '';
      const start = line === from.line ? from.col : 0;
      const end = line === to.line ? to.col : text.length;
      for (const m of text.slice(0, end).matchAll(WHOLE_DATE)) {
        if (m.index < start) continue;
        const date = parseDate(m[0]);
        if (date === null || !plausibleDate(date)) continue;
        r.record.signature.date = date;
        const at = { line, col: m.index };
        r.evidence('signature.date', m[0], at, { line, col: m.index + m[0].length }, BY_SHAPE);
        return;
      }
    }
  }
}

/** Two readings close enough that they are one text, misread: at most a quarter of its letters differ. */
function sameTextMisread(a: string, b: string): boolean {
  const [x, y] = [squeezeValue(a), squeezeValue(b)];
  return LevenshteinDistance(x, y) <= Math.floor(Math.max(x.length, y.length) / 4);
}

/**
 * The reading the copies of a typed value agree on. Readings that are the same text (letters and
 * digits) vouch for each other: the largest such group wins, and its best-read member stands for
 * it, with the confidence that independent readings all being wrong the same way leaves. With no
 * two agreeing, the readings that are one text misread (a few letters apart) go to the surest, if
 * one is surer than the rest; readings of different texts are left as they were (null).
 */
function agreed(readings: readonly Reading[]): Reading | null {
  if (readings.length < 2) return null;
  const squeezed = readings.map((x) => squeezeValue(x.value));
  const whole = cutShort(readings, squeezed);
  if (whole) return whole;
  const groups = new Map<string, Reading[]>();
  readings.forEach((reading, i) => {
    const own = squeezed[i] ?? '';
    // A copy with the signature's scribble or a stamp read on after it ("Apex Works Inc Tons li
    // ha") is the copy it starts with.
    const shorter = squeezed
      .filter(
        (k) =>
          k.length >= 6 &&
          k.length < own.length &&
          own.length - k.length <= 15 &&
          own.startsWith(k) &&
          runsOnAfter(reading.value, k.length) &&
          !wholeWords(restAfter(reading.value, k.length) ?? ''),
      )
      .sort((a, b) => a.length - b.length)[0];
    const key = shorter ?? own;
    groups.set(key, [...(groups.get(key) ?? []), reading]);
  });
  const [largestKey, largest = []] = [...groups.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
  const surest = (group: readonly Reading[]) =>
    group.reduce((best, x) => (x.field.confidence > best.field.confidence ? x : best));
  if (largest.length >= 2) {
    // The group's text is the copy without the run-on; of those, the surest.
    const exact = largest.filter((x) => squeezeValue(x.value) === largestKey);
    const best = surest(exact.length ? exact : largest);
    const allWrong = largest.reduce((p, x) => p * (1 - x.field.confidence), 1);
    return {
      value: best.value,
      field: { ...best.field, confidence: Math.round((1 - allWrong) * 1000) / 1000 },
    };
  }
  const first = readings[0];
  if (!first || !readings.every((x) => sameTextMisread(x.value, first.value))) return null;
  // Only a reading surer than every other settles it; a tie leaves each copy as it was read.
  const best = surest(readings);
  return readings.some((x) => x !== best && x.field.confidence >= best.field.confidence) ? null : best;
}

/**
 * The copy the others were cut short of: where every reading is the start of the longest, or
 * the start of it with a scribble read on after the cut, and what the longest has after the
 * shortest is whole words (a name's last words or its suffix, "Partnership", "L.P."), the scribble
 * or the column's edge covered the end of the shorter copies. A copy with a scribble read on after
 * it has no such words after the name ("Tons li ha", "Limited rerio").
 */
function cutShort(readings: readonly Reading[], squeezed: readonly string[]): Reading | null {
  const lengths = squeezed.map((k) => k.length);
  const shortest = Math.min(...lengths);
  const head = squeezed[lengths.indexOf(shortest)] ?? '';
  // A copy cut short may have the scribble read on after it too: no whole words past the cut.
  const runOn = (i: number) =>
    (squeezed[i] ?? '').startsWith(head) && !wholeWords(restAfter(readings[i]?.value ?? '', shortest) ?? '');
  const whole = squeezed.flatMap((k, i) =>
    k.length > shortest &&
    k.startsWith(head) &&
    wholeWords(restAfter(readings[i]?.value ?? '', shortest) ?? '')
      ? [i]
      : [],
  );
  const longestAt = whole.sort((a, b) => (lengths[b] ?? 0) - (lengths[a] ?? 0))[0];
  if (longestAt === undefined || shortest < 6) return null;
  const longest = squeezed[longestAt] ?? '';
  const cut = squeezed.every((k, i) => longest.startsWith(k) || runOn(i));
  return cut ? (readings[longestAt] ?? null) : null;
}

/** Abbreviations that end an entity's name. */
const NAME_ENDINGS = new Set(['lp', 'llc', 'llp', 'ltd', 'inc', 'corp', 'co', 'na', 'plc']);

/** Whether a text is words a name may end with: common words, roman numerals, an entity's suffix. */
function wholeWords(text: string): boolean {
  const words = text
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase())
    .filter(Boolean);
  return (
    words.length > 0 &&
    words.every((w) => NAME_ENDINGS.has(w) || /^[ivx]+$/.test(w) || (w.length >= 3 && isCommonWord(w)))
  );
}

/** The text after its first `letters` letters and digits; null when it has fewer. */
function restAfter(text: string, letters: number): string | null {
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    if (/[\p{L}\p{N}]/u.test(text[i] ?? '')) seen++;
    if (seen === letters) return text.slice(i + 1);
  }
  return null;
}

/** Whether the text's first `letters` letters and digits end a word: what follows is words of its own. */
function runsOnAfter(text: string, letters: number): boolean {
  return /^[^\p{L}\p{N}]*\s/u.test(restAfter(text, letters) ?? '');
}

/**
 * A date as OCR misreads it: letters for digits beside digits ("l7", "2OO5"), a period for the
 * comma before the year ("June 17. 2005"), a month name one letter off ("Junc").
 */
export function parseMisreadDate(text: string): string | null {
  let mended = text
    .split(' ')
    .map((token) => (/\d/.test(token) && /^[\dOoIl|,./-]+$/.test(token) ? lookalikeDigits(token) : token))
    .join(' ')
    .replace(/(\d{1,2})\.\s*(\d{4})$/, '$1, $2')
    // A gap OCR put inside the year's four figures ("July 16, 2 000", "07/16/2 000").
    .replace(/(^|[\s,/-])(\d{1,3}) (\d{1,3})$/, (all, before: string, a: string, b: string) =>
      a.length + b.length === 4 ? `${before}${a}${b}` : all,
    );
  const word = /^([A-Za-z]{4,})/.exec(mended)?.[1];
  if (word) {
    const lower = word.toLowerCase();
    const month = MONTHS.find((m) => LevenshteinDistance(lower, m) <= 1);
    if (month && month !== lower) mended = month + mended.slice(word.length);
  }
  if (mended !== text) return parseDate(mended);
  return slashReadAsFigure(text);
}

/**
 * A typed "4/17/08" with one slash OCR read as a 1 or a 7 ("4717/08") or lost: the one date that
 * a figure read as a slash, or a slash put back, makes. Where two dates can be made ("4/1708" is
 * 4/1/08 or 4/17/08), it is left unread.
 */
function slashReadAsFigure(text: string): string | null {
  const token = text.trim();
  if (!/^\d{3,5}\/\d{2,4}$|^\d{1,2}\/\d{4,6}$/.test(token)) return null;
  const dates = new Set<string>();
  for (let i = 1; i < token.length; i++) {
    const candidates = [`${token.slice(0, i)}/${token.slice(i)}`];
    if (token[i] === '1' || token[i] === '7') candidates.push(`${token.slice(0, i)}/${token.slice(i + 1)}`);
    for (const candidate of candidates) {
      const date = parseDate(candidate);
      if (date) dates.add(date);
    }
  }
  return dates.size === 1 ? ([...dates][0] ?? null) : null;
}

/** E.1: is any party subject to the disqualification provisions of Rule 262? */
export function readStateDisqualification(r: Reader, partE: Range): void {
  // Where OCR lost the question's words (a heading's bar or a fold over them), its Yes and No are
  // the first of Part E, which asks nothing else.
  const from = r.find('e1', partE)?.end ?? { line: partE.from, col: 0 };
  const stop = r.find('signatureIssuer', partE, from)?.start ?? r.doc.endOf(partE);
  const readings = r.options(['', ''], ['yes', 'no'], from, stop);
  const chosen = r.exclusive('E.1 disqualification', readings, 'stateDisqualification');
  if (chosen !== null) r.record.stateDisqualification = chosen === 0;
}

/** A date a paper Form D can bear: signed in the form's era. */
function plausibleDate(iso: string): boolean {
  return inPaperEra(Number(iso.slice(0, 4)));
}
