import type { TextLine } from '../ingest/lines.js';
import { emptyRecord } from '../record/empty-record.js';
import { getPath } from '../record/paths.js';
import type { FormDRecord } from '../record/schema.js';
import { readCover } from './cover.js';
import { FormText } from './form-text.js';
import { readPartB } from './part-b.js';
import { readPartC } from './part-c.js';
import { Reader } from './reader.js';
import { readRelatedPersons } from './related-persons.js';
import { mendRepeatedAddresses } from './repeated-addresses.js';
import { findSections } from './sections.js';
import { readSignature, readStateDisqualification } from './signature.js';

export interface ParsedFiling {
  /** The record with values and provenance; flags and review are decided by the rules stage. */
  record: FormDRecord;
  /**
   * Reasons for review that the parse found ("checkbox:" an exclusive group with no box or two
   * checked, "section:" a part of the form OCR left unfound).
   */
  doubtful: string[];
}

/**
 * Reads a filing's lines (a transcription's, or OCR's with boxes) into the record: finds the
 * parts of the form, then each part's values by their labels.
 */
export function parseFiling(
  lines: readonly TextLine[],
  id: string,
  source: FormDRecord['source'],
): ParsedFiling {
  const doc = new FormText(lines);
  // OCR may garble a part's heading and every label of it; a transcription that lacks one was cut off.
  const sections = findSections(doc, { readByOcr: source.kind !== 'text' && !source.textLayer });
  const record = emptyRecord(id, source);
  const reader = new Reader(doc, record);
  readCover(reader, sections.cover);
  readRelatedPersons(reader, sections.persons);
  mendRepeatedAddresses(reader);
  readPartB(reader, sections.partB);
  readPartC(reader, sections.partC);
  readSignature(reader, sections.partD, sections.partE);
  readStateDisqualification(reader, sections.partE);
  record.fields = reader.recorder.fields;
  const unfound = sections.unfound.map((part) => `section:${part} not found on the scanned pages`);
  // Part C's totals are on every Form D, a new filing's or an amendment's: a scan where OCR read
  // none of one (its page too damaged for any label to be found) is not read whole.
  const ocr = source.kind !== 'text' && !source.textLayer;
  const missing = ocr ? ALWAYS_WRITTEN.filter((path) => getPath(record, path) === null) : [];
  return { record, doubtful: [...unfound, ...reader.doubtful, ...missing.map((path) => `missing:${path}`)] };
}

/** The amounts every Form D gives (a zero at the least). */
const ALWAYS_WRITTEN = [
  'offering.securities.total.offered',
  'offering.securities.total.sold',
  'offering.adjustedGrossProceeds',
  'offering.useOfProceeds.totalPaymentsListed',
];
