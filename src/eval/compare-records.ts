import { leafPaths } from '../record/paths.js';
import type { FormDRecordJson } from '../record/schema.js';

export type FieldKind = 'text' | 'number' | 'date' | 'money' | 'checkbox';

export interface FieldResult {
  path: string;
  kind: FieldKind;
  expected: unknown;
  actual: unknown;
  correct: boolean;
}

/** Parts of a record that are not values read from the form. */
const NOT_VALUES = /^(schemaVersion|id|source|flags|fields|review)(\.|$)/;

const MONEY =
  /^offering\.(minimumInvestment|securities\.\w+\.(offered|sold)|investors\.\w+\.amount|expenses\.\w+|adjustedGrossProceeds|useOfProceeds\.\w+\.(affiliates|others)|useOfProceeds\.totalPaymentsListed)$/;

export function kindOf(path: string, value: unknown): FieldKind {
  if (typeof value === 'boolean') return 'checkbox';
  if (MONEY.test(path)) return 'money';
  if (path === 'signature.date') return 'date';
  if (typeof value === 'number') return 'number';
  return 'text';
}

/**
 * Every value of the truth record against the record read, leaf by leaf. Text is compared after
 * folding white space; money to the cent; check boxes exactly. Lists are compared in form order,
 * so a missed or extra related person shows as wrong values; lists that are sets, by member.
 */
export function compareRecords(truth: FormDRecordJson, actual: FormDRecordJson): FieldResult[] {
  const got = new Map(leafPaths(asSets(actual)).filter(([p]) => !NOT_VALUES.test(p)));
  const out: FieldResult[] = [];
  const seen = new Set<string>();
  for (const [path, expected] of leafPaths(asSets(truth))) {
    if (NOT_VALUES.test(path)) continue;
    seen.add(path);
    const value = got.get(path);
    out.push({
      path,
      kind: kindOf(path, expected ?? value),
      expected,
      actual: value,
      correct: same(expected, value),
    });
  }
  // Values read that the truth does not have (an extra person) are wrong too.
  for (const [path, value] of got) {
    if (seen.has(path) || value === null || (Array.isArray(value) && value.length === 0)) continue;
    out.push({ path, kind: kindOf(path, value), expected: undefined, actual: value, correct: false });
  }
  return out;
}

/**
 * The lists that are sets (the amounts marked estimated, the states a person solicited in), keyed
 * by member: each member is one value, right when both records have it, so that one member
 * missed or added is one wrong value, not every member after it.
 */
function asSets(record: FormDRecordJson): unknown {
  const keyed = (members: readonly string[]) =>
    members.length ? Object.fromEntries(members.map((m) => [`[${m}]`, m])) : members;
  const { offering } = record;
  return {
    ...record,
    offering: {
      ...offering,
      estimated: keyed(offering.estimated),
      salesCompensation: offering.salesCompensation.map((s) => ({ ...s, states: keyed(s.states) })),
    },
  };
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return norm(a) === norm(b);
  if (Array.isArray(a) && Array.isArray(b))
    return JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
  if (typeof a === 'number' && typeof b === 'number') return Math.round(a * 100) === Math.round(b * 100);
  return a === b || (a == null && b == null);
}

function norm(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
