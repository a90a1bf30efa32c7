import { LevenshteinDistance } from 'natural/lib/natural/distance/index.js';
import { parseDate } from '../record/dates.js';
import type { Range } from './form-text.js';
import type { LabelName } from './labels.js';
import type { Reader } from './reader.js';

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

/** Part D, the federal signature; Part E's copy fills what Part D leaves blank. */
export function readSignature(r: Reader, partD: Range, partE: Range): void {
  for (const range of [partD, partE]) {
    const anchors = r.anchorsAnyOrder(SIGNATURE_ORDER, range);
    const { signature } = r.record;
    anchors.forEach((anchor, i) => {
      const span = r.valueSpan(anchors, i, range);
      const { from, to } = span;
      const score = anchor.match.score;
      if (anchor.name === 'signatureIssuer' && signature.issuer === null) {
        signature.issuer = r.setText('signature.issuer', from, to, score, false, span.text);
      } else if (anchor.name === 'signer' && signature.signer === null) {
        signature.signer = r.setText('signature.signer', from, to, score, false, span.text);
      } else if (anchor.name === 'title' && signature.title === null) {
        signature.title = r.setText('signature.title', from, to, score, false, span.text);
      } else if (anchor.name === 'date' && signature.date === null) {
        // The column under (or the text after) the Date label: a row of the signature table
        // holds the issuer and the signature too.
        const raw =
          span.text
            .split('\n')
            .map((l) => l.split('\t').find((c) => c.trim() !== '') ?? '')
            .map((l) => l.trim())
            .find((l) => l !== '') ?? '';
        const read = raw.replace(/^[:\s]+/, '');
        const exact = parseDate(read);
        signature.date = exact ?? parseMisreadDate(read);
        // A date read only once OCR's slips were mended is less sure.
        if (signature.date) r.evidence('signature.date', raw, from, to, exact ? score : score * 0.8);
      }
    });
  }
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A date as OCR misreads it: letters for digits beside digits ("l7", "2OO5"), a period for the
 * comma before the year ("June 17. 2005"), a month name one letter off ("Junc").
 */
export function parseMisreadDate(text: string): string | null {
  let mended = text
    .split(' ')
    .map((token) =>
      /\d/.test(token) && /^[\dOoIl|,./-]+$/.test(token)
        ? token.replace(/[Oo]/g, '0').replace(/[Il|]/g, '1')
        : token,
    )
    .join(' ')
    .replace(/(\d{1,2})\.\s*(\d{4})$/, '$1, $2');
  const word = /^([A-Za-z]{4,})/.exec(mended)?.[1];
  if (word) {
    const month = MONTH_NAMES.find((m) => LevenshteinDistance(word.toLowerCase(), m.toLowerCase()) <= 1);
    if (month) mended = month + mended.slice(word.length);
  }
  return mended === text ? null : parseDate(mended);
}

/** E.1: is any party subject to the disqualification provisions of Rule 262? */
export function readStateDisqualification(r: Reader, partE: Range): void {
  const question = r.find('e1', partE);
  if (!question) return;
  const stop = r.find('signatureIssuer', partE, question.end)?.start ?? r.doc.endOf(partE);
  const readings = r.options(['', ''], ['yes', 'no'], question.end, stop);
  const chosen = r.exclusive('E.1 disqualification', readings, 'stateDisqualification');
  if (chosen !== null) r.record.stateDisqualification = chosen === 0;
}
