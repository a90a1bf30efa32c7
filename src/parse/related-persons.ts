import { comparePos, type Pos, type Range } from './form-text.js';
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

function readBlocks(r: Reader, range: Range): void {
  const starts = r.doc.findAll(LABELS.checkBoxesThatApply, range);
  starts.forEach((start, i) => {
    const blockEnd: Pos = starts[i + 1]?.start ?? r.doc.endOf(range);
    const nameAt = r.find('fullName', range, start.end);
    const addressAt = nameAt ? r.find('businessAddress', range, nameAt.end) : null;
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
      ? r.text(nameAt.end, r.onePage(nameAt.end, usableAddress ? addressAt.start : blockEnd))
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
      r.setText(`${prefix}.name`, nameAt.end, usableAddress ? addressAt.start : blockEnd, nameAt.score);
    if (address && addressAt) r.setText(`${prefix}.address`, addressAt.end, blockEnd, addressAt.score, true);
  });
}
