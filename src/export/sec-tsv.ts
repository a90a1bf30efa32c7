/**
 * `formd export --format sec-tsv --out DIR`: the SEC Form D data set layout, one tab-separated file per
 * table and a README.md that explains every column. One pass over the records, streaming.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { FormDRecord } from '../record/index.js';
import { cellText } from './cells.js';
import { SEC_TABLES } from './sec-tables.js';
import type { ExportTable } from './table.js';
import { tablesReadme } from './tables-readme.js';

export interface TablesExportResult {
  filings: number;
  /** Rows written, by table name. */
  rows: Record<string, number>;
}

export async function writeSecTsv(
  records: AsyncIterable<FormDRecord>,
  outDir: string,
  tables: readonly ExportTable[] = SEC_TABLES,
): Promise<TablesExportResult> {
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, 'README.md'), tablesReadme(tables, 'tsv'));
  const outs: Array<{ table: ExportTable; out: WriteStream }> = tables.map((table) => {
    const out = createWriteStream(join(outDir, `${table.name}.tsv`));
    out.write(`${table.columns.map((c) => c.name).join('\t')}\n`);
    return { table, out };
  });
  const result: TablesExportResult = { filings: 0, rows: Object.fromEntries(tables.map((t) => [t.name, 0])) };
  try {
    for await (const record of records) {
      for (const { table, out } of outs) {
        const rows = table.rows(record);
        if (rows.length === 0) continue;
        const text = rows
          .map((row) => row.map((v, i) => cellText(v, table.columns[i]?.kind ?? 'string')).join('\t'))
          .join('\n');
        result.rows[table.name] = (result.rows[table.name] ?? 0) + rows.length;
        if (!out.write(`${text}\n`)) await once(out, 'drain');
      }
      result.filings++;
    }
  } finally {
    for (const { out } of outs) out.end();
    await Promise.all(outs.map(({ out }) => finished(out)));
  }
  return result;
}
