/**
 * A table of an export, described as data: its columns (name, kind, one sentence), and a function
 * from one record to its rows. The SEC TSV and the Parquet exports write the same tables.
 */
import type { FormDRecord } from '../record/index.js';

/**
 * `money` cells are integer cents, `date` cells ISO `YYYY-MM-DD`; `sec-date` is a date the SEC data
 * sets write as `DD-MON-YYYY` (FILING_DATE).
 */
export type ColumnKind = 'string' | 'money' | 'int' | 'bool' | 'float' | 'date' | 'sec-date';

export type Cell = string | number | boolean | null;

export interface Column {
  readonly name: string;
  readonly kind: ColumnKind;
  /** What the column holds, and where a paper-era value comes from (or that it has none). */
  readonly doc: string;
}

export interface ExportTable {
  /** The file name without extension: `ISSUERS` is written as ISSUERS.tsv or ISSUERS.parquet. */
  readonly name: string;
  /** One sentence: what a row is. */
  readonly doc: string;
  readonly columns: readonly Column[];
  rows(record: FormDRecord): Cell[][];
}

/** A column list from `[name, kind, doc]` triples, so tables read as a table. */
export function columns(spec: ReadonlyArray<readonly [string, ColumnKind, string]>): Column[] {
  return spec.map(([name, kind, doc]) => ({ name, kind, doc }));
}
