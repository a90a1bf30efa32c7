import { comparePos, type Match, type Pos, type Range } from './form-text.js';
import { LABELS, type LabelName } from './labels.js';
import type { Reader } from './reader.js';
import { multiLine, singleLine } from './value-text.js';

const ROLE_LABELS: readonly LabelName[] = [
  'promoter',
  'beneficialOwner',
  'executiveOfficer',
  'director',
  'generalPartner',
];
const ROLE_KEYS = ['promoter', 'beneficialOwner', 'executiveOfficer', 'director', 'generalPartner'] as const;

/**
 * A.2: every filled block of related persons, in form order; blank blocks are not records. Filers
 * fill the blocks from the first: a block after the last one with a name or an address is blank,
 * whatever mark a scan's damage left in its boxes (the first block excepted: every filing names
 * someone).
 */
export function readRelatedPersons(r: Reader, range: Range): void {
  readBlocks(r, range);
  const persons = r.record.relatedPersons;
  // The form asks for one person at least: the first block stands, its name lost or not.
  while (persons.length > 1) {
    const last = persons[persons.length - 1];
    if (!last || last.name !== null || last.address !== null) break;
    persons.pop();
    const prefix = `relatedPersons.${persons.length}.`;
    for (const path of Object.keys(r.recorder.fields)) {
      if (path.startsWith(prefix)) delete r.recorder.fields[path];
    }
  }
}

/**
 * Where each block starts: its "Check Box(es) that Apply" label, or, where OCR garbled that label
 * past finding ("Check Boveesvihar Apply"), the row of boxes just above a "Full Name" label with no
 * start of its own since the name before it. Without that, every block after a lost label took
 * the next block's roles.
 */
function blockStarts(r: Reader, range: Range): Match[] {
  const starts = r.doc.findAll(LABELS.checkBoxesThatApply, range);
  const names = r.doc.findAll(LABELS.fullName, range);
  const found: Match[] = [];
  names.forEach((name, i) => {
    const previous = names[i - 1];
    const after = (p: Pos) => !previous || comparePos(p, previous.start) > 0;
    if (starts.some((s) => comparePos(s.start, name.start) < 0 && after(s.start))) return;
    const top = Math.max(range.from, name.start.line - ROWS_ABOVE_NAME);
    for (let line = name.start.line - 1; line >= top && after({ line, col: 0 }); line--) {
      if (!/[☐☒]/.test(r.doc.lines[line]?.text ?? '')) continue;
      found.push({ start: { line, col: 0 }, end: { line, col: 0 }, score: name.score });
      break;
    }
  });
  return [...starts, ...found].sort((a, b) => comparePos(a.start, b.start));
}

/** How many lines above a "Full Name" label its block's row of role boxes may stand (specks between). */
const ROWS_ABOVE_NAME = 3;

function readBlocks(r: Reader, range: Range): void {
  const starts = blockStarts(r, range);
  starts.forEach((start, i) => {
    const blockEnd: Pos = starts[i + 1]?.start ?? r.doc.endOf(range);
    // Labels are sought in their own block: a later block's label read exactly is not taken for
    // this one's, garbled ("Business of Residence Address {Number ...").
    const block: Range = { from: start.start.line, to: Math.min(blockEnd.line + 1, range.to) };
    const nameAt = r.find('fullName', block, start.end);
    const addressAt = nameAt ? r.find('businessAddress', block, nameAt.end) : null;
    const rolesEnd = nameAt && comparePos(nameAt.start, blockEnd) < 0 ? nameAt.start : blockEnd;
    const index = r.record.relatedPersons.length;
    const prefix = `relatedPersons.${index}`;

    const readings = r.options(
      ROLE_KEYS.map((k) => `${prefix}.roles.${k}`),
      ROLE_LABELS,
      start.end,
      rolesEnd,
    );
    const usableName = nameAt && comparePos(nameAt.start, blockEnd) < 0;
    const usableAddress = addressAt && comparePos(addressAt.start, blockEnd) < 0;
    const nameText = usableName
      ? withoutLabelRest(
          r.text(nameAt.end, r.onePage(nameAt.end, usableAddress ? addressAt.start : blockEnd)),
        )
      : '';
    const addressText = usableAddress ? r.text(addressAt.end, r.onePage(addressAt.end, blockEnd)) : '';
    const name = nameAt ? r.mended(singleLine(nameText), nameAt.end, `${prefix}.name`) : null;
    const address = addressAt ? r.mended(multiLine(addressText), addressAt.end, `${prefix}.address`) : null;
    const anyRole = readings.some((x) => x.checked);
    if (!name && !address && !anyRole) {
      for (const k of ROLE_KEYS) delete r.recorder.fields[`${prefix}.roles.${k}`];
      return;
    }
    const roles = Object.fromEntries(ROLE_KEYS.map((k, j) => [k, readings[j]?.checked ?? null])) as Record<
      (typeof ROLE_KEYS)[number],
      boolean | null
    >;
    r.record.relatedPersons.push({ name, address, roles });
    r.partlyRead(`${prefix}.roles`, readings, start.end);
    if (name && nameAt)
      r.setText(
        `${prefix}.name`,
        nameAt.end,
        usableAddress ? addressAt.start : blockEnd,
        nameAt.score,
        false,
        nameText,
      );
    if (address && addressAt) r.setText(`${prefix}.address`, addressAt.end, blockEnd, addressAt.score, true);
  });
}

/**
 * The name typed under its label, less the rest of the label's line where OCR garbled "(Last name
 * first, if individual)" past matching ("east nine tistat mdivadual"): lower-case words alone,
 * which no typed name is.
 */
function withoutLabelRest(text: string): string {
  const newline = text.indexOf('\n');
  const first = newline < 0 ? text : text.slice(0, newline);
  if (!/^[^\p{Lu}\d]*$/u.test(first)) return text;
  return newline < 0 ? '' : text.slice(newline + 1);
}
