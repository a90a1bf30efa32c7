/**
 * The seed filing (Qualys, Inc., November 2003) through the whole in-process pipeline, against the
 * record written out by hand in test/expected/qualys-2003-formd.json.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTranscription } from '../src/ingest/transcription.js';
import { processDocument, sha256 } from '../src/pipeline/process-document.js';
import { leafPaths } from '../src/record/paths.js';
import { type FormDRecord, type FormDRecordJson, recordToJson } from '../src/record/schema.js';

const SEED = 'fixtures/text/qualys-2003-formd.txt';
const EXPECTED = 'test/expected/qualys-2003-formd.json';

type Json = Record<string, unknown>;

let bytes: Buffer;
let record: FormDRecord;
let json: FormDRecordJson;
let expected: Json;
/** The transcription's lines (1-based), as the parser reads them: check marks normalised, bold split. */
let sourceLines: Map<number, string>;

beforeAll(async () => {
  bytes = await readFile(SEED);
  record = await processDocument(bytes, SEED);
  json = recordToJson.parse(record);
  expected = JSON.parse(await readFile(EXPECTED, 'utf8')) as Json;
  sourceLines = new Map();
  for (const l of readTranscription(bytes.toString('utf8'))) {
    sourceLines.set(l.line, `${sourceLines.get(l.line) ?? ''} ${l.text}`);
  }
});

/** Letters and digits only, lower case: what a raw value and its source line must share. */
const squeeze = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase();

const withoutKeys = (o: Json, keys: readonly string[]) =>
  Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

describe('the seed filing through processDocument', () => {
  it('is keyed by the sha256 of its bytes and says it came from a text transcription', () => {
    expect(json.id).toBe(sha256(bytes));
    expect(json.source).toEqual({ file: 'qualys-2003-formd.txt', pages: 0, kind: 'text' });
  });

  it('reads the cover page: offering name, new filing, Rule 506 only', () => {
    expect(json.filing).toEqual(expected.filing);
    expect(json.filing.exemptions.rule506).toBe(true);
    expect(json.filing.isAmendment).toBe(false);
  });

  it('reads the issuer, its address, incorporation 12/1999 (actual) and jurisdiction DE', () => {
    expect(json.issuer).toEqual(expected.issuer);
  });

  it('reads all nine related persons in form order, each with its five role boxes', () => {
    expect(json.relatedPersons).toHaveLength(9);
    expect(json.relatedPersons).toEqual(expected.relatedPersons);
    expect(json.relatedPersons[0]?.roles).toEqual({
      promoter: false,
      beneficialOwner: true,
      executiveOfficer: true,
      director: true,
      generalPartner: false,
    });
    expect(json.relatedPersons.map((p) => p.name).at(-1)).toBe('ABS Ventures');
  });

  it('reads Part B: no non-accredited sales, no minimum (N/A), joint ownership, no sales compensation', () => {
    const o = json.offering;
    expect([o.nonAccreditedSales, o.minimumInvestment, o.jointOwnership, o.salesCompensation]).toEqual([
      false,
      null,
      true,
      [],
    ]);
  });

  it('reads every C.1 to C.5 amount to the cent, with the estimate boxes', () => {
    const want = expected.offering as Json;
    expect(json.offering.securities).toEqual(want.securities);
    expect(json.offering.investors).toEqual(want.investors);
    expect(json.offering.expenses).toEqual(want.expenses);
    expect(json.offering.adjustedGrossProceeds).toBe(28634072.04);
    expect(json.offering.useOfProceeds).toEqual(want.useOfProceeds);
    expect([...json.offering.estimated].sort()).toEqual([...(want.estimated as string[])].sort());
    // In cents, inside the pipeline.
    expect(record.offering.useOfProceeds.totalPaymentsListed).toBe(2_770_166_892);
    expect(record.offering.useOfProceeds.workingCapital.others).toBe(1_759_907_196);
  });

  it('reads the signature (date as ISO) and the E.1 answer', () => {
    expect(json.signature).toEqual({
      issuer: 'Qualys, Inc.',
      signer: 'Eric Saltzman',
      title: 'Chief Financial Officer',
      date: '2003-11-28',
    });
    expect(json.stateDisqualification).toBe(false);
  });

  it('raises exactly the two C.5 flags, with the amounts and an explanation naming C.1 amount already sold', () => {
    const byRule = new Map(json.flags.map((f) => [f.rule, f]));
    expect([...byRule.keys()].sort()).toEqual(['C5_ROWS_SUM_TO_TOTAL', 'C5_TOTAL_EQUALS_ADJUSTED_PROCEEDS']);
    expect(json.flags).toHaveLength(2);
    for (const flag of byRule.values()) {
      expect(flag.severity).toBe('error');
      expect(flag.expected).toBe(28634072.04);
      expect(flag.actual).toBe(27701668.92);
      expect(flag.difference).toBe(-932403.12);
    }
    expect(byRule.get('C5_TOTAL_EQUALS_ADJUSTED_PROCEEDS')?.explanation).toContain(
      'C.1 amount already sold (27,701,668.92)',
    );
    // The flags as a set keyed by rule: the engine gives table order, the file the contract's.
    const expectedByRule = new Map((expected.flags as Json[]).map((f) => [f.rule, f]));
    expect(Object.fromEntries(byRule)).toEqual(Object.fromEntries(expectedByRule));
  });

  it('sends the filing to review for the two flagged rules', () => {
    expect(json.review.status).toBe('needs_review');
    expect([...json.review.reasons].sort()).toEqual(
      [...((expected.review as Json).reasons as string[])].sort(),
    );
  });

  it('matches the expected record in every key but id and fields (flags and reasons as sets)', () => {
    const setLike = (r: Json) => {
      const flags = [...(r.flags as Json[])].sort((a, b) => String(a.rule).localeCompare(String(b.rule)));
      const review = r.review as { status: string; reasons: string[] };
      const offering = r.offering as Json;
      return {
        ...withoutKeys(r, ['id', 'fields']),
        flags,
        review: { ...review, reasons: [...review.reasons].sort() },
        offering: { ...offering, estimated: [...(offering.estimated as string[])].sort() },
      };
    };
    expect(setLike(json as unknown as Json)).toEqual(setLike(expected));
  });
});

describe('the provenance of the seed record (fields)', () => {
  /** Leaves that are the pipeline's own bookkeeping, not values read from the page. */
  const NOT_READ = /^(schemaVersion|id|source|flags|review|fields|offering\.estimated)(\.|$)/;

  it('has a text entry with confidence, raw and line for every non-null value read from the transcription', () => {
    const values = leafPaths(json).filter(
      ([path, value]) =>
        !NOT_READ.test(path) && value !== null && !(Array.isArray(value) && value.length === 0),
    );
    expect(values.length).toBeGreaterThan(100);
    const missing = values.map(([path]) => path).filter((path) => !json.fields[path]);
    expect(missing).toEqual([]);
    for (const [path] of values) {
      const field = json.fields[path];
      expect(field, path).toMatchObject({ source: 'text', page: null, bbox: null });
      expect(field?.confidence, path).toBeGreaterThan(0.5);
      expect(field?.confidence, path).toBeLessThanOrEqual(1);
      expect(field?.raw.trim(), path).not.toBe('');
      expect(Number.isInteger(field?.line), path).toBe(true);
    }
  });

  it('points every entry at a line of the transcription that holds its raw text', () => {
    const wrong = Object.entries(json.fields).flatMap(([path, field]) => {
      const line = sourceLines.get(field.line ?? -1) ?? '';
      // The start of the value (marks and "$" dropped) must be on the line the entry names.
      const head = squeeze(field.raw).slice(0, 12);
      return squeeze(line).includes(head) ? [] : [`${path}: "${field.raw}" is not on line ${field.line}`];
    });
    expect(wrong).toEqual([]);
  });

  it.each([
    ['issuer.name', 'Qualys, Inc.', 39],
    ['offering.useOfProceeds.totalPaymentsListed', '$ 27,701,668.92', 336],
    ['offering.securities.equity.sold', '$ 27,701,668.92', 280],
    ['relatedPersons.3.roles.director', '☒ Director', 119],
    ['relatedPersons.4.name', 'Vieux, Alex S.', 133],
    ['offering.securities.equity.preferred', '☒ Preferred', 281],
    ['issuer.incorporation.month', '12', 65],
    ['issuer.incorporation.year', '99', 66],
    ['signature.date', 'November 28, 2003', 342],
  ])('records %s as read: raw %j on line %i', (path, raw, line) => {
    expect(json.fields[path]).toMatchObject({ source: 'text', raw, line, confidence: 1 });
  });
});
