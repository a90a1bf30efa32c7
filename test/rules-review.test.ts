import { describe, expect, it } from 'vitest';
import type { FormDRecord } from '../src/record/index.js';
import { checkRules, decideReview, evaluate, MAX_LOW_CONFIDENCE_REASONS } from '../src/rules/index.js';
import { consistentRecord, readAt, seedRecord, usd } from './rules-seed.js';

const ADJUSTED = 'offering.adjustedGrossProceeds';

function withFlags(record: FormDRecord): FormDRecord {
  record.flags = evaluate(record);
  return record;
}

describe('the review decision', () => {
  it('lets a filing with no flags and confident fields through on its own', () => {
    const record = withFlags(consistentRecord());
    readAt(record, ADJUSTED, 0.95);
    expect(decideReview(record)).toEqual({ status: 'auto', reasons: [] });
  });

  it('sends the seed filing to review for its two flags, as the contract shows', () => {
    expect(decideReview(withFlags(seedRecord()))).toEqual({
      status: 'needs_review',
      reasons: ['C5_ROWS_SUM_TO_TOTAL', 'C5_TOTAL_EQUALS_ADJUSTED_PROCEEDS'],
    });
  });

  it('sends a field read below the threshold to review by its path', () => {
    const record = withFlags(consistentRecord());
    readAt(record, ADJUSTED, 0.62);
    expect(decideReview(record)).toEqual({ status: 'needs_review', reasons: [`low_confidence:${ADJUSTED}`] });
    expect(decideReview(record, { confidenceThreshold: 0.6 })).toEqual({ status: 'auto', reasons: [] });
  });

  it('does not send back a value a person set', () => {
    const record = withFlags(consistentRecord());
    record.fields[ADJUSTED] = {
      confidence: 0.3,
      page: 1,
      bbox: null,
      source: 'review',
      raw: '28,634,072.04',
    };
    expect(decideReview(record).status).toBe('auto');
  });

  it('names a rule once however many flags it raised', () => {
    const record = consistentRecord();
    record.offering.useOfProceeds.columnTotals = { affiliates: usd(1), others: usd(1) };
    record.flags = checkRules(record);
    expect(record.flags.map((f) => f.rule)).toEqual(['C5_COLUMN_SUM', 'C5_COLUMN_SUM']);
    expect(decideReview(record).reasons).toEqual(['C5_COLUMN_SUM']);
  });

  it('keeps the list short: the lowest-confidence paths first, the rest counted', () => {
    const record = withFlags(consistentRecord());
    const paths = [
      'offering.expenses.legal',
      'offering.expenses.total',
      ADJUSTED,
      'offering.securities.total.sold',
      'offering.securities.total.offered',
      'offering.securities.equity.sold',
      'offering.securities.equity.offered',
      'issuer.name',
    ];
    for (const [i, path] of paths.entries()) readAt(record, path, 0.1 + i * 0.05);
    const { reasons } = decideReview(record);
    expect(reasons).toEqual([
      ...paths.slice(0, MAX_LOW_CONFIDENCE_REASONS).map((p) => `low_confidence:${p}`),
      `low_confidence_more:${paths.length - MAX_LOW_CONFIDENCE_REASONS}`,
    ]);
  });

  it('decides on freshly evaluated flags when given them', () => {
    const record = consistentRecord();
    record.offering.adjustedGrossProceeds = usd(1);
    expect(decideReview(record).status).toBe('auto');
    expect(decideReview(record, { flags: evaluate(record) })).toEqual({
      status: 'needs_review',
      reasons: ['C4B_ADJUSTED', 'C5_TOTAL_EQUALS_ADJUSTED_PROCEEDS'],
    });
  });
});

describe('a reviewed filing', () => {
  function reviewedSeed(): FormDRecord {
    const record = withFlags(seedRecord());
    readAt(record, ADJUSTED, 0.5);
    record.review = {
      status: 'reviewed',
      reasons: ['C5_ROWS_SUM_TO_TOTAL', 'C5_TOTAL_EQUALS_ADJUSTED_PROCEEDS'],
    };
    return record;
  }

  it('stays reviewed with the flags and low-confidence fields the reviewer saw', () => {
    const record = reviewedSeed();
    expect(decideReview(record, { flags: evaluate(record) })).toEqual({
      status: 'reviewed',
      reasons: ['C5_ROWS_SUM_TO_TOTAL', 'C5_TOTAL_EQUALS_ADJUSTED_PROCEEDS'],
    });
  });

  it('stays reviewed when a correction clears its flags', () => {
    const record = reviewedSeed();
    record.offering.useOfProceeds.totalPaymentsListed = usd(28634072.04);
    expect(decideReview(record, { flags: evaluate(record) }).status).toBe('reviewed');
  });

  it('goes back to review when a correction raises an error the reviewer has not seen', () => {
    const record = reviewedSeed();
    // A person's correction: the value changes and its source becomes `review`.
    record.offering.adjustedGrossProceeds = usd(27701668.92);
    record.fields[ADJUSTED] = { confidence: 1, page: 1, bbox: null, source: 'review', raw: '27,701,668.92' };
    expect(decideReview(record, { flags: evaluate(record) })).toEqual({
      status: 'needs_review',
      reasons: ['C4B_ADJUSTED'],
    });
  });

  it('is not reopened by a new warning', () => {
    const record = reviewedSeed();
    const warning = {
      rule: 'OCR_SUSPECTED_MISREAD',
      severity: 'warning' as const,
      paths: [ADJUSTED],
      message: 'x',
    };
    expect(decideReview(record, { flags: [...record.flags, warning] }).status).toBe('reviewed');
  });
});
