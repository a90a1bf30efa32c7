import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { emptyRecord } from '../record/empty-record.js';
import { leafPaths } from '../record/paths.js';
import { type FormDRecord, type FormDRecordJson, recordToJson } from '../record/schema.js';

export type CsvTable = 'filings' | 'persons';

/** Parts of the record that are lists or maps get tables or columns of their own. */
const NOT_FLAT = new Set([
  'relatedPersons',
  'offering.salesCompensation',
  'fields',
  'flags',
  'source.pageInfo',
]);

/** The flattened columns of the filings table, in the record's own order: the same for every export. */
export const FILING_COLUMNS: readonly string[] = (() => {
  const empty = emptyRecord('0'.repeat(64), { file: '', pages: 0, kind: 'text' });
  // Addresses are null in an empty record; their parts are the columns.
  const address = { street: null, city: null, state: null, zip: null };
  empty.issuer.address = address;
  empty.issuer.principalBusinessAddress = { ...address };
  const template = recordToJson.parse(empty);
  const columns = leafPaths(template)
    .map(([path]) => path)
    .filter((path) => ![...NOT_FLAT].some((p) => path === p || path.startsWith(`${p}.`)));
  // Optional keys are absent from an empty record but belong in the table.
  columns.splice(columns.indexOf('source.kind') + 1, 0, 'source.textLayer');
  return [...columns, 'relatedPersons.count', 'flags.rules', 'flags.errors'];
})();

export const PERSON_COLUMNS = [
  'filingId',
  'issuerName',
  'position',
  'name',
  'address',
  'promoter',
  'beneficialOwner',
  'executiveOfficer',
  'director',
  'generalPartner',
] as const;

function filingRow(json: FormDRecordJson): unknown[] {
  const flat = new Map(leafPaths(json));
  flat.set('relatedPersons.count', json.relatedPersons.length);
  flat.set('flags.rules', json.flags.map((f) => f.rule).join(' '));
  flat.set('flags.errors', json.flags.filter((f) => f.severity === 'error').length);
  flat.set('offering.estimated', json.offering.estimated.join(' '));
  return FILING_COLUMNS.map((c) => cell(flat.get(c)));
}

function personRows(json: FormDRecordJson): unknown[][] {
  return json.relatedPersons.map((p, i) => [
    json.id,
    json.issuer.name,
    i + 1,
    p.name,
    p.address,
    ...Object.values(p.roles).map(cell),
  ]);
}

function cell(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(' ');
  // csv-stringify writes false as an empty cell, the same as null: a "No" box would read as blank.
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return value;
}

/**
 * CSV, streaming: `filings`, one row a filing with the record's paths as columns, or `persons`,
 * one row per related person.
 */
export async function writeCsv(
  records: AsyncIterable<FormDRecord>,
  out: Writable,
  table: CsvTable,
): Promise<number> {
  const header = table === 'filings' ? FILING_COLUMNS : PERSON_COLUMNS;
  out.write(stringify([header]));
  let count = 0;
  for await (const record of records) {
    const json = recordToJson.parse(record);
    const rows = table === 'filings' ? [filingRow(json)] : personRows(json);
    if (rows.length && !out.write(stringify(rows))) await once(out, 'drain');
    count++;
  }
  return count;
}
