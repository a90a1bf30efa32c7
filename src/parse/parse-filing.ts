import type { TextLine } from '../ingest/lines.js';
import { emptyRecord } from '../record/empty-record.js';
import type { FormDRecord } from '../record/schema.js';
import { readCover } from './cover.js';
import { FormText } from './form-text.js';
import { readPartB } from './part-b.js';
import { readPartC } from './part-c.js';
import { Reader } from './reader.js';
import { readRelatedPersons } from './related-persons.js';
import { findSections } from './sections.js';
import { readSignature, readStateDisqualification } from './signature.js';

export interface ParsedFiling {
  /** The record with values and provenance; flags and review are decided by the rules stage. */
  record: FormDRecord;
  /** Exclusive check-box groups that read no box or two: each is a reason for review. */
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
  const sections = findSections(doc);
  const record = emptyRecord(id, source);
  const reader = new Reader(doc, record);
  readCover(reader, sections.cover);
  readRelatedPersons(reader, sections.persons);
  readPartB(reader, sections.partB);
  readPartC(reader, sections.partC);
  readSignature(reader, sections.partD, sections.partE);
  readStateDisqualification(reader, sections.partE);
  record.fields = reader.recorder.fields;
  return { record, doubtful: reader.doubtful };
}
