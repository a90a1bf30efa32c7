/** A data folder with the seed transcription ingested, a scanned filing with a page image, and a hostile one. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { ingestBatch } from '../src/pipeline/ingest-batch.js';
import { emptyRecord, type FormDRecord } from '../src/record/index.js';
import { decideReview, evaluate } from '../src/rules/index.js';
import { type FilingStore, SqliteFilingStore, writePageImage } from '../src/store/index.js';
import { filingId } from './store-fixtures.js';

export const SEED_FILE = resolve('fixtures/text/qualys-2003-formd.txt');
export const XSS = '<img src=x onerror=alert(1)>';

export interface ReviewFixture {
  dataDir: string;
  store: FilingStore;
  seedId: string;
  scanId: string;
  xssId: string;
  cleanup(): Promise<void>;
}

/** A one-page "scan": a white page with two boxes of ink where two values were read. */
export function scannedRecord(): FormDRecord {
  const r = emptyRecord(filingId('scan-1'), { file: 'scan-1.png', pages: 1, kind: 'png' });
  r.issuer.name = 'Acme Widgets, Inc.';
  r.offering.securities.equity.offered = 100_000_00;
  r.offering.securities.total.offered = 100_000_00;
  r.signature.date = '1999-03-02';
  r.fields['issuer.name'] = {
    confidence: 0.97,
    page: 1,
    bbox: [100, 120, 520, 170],
    source: 'ocr',
    raw: 'Acme Widgets, Inc.',
  };
  r.fields['offering.securities.equity.offered'] = {
    confidence: 0.62,
    page: 1,
    bbox: [600, 700, 900, 745],
    source: 'ocr',
    raw: '$100,000.00',
  };
  return r;
}

export function hostileRecord(): FormDRecord {
  const r = emptyRecord(filingId('xss'), { file: 'xss.png', pages: 0, kind: 'png' });
  r.issuer.name = XSS;
  r.issuer.businessDescription = '<script>alert(2)</script>\tmakes\r\nwidgets';
  r.fields['issuer.name'] = { confidence: 0.41, page: null, bbox: null, source: 'ocr', raw: XSS };
  return r;
}

function finish(r: FormDRecord): FormDRecord {
  r.flags = evaluate(r);
  const d = decideReview(r, { flags: r.flags });
  r.review = { status: d.status, reasons: [...d.reasons] };
  return r;
}

export async function reviewFixture(): Promise<ReviewFixture> {
  const dataDir = await mkdtemp(join(tmpdir(), 'formd-review-'));
  const store = new SqliteFilingStore(join(dataDir, 'formd.sqlite'));
  await ingestBatch([SEED_FILE], store, { dataDir });
  const [seed] = await store.list({});
  const scan = finish(scannedRecord());
  const page = await sharp({ create: { width: 1000, height: 1300, channels: 3, background: '#ffffff' } })
    .composite([
      {
        input: { create: { width: 420, height: 50, channels: 3, background: '#222222' } },
        left: 100,
        top: 120,
      },
      {
        input: { create: { width: 300, height: 45, channels: 3, background: '#444444' } },
        left: 600,
        top: 700,
      },
    ])
    .png()
    .toBuffer();
  await writePageImage(dataDir, scan.id, 1, page);
  await store.saveRecord(scan, 'scan-1.png');
  const xss = finish(hostileRecord());
  await store.saveRecord(xss, 'xss.png');
  return {
    dataDir,
    store,
    seedId: seed?.id ?? '',
    scanId: scan.id,
    xssId: xss.id,
    async cleanup() {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
