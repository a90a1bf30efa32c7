import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { type FormDRecord, recordToJson } from '../record/schema.js';

/** Writes one record per line in the contract's JSON form (money in dollars), streaming. */
export async function writeJsonl(records: AsyncIterable<FormDRecord>, out: Writable): Promise<number> {
  let count = 0;
  for await (const record of records) {
    const line = `${JSON.stringify(recordToJson.parse(record))}\n`;
    if (!out.write(line)) await once(out, 'drain');
    count++;
  }
  return count;
}
