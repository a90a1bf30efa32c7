/** The built command line, as users run it: ingest, show, list, export and rules on one data folder. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../src/pipeline/process-document.js';
import { recordFromJson } from '../src/record/schema.js';
import { buildCli, type CliResult, formd, REPO, STACK_FRAME } from './built-cli.js';
import { ACME } from './parse-seed-variants.js';

const SEED = join(REPO, 'fixtures/text/qualys-2003-formd.txt');

let root: string;
let data: string;
let seedId: string;
let acmeId: string;
let acmePath: string;
let emptyPath: string;

/** `formd <args> --data <the test's folder>`. */
const run = (...args: string[]): Promise<CliResult> => formd([...args, '--data', data]);

/** A small CSV reader: quoted fields with commas, quotes and newlines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && (ch === ',' || ch === '\n')) {
      row.push(field);
      field = '';
      if (ch === '\n') {
        rows.push(row);
        row = [];
      }
    } else if (quoted || ch !== '\r') {
      field += ch;
    }
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'formd-cli-'));
  data = join(root, 'data');
  acmePath = join(root, 'acme.txt');
  emptyPath = join(root, 'empty.txt');
  await writeFile(acmePath, ACME);
  await writeFile(emptyPath, '');
  seedId = sha256(await readFile(SEED));
  acmeId = sha256(Buffer.from(ACME));
  await buildCli();
  const first = await run('ingest', SEED, acmePath, emptyPath);
  expect(first.code, first.stderr).toBe(2);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('formd ingest', () => {
  it('stores nothing new when a file is ingested again, and says so', async () => {
    const again = await run('ingest', SEED);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('1 filings: 0 ok, 1 already stored, 0 failed\n');
    expect(again.stderr).toContain(`${SEED}: already stored (${seedId.slice(0, 12)}), nothing new`);
    const list = await run('list');
    expect(list.stderr).toBe('3 filings\n');
  });
});

describe('formd show', () => {
  it('prints each part of the form, then the C.5 flags with their explanations', async () => {
    const show = await run('show', SEED);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('Qualys, Inc. — Series B Preferred Stock Financing');
    expect(show.stdout).toContain('Related persons (9):');
    expect(show.stdout).toContain('Flags (2)');
    expect(show.stdout).toContain(
      'ERROR C5_TOTAL_EQUALS_ADJUSTED_PROCEEDS: Total payments listed (27,701,668.92) does not equal adjusted gross proceeds (28,634,072.04)\n' +
        '    The listed uses add up to 28,634,072.04; the total given equals C.1 amount already sold (27,701,668.92).',
    );
    expect(show.stdout).toMatch(
      /ERROR C5_ROWS_SUM_TO_TOTAL: The C\.5 rows add up to 28,634,072\.04, not to total payments listed \(27,701,668\.92\)\n {4}\S.*C\.1 amount already sold/,
    );
    // The flags come after the parts of the form.
    expect(show.stdout.indexOf('Flags (2)')).toBeGreaterThan(show.stdout.indexOf('D. Signature'));
  });

  it('finds a filing by a unique prefix of its id', async () => {
    const show = await run('show', seedId.slice(0, 10));
    expect(show.code).toBe(0);
    expect(show.stdout).toContain(`id ${seedId}`);
  });

  it('says a filing is not in the store in one line, exit 1', async () => {
    const show = await run('show', 'ffffffffffff');
    expect(show.code).toBe(1);
    expect(show.stderr).toMatch(/^formd: .*no filing with id or file ffffffffffff.*formd list/);
    expect(show.stderr).not.toMatch(STACK_FRAME);
  });

  it('prints the record with --json in the contract form, which passes the schema', async () => {
    const show = await run('show', SEED, '--json');
    expect(show.code).toBe(0);
    const record = recordFromJson.parse(JSON.parse(show.stdout));
    expect(record.id).toBe(seedId);
    expect(record.issuer.name).toBe('Qualys, Inc.');
    expect(record.offering.useOfProceeds.totalPaymentsListed).toBe(2_770_166_892);
    expect(record.flags.map((f) => f.rule).sort()).toEqual([
      'C5_ROWS_SUM_TO_TOTAL',
      'C5_TOTAL_EQUALS_ADJUSTED_PROCEEDS',
    ]);
    expect(record.fields['signature.date']).toMatchObject({ source: 'text', line: 342 });
  });
});

describe('formd list', () => {
  const ids = (r: CliResult) =>
    r.stdout
      .trimEnd()
      .split('\n')
      .filter(Boolean)
      .map((l) => l.slice(0, 12));

  it('lists every stored filing, failures included', async () => {
    const list = await run('list');
    expect(ids(list).sort()).toEqual(
      [seedId, acmeId, sha256(Buffer.alloc(0))].map((id) => id.slice(0, 12)).sort(),
    );
  });

  it('--flagged lists the filings with an error flag and their rules', async () => {
    const list = await run('list', '--flagged');
    expect(ids(list)).toEqual([seedId.slice(0, 12)]);
    expect(list.stdout).toContain('C5_ROWS_SUM_TO_TOTAL C5_TOTAL_EQUALS_ADJUSTED_PROCEEDS');
  });

  it('--needs-review lists the filings waiting for a person', async () => {
    const list = await run('list', '--needs-review');
    expect(ids(list)).toEqual([seedId.slice(0, 12)]);
    expect(list.stdout).toContain('needs_review');
  });

  it('--failed lists the files that could not be read, with why', async () => {
    const list = await run('list', '--failed');
    expect(list.stdout.trimEnd().split('\n')).toEqual([
      expect.stringContaining(`${emptyPath}: the file is empty`),
    ]);
    expect(list.stderr).toBe('1 filings\n');
  });
});

describe('formd export', () => {
  it('--format jsonl writes one record a line, each of which reads back through the schema', async () => {
    const out = await run('export', '--format', 'jsonl');
    expect(out.code).toBe(0);
    expect(out.stderr).toBe('2 records exported\n');
    const records = out.stdout
      .trimEnd()
      .split('\n')
      .map((line) => recordFromJson.parse(JSON.parse(line)));
    expect(records.map((r) => r.id).sort()).toEqual([seedId, acmeId].sort());
    const acme = records.find((r) => r.id === acmeId);
    expect(acme?.review.status).toBe('auto');
    expect(acme?.offering.adjustedGrossProceeds).toBe(97_500_000);
  });

  it('--out writes the export to a file', async () => {
    const file = join(root, 'filings.jsonl');
    const out = await run('export', '--format', 'jsonl', '--out', file);
    expect(out.code).toBe(0);
    expect(out.stdout).toBe('');
    expect((await readFile(file, 'utf8')).trimEnd().split('\n')).toHaveLength(2);
  });

  it('--format csv writes a header and one row a filing, the record paths as columns', async () => {
    const out = await run('export', '--format', 'csv');
    expect(out.code).toBe(0);
    const [header, ...rows] = parseCsv(out.stdout);
    expect(rows).toHaveLength(2);
    expect(header).toEqual(
      expect.arrayContaining(['id', 'issuer.name', 'offering.useOfProceeds.totalPaymentsListed']),
    );
    const at = (row: string[] | undefined, column: string) => row?.[header?.indexOf(column) ?? -1];
    const seedRow = rows.find((r) => at(r, 'id') === seedId);
    expect(at(seedRow, 'issuer.name')).toBe('Qualys, Inc.');
    expect(at(seedRow, 'offering.useOfProceeds.totalPaymentsListed')).toBe('27701668.92');
    expect(at(seedRow, 'signature.date')).toBe('2003-11-28');
    // A blank box is an empty cell; a "No" box is false, not blank.
    expect(at(seedRow, 'offering.useOfProceeds.columnTotals.others')).toBe('');
    expect(at(seedRow, 'filing.isAmendment')).toBe('false');
    expect(at(seedRow, 'filing.exemptions.rule506')).toBe('true');
    // The address comes out in its parts.
    expect(at(seedRow, 'issuer.address.street')).toBe('1600 Bridge Parkway');
    expect(at(seedRow, 'issuer.address.zip')).toBe('94065');
    for (const row of rows) expect(row).toHaveLength(header?.length ?? 0);
  });

  it('--table persons writes one row per related person: nine for the seed', async () => {
    const out = await run('export', '--format', 'csv', '--table', 'persons');
    const [header, ...rows] = parseCsv(out.stdout);
    expect(header?.slice(0, 4)).toEqual(['filingId', 'issuerName', 'position', 'name']);
    const seedRows = rows.filter((r) => r[0] === seedId);
    expect(seedRows).toHaveLength(9);
    expect(seedRows.map((r) => r[3])).toContain('Mercury Interactive Ventures');
    expect(seedRows[0]).toEqual([
      seedId,
      'Qualys, Inc.',
      '1',
      'Courtot, Philippe',
      '1600 Bridge Parkway, Redwood Shores, CA 94065',
      'false',
      'true',
      'true',
      'true',
      'false',
    ]);
    expect(rows.filter((r) => r[0] === acmeId)).toHaveLength(2);
  });
});

describe('formd rules', () => {
  it('prints the rules table, the same as the README', async () => {
    const out = await formd(['rules']);
    expect(out.code).toBe(0);
    for (const rule of [
      'C1_OFFERED_SUM',
      'C5_ROWS_SUM_TO_TOTAL',
      'C5_TOTAL_EQUALS_ADJUSTED_PROCEEDS',
      'STATE_CODE',
    ])
      expect(out.stdout).toContain(`| \`${rule}\` |`);
    const readme = await readFile(join(REPO, 'README.md'), 'utf8');
    const table = /<!-- rules:start -->\n([\s\S]*?)<!-- rules:end -->/.exec(readme)?.[1];
    expect(out.stdout.trim()).toBe(table?.trim());
  });
});
