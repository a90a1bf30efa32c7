/**
 * Page results under the data folder, beside the cleaned page images:
 * `<dataDir>/pages/<first two hex digits>/<sha256>/page-<n>.json`.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pageImagePath } from '../store/index.js';

export function pageResultPath(dataDir: string, id: string, page: number): string {
  return pageImagePath(dataDir, id, page).replace(/\.png$/, '.json');
}

export async function writePageResult(
  dataDir: string,
  id: string,
  page: number,
  result: unknown,
): Promise<string> {
  const path = pageResultPath(dataDir, id, page);
  await mkdir(dirname(path), { recursive: true });
  // Write then rename: a parent (or a second try of this page) never reads half a result.
  const partial = `${path}.${process.pid}.${Date.now()}.partial`;
  await writeFile(partial, JSON.stringify(result));
  await rename(partial, path);
  return path;
}

export async function readPageResults(dataDir: string, id: string, pages: number): Promise<unknown[]> {
  const results: unknown[] = [];
  for (let page = 1; page <= pages; page++) {
    results.push(JSON.parse(await readFile(pageResultPath(dataDir, id, page), 'utf8')));
  }
  return results;
}
