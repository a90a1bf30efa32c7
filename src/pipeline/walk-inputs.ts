import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface InputFile {
  path: string;
  /** Set when the path could not be listed or read: the file fails with this reason. */
  problem?: string;
}

/** The files named, and every file below the folders named, in a stable order. Hidden files are skipped. */
export async function* walkInputs(paths: readonly string[]): AsyncGenerator<InputFile> {
  for (const path of paths) {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch (error) {
      yield { path, problem: fsReason(error) };
      continue;
    }
    if (info.isDirectory()) yield* walkFolder(path);
    else yield { path };
  }
}

async function* walkFolder(folder: string): AsyncGenerator<InputFile> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    yield { path: folder, problem: fsReason(error) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* walkFolder(path);
    else if (entry.isFile() || entry.isSymbolicLink()) yield { path };
  }
}

export function fsReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return error instanceof Error ? error.message : String(error);
}
