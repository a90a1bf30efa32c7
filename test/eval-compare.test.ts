/** Measuring a record read against its truth, value by value. */
import { describe, expect, it } from 'vitest';
import { compareRecords } from '../src/eval/compare-records.js';
import { emptyRecord } from '../src/record/empty-record.js';
import { recordToJson } from '../src/record/schema.js';

const blank = () => emptyRecord('a'.repeat(64), { file: 'x.pdf', pages: 1, kind: 'pdf' });

describe('compareRecords', () => {
  it('counts a member missed from a set (the amounts marked estimated) once, not every member after it', () => {
    const truth = blank();
    truth.offering.estimated = [
      'expenses.legal',
      'useOfProceeds.other.others',
      'useOfProceeds.totalPaymentsListed',
    ];
    const read = blank();
    read.offering.estimated = [
      'useOfProceeds.other.others',
      'useOfProceeds.totalPaymentsListed',
      'expenses.other',
    ];
    const results = compareRecords(recordToJson.parse(truth), recordToJson.parse(read)).filter((r) =>
      r.path.startsWith('offering.estimated'),
    );
    expect(results.filter((r) => r.correct).map((r) => r.expected)).toEqual([
      'useOfProceeds.other.others',
      'useOfProceeds.totalPaymentsListed',
    ]);
    // The one missed and the one added.
    expect(results.filter((r) => !r.correct).map((r) => [r.expected, r.actual])).toEqual([
      ['expenses.legal', undefined],
      [undefined, 'expenses.other'],
    ]);
  });

  it('compares a list of people in form order', () => {
    const truth = blank();
    const person = (name: string) => ({
      name,
      address: null,
      roles: {
        promoter: null,
        beneficialOwner: null,
        executiveOfficer: null,
        director: null,
        generalPartner: null,
      },
    });
    truth.relatedPersons = [person('King, Patricia'), person('Ward, Karen')];
    const read = blank();
    read.relatedPersons = [person('Ward, Karen')];
    const wrong = compareRecords(recordToJson.parse(truth), recordToJson.parse(read)).filter(
      (r) => !r.correct,
    );
    expect(wrong.map((r) => r.path)).toEqual(['relatedPersons.0.name', 'relatedPersons.1.name']);
  });
});
