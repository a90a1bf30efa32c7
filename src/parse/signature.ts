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
        const raw =
          r
            .text(from, to)
            .split('\n')
            .map((l) => l.trim())
            .find((l) => l !== '') ?? '';
        signature.date = parseDate(raw.replace(/^[:\s]+/, ''));
        if (signature.date) r.evidence('signature.date', raw, from, to, score);
      }
    });
  }
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
