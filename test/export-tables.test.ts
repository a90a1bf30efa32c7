import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticAccessionNumber } from '../src/export/accession-number.js';
import { writeParquet } from '../src/export/parquet.js';
import { recordFilter } from '../src/export/record-filter.js';
import { SEC_TABLES, splitAddress, splitPersonName } from '../src/export/sec-tables.js';
import { writeSecTsv } from '../src/export/sec-tsv.js';
import { type ReviewFixture, reviewFixture } from './review-fixtures.js';

let fx: ReviewFixture;
beforeAll(async () => {
  fx = await reviewFixture();
});
afterAll(async () => {
  await fx.cleanup();
});

/** A TSV file as rows of column → value. */
async function readTsv(path: string): Promise<{ header: string[]; rows: Array<Record<string, string>> }> {
  const [head = '', ...lines] = (await readFile(path, 'utf8')).replace(/\n$/, '').split('\n');
  const header = head.split('\t');
  return {
    header,
    rows: lines.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [header[i] ?? `?${i}`, v]))),
  };
}

const onlySeed = (id: string) => (r: Record<string, unknown>) =>
  r.ACCESSIONNUMBER === syntheticAccessionNumber(id);

// The SEC Form D data set columns, in the SEC's order, as its quarterly files have them.
const SEC_ISSUERS = [
  'ACCESSIONNUMBER',
  'IS_PRIMARYISSUER_FLAG',
  'ISSUER_SEQ_KEY',
  'CIK',
  'ENTITYNAME',
  'STREET1',
  'STREET2',
  'CITY',
  'STATEORCOUNTRY',
  'STATEORCOUNTRYDESCRIPTION',
  'ZIPCODE',
  'ISSUERPHONENUMBER',
  'JURISDICTIONOFINC',
  'ISSUER_PREVIOUSNAME_1',
  'ISSUER_PREVIOUSNAME_2',
  'ISSUER_PREVIOUSNAME_3',
  'EDGAR_PREVIOUSNAME_1',
  'EDGAR_PREVIOUSNAME_2',
  'EDGAR_PREVIOUSNAME_3',
  'ENTITYTYPE',
  'ENTITYTYPEOTHERDESC',
  'YEAROFINC_TIMESPAN_CHOICE',
  'YEAROFINC_VALUE_ENTERED',
];
const SEC_SUBMISSION = [
  'ACCESSIONNUMBER',
  'FILE_NUM',
  'FILING_DATE',
  'SIC_CODE',
  'SCHEMAVERSION',
  'SUBMISSIONTYPE',
  'TESTORLIVE',
  'OVER100PERSONSFLAG',
  'OVER100ISSUERFLAG',
];
const SEC_RELATEDPERSONS = [
  'ACCESSIONNUMBER',
  'RELATEDPERSON_SEQ_KEY',
  'FIRSTNAME',
  'MIDDLENAME',
  'LASTNAME',
  'STREET1',
  'STREET2',
  'CITY',
  'STATEORCOUNTRY',
  'STATEORCOUNTRYDESCRIPTION',
  'ZIPCODE',
  'RELATIONSHIP_1',
  'RELATIONSHIP_2',
  'RELATIONSHIP_3',
  'RELATIONSHIPCLARIFICATION',
];
const SEC_COUNTS = { OFFERING: 41, RECIPIENTS: 15, SIGNATURES: 7 };

describe('the SEC data set TSV export', () => {
  let dir: string;
  beforeAll(async () => {
    dir = join(fx.dataDir, 'sec-tsv');
    const result = await writeSecTsv(fx.store.iterateRecords({}), dir);
    expect(result.filings).toBe(3);
  });

  it("writes the SEC's tables with the SEC's column names in the SEC's order", async () => {
    expect((await readTsv(join(dir, 'ISSUERS.tsv'))).header).toEqual(SEC_ISSUERS);
    expect((await readTsv(join(dir, 'FORMDSUBMISSION.tsv'))).header).toEqual(SEC_SUBMISSION);
    expect((await readTsv(join(dir, 'RELATEDPERSONS.tsv'))).header).toEqual(SEC_RELATEDPERSONS);
    for (const [name, count] of Object.entries(SEC_COUNTS)) {
      expect((await readTsv(join(dir, `${name}.tsv`))).header, name).toHaveLength(count);
    }
  });

  it("carries the seed filing's values in the SEC's codes", async () => {
    const seed = onlySeed(fx.seedId);
    const issuer = (await readTsv(join(dir, 'ISSUERS.tsv'))).rows.find(seed);
    expect(issuer).toMatchObject({
      IS_PRIMARYISSUER_FLAG: 'YES',
      ENTITYNAME: 'Qualys, Inc.',
      STREET1: '1600 Bridge Parkway',
      CITY: 'Redwood Shores',
      STATEORCOUNTRY: 'CA',
      STATEORCOUNTRYDESCRIPTION: 'CALIFORNIA',
      ZIPCODE: '94065',
      JURISDICTIONOFINC: 'DELAWARE',
      ENTITYTYPE: 'Corporation',
      YEAROFINC_TIMESPAN_CHOICE: 'withinFiveYears',
      YEAROFINC_VALUE_ENTERED: '1999',
    });
    const offering = (await readTsv(join(dir, 'OFFERING.tsv'))).rows.find(seed);
    expect(offering).toMatchObject({
      FEDERALEXEMPTIONS_ITEMS_LIST: '06',
      ISAMENDMENT: 'false',
      ISEQUITYTYPE: 'true',
      ISDEBTTYPE: 'false',
      TOTALOFFERINGAMOUNT: '28684072.04',
      TOTALAMOUNTSOLD: '27701668.92',
      TOTALREMAINING: '982403.12',
      HASNONACCREDITEDINVESTORS: 'false',
      TOTALNUMBERALREADYINVESTED: '20',
    });
    const submission = (await readTsv(join(dir, 'FORMDSUBMISSION.tsv'))).rows.find(seed);
    expect(submission).toMatchObject({
      FILING_DATE: '28-NOV-2003',
      SUBMISSIONTYPE: 'D',
      SCHEMAVERSION: 'SEC1972',
    });
    const persons = (await readTsv(join(dir, 'RELATEDPERSONS.tsv'))).rows.filter(seed);
    expect(persons[0]).toMatchObject({
      FIRSTNAME: 'Philippe',
      LASTNAME: 'Courtot',
      RELATIONSHIP_1: 'Executive Officer',
      RELATIONSHIP_2: 'Director',
      RELATIONSHIP_3: '',
      RELATIONSHIPCLARIFICATION: 'Beneficial Owner',
    });
    const uses = (await readTsv(join(dir, 'LEGACY_USEOFPROCEEDS.tsv'))).rows.filter(seed);
    expect(uses.find((u) => u.LINE === 'TOTALPAYMENTSLISTED')).toMatchObject({
      AMOUNT: '27701668.92',
      AMOUNT_ISESTIMATE: 'true',
    });
    expect(uses.find((u) => u.LINE === 'WORKINGCAPITAL')).toMatchObject({ OTHERSAMOUNT: '17599071.96' });
    const flags = (await readTsv(join(dir, 'FLAGS.tsv'))).rows.filter(seed);
    expect(flags.map((f) => f.RULE).sort()).toEqual([
      'C5_ROWS_SUM_TO_TOTAL',
      'C5_TOTAL_EQUALS_ADJUSTED_PROCEEDS',
    ]);
    const provenance = (await readTsv(join(dir, 'PROVENANCE.tsv'))).rows.filter(onlySeed(fx.scanId));
    expect(provenance.find((p) => p.PATH === 'offering.securities.equity.offered')).toMatchObject({
      SOURCE: 'ocr',
      PAGE: '1',
      BBOX_X0: '600',
      CONFIDENCE: '0.62',
    });
  });

  it('keeps every row on one line: tabs and line breaks in scanned text become spaces', async () => {
    const legacy = await readTsv(join(dir, 'LEGACY_OFFERING.tsv'));
    expect(legacy.rows).toHaveLength(3);
    for (const row of legacy.rows) expect(Object.keys(row)).toHaveLength(legacy.header.length);
    const hostile = legacy.rows.find(onlySeed(fx.xssId));
    expect(hostile?.BUSINESSDESCRIPTION).toBe('<script>alert(2)</script> makes widgets');
  });

  it('explains every column of every table in a README', async () => {
    const readme = await readFile(join(dir, 'README.md'), 'utf8');
    for (const table of SEC_TABLES) {
      expect(readme).toContain(`## ${table.name}.tsv`);
      for (const c of table.columns) expect(readme, `${table.name}.${c.name}`).toContain(`| ${c.name} |`);
    }
  });
});

describe('the Parquet export', () => {
  it('writes typed tables that a Parquet reader reads back: decimals for money, dates, booleans', async () => {
    const dir = join(fx.dataDir, 'parquet');
    await writeParquet(fx.store.iterateRecords({}), dir);
    const file = await asyncBufferFromFile(join(dir, 'OFFERING.parquet'));
    const meta = await parquetMetadataAsync(file);
    expect(meta.schema.find((s) => s.name === 'TOTALOFFERINGAMOUNT')).toMatchObject({
      type: 'INT64',
      converted_type: 'DECIMAL',
      precision: 18,
      scale: 2,
    });
    const offering = (await parquetReadObjects({ file })).find(onlySeed(fx.seedId));
    expect(offering).toMatchObject({
      TOTALOFFERINGAMOUNT: 28684072.04,
      TOTALAMOUNTSOLD: 27701668.92,
      ISEQUITYTYPE: true,
      FEDERALEXEMPTIONS_ITEMS_LIST: '06',
      SALE_DATE: null,
    });
    const signatures = await parquetReadObjects({
      file: await asyncBufferFromFile(join(dir, 'SIGNATURES.parquet')),
    });
    expect(signatures.find(onlySeed(fx.seedId))?.SIGNATUREDATE).toEqual(new Date('2003-11-28T00:00:00Z'));
    const persons = await parquetReadObjects({
      file: await asyncBufferFromFile(join(dir, 'RELATEDPERSONS.parquet')),
    });
    expect(persons.filter(onlySeed(fx.seedId))).toHaveLength(9);
    const provenance = await parquetReadObjects({
      file: await asyncBufferFromFile(join(dir, 'PROVENANCE.parquet')),
    });
    const seedFields = await fx.store.get(fx.seedId);
    expect(provenance.filter(onlySeed(fx.seedId))).toHaveLength(
      Object.keys(seedFields?.record?.fields ?? {}).length,
    );
  });
});

describe('choosing what to export', () => {
  it('turns --reviewed-only, --status and --since into the store filter', () => {
    expect(recordFilter({ reviewedOnly: true })).toEqual({ reviewStatus: 'reviewed' });
    expect(recordFilter({ status: 'auto', since: new Date('2024-01-01') })).toEqual({
      reviewStatus: 'auto',
      since: new Date('2024-01-01'),
    });
    expect(() => recordFilter({ reviewedOnly: true, status: 'auto' })).toThrow(/select nothing together/);
  });

  it('exports only reviewed filings with --reviewed-only', async () => {
    const result = await writeSecTsv(
      fx.store.iterateRecords(recordFilter({ reviewedOnly: true })),
      join(fx.dataDir, 'reviewed'),
    );
    expect(result.filings).toBe(0);
    expect((await readTsv(join(fx.dataDir, 'reviewed', 'ISSUERS.tsv'))).rows).toEqual([]);
  });
});

describe('paper addresses and names in the SEC parts', () => {
  it('splits a one-line address into street, city, state and zip', () => {
    expect(splitAddress('505 Hamilton Avenue, Suite 200, Palo Alto, CA 94301')).toEqual({
      street1: '505 Hamilton Avenue',
      street2: 'Suite 200',
      city: 'Palo Alto',
      state: 'CA',
      zip: '94301',
    });
    expect(splitAddress('somewhere in Ohio')).toMatchObject({ street1: 'somewhere in Ohio', city: null });
  });

  it('splits "Last, First Middle" and keeps a firm whole as the last name', () => {
    expect(splitPersonName('Dixon, Donald R.')).toEqual({ first: 'Donald', middle: 'R.', last: 'Dixon' });
    expect(splitPersonName('Trident Capital')).toEqual({
      first: null,
      middle: null,
      last: 'Trident Capital',
    });
  });

  it('derives a stable accession number that cannot collide with an EDGAR one', () => {
    const id = '3fc57ded5f2b900f622aa950e256fe918faa58221b8aca2a5e34eb337b04a77b';
    expect(syntheticAccessionNumber(id)).toBe('P3FC57DED5-F2-B900F6');
    expect(syntheticAccessionNumber(id)).toMatch(/^P[0-9A-F]{9}-[0-9A-F]{2}-[0-9A-F]{6}$/);
  });
});
