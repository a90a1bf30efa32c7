/** Which store to open: the one place that chooses between back ends. */
import { databasePath, prepareDataDir } from './data-dir.js';
import { UnsupportedStoreError } from './errors.js';
import { SqliteFilingStore, type SqliteStoreOptions } from './sqlite-store.js';
import type { FilingStore } from './store.js';

export interface OpenStoreOptions extends SqliteStoreOptions {
  /** The data folder; defaults to FORMD_DATA, then ./formd-data. */
  dataDir?: string;
  /** A Postgres connection string; defaults to DATABASE_URL. */
  databaseUrl?: string;
  env?: NodeJS.ProcessEnv;
}

export type StoreKind = 'sqlite' | 'postgres';

/** Postgres when a database URL is given or DATABASE_URL is set, else the SQLite file in the data folder. */
export function storeKind(options: Pick<OpenStoreOptions, 'databaseUrl' | 'env'> = {}): StoreKind {
  const url = options.databaseUrl ?? (options.env ?? process.env).DATABASE_URL;
  return url ? 'postgres' : 'sqlite';
}

export async function openStore(options: OpenStoreOptions = {}): Promise<FilingStore> {
  if (storeKind(options) === 'postgres') {
    // Refuse rather than fall back: a silent local file would split the data of many machines.
    throw new UnsupportedStoreError(
      'DATABASE_URL is set, but this version of formd stores filings only in SQLite',
      'Unset DATABASE_URL to use the SQLite file in the data folder (FORMD_DATA).',
    );
  }
  const dataDir = await prepareDataDir(options.dataDir, options.env);
  return new SqliteFilingStore(databasePath(dataDir), { busyTimeoutMs: options.busyTimeoutMs });
}
