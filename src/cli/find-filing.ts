import { readFile, stat } from 'node:fs/promises';
import { NotFoundError } from '../errors.js';
import { sha256 } from '../pipeline/process-document.js';
import type { FilingStore, StoredFiling } from '../store/index.js';

/** A filing by its id, a unique id prefix (8 or more characters), or the file it was read from. */
export async function findFiling(store: FilingStore, ref: string): Promise<StoredFiling> {
  const isFile = await stat(ref).then(
    (s) => s.isFile(),
    () => false,
  );
  if (isFile) {
    const found = await store.get(sha256(await readFile(ref)));
    if (found) return found;
    throw new NotFoundError(`${ref} has not been ingested`, 'Run formd ingest on it first.');
  }
  const exact = await store.get(ref);
  if (exact) return exact;
  if (/^[0-9a-f]{8,63}$/.test(ref)) {
    const matches = (await store.list({})).filter((f) => f.id.startsWith(ref));
    if (matches.length === 1 && matches[0]) {
      const found = await store.get(matches[0].id);
      if (found) return found;
    }
    if (matches.length > 1)
      throw new NotFoundError(`${ref} matches ${matches.length} filings`, 'Give more of the id.');
  }
  throw new NotFoundError(`no filing with id or file ${ref}`, 'formd list shows the stored filings.');
}
