/**
 * `formd export --format parquet --out DIR`: the same tables as the SEC TSV export, one Parquet file
 * each, with typed columns (money DECIMAL(18,2) from integer cents, never through a float). Rows are
 * buffered per table and written as a row group every BATCH rows, so memory stays flat.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SchemaElement } from 'hyparquet';
import { fileWriter, ParquetWriter } from 'hyparquet-writer';
import type { FormDRecord } from '../record/index.js';
import { SEC_TABLES } from './sec-tables.js';
import type { TablesExportResult } from './sec-tsv.js';
import type { Cell, Column, ExportTable } from './table.js';
import { tablesReadme } from './tables-readme.js';

/** Rows per row group: big enough for good compression, small enough to keep memory flat. */
const BATCH = 10_000;
/** Every table also writes its rows every this many filings, so one-row-a-filing tables do not pile up. */
const FILINGS_PER_GROUP = 1_000;

function schemaElement(c: Column): SchemaElement {
  const base = { name: c.name, repetition_type: 'OPTIONAL' as const };
  switch (c.kind) {
    case 'money':
      return {
        ...base,
        type: 'INT64',
        converted_type: 'DECIMAL',
        precision: 18,
        scale: 2,
        logical_type: { type: 'DECIMAL', precision: 18, scale: 2 },
      };
    case 'int':
      return { ...base, type: 'INT64' };
    case 'bool':
      return { ...base, type: 'BOOLEAN' };
    case 'float':
      return { ...base, type: 'DOUBLE' };
    case 'date':
    case 'sec-date':
      return { ...base, type: 'INT32', converted_type: 'DATE', logical_type: { type: 'DATE' } };
    default:
      return { ...base, type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' } };
  }
}

/** A cell in the column's Parquet type: cents as bigint (exact DECIMAL), dates as Date at UTC midnight. */
function parquetValue(value: Cell, c: Column): unknown {
  if (value === null) return null;
  switch (c.kind) {
    case 'money':
    case 'int':
      return BigInt(value as number);
    case 'date':
    case 'sec-date':
      return new Date(`${value as string}T00:00:00Z`);
    default:
      return value;
  }
}

class TableFile {
  private readonly writer: ParquetWriter;
  private buffer: Cell[][] = [];
  rows = 0;

  constructor(
    readonly table: ExportTable,
    path: string,
  ) {
    const fields = table.columns.map(schemaElement);
    this.writer = new ParquetWriter({
      writer: fileWriter(path),
      schema: [{ name: 'root', num_children: fields.length }, ...fields],
      createdBy: 'formd',
    });
  }

  async add(rows: Cell[][]): Promise<void> {
    for (const row of rows) this.buffer.push(row);
    this.rows += rows.length;
    if (this.buffer.length >= BATCH) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const rows = this.buffer;
    this.buffer = [];
    const columnData = this.table.columns.map((c, i) => ({
      name: c.name,
      data: rows.map((row) => parquetValue(row[i] ?? null, c)),
    }));
    await this.writer.write({ columnData, rowGroupSize: rows.length });
  }

  async close(): Promise<void> {
    await this.flush();
    await this.writer.finish();
  }
}

export async function writeParquet(
  records: AsyncIterable<FormDRecord>,
  outDir: string,
  tables: readonly ExportTable[] = SEC_TABLES,
): Promise<TablesExportResult> {
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, 'README.md'), tablesReadme(tables, 'parquet'));
  const files = tables.map((t) => new TableFile(t, join(outDir, `${t.name}.parquet`)));
  let filings = 0;
  for await (const record of records) {
    for (const file of files) await file.add(file.table.rows(record));
    filings++;
    if (filings % FILINGS_PER_GROUP === 0) for (const file of files) await file.flush();
  }
  for (const file of files) await file.close();
  return { filings, rows: Object.fromEntries(files.map((f) => [f.table.name, f.rows])) };
}
