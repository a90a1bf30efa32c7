/** Records and back ends for the store tests: SQLite in a temporary folder, Postgres in a schema of its own. */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { emptyRecord, type FormDRecord, type ReviewStatus } from '../src/record/index.js';
import { type FilingStore, PostgresFilingStore, SqliteFilingStore } from '../src/store/index.js';

/** A sha256 id, as ingest computes one from a file's bytes. */
export function filingId(name: string | number): string {
  return createHash('sha256').update(String(name)).digest('hex');
}

export interface SampleOptions {
  flagged?: boolean;
  reviewStatus?: ReviewStatus;
  issuer?: string;
}

/** A small Qualys-like record: a few values, one provenance entry and, when asked, a C.5 flag. */
export function sampleRecord(name: string | number, options: SampleOptions = {}): FormDRecord {
  const { flagged = false, issuer = 'Qualys, Inc.' } = options;
  const record = emptyRecord(filingId(name), { file: `filing-${name}.txt`, pages: 9, kind: 'text' });
  record.issuer.name = issuer;
  record.issuer.jurisdiction = 'DE';
  record.offering.securities.equity.offered = 2_868_407_204;
  record.offering.securities.equity.sold = 2_770_166_892;
  record.offering.adjustedGrossProceeds = 2_863_407_204;
  record.offering.useOfProceeds.totalPaymentsListed = 2_770_166_892;
  record.signature.date = '2003-11-28';
  record.fields['offering.useOfProceeds.totalPaymentsListed'] = {
    confidence: 0.91,
    page: 5,
    bbox: [1510, 2402, 1890, 2440],
    source: 'ocr',
    raw: '$ 27,701,668.92',
  };
  record.fields['issuer.name'] = { confidence: 0.99, page: 1, bbox: null, source: 'ocr', raw: issuer };
  if (flagged) {
    record.flags.push({
      rule: 'C5_TOTAL_EQUALS_ADJUSTED_PROCEEDS',
      severity: 'error',
      paths: ['offering.useOfProceeds.totalPaymentsListed', 'offering.adjustedGrossProceeds'],
      expected: 2_863_407_204,
      actual: 2_770_166_892,
      difference: -93_240_312,
      message: 'Total payments listed (27,701,668.92) does not equal adjusted gross proceeds (28,634,072.04)',
      explanation: 'The total given equals C.1 amount already sold (27,701,668.92).',
    });
  }
  const reviewStatus = options.reviewStatus ?? (flagged ? 'needs_review' : 'auto');
  record.review = { status: reviewStatus, reasons: flagged ? ['C5_TOTAL_EQUALS_ADJUSTED_PROCEEDS'] : [] };
  return record;
}

/** One empty database; `open` gives another connection to it, as another process would have. */
export interface StoreDatabase {
  open(): Promise<FilingStore>;
  teardown(): Promise<void>;
}

export interface StoreBackend {
  name: string;
  create(): Promise<StoreDatabase>;
}

export const sqliteBackend: StoreBackend = {
  name: 'SQLite',
  async create() {
    const dir = await mkdtemp(join(tmpdir(), 'formd-store-'));
    const opened: FilingStore[] = [];
    return {
      async open() {
        const store = new SqliteFilingStore(join(dir, 'formd.sqlite'));
        opened.push(store);
        return store;
      },
      async teardown() {
        for (const store of opened) await store.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  },
};

/** The local Postgres (trust auth) unless TEST_DATABASE_URL names another. */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let schemaCount = 0;

/** A schema name no other test process uses at the same time. */
export function uniqueSchema(label: string): string {
  schemaCount += 1;
  return `formd_${label}_${process.pid}_${schemaCount}_${Date.now().toString(36)}`;
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
  } finally {
    await client.end();
  }
}

export const postgresBackend: StoreBackend = {
  name: 'Postgres',
  async create() {
    const schema = uniqueSchema('store');
    const opened: FilingStore[] = [];
    return {
      async open() {
        const store = await PostgresFilingStore.open({ connectionString: testDatabaseUrl, schema });
        opened.push(store);
        return store;
      },
      async teardown() {
        for (const store of opened) await store.close();
        await dropSchema(schema);
      },
    };
  },
};

export const storeBackends: StoreBackend[] = [sqliteBackend, postgresBackend];
