/** The fields of a filing in the form's own order, as the filing view shows them. */
import {
  type FieldProvenance,
  type Flag,
  type FormDRecord,
  formatCents,
  getPath,
  leafPaths,
} from '../record/index.js';
import { DEFAULT_CONFIDENCE_THRESHOLD, lineName } from '../rules/index.js';
import { type FieldKind, fieldKind } from './field-kinds.js';

/** Parts of the record that are bookkeeping, not boxes of the form. */
const NOT_FORM = ['schemaVersion', 'id', 'source', 'flags', 'fields', 'review', 'offering.estimated'];

export const isFormPath = (path: string) => !NOT_FORM.some((p) => path === p || path.startsWith(`${p}.`));

/** The part of the paper form a path belongs to, for labels. */
const PARTS: Array<[string, string]> = [
  ['filing.', 'Cover'],
  ['issuer.', 'A.1'],
  ['relatedPersons.', 'A.2'],
  ['offering.nonAccreditedSales', 'B.1'],
  ['offering.minimumInvestment', 'B.2'],
  ['offering.jointOwnership', 'B.3'],
  ['offering.salesCompensation.', 'B.4'],
  ['offering.securities.', 'C.1'],
  ['offering.investors.', 'C.2'],
  ['offering.expenses.', 'C.4.a'],
  ['offering.adjustedGrossProceeds', 'C.4.b'],
  ['offering.useOfProceeds.', 'C.5'],
  ['signature.', 'D'],
  ['stateDisqualification', 'E.1'],
];

const words = (key: string) =>
  key
    .replace(/([a-z])([A-Z0-9])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();

export function fieldLabel(path: string): string {
  const money = lineName(path);
  if (money !== path) return money;
  const part = PARTS.find(([prefix]) => path.startsWith(prefix))?.[1] ?? '';
  const rest = path
    .split('.')
    .slice(1)
    .map((k) => (/^\d+$/.test(k) ? `#${Number(k) + 1}` : words(k)));
  const tail = rest.length ? rest.join(' ') : words(path);
  return part ? `${part} ${tail}` : tail;
}

export interface FormField {
  path: string;
  label: string;
  kind: FieldKind;
  choices?: readonly string[];
  /** The value as a person writes it: amounts `28,634,072.04`, blank as ''. */
  text: string;
  value: string | number | boolean | null;
  provenance: FieldProvenance | null;
  /** Flags whose paths name this field, and low confidence: the reviewer should look. */
  attention: boolean;
  lowConfidence: boolean;
  flags: Flag[];
}

export function displayText(kind: FieldKind, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (kind === 'money' && typeof value === 'number') return formatCents(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

export function formFields(
  record: FormDRecord,
  threshold: number = DEFAULT_CONFIDENCE_THRESHOLD,
): FormField[] {
  const out: FormField[] = [];
  for (const [path] of leafPaths(record)) {
    if (!isFormPath(path)) continue;
    const info = fieldKind(path);
    if (!info) continue;
    const value = getPath(record, path) as FormField['value'];
    const provenance = record.fields[path] ?? null;
    const flags = record.flags.filter((f) => f.paths.includes(path) || f.suggestion?.path === path);
    const lowConfidence =
      provenance !== null && provenance.source !== 'review' && provenance.confidence < threshold;
    out.push({
      path,
      label: fieldLabel(path),
      kind: info.kind,
      ...(info.choices ? { choices: info.choices } : {}),
      text: displayText(info.kind, value),
      value,
      provenance,
      attention: flags.length > 0 || lowConfidence,
      lowConfidence,
      flags,
    });
  }
  return out;
}
