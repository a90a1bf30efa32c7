import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReviewApp } from '../src/review/app.js';
import { evaluate } from '../src/rules/index.js';
import { type ReviewFixture, reviewFixture, scannedRecord, XSS } from './review-fixtures.js';
import { filingId } from './store-fixtures.js';

const TOTAL = 'offering.useOfProceeds.totalPaymentsListed';
const json = { 'content-type': 'application/json', 'x-requested-with': 'formd' };

let fx: ReviewFixture;
beforeAll(async () => {
  fx = await reviewFixture();
});
afterAll(async () => {
  await fx.cleanup();
});

const app = (token?: string) =>
  createReviewApp({
    store: fx.store,
    dataDir: fx.dataDir,
    localReviewer: 'tester',
    ...(token ? { token } : {}),
  });

async function change(
  a: ReturnType<typeof app>,
  id: string,
  body: unknown,
  headers: Record<string, string> = json,
) {
  const res = await a.request(`/api/filings/${id}/changes`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('the review app', () => {
  it('lists the filings needing review with counts, errors first, and filters them by rule and field', async () => {
    const a = app();
    const page = await (await a.request('/')).text();
    expect(page).toContain('needs review <b>3</b>');
    const order = [fx.seedId, fx.scanId].map((id) => page.indexOf(`/filings/${id}`));
    // The seed has arithmetic errors; the scan only a low-confidence value.
    expect(order[0]).toBeGreaterThan(0);
    expect(order[0]).toBeLessThan(order[1] ?? 0);
    const byRule = await (await a.request('/?rule=C5_ROWS_SUM_TO_TOTAL')).text();
    expect(byRule).toContain(fx.seedId);
    expect(byRule).not.toContain(fx.scanId);
    const byField = await (await a.request('/?field=offering.securities.equity')).text();
    expect(byField).toContain(fx.scanId);
    expect(byField).not.toContain(fx.seedId);
    const byConfidence = await (await a.request('/?confidence=0.7')).text();
    expect(byConfidence).toContain(fx.scanId);
    expect(byConfidence).not.toContain(`/filings/${fx.seedId}`);
  });

  it('shows text read from a scan as text, never as markup', async () => {
    const page = await (await app().request('/')).text();
    expect(page).not.toContain(XSS);
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const res = await app().request(`/filings/${fx.xssId}`);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('serves page images and refuses anything that is not a filing id and a page number', async () => {
    const a = app();
    const ok = await a.request(`/filings/${fx.scanId}/pages/1`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/png');
    for (const path of [
      `/filings/${fx.scanId}/pages/..%2F..%2F..%2Fformd.sqlite`,
      `/filings/${fx.scanId}/pages/0`,
      `/filings/..%2F..%2Fetc/pages/1`,
      '/filings/../../etc/passwd',
      `/filings/${fx.scanId}/pages/1%00.png`,
    ]) {
      const res = await a.request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).not.toBe('image/png');
    }
  });

  it('refuses a bad correction with a clear message and changes nothing', async () => {
    const a = app();
    const before = await fx.store.get(fx.seedId);
    const res = await change(a, fx.seedId, {
      version: before?.version,
      changes: [{ action: 'set', path: TOTAL, value: '28,634,O72.O4 dollars' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/is not an amount for .*28,634,072\.04/);
    const after = await fx.store.get(fx.seedId);
    expect(after?.version).toBe(before?.version);
    expect(after?.record).toEqual(before?.record);
    expect(await fx.store.audit(fx.seedId)).toEqual([]);
    const notAPath = await change(a, fx.seedId, {
      version: before?.version,
      changes: [{ action: 'set', path: 'review.status', value: 'reviewed' }],
    });
    expect(notAPath.status).toBe(400);
    const badBody = await change(a, fx.seedId, { version: 'one', changes: [] });
    expect(badBody.status).toBe(400);
    expect(badBody.body.error).toMatch(/^Bad request: version/);
  });

  it('refuses the second of two saves made from the same version, with a message', async () => {
    const a = app();
    const { version } = (await fx.store.get(fx.scanId)) ?? { version: 0 };
    const first = await change(a, fx.scanId, {
      version,
      changes: [{ action: 'set', path: 'offering.securities.equity.offered', value: '100,000.00' }],
    });
    expect(first.status).toBe(200);
    const second = await change(a, fx.scanId, {
      version,
      changes: [{ action: 'set', path: 'issuer.name', value: 'Acme Widgets Inc' }],
    });
    expect(second.status).toBe(409);
    expect(second.body.error).toMatch(/changed by someone else since you opened it/);
    expect((await fx.store.get(fx.scanId))?.record?.issuer.name).toBe('Acme Widgets, Inc.');
  });

  it('applies a correction: the rules run again, the source becomes review, the audit keeps it', async () => {
    const a = app();
    const { version } = (await fx.store.get(fx.seedId)) ?? { version: 0 };
    const res = await change(a, fx.seedId, {
      version,
      changes: [{ action: 'set', path: TOTAL, value: '28,634,072.04' }],
    });
    expect(res.status).toBe(200);
    expect(res.body.flags).toEqual([]);
    const stored = await fx.store.get(fx.seedId);
    expect(stored?.record?.offering.useOfProceeds.totalPaymentsListed).toBe(2_863_407_204);
    expect(stored?.record?.fields[TOTAL]?.source).toBe('review');
    const audit = await fx.store.audit(fx.seedId);
    expect(audit).toMatchObject([
      { who: 'tester', path: TOTAL, oldValue: 27701668.92, newValue: 28634072.04 },
    ]);
    const history = res.body.history as Array<{ path: string }>;
    expect(history.map((h) => h.path)).toEqual([TOTAL]);
  });

  it('applies the repair a flag suggests for a probable misread', async () => {
    const r = scannedRecord();
    r.id = filingId('misread');
    r.offering.securities.equity.offered = 10_000_00;
    for (const row of ['debt', 'convertible', 'partnership', 'other'] as const)
      r.offering.securities[row].offered = 0;
    r.fields['offering.securities.equity.offered'] = {
      confidence: 0.5,
      page: 1,
      bbox: [600, 700, 900, 745],
      source: 'ocr',
      raw: '$10,000.00',
    };
    r.fields['offering.securities.total.offered'] = {
      confidence: 0.95,
      page: 1,
      bbox: null,
      source: 'ocr',
      raw: '$100,000.00',
    };
    r.flags = evaluate(r);
    expect(r.flags.map((f) => f.rule)).toEqual(['OCR_SUSPECTED_MISREAD']);
    await fx.store.saveRecord(r, 'misread.png');
    const res = await change(app(), r.id, {
      version: 1,
      changes: [{ action: 'suggestion', path: 'offering.securities.equity.offered' }],
    });
    expect(res.status).toBe(200);
    expect(res.body.flags).toEqual([]);
    expect((await fx.store.get(r.id))?.record?.offering.securities.equity.offered).toBe(100_000_00);
    expect(await fx.store.audit(r.id)).toMatchObject([
      { path: 'offering.securities.equity.offered', oldValue: 10000, newValue: 100000 },
    ]);
  });

  it('refuses cross-site and oversized requests', async () => {
    const a = app();
    const { version } = (await fx.store.get(fx.scanId)) ?? { version: 0 };
    const body = { version, changes: [{ action: 'markReviewed' }] };
    const evil = await change(a, fx.scanId, body, { ...json, origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    const noHeader = await change(a, fx.scanId, body, { 'content-type': 'application/json' });
    expect(noHeader.status).toBe(403);
    const big = await a.request(`/api/filings/${fx.scanId}/changes`, {
      method: 'POST',
      headers: { ...json, 'content-length': String(200_000) },
      body: 'x'.repeat(200_000),
    });
    expect(big.status).toBe(413);
    expect((await fx.store.get(fx.scanId))?.version).toBe(version);
  });

  it('never sends a stack trace to the browser', async () => {
    const logged: string[] = [];
    const broken = createReviewApp({
      store: { ...fx.store, get: () => Promise.reject(new Error('database on fire')) } as typeof fx.store,
      dataDir: fx.dataDir,
      log: (line) => logged.push(line),
    });
    const res = await broken.request(`/api/filings/${fx.seedId}`);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(/database on fire|at .*\.ts:\d+/);
    expect(logged.join('')).toMatch(/database on fire/);
  });
});

describe('the login', () => {
  it('needs the token, compares it, and sets an http-only same-site cookie', async () => {
    const a = app('s3cret-token-for-tests');
    const page = await a.request('/');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/login?next=%2F');
    expect((await a.request(`/api/filings/${fx.seedId}`)).status).toBe(401);
    expect((await a.request(`/filings/${fx.scanId}/pages/1`)).status).toBe(303);

    const form = (token: string) =>
      a.request('/login', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ who: 'Ada', token, next: '/' }).toString(),
      });
    const wrong = await form('s3cret-token-for-test');
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();

    const right = await form('s3cret-token-for-tests');
    expect(right.status).toBe(303);
    const cookie = right.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/formd_session=[\w-]{20,}/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const session = cookie.split(';')[0] ?? '';
    const queue = await a.request('/', { headers: { cookie: session } });
    expect(queue.status).toBe(200);
    expect(await queue.text()).toContain('Ada');
    expect((await a.request('/', { headers: { cookie: 'formd_session=forged' } })).status).toBe(303);
  });
});
