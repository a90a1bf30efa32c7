/** Which store to open: the one place that chooses between back ends. */
import { databasePath, prepareDataDir } from './data-dir.js';
import { SqliteFilingStore, type SqliteStoreOptions } from './sqlite-store.js';
import type { FilingStore } from './store.js';

export interface OpenStoreOptions extends SqliteStoreOptions {
  /** The data folder; defaults to FORMD_DATA, then ./formd-data. */
  dataDir?: string;
  /** A Postgres connection string; defaults to DATABASE_URL. */
  databaseUrl?: string;
  /** A Postgres schema for the tables; defaults to DATABASE_SCHEMA, else the connection's search path. */
  databaseSchema?: string;
  env?: NodeJS.ProcessEnv;
}

export type StoreKind = 'sqlite' | 'postgres';

/** Postgres when a database URL is given or DATABASE_URL is set, else the SQLite file in the data folder. */
export function storeKind(options: Pick<OpenStoreOptions, 'databaseUrl' | 'env'> = {}): StoreKind {
  const url = options.databaseUrl ?? (options.env ?? process.env).DATABASE_URL;
  return url ? 'postgres' : 'sqlite';
}

export async function openStore(options: OpenStoreOptions = {}): Promise<FilingStore> {
  const env = options.env ?? process.env;
  const url = options.databaseUrl ?? env.DATABASE_URL;
  if (url) {
    const schema = options.databaseSchema ?? (env.DATABASE_SCHEMA || undefined);
    // pg loads only when Postgres is asked for: the embedded mode starts without it.
    const { PostgresFilingStore } = await import('./postgres-store.js');
    return PostgresFilingStore.open({ connectionString: url, ...(schema ? { schema } : {}) });
  }
  const dataDir = await prepareDataDir(options.dataDir, options.env);
  return new SqliteFilingStore(databasePath(dataDir), { busyTimeoutMs: options.busyTimeoutMs });
}
