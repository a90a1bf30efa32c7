import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeSample } from '../src/cli/review-command.js';
import { applyChanges, QUALITY_SAMPLE } from '../src/review/corrections.js';
import { drawQualitySample, sampleReport, seededRandom } from '../src/review/quality-sample.js';
import { SqliteFilingStore } from '../src/store/index.js';
import { sampleRecord } from './store-fixtures.js';

let dir: string;
let store: SqliteFilingStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'formd-sample-'));
  store = new SqliteFilingStore(join(dir, 'formd.sqlite'));
  await store.saveMany(
    Array.from({ length: 60 }, (_, i) => ({ record: sampleRecord(i), file: `f${i}.txt` })),
  );
  await store.saveRecord(sampleRecord('flagged', { flagged: true }), 'flagged.txt');
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function review(id: string, correct: boolean): Promise<void> {
  const filing = await store.get(id);
  if (!filing?.record) throw new Error('no record');
  const changes = correct
    ? [
        { action: 'set' as const, path: 'issuer.name', value: 'Qualys Inc.' },
        { action: 'markReviewed' as const },
      ]
    : [{ action: 'markReviewed' as const }];
  const applied = applyChanges(filing.record, changes, 'Ada');
  await store.updateRecord(id, applied.record, { expectedVersion: filing.version, audit: applied.audit });
}

describe('quality sampling', () => {
  it('sends a random share of the auto-accepted filings, and only those, to review', async () => {
    const report = await drawQualitySample(store, 0.25, { random: seededRandom(7) });
    expect(report.auto).toBe(60);
    expect(report.sent).toBeGreaterThan(5);
    expect(report.sent).toBeLessThan(30);
    const queued = await store.list({ needsReview: true });
    const sampled = [];
    for (const s of queued) {
      const r = (await store.get(s.id))?.record;
      if (r?.review.reasons.includes(QUALITY_SAMPLE)) sampled.push(r);
    }
    expect(sampled).toHaveLength(report.sent);
    expect(report).toMatchObject({ sampled: report.sent, reviewed: 0, corrected: 0, errorRate: null });
    expect(await store.audit(sampled[0]?.id ?? '')).toMatchObject([
      { path: 'review.status', oldValue: 'auto', newValue: 'needs_review' },
    ]);
  });

  it('reports the share of reviewed sample filings that needed a correction', async () => {
    await drawQualitySample(store, 0.25, { random: seededRandom(7) });
    const ids: string[] = [];
    for await (const r of store.iterateRecords({ reviewStatus: 'needs_review' })) {
      if (r.review.reasons.includes(QUALITY_SAMPLE)) ids.push(r.id);
    }
    await review(ids[0] ?? '', true);
    await review(ids[1] ?? '', false);
    await review(ids[2] ?? '', false);
    await review(ids[3] ?? '', false);
    const report = await sampleReport(store);
    expect(report).toMatchObject({ sampled: ids.length, reviewed: 4, corrected: 1, errorRate: 0.25 });
    expect(report.interval?.[0]).toBeLessThan(0.25);
    expect(report.interval?.[1]).toBeGreaterThan(0.25);
    expect(describeSample(report)).toMatch(/error rate: 25\.0% \(95% interval \d+\.\d% to \d+\.\d%\)/);
  });

  it('keeps a sampled filing with a person while they correct it, until it is marked reviewed', async () => {
    await drawQualitySample(store, 1, { random: seededRandom(1) });
    const record = (await store.get(sampleRecord(3).id))?.record;
    if (!record) throw new Error('no record');
    const edited = applyChanges(
      record,
      [{ action: 'set', path: 'issuer.name', value: 'Qualys Inc.' }],
      'Ada',
    );
    expect(edited.record.review.status).toBe('needs_review');
    expect(edited.record.review.reasons).toContain(QUALITY_SAMPLE);
  });
});
