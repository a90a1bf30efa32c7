import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { damagePage, planDamage } from '../scripts/fixtures/damage.js';
import { generateFiling } from '../scripts/fixtures/generate.js';
import { injectInconsistency } from '../scripts/fixtures/inconsistency.js';
import { Rng } from '../scripts/fixtures/prng.js';
import {
  EXPENSE_KEYS,
  randomRecord,
  SECURITY_ROW_KEYS,
  USE_KEYS,
} from '../scripts/fixtures/random-record.js';
import { checkTruthRules, disagreement, truthCheck } from '../scripts/fixtures/truth-flags.js';
import { type FormDRecord, recordFromJson, recordSchema } from '../src/record/index.js';

const sum = (values: Array<number | null>) => values.reduce<number>((s, v) => s + (v ?? 0), 0);

/** The form's arithmetic, written out again here so the test does not trust the generator's own checks. */
function arithmeticHolds(r: FormDRecord): boolean {
  const o = r.offering;
  const u = o.useOfProceeds;
  const uses = sum(USE_KEYS.flatMap((k) => [u[k].affiliates, u[k].others]));
  return (
    sum(SECURITY_ROW_KEYS.map((k) => o.securities[k].offered)) === o.securities.total.offered &&
    sum(SECURITY_ROW_KEYS.map((k) => o.securities[k].sold)) === o.securities.total.sold &&
    SECURITY_ROW_KEYS.every((k) => (o.securities[k].sold ?? 0) <= (o.securities[k].offered ?? 0)) &&
    sum([o.investors.accredited.amount, o.investors.nonAccredited.amount]) === o.securities.total.sold &&
    sum(EXPENSE_KEYS.map((k) => o.expenses[k])) === o.expenses.total &&
    (o.securities.total.offered ?? 0) - (o.expenses.total ?? 0) === o.adjustedGrossProceeds &&
    uses === u.totalPaymentsListed &&
    u.totalPaymentsListed === o.adjustedGrossProceeds &&
    (u.columnTotals.others === null || sum(USE_KEYS.map((k) => u[k].others)) === u.columnTotals.others) &&
    (u.columnTotals.affiliates === null ||
      sum(USE_KEYS.map((k) => u[k].affiliates)) === u.columnTotals.affiliates)
  );
}

describe('random Form D records', () => {
  it('add up everywhere when no mistake is injected', () => {
    for (let i = 0; i < 200; i++) {
      const r = randomRecord(new Rng(`test:${i}`));
      expect(arithmeticHolds(r), `record ${i}`).toBe(true);
      expect(checkTruthRules(r)).toEqual([]);
      expect(recordSchema.safeParse(r).success).toBe(true);
    }
  });

  it('raise exactly the rules of the one injected mistake', () => {
    const kinds = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const r = randomRecord(new Rng(`test:${i}`));
      const mistake = injectInconsistency(new Rng(`mistake:${i}`), r);
      if (!mistake) continue;
      kinds.add(mistake.kind);
      // B.1 against C.2 is a contradiction, not a sum: the sums still add up.
      if (mistake.kind !== 'c2-nonaccredited-vs-b1') expect(arithmeticHolds(r), mistake.kind).toBe(false);
      const raised = [...new Set(checkTruthRules(r).map((f) => f.rule))].sort();
      expect(raised, mistake.kind).toEqual(mistake.rules);
    }
    expect(kinds.size).toBeGreaterThanOrEqual(6);
  });
});

describe('the truth check', () => {
  it("agrees with the generator's own checks on consistent and inconsistent records", async () => {
    const { check } = await truthCheck();
    for (let i = 0; i < 200; i++) {
      const r = randomRecord(new Rng(`agree:${i}`));
      if (i % 2) injectInconsistency(new Rng(`agree-mistake:${i}`), r, check);
      expect(disagreement(check, r), `record ${i}`).toBeNull();
    }
  });
});

describe('make-fixtures', () => {
  let dir = '';
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes an image-only PDF whose pages match its truth, and a truth that passes the schema', async () => {
    dir = await mkdtemp(join(tmpdir(), 'formd-fixtures-'));
    for (const [index, inconsistent] of [
      [0, false],
      [1, true],
    ] as const) {
      const result = await generateFiling({
        outDir: dir,
        name: `t-${index}`,
        seed: 'vitest',
        index,
        damage: 'mixed',
        inconsistent,
        format: 'pdf',
        dpi: 200,
      });
      const pdfBytes = await readFile(join(dir, result.file));
      const pdf = await PDFDocument.load(pdfBytes);
      const truth = JSON.parse(await readFile(join(dir, result.truthFile), 'utf8'));
      const record = recordSchema.parse(recordFromJson.parse(truth.record));

      expect(pdf.getPageCount()).toBe(record.source.pages);
      expect(record.source.pages).toBeGreaterThanOrEqual(4);
      expect(record.source.pages).toBeLessThanOrEqual(8);
      expect(truth.damage).toHaveLength(record.source.pages);
      expect(record.id).toBe(createHash('sha256').update(pdfBytes).digest('hex'));
      expect(record.source).toMatchObject({ file: `t-${index}.pdf`, kind: 'pdf' });
      expect(record.review).toEqual({ status: 'auto', reasons: [] });

      const failing = [...new Set(record.flags.map((f) => f.rule))].sort();
      if (inconsistent && truth.inconsistency) {
        expect(failing).toEqual(truth.inconsistency.rules);
        if (truth.inconsistency.kind !== 'c2-nonaccredited-vs-b1')
          expect(arithmeticHolds(record)).toBe(false);
      } else {
        expect(truth.inconsistency).toBeNull();
        expect(failing).toEqual([]);
        expect(arithmeticHolds(record)).toBe(true);
      }
    }
  });

  it('leaves ink on every damaged page: faint ink thresholded to 1 bit is not a blank page', async () => {
    // A small page with a typed-size black stroke, through every heavy damage plan of 60 pages.
    const width = 120;
    const height = 60;
    const page = Buffer.alloc(width * height, 255);
    for (let y = 28; y < 32; y++) page.fill(0, y * width + 20, y * width + 100);
    const plans = planDamage(new Rng('blank-pages'), 'heavy', 60, 200).map((d) => ({
      ...d,
      rotation: 0 as const,
      skew: 0,
      specks: 0,
    }));
    expect(plans.some((d) => d.ink === 'faint' && d.threshold !== null)).toBe(true);
    for (const [i, plan] of plans.entries()) {
      const { image } = await damagePage({ width, height, data: page }, plan, new Rng(`page ${i}`));
      const stroke = image.data.subarray(30 * image.width + 30, 30 * image.width + 90);
      // A 1-bit page keeps black ink; a gray one ink well darker than its paper.
      expect(Math.min(...stroke), JSON.stringify(plan)).toBeLessThan(
        plan.threshold === null ? plan.paper - 60 : 128,
      );
    }
  });

  it('gives the same bytes for the same seed', async () => {
    const a = await generateFiling({
      outDir: dir,
      name: 'same-a',
      seed: 'vitest',
      index: 2,
      damage: 'none',
      inconsistent: true,
      format: 'tiff',
      dpi: 200,
    });
    const b = await generateFiling({
      outDir: dir,
      name: 'same-b',
      seed: 'vitest',
      index: 2,
      damage: 'none',
      inconsistent: true,
      format: 'tiff',
      dpi: 200,
    });
    expect(a.truth.record.id).toBe(b.truth.record.id);
    expect(a.truth.record.source.kind).toBe('tiff');
  });
});
