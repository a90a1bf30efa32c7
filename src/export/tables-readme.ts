/** The README.md written beside the exported tables: every table and every column, from the tables' own docs. */
import type { ExportTable } from './table.js';

const KIND_WORDS = {
  string: 'text',
  money: 'dollars (decimal, 2 places)',
  int: 'integer',
  bool: 'true/false',
  float: 'number',
  date: 'date YYYY-MM-DD',
  'sec-date': 'date DD-MON-YYYY',
} as const;

export function tablesReadme(tables: readonly ExportTable[], format: 'tsv' | 'parquet'): string {
  const lines = [
    `# Form D data set, paper era (formd export --format ${format === 'tsv' ? 'sec-tsv' : 'parquet'})`,
    '',
    "The first six tables have the SEC Form D Data Sets' names, columns (in the SEC's order) and value codes,",
    'so that paper-era filings (SEC 1972, Parts A to E) join the data sets that start in 2008. Columns the',
    "paper form has no item for are empty. The paper form's own parts that the 2008 form lacks are in the",
    'LEGACY_ tables; FLAGS and PROVENANCE say what formd checked and where each value was read.',
    '',
    'ACCESSIONNUMBER joins every table. Paper filings have none, so it is synthetic and stable: `P` and',
    'the first 17 hex digits of the record id (the sha256 of the scanned file) in the shape',
    '`P#########-##-######`. A letter first means it never collides with an EDGAR accession number.',
    '',
    format === 'tsv'
      ? 'Files are UTF-8, tab-separated, one header line, no quoting: tabs and line breaks inside values are written as spaces. Empty means blank on the form or no such item. Money is dollars with a dot and no thousands separators.'
      : 'One Parquet file per table. Money columns are DECIMAL(18,2); true/false columns BOOLEAN; dates DATE; blank values are null.',
    '',
  ];
  for (const table of tables) {
    lines.push(
      `## ${table.name}.${format}`,
      '',
      table.doc,
      '',
      '| column | type | meaning |',
      '| --- | --- | --- |',
    );
    for (const c of table.columns) {
      lines.push(`| ${c.name} | ${KIND_WORDS[c.kind]} | ${c.doc.replace(/\|/g, '\\|')} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
