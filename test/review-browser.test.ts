/** The review page in a real browser (Debian's chromium through playwright-core): the keyboard workflow end to end. */
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { type ServerType, serve } from '@hono/node-server';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeJsonl } from '../src/export/jsonl.js';
import { createReviewApp } from '../src/review/app.js';
import { type ReviewFixture, reviewFixture, XSS } from './review-fixtures.js';

const TOTAL = 'offering.useOfProceeds.totalPaymentsListed';
/** Set to a folder to keep screenshots of the pages the test saw. */
const SHOTS = process.env.FORMD_SCREENSHOTS;

let fx: ReviewFixture;
let server: ServerType;
let base: string;
let browser: Browser;
let page: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  fx = await reviewFixture();
  const app = createReviewApp({ store: fx.store, dataDir: fx.dataDir, localReviewer: 'browser-test' });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await fx?.cleanup();
});

const selectedPath = () => page.locator('.field.selected').getAttribute('data-path');

describe('reviewing in the browser', () => {
  it('corrects the seed filing C.5 total from the keyboard, marks it reviewed, and the export has it', async () => {
    await page.goto(`${base}/`);
    await expect.poll(() => page.locator('[data-count="needs_review"] b').textContent()).toBe('3');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/queue.png` });
    await page.click(`a[href="/filings/${fx.seedId}"]`);
    await page.waitForSelector('.field.selected');
    await expect.poll(() => page.locator('.flag.error').count()).toBe(2);

    for (let i = 0; i < 10 && (await selectedPath()) !== TOTAL; i++) await page.keyboard.press('j');
    expect(await selectedPath()).toBe(TOTAL);
    // The transcription line the total was read from is highlighted.
    expect(await page.locator('.line.hit').textContent()).toContain('27,701,668.92');

    await page.keyboard.type('28,634,072.04');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.flag').count()).toBe(0);
    expect(await page.locator('#flags .clear').textContent()).toContain('No flags');
    const total = page.locator(`.field[data-path="${TOTAL}"]`);
    expect(await total.locator('.value').textContent()).toBe('28,634,072.04');
    expect(await total.locator('.source').textContent()).toBe('review');

    await page.keyboard.press('r');
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/^reviewed/);
    expect(await page.locator('#history li').allTextContents()).toEqual([
      expect.stringMatching(
        /browser-test: offering\.useOfProceeds\.totalPaymentsListed 27701668\.92 → 28634072\.04/,
      ),
      expect.stringMatching(/browser-test: review\.status "auto" → "reviewed"/),
    ]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/filing-seed.png` });

    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await writeJsonl(fx.store.iterateRecords({ reviewStatus: 'reviewed' }), out);
    const lines = Buffer.concat(chunks).toString('utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0] ?? '{}');
    expect(record.offering.useOfProceeds.totalPaymentsListed).toBe(28634072.04);
    expect(record.fields[TOTAL].source).toBe('review');
    expect(record.review.status).toBe('reviewed');
    expect(await fx.store.audit(fx.seedId)).toMatchObject([
      { who: 'browser-test', path: TOTAL, oldValue: 27701668.92, newValue: 28634072.04 },
      // With the flags cleared the rules find nothing left for a person: auto, until marked reviewed.
      { who: 'browser-test', path: 'review.status', oldValue: 'auto', newValue: 'reviewed' },
    ]);
  });

  it('draws a box over every value read from a page, coloured by confidence, linked both ways to the fields', async () => {
    await page.goto(`${base}/filings/${fx.scanId}`);
    await expect.poll(() => page.locator('.page .box').count()).toBe(2);
    expect(await page.locator('.box.lo').getAttribute('data-path')).toBe(
      'offering.securities.equity.offered',
    );
    expect(await page.locator('.box.hi').getAttribute('data-path')).toBe('issuer.name');
    expect(await page.locator('.field .crop').count()).toBe(2);
    await page.click('.box.hi');
    expect(await selectedPath()).toBe('issuer.name');
    await page.click('.field[data-path="offering.securities.equity.offered"]');
    expect(await page.locator('.box.selected').getAttribute('data-path')).toBe(
      'offering.securities.equity.offered',
    );
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/filing-scan.png` });
  });

  it('refuses a correction with letters in an amount, says why, and keeps the value', async () => {
    await page.goto(`${base}/filings/${fx.scanId}`);
    await page.waitForSelector('.field.selected');
    await page.click('.field[data-path="offering.securities.equity.offered"]');
    await page.keyboard.type('1OO,OOO');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#notice').textContent()).toMatch(/"1OO,OOO" is not an amount/);
    expect((await fx.store.get(fx.scanId))?.record?.offering.securities.equity.offered).toBe(100_000_00);
  });

  it('toggles a check box with space and shows the keys with ?', async () => {
    await page.goto(`${base}/filings/${fx.scanId}`);
    await page.waitForSelector('.field.selected');
    await page.click('.field[data-path="filing.exemptions.rule506"]');
    await page.keyboard.press(' ');
    await expect
      .poll(() => page.locator('.field[data-path="filing.exemptions.rule506"] .value').textContent())
      .toBe('☒ yes');
    expect((await fx.store.get(fx.scanId))?.record?.filing.exemptions.rule506).toBe(true);
    await page.keyboard.press('?');
    expect(await page.locator('#help').getAttribute('open')).not.toBeNull();
    expect(await page.locator('#help').textContent()).toContain('marks the filing reviewed');
    await page.keyboard.press('Escape');
  });

  it("refuses a save over someone else's newer change, says so, and loses neither", async () => {
    await page.goto(`${base}/filings/${fx.scanId}`);
    await page.waitForSelector('.field.selected');
    // Someone else saves the same filing after this page opened it.
    const other = await fx.store.get(fx.scanId);
    if (!other?.record) throw new Error('no record');
    const theirs = structuredClone(other.record);
    theirs.issuer.name = 'Acme Widgets Incorporated';
    await fx.store.updateRecord(fx.scanId, theirs, {
      expectedVersion: other.version,
      audit: [
        {
          who: 'someone else',
          path: 'issuer.name',
          oldValue: 'Acme Widgets, Inc.',
          newValue: theirs.issuer.name,
        },
      ],
    });
    await page.click('.field[data-path="offering.securities.equity.offered"]');
    await page.keyboard.type('200,000.00');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('#notice').textContent())
      .toMatch(/changed by someone else since you opened it/);
    const stored = await fx.store.get(fx.scanId);
    expect(stored?.record?.issuer.name).toBe('Acme Widgets Incorporated');
    expect(stored?.record?.offering.securities.equity.offered).toBe(100_000_00);
  });

  it('shows a scanned text that looks like markup as text', async () => {
    await page.goto(`${base}/`);
    expect(await page.getByText(XSS).count()).toBeGreaterThan(0);
    await page.goto(`${base}/filings/${fx.xssId}`);
    await page.waitForSelector('.field.selected');
    expect(await page.locator('.field[data-path="issuer.name"] .value').textContent()).toBe(XSS);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});
