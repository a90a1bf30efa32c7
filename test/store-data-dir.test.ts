import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DATABASE_FILE,
  InvalidStoreRequestError,
  openStore,
  PostgresFilingStore,
  pageImagePath,
  resolveDataDir,
  storeKind,
  writePageImage,
} from '../src/store/index.js';
import { dropSchema, filingId, sampleRecord, testDatabaseUrl } from './store-fixtures.js';

describe('the data folder', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'formd-data-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is ./formd-data unless FORMD_DATA or an explicit option names another', () => {
    expect(resolveDataDir(undefined, {})).toBe(resolve('formd-data'));
    expect(resolveDataDir(undefined, { FORMD_DATA: '' })).toBe(resolve('formd-data'));
    expect(resolveDataDir(undefined, { FORMD_DATA: '/srv/formd' })).toBe('/srv/formd');
    expect(resolveDataDir('/data/here', { FORMD_DATA: '/srv/formd' })).toBe('/data/here');
  });

  it('is created by openStore, with formd.sqlite in it', async () => {
    const dataDir = join(dir, 'nested', 'formd-data');
    const store = await openStore({ dataDir, env: {} });
    const record = sampleRecord('opened');
    await store.saveRecord(record, 'opened.pdf');
    await store.close();

    expect(existsSync(join(dataDir, DATABASE_FILE))).toBe(true);
    const reopened = await openStore({ env: { FORMD_DATA: dataDir } });
    expect((await reopened.get(record.id))?.status).toBe('ok');
    await reopened.close();
  });

  it('keeps SQLite unless a database URL is given, and then keeps nothing in the data folder', async () => {
    expect(storeKind({ env: {} })).toBe('sqlite');
    expect(storeKind({ env: { DATABASE_URL: 'postgres://formd@db/formd' } })).toBe('postgres');
    expect(storeKind({ databaseUrl: 'postgres://formd@db/formd', env: {} })).toBe('postgres');

    const schema = `formd_open_${process.pid}`;
    const store = await openStore({
      dataDir: dir,
      env: { DATABASE_URL: testDatabaseUrl, DATABASE_SCHEMA: schema },
    });
    try {
      expect(store).toBeInstanceOf(PostgresFilingStore);
      expect(await store.counts()).toMatchObject({ total: 0 });
    } finally {
      await store.close();
      await dropSchema(schema);
    }
    expect(await readdir(dir)).toEqual([]);
  });

  it('puts page images under pages/, fanned out by the first two hex digits of the id', () => {
    const id = filingId('qualys');
    expect(pageImagePath('/data', id, 3)).toBe(`/data/pages/${id.slice(0, 2)}/${id}/page-3.png`);
  });

  it('refuses a page image path for an id that is not a sha256, or a page below 1', () => {
    expect(() => pageImagePath('/data', '../../etc', 1)).toThrow(InvalidStoreRequestError);
    expect(() => pageImagePath('/data', filingId('x').toUpperCase(), 1)).toThrow(InvalidStoreRequestError);
    expect(() => pageImagePath('/data', filingId('x'), 0)).toThrow(InvalidStoreRequestError);
  });

  it('writes a page image, creating its folders, and leaves no partial file behind', async () => {
    const id = filingId('with pages');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

    const path = await writePageImage(dir, id, 2, png);

    expect(path).toBe(pageImagePath(dir, id, 2));
    expect(new Uint8Array(await readFile(path))).toEqual(png);
    expect(await readdir(join(dir, 'pages', id.slice(0, 2), id))).toEqual(['page-2.png']);
  });
});
