import type { FormDRecord } from './schema.js';
import { SCHEMA_VERSION } from './schema.js';

const offeredSold = () => ({ offered: null, sold: null });
const paymentRow = () => ({ affiliates: null, others: null });

/** A record with every value null (nothing read yet): parsers fill it in, part by part. */
export function emptyRecord(id: string, source: FormDRecord['source']): FormDRecord {
  return {
    schemaVersion: SCHEMA_VERSION,
    id,
    source,
    filing: {
      offeringName: null,
      isAmendment: null,
      exemptions: { rule504: null, rule505: null, rule506: null, section4_6: null, uloe: null },
    },
    issuer: {
      name: null,
      address: null,
      phone: null,
      principalBusinessAddress: null,
      principalBusinessPhone: null,
      businessDescription: null,
      entityType: null,
      entityTypeOther: null,
      incorporation: { month: null, year: null, actual: null },
      jurisdiction: null,
    },
    relatedPersons: [],
    offering: {
      nonAccreditedSales: null,
      minimumInvestment: null,
      jointOwnership: null,
      salesCompensation: [],
      securities: {
        debt: offeredSold(),
        equity: { ...offeredSold(), common: null, preferred: null },
        convertible: offeredSold(),
        partnership: offeredSold(),
        other: { ...offeredSold(), description: null },
        total: offeredSold(),
      },
      investors: {
        accredited: { count: null, amount: null },
        nonAccredited: { count: null, amount: null },
      },
      expenses: {
        transferAgent: null,
        printing: null,
        legal: null,
        accounting: null,
        engineering: null,
        salesCommissions: null,
        findersFees: null,
        other: null,
        total: null,
      },
      adjustedGrossProceeds: null,
      estimated: [],
      useOfProceeds: {
        salaries: paymentRow(),
        realEstate: paymentRow(),
        equipment: paymentRow(),
        construction: paymentRow(),
        acquisition: paymentRow(),
        debtRepayment: paymentRow(),
        workingCapital: paymentRow(),
        other: { ...paymentRow(), description: null },
        columnTotals: paymentRow(),
        totalPaymentsListed: null,
      },
    },
    signature: { issuer: null, signer: null, title: null, date: null },
    stateDisqualification: null,
    flags: [],
    fields: {},
    review: { status: 'auto', reasons: [] },
  };
}
