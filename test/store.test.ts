import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ConcurrentEditError,
  FilingNotFoundError,
  type FilingStore,
  InvalidStoreRequestError,
} from '../src/store/index.js';
import { filingId, type StoreDatabase, sampleRecord, storeBackends } from './store-fixtures.js';

describe.each(storeBackends)('the $name filing store', (backend) => {
  let database: StoreDatabase;
  let store: FilingStore;

  beforeEach(async () => {
    database = await backend.create();
    store = await database.open();
  });

  afterEach(async () => {
    vi.useRealTimers();
    await database.teardown();
  });

  it('reads back a saved record exactly as it was saved, money in cents', async () => {
    const record = sampleRecord('qualys', { flagged: true });

    expect(await store.saveRecord(record, 'scans/qualys-2003-formd.pdf')).toEqual({ created: true });

    const stored = await store.get(record.id);
    expect(stored).toMatchObject({
      id: record.id,
      file: 'scans/qualys-2003-formd.pdf',
      status: 'ok',
      error: null,
      reviewStatus: 'needs_review',
      flagged: true,
      minConfidence: 0.91,
      version: 1,
    });
    expect(stored?.record).toEqual(record);
    expect(stored?.record?.offering.securities.equity.offered).toBe(2_868_407_204);
    expect(stored?.createdAt).toBeInstanceOf(Date);
    expect(stored?.updatedAt.getTime()).toBe(stored?.createdAt.getTime());
  });

  it('returns null for an id it has never seen', async () => {
    expect(await store.get(filingId('never seen'))).toBeNull();
  });

  it('stores nothing new when the same file is saved again, and says so', async () => {
    const record = sampleRecord('qualys');
    await store.saveRecord(record, 'first/path.pdf');
    const before = await store.get(record.id);

    const again = sampleRecord('qualys', { issuer: 'Someone Else, Inc.' });
    expect(await store.saveRecord(again, 'second/path.pdf')).toEqual({ created: false });

    expect(await store.get(record.id)).toEqual(before);
  });

  it('lists a stored failure, and a later success replaces it', async () => {
    const record = sampleRecord('retry me');
    await store.saveFailure(record.id, 'retry-me.pdf', {
      code: 'transient',
      message: 'the OCR worker crashed',
    });

    expect(await store.get(record.id)).toMatchObject({
      status: 'failed',
      record: null,
      error: { code: 'transient', message: 'the OCR worker crashed' },
      reviewStatus: null,
      flagged: false,
      version: 1,
    });
    expect((await store.list({ status: 'failed' })).map((f) => [f.id, f.errorMessage])).toEqual([
      [record.id, 'the OCR worker crashed'],
    ]);
    expect(await store.failed()).toEqual([
      {
        id: record.id,
        file: 'retry-me.pdf',
        error: { code: 'transient', message: 'the OCR worker crashed' },
        updatedAt: expect.any(Date),
      },
    ]);

    expect(await store.saveRecord(record, 'retry-me.pdf')).toEqual({ created: true });

    expect(await store.get(record.id)).toMatchObject({ status: 'ok', error: null, record, version: 2 });
    expect(await store.failed()).toEqual([]);
  });

  it('keeps the latest error when a failed file fails again', async () => {
    const id = filingId('fails twice');
    await store.saveFailure(id, 'twice.pdf', { code: 'transient', message: 'first' });
    await store.saveFailure(id, 'twice.pdf', { code: 'corrupt_file', message: 'second' });

    expect(await store.get(id)).toMatchObject({
      error: { code: 'corrupt_file', message: 'second' },
      version: 2,
    });
  });

  it('never lets a failure overwrite a stored record', async () => {
    const record = sampleRecord('good');
    await store.saveRecord(record, 'good.pdf');
    const before = await store.get(record.id);

    await store.saveFailure(record.id, 'good-copy.pdf', {
      code: 'transient',
      message: 'a later run crashed',
    });

    expect(await store.get(record.id)).toEqual(before);
    expect(await store.failed()).toEqual([]);
  });

  it('refuses a record that breaks the schema and stores nothing', async () => {
    const record = sampleRecord('half a cent');
    record.offering.expenses.legal = 12.5;

    await expect(store.saveRecord(record, 'half.pdf')).rejects.toThrow(/expected int/i);
    expect(await store.get(record.id)).toBeNull();
  });

  it('filters the list by flags, failures, review need and review status', async () => {
    const flagged = sampleRecord('flagged', { flagged: true });
    const clean = sampleRecord('clean');
    const reviewed = sampleRecord('reviewed', { flagged: true, reviewStatus: 'reviewed' });
    const failedId = filingId('failed');
    await store.saveRecord(flagged, 'flagged.pdf');
    await store.saveRecord(clean, 'clean.pdf');
    await store.saveRecord(reviewed, 'reviewed.pdf');
    await store.saveFailure(failedId, 'failed.pdf', { code: 'not_form_d', message: 'no Form D heading' });

    const ids = async (filter: Parameters<FilingStore['list']>[0]) =>
      (await store.list(filter)).map((f) => f.id).sort();

    expect(await ids({ flagged: true })).toEqual([flagged.id, reviewed.id].sort());
    expect(await ids({ flagged: false })).toEqual([clean.id, failedId].sort());
    expect(await ids({ status: 'failed' })).toEqual([failedId]);
    expect(await ids({ status: 'ok' })).toEqual([flagged.id, clean.id, reviewed.id].sort());
    expect(await ids({ needsReview: true })).toEqual([flagged.id]);
    expect(await ids({ needsReview: false })).toEqual([clean.id, reviewed.id, failedId].sort());
    expect(await ids({ reviewStatus: 'reviewed' })).toEqual([reviewed.id]);
    expect(await ids({ status: 'ok', flagged: true, needsReview: false })).toEqual([reviewed.id]);
    expect(await ids({})).toHaveLength(4);
  });

  it('lists summaries with what a review table needs', async () => {
    const record = sampleRecord('summary', { flagged: true });
    await store.saveRecord(record, 'summary.pdf');

    expect(await store.list()).toEqual([
      {
        id: record.id,
        file: 'summary.pdf',
        status: 'ok',
        reviewStatus: 'needs_review',
        flagged: true,
        flagRules: ['C5_TOTAL_EQUALS_ADJUSTED_PROCEEDS'],
        errorCode: null,
        errorMessage: null,
        issuerName: 'Qualys, Inc.',
        minConfidence: 0.91,
        version: 1,
        updatedAt: expect.any(Date),
      },
    ]);
  });

  it('pages the list newest change first and filters by time', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const names = ['a', 'b', 'c', 'd', 'e'];
    for (const [i, name] of names.entries()) {
      vi.setSystemTime(new Date(Date.UTC(2024, 0, 1 + i)));
      await store.saveRecord(sampleRecord(name), `${name}.pdf`);
    }

    const files = async (filter: Parameters<FilingStore['list']>[0]) =>
      (await store.list(filter)).map((f) => f.file);

    expect(await files({ limit: 2 })).toEqual(['e.pdf', 'd.pdf']);
    expect(await files({ limit: 2, offset: 2 })).toEqual(['c.pdf', 'b.pdf']);
    expect(await files({ offset: 4 })).toEqual(['a.pdf']);
    expect(await files({ since: new Date(Date.UTC(2024, 0, 4)) })).toEqual(['e.pdf', 'd.pdf']);
    await expect(store.list({ limit: -1 })).rejects.toBeInstanceOf(InvalidStoreRequestError);
  });

  it('counts filings by status, review status and flags', async () => {
    await store.saveRecord(sampleRecord('auto'), 'auto.pdf');
    await store.saveRecord(sampleRecord('needs review', { flagged: true }), 'nr.pdf');
    await store.saveRecord(sampleRecord('reviewed', { flagged: true, reviewStatus: 'reviewed' }), 'r.pdf');
    await store.saveFailure(filingId('failed 1'), 'f1.pdf', { code: 'empty_file', message: 'empty' });
    await store.saveFailure(filingId('failed 2'), 'f2.pdf', { code: 'empty_file', message: 'empty' });

    expect(await store.counts()).toEqual({
      total: 5,
      ok: 3,
      failed: 2,
      auto: 1,
      needsReview: 1,
      reviewed: 1,
      flagged: 2,
    });
  });

  it('counts nothing in an empty store', async () => {
    expect(await store.counts()).toEqual({
      total: 0,
      ok: 0,
      failed: 0,
      auto: 0,
      needsReview: 0,
      reviewed: 0,
      flagged: 0,
    });
  });

  it('streams all 1,000 records in id order', async () => {
    const records = Array.from({ length: 1000 }, (_, i) => sampleRecord(i, { flagged: i % 4 === 0 }));
    expect(await store.saveMany(records.map((record) => ({ record, file: record.source.file })))).toEqual({
      created: 1000,
    });
    await store.saveFailure(filingId('no record'), 'broken.pdf', { code: 'corrupt_file', message: 'bad' });

    const seen: string[] = [];
    for await (const record of store.iterateRecords()) seen.push(record.id);

    expect(seen).toHaveLength(1000);
    expect(seen).toEqual(records.map((r) => r.id).sort());

    let flagged = 0;
    for await (const record of store.iterateRecords({ needsReview: true })) {
      expect(record.review.status).toBe('needs_review');
      flagged += 1;
    }
    expect(flagged).toBe(250);
  });

  it('takes writes while a stream is open, and an abandoned stream lets go', async () => {
    await store.saveMany(
      ['a', 'b', 'c'].map((name) => ({ record: sampleRecord(name), file: `${name}.pdf` })),
    );

    const seen: string[] = [];
    for await (const record of store.iterateRecords()) {
      seen.push(record.id);
      await store.saveRecord(sampleRecord(`written while streaming ${seen.length}`), 'late.pdf');
      if (seen.length === 2) break;
    }

    expect(seen).toHaveLength(2);
    expect((await store.counts()).total).toBe(5);
  });

  it('writes a correction with the current version, bumping it and keeping an audit trail', async () => {
    const record = sampleRecord('to correct', { flagged: true });
    await store.saveRecord(record, 'correct.pdf');

    const corrected = structuredClone(record);
    corrected.offering.useOfProceeds.totalPaymentsListed = 2_863_407_204;
    corrected.fields['offering.useOfProceeds.totalPaymentsListed'] = {
      confidence: 1,
      page: 5,
      bbox: [1510, 2402, 1890, 2440],
      source: 'review',
      raw: '28,634,072.04',
    };
    corrected.flags = [];
    corrected.review = { status: 'reviewed', reasons: [] };

    const result = await store.updateRecord(record.id, corrected, {
      expectedVersion: 1,
      audit: [
        {
          who: 'ana@example.org',
          path: 'offering.useOfProceeds.totalPaymentsListed',
          oldValue: 27701668.92,
          newValue: 28634072.04,
        },
        { who: 'ana@example.org', path: 'review.status', oldValue: 'needs_review', newValue: 'reviewed' },
      ],
    });

    expect(result).toEqual({ version: 2 });
    expect(await store.get(record.id)).toMatchObject({
      record: corrected,
      version: 2,
      flagged: false,
      reviewStatus: 'reviewed',
      minConfidence: 0.99,
    });
    const trail = await store.audit(record.id);
    expect(trail).toEqual([
      {
        filingId: record.id,
        version: 2,
        who: 'ana@example.org',
        at: expect.any(Date),
        path: 'offering.useOfProceeds.totalPaymentsListed',
        oldValue: 27701668.92,
        newValue: 28634072.04,
      },
      {
        filingId: record.id,
        version: 2,
        who: 'ana@example.org',
        at: expect.any(Date),
        path: 'review.status',
        oldValue: 'needs_review',
        newValue: 'reviewed',
      },
    ]);
    expect(await store.list({ reviewStatus: 'reviewed' })).toHaveLength(1);
  });

  it('refuses a correction made to a stale version and changes nothing', async () => {
    const record = sampleRecord('stale');
    await store.saveRecord(record, 'stale.pdf');
    const first = structuredClone(record);
    first.issuer.name = 'Qualys Inc';
    await store.updateRecord(record.id, first, {
      expectedVersion: 1,
      audit: [{ who: 'ana', path: 'issuer.name', oldValue: 'Qualys, Inc.', newValue: 'Qualys Inc' }],
    });
    const before = await store.get(record.id);

    const late = structuredClone(record);
    late.issuer.name = 'QUALYS';
    const attempt = store.updateRecord(record.id, late, {
      expectedVersion: 1,
      audit: [{ who: 'ben', path: 'issuer.name', oldValue: 'Qualys, Inc.', newValue: 'QUALYS' }],
    });

    await expect(attempt).rejects.toBeInstanceOf(ConcurrentEditError);
    await expect(attempt).rejects.toThrow(
      'this filing was changed by someone else since you opened it; reload it',
    );
    await expect(attempt).rejects.toMatchObject({ expectedVersion: 1, actualVersion: 2 });
    expect(await store.get(record.id)).toEqual(before);
    expect((await store.audit(record.id)).map((entry) => entry.who)).toEqual(['ana']);
  });

  it('lets only the first of two editors of the same version save', async () => {
    const record = sampleRecord('two editors');
    await store.saveRecord(record, 'two.pdf');
    const other = await database.open();

    const mine = structuredClone(record);
    mine.issuer.jurisdiction = 'CA';
    const theirs = structuredClone(record);
    theirs.issuer.jurisdiction = 'NV';

    await store.updateRecord(record.id, mine, { expectedVersion: 1, audit: [] });
    await expect(
      other.updateRecord(record.id, theirs, { expectedVersion: 1, audit: [] }),
    ).rejects.toBeInstanceOf(ConcurrentEditError);

    expect((await other.get(record.id))?.record?.issuer.jurisdiction).toBe('CA');
  });

  it('refuses a correction to a filing it does not have, to a failure, or under another id', async () => {
    const record = sampleRecord('missing');
    await expect(
      store.updateRecord(record.id, record, { expectedVersion: 1, audit: [] }),
    ).rejects.toBeInstanceOf(FilingNotFoundError);

    await store.saveFailure(record.id, 'missing.pdf', { code: 'transient', message: 'crashed' });
    await expect(
      store.updateRecord(record.id, record, { expectedVersion: 1, audit: [] }),
    ).rejects.toBeInstanceOf(InvalidStoreRequestError);

    const other = sampleRecord('other');
    await store.saveRecord(other, 'other.pdf');
    await expect(
      store.updateRecord(other.id, record, { expectedVersion: 1, audit: [] }),
    ).rejects.toBeInstanceOf(InvalidStoreRequestError);
    expect((await store.get(other.id))?.version).toBe(1);
  });

  it('deletes a filing together with its audit trail', async () => {
    const record = sampleRecord('delete me');
    await store.saveRecord(record, 'delete.pdf');
    await store.updateRecord(record.id, record, {
      expectedVersion: 1,
      audit: [{ who: 'ana', path: 'issuer.name', oldValue: null, newValue: 'Qualys, Inc.' }],
    });

    expect(await store.delete(record.id)).toBe(true);
    expect(await store.get(record.id)).toBeNull();
    expect(await store.audit(record.id)).toEqual([]);
    expect(await store.delete(record.id)).toBe(false);
  });

  it('loses nothing when two connections to one database write at the same time', async () => {
    const other = await database.open();
    const shared = Array.from({ length: 50 }, (_, i) => sampleRecord(`shared ${i}`));
    const writes: Array<Promise<unknown>> = [];
    for (let i = 0; i < 200; i++) {
      writes.push(store.saveRecord(sampleRecord(`first ${i}`), 'first.pdf'));
      writes.push(other.saveRecord(sampleRecord(`second ${i}`), 'second.pdf'));
    }
    for (const record of shared) {
      writes.push(store.saveFailure(record.id, 'shared.pdf', { code: 'transient', message: 'crashed' }));
      writes.push(other.saveRecord(record, 'shared.pdf'));
    }
    writes.push(other.saveMany(shared.map((record) => ({ record, file: 'shared.pdf' }))));
    await Promise.all(writes);

    expect(await store.counts()).toMatchObject({ total: 450, ok: 450, failed: 0 });
    expect(await other.counts()).toMatchObject({ total: 450, ok: 450, failed: 0 });
  });
});
