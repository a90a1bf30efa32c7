/**
 * The SQLite schema, as an ordered list of migrations. Each is applied once, in its own
 * transaction, and recorded in `schema_migrations`. Never edit a migration that has shipped:
 * add the next one.
 */
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const sqliteMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'filings and audit',
    sql: `
      CREATE TABLE filings (
        id             TEXT PRIMARY KEY,
        file           TEXT NOT NULL,
        status         TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
        record         TEXT,
        error_code     TEXT,
        error_message  TEXT,
        review_status  TEXT CHECK (review_status IN ('auto', 'needs_review', 'reviewed')),
        flagged        INTEGER NOT NULL DEFAULT 0,
        flag_rules     TEXT NOT NULL DEFAULT '[]',
        issuer_name    TEXT,
        min_confidence REAL,
        version        INTEGER NOT NULL DEFAULT 1,
        created_at     INTEGER NOT NULL,
        updated_at     INTEGER NOT NULL,
        CHECK ((status = 'ok') = (record IS NOT NULL))
      );
      CREATE INDEX filings_status_updated ON filings (status, updated_at);
      CREATE INDEX filings_review_updated ON filings (review_status, updated_at);
      CREATE INDEX filings_flagged_updated ON filings (flagged, updated_at);
      CREATE INDEX filings_updated ON filings (updated_at);

      CREATE TABLE audit (
        seq        INTEGER PRIMARY KEY,
        filing_id  TEXT NOT NULL REFERENCES filings (id) ON DELETE CASCADE,
        version    INTEGER NOT NULL,
        who        TEXT NOT NULL,
        at         INTEGER NOT NULL,
        path       TEXT NOT NULL,
        old_value  TEXT NOT NULL,
        new_value  TEXT NOT NULL
      );
      CREATE INDEX audit_filing ON audit (filing_id, seq);
    `,
  },
];

/**
 * Applies the migrations not yet applied and returns their versions. Safe when several
 * processes open the same file at once: each migration re-checks inside a write transaction.
 */
export function runMigrations(
  db: Database.Database,
  migrations: readonly Migration[] = sqliteMigrations,
): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  )`);
  const isApplied = db.prepare<[number], { version: number }>(
    'SELECT version FROM schema_migrations WHERE version = ?',
  );
  const record = db.prepare<[number, string, number]>(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  const applied: number[] = [];
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  for (const migration of ordered) {
    const apply = db.transaction(() => {
      if (isApplied.get(migration.version)) return false;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, Date.now());
      return true;
    });
    // IMMEDIATE takes the write lock before the check, so two processes cannot both apply it.
    if (apply.immediate()) applied.push(migration.version);
  }
  return applied;
}
