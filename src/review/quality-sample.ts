/**
 * Quality sampling: a random share of the auto-accepted filings goes to a person, and the share of
 * those that the person had to correct is the archive's measured error rate.
 */
import type { FilingStore } from '../store/index.js';
import { QUALITY_SAMPLE } from './corrections.js';

export interface SampleReport {
  /** Auto-accepted filings looked at, and how many of them were sent to review now. */
  auto: number;
  sent: number;
  /** Every filing ever drawn, how many are reviewed, and how many of those needed a correction. */
  sampled: number;
  reviewed: number;
  corrected: number;
  /** corrected / reviewed; null before any sampled filing is reviewed. */
  errorRate: number | null;
  /** A 95% Wilson interval around the error rate. */
  interval: [number, number] | null;
}

/** A small seeded generator, so that a sample can be drawn again (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function wilson(k: number, n: number): [number, number] {
  const z = 1.96;
  const p = k / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

export async function drawQualitySample(
  store: FilingStore,
  rate: number,
  options: { random?: () => number; who?: string } = {},
): Promise<SampleReport> {
  const random = options.random ?? Math.random;
  const who = options.who ?? 'formd review sample';
  const chosen: string[] = [];
  let auto = 0;
  for await (const record of store.iterateRecords({ reviewStatus: 'auto' })) {
    auto++;
    if (random() < rate) chosen.push(record.id);
  }
  // Written after the stream ends: the store streams and updates through one connection.
  for (const id of chosen) {
    const filing = await store.get(id);
    if (!filing?.record) continue;
    if (filing.record.review.status !== 'auto') continue;
    const record = structuredClone(filing.record);
    record.review = { status: 'needs_review', reasons: [QUALITY_SAMPLE] };
    await store.updateRecord(id, record, {
      expectedVersion: filing.version,
      audit: [{ who, path: 'review.status', oldValue: 'auto', newValue: 'needs_review' }],
    });
  }
  return { ...(await sampleReport(store)), auto, sent: chosen.length };
}

export async function sampleReport(
  store: FilingStore,
): Promise<Omit<SampleReport, 'auto' | 'sent'> & { auto: 0; sent: 0 }> {
  const sampledIds: Array<{ id: string; reviewed: boolean }> = [];
  for await (const record of store.iterateRecords({})) {
    if (record.review.reasons.includes(QUALITY_SAMPLE)) {
      sampledIds.push({ id: record.id, reviewed: record.review.status === 'reviewed' });
    }
  }
  let reviewed = 0;
  let corrected = 0;
  for (const s of sampledIds) {
    if (!s.reviewed) continue;
    reviewed++;
    const changes = await store.audit(s.id);
    const changedValue = changes.some(
      (a) => a.path !== 'review.status' && JSON.stringify(a.oldValue) !== JSON.stringify(a.newValue),
    );
    if (changedValue) corrected++;
  }
  return {
    auto: 0,
    sent: 0,
    sampled: sampledIds.length,
    reviewed,
    corrected,
    errorRate: reviewed ? corrected / reviewed : null,
    interval: reviewed ? wilson(corrected, reviewed) : null,
  };
}
