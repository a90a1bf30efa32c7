import type { FormDRecord } from '../src/record/index.js';
import { emptyRecord } from '../src/record/index.js';

/** Dollars as written on the form, to cents, for readable fixtures. */
export const usd = (dollars: number): number => Math.round(dollars * 100);

/**
 * The Qualys, Inc. Form D of November 2003 (shared/seeds/000_28a909641369b00a.txt), the money,
 * dates and states that the rules read, as in the contract's seed example.
 */
export function seedRecord(): FormDRecord {
  const r = emptyRecord('28a909641369b00a'.padEnd(64, '0'), {
    file: 'qualys-2003-formd.pdf',
    pages: 9,
    kind: 'pdf',
  });
  r.issuer.address = { street: '1600 Bridge Parkway', city: 'Redwood Shores', state: 'CA', zip: '94065' };
  r.issuer.incorporation = { month: 12, year: 1999, actual: true };
  r.issuer.jurisdiction = 'DE';
  r.offering.nonAccreditedSales = false;
  const s = r.offering.securities;
  s.debt = { offered: 0, sold: 0 };
  s.equity = { offered: usd(28684072.04), sold: usd(27701668.92), common: false, preferred: true };
  s.convertible = { offered: 0, sold: 0 };
  s.partnership = { offered: 0, sold: 0 };
  s.other = { offered: 0, sold: 0, description: null };
  s.total = { offered: usd(28684072.04), sold: usd(27701668.92) };
  r.offering.investors = {
    accredited: { count: 20, amount: usd(27701668.92) },
    nonAccredited: { count: 0, amount: 0 },
  };
  r.offering.expenses = {
    transferAgent: 0,
    printing: 0,
    legal: usd(50000),
    accounting: 0,
    engineering: 0,
    salesCommissions: 0,
    findersFees: null,
    other: 0,
    total: usd(50000),
  };
  r.offering.adjustedGrossProceeds = usd(28634072.04);
  const u = r.offering.useOfProceeds;
  for (const key of ['salaries', 'realEstate', 'equipment', 'construction', 'acquisition'] as const) {
    u[key] = { affiliates: 0, others: 0 };
  }
  u.debtRepayment = { affiliates: 0, others: usd(11035000.08) };
  u.workingCapital = { affiliates: 0, others: usd(17599071.96) };
  u.other = { affiliates: 0, others: 0, description: null };
  u.columnTotals = { affiliates: 0, others: null };
  u.totalPaymentsListed = usd(27701668.92);
  r.signature = {
    issuer: 'Qualys, Inc.',
    signer: 'Eric Saltzman',
    title: 'Chief Financial Officer',
    date: '2003-11-28',
  };
  return r;
}

/**
 * The seed with its one disagreement put right (total payments listed = C.4.b), so that every rule
 * passes: the base for tests that break one thing at a time.
 */
export function consistentRecord(): FormDRecord {
  const r = seedRecord();
  r.offering.useOfProceeds.totalPaymentsListed = usd(28634072.04);
  return r;
}

/** Marks a path as read by OCR at the given confidence. */
export function readAt(record: FormDRecord, path: string, confidence: number, raw = ''): void {
  record.fields[path] = { confidence, page: 1, bbox: [0, 0, 10, 10], source: 'ocr', raw };
}
