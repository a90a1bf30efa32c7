/**
 * The data folder: the SQLite file and the cleaned page images the review page shows.
 * `./formd-data` unless FORMD_DATA or an explicit option says otherwise.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { InvalidStoreRequestError } from './errors.js';

export const DEFAULT_DATA_DIR = './formd-data';
export const DATABASE_FILE = 'formd.sqlite';

/** The data folder as an absolute path: the option, else FORMD_DATA, else ./formd-data. */
export function resolveDataDir(dataDir?: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = dataDir ?? (env.FORMD_DATA || undefined) ?? DEFAULT_DATA_DIR;
  return resolve(chosen);
}

/** Creates the data folder if needed and returns its absolute path. */
export async function prepareDataDir(
  dataDir?: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const dir = resolveDataDir(dataDir, env);
  await mkdir(dir, { recursive: true });
  return dir;
}

export function databasePath(dataDir: string): string {
  return join(dataDir, DATABASE_FILE);
}

/** `<dataDir>/pages/<first two hex digits>/<id>/page-<n>.png`: two-level fan-out keeps folders small. */
export function pageImagePath(dataDir: string, id: string, page: number): string {
  // The id becomes a folder name: only a sha256 may, never "../" or a slash.
  if (!/^[0-9a-f]{64}$/.test(id)) {
    throw new InvalidStoreRequestError(`not a filing id (a sha256 in hex): ${id}`, 'Pass the record id.');
  }
  if (!Number.isInteger(page) || page < 1) {
    throw new InvalidStoreRequestError(`page numbers start at 1, not ${page}`, 'Pass a 1-based page number.');
  }
  return join(dataDir, 'pages', id.slice(0, 2), id, `page-${page}.png`);
}

/** Writes a cleaned page image where the review page will look for it, and returns the path. */
export async function writePageImage(
  dataDir: string,
  id: string,
  page: number,
  png: Uint8Array,
): Promise<string> {
  const path = pageImagePath(dataDir, id, page);
  await mkdir(dirname(path), { recursive: true });
  // Write then rename, so a reader (or a second worker on the same file) never sees half an image.
  const partial = `${path}.${process.pid}.partial`;
  await writeFile(partial, png);
  await rename(partial, path);
  return path;
}
