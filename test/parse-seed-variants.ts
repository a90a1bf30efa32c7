/** The seed transcription, and helpers to rewrite it and parse the result, for the parse tests. */
import { readFileSync } from 'node:fs';
import { processDocument } from '../src/pipeline/process-document.js';
import { type FormDRecordJson, recordToJson } from '../src/record/schema.js';

export const SEED_PATH = 'fixtures/text/qualys-2003-formd.txt';
export const seedText = (): string => readFileSync(SEED_PATH, 'utf8');

export const HTML_CHECKED = '<input checked="" type="checkbox"/>';
export const HTML_UNCHECKED = '<input type="checkbox"/>';

/** The seed with every check mark (it mixes ☒/☐ and HTML inputs) written in one style. */
export function withMarks(text: string, checked: string, unchecked: string): string {
  return text
    .split(HTML_CHECKED)
    .join('☒')
    .split(HTML_UNCHECKED)
    .join('☐')
    .split('☒')
    .join(checked)
    .split('☐')
    .join(unchecked);
}

/** A transcription through the whole pipeline, in the contract's JSON form. */
export async function parseText(text: string, file = 'filing.txt'): Promise<FormDRecordJson> {
  return recordToJson.parse(await processDocument(Buffer.from(text, 'utf8'), file));
}

/** What a filing says, without what depends on its bytes (id, file name) or where values were read. */
export function values(json: FormDRecordJson) {
  const { id: _id, fields: _fields, source: _source, ...rest } = json;
  return rest;
}
