/** Check marks in every style that transcriptions use read as the same boxes. */
import { beforeAll, describe, expect, it } from 'vitest';
import { CHECKED, normalizeCheckMarks, UNCHECKED } from '../src/parse/check-marks.js';
import type { FormDRecordJson } from '../src/record/schema.js';
import {
  HTML_CHECKED,
  HTML_UNCHECKED,
  parseText,
  seedText,
  values,
  withMarks,
} from './parse-seed-variants.js';

describe('normalizeCheckMarks', () => {
  it.each([
    ['☒ Rule 506', `${CHECKED} Rule 506`],
    ['☐ Rule 504', `${UNCHECKED} Rule 504`],
    [`${HTML_CHECKED} Preferred`, `${CHECKED} Preferred`],
    [`${HTML_UNCHECKED} Common`, `${UNCHECKED} Common`],
    ['<INPUT TYPE=checkbox CHECKED> Legal Fees', `${CHECKED} Legal Fees`],
    ['[X] Rule 506', `${CHECKED} Rule 506`],
    ['[x] Rule 506', `${CHECKED} Rule 506`],
    ['[ ] Rule 504', `${UNCHECKED} Rule 504`],
    ['[] Rule 504', `${UNCHECKED} Rule 504`],
    ['(x) Director', `${CHECKED} Director`],
    ['( ) Director', `${UNCHECKED} Director`],
  ])('reads %j as %j', (raw, normalised) => {
    expect(normalizeCheckMarks(raw).replace(/\s+/g, ' ').trim()).toBe(normalised);
  });

  it('leaves bracketed state codes and "Section 4(6)" alone', () => {
    const line = '[AL] [AK] [CA] Section 4(6)';
    expect(normalizeCheckMarks(line)).toBe(line);
  });
});

describe('the seed with its marks rewritten in each style', () => {
  let seed: FormDRecordJson;
  beforeAll(async () => {
    seed = await parseText(seedText(), 'qualys-2003-formd.txt');
  });

  const STYLES: Array<[string, string, string]> = [
    ['Unicode boxes', '☒', '☐'],
    ['HTML inputs', HTML_CHECKED, HTML_UNCHECKED],
    ['brackets', '[X]', '[ ]'],
    ['lower-case brackets', '[x]', '[ ]'],
    ['parentheses', '(x)', '( )'],
  ];

  it.each(STYLES)('parses with %s to the same exemptions, roles and Yes/No answers', async (_s, on, off) => {
    const text = withMarks(seedText(), on, off);
    // Only the one style is left in the text.
    expect(text.includes('☒')).toBe(on === '☒');
    expect(text.includes('<input')).toBe(on.startsWith('<input'));
    const json = await parseText(text);
    expect(json.filing.exemptions).toEqual({
      rule504: false,
      rule505: false,
      rule506: true,
      section4_6: false,
      uloe: false,
    });
    expect(json.filing.isAmendment).toBe(false);
    expect(json.relatedPersons.map((p) => p.roles)).toEqual(seed.relatedPersons.map((p) => p.roles));
    expect(json.relatedPersons).toHaveLength(9);
    expect([
      json.offering.nonAccreditedSales,
      json.offering.jointOwnership,
      json.stateDisqualification,
    ]).toEqual([false, true, false]);
    expect(json.issuer.entityType).toBe('corporation');
    expect(json.issuer.incorporation.actual).toBe(true);
    expect(json.offering.securities.equity).toMatchObject({ common: false, preferred: true });
    expect(json.offering.estimated).toEqual(seed.offering.estimated);
    // And everything else too: the style of the marks changes nothing in the record.
    expect(values(json)).toEqual(values(seed));
  });

  it('reads boxes checked otherwise in the bracket style as checked otherwise', async () => {
    const text = withMarks(seedText(), '[X]', '[ ]')
      .replace('[ ] Rule 504 [ ] Rule 505 [X] Rule 506', '[X] Rule 504 [ ] Rule 505 [ ] Rule 506')
      .replace('in this offering? [ ] Yes [X] No', 'in this offering? [X] Yes [ ] No');
    const json = await parseText(text);
    expect(json.filing.exemptions).toMatchObject({ rule504: true, rule506: false });
    expect(json.offering.nonAccreditedSales).toBe(true);
  });
});
