/**
 * The Postgres schema, as an ordered list of migrations (the same tables as SQLite's). Each is
 * applied once, in its own transaction, and recorded in `schema_migrations`. Never edit a
 * migration that has shipped: add the next one.
 */
import type pg from 'pg';
import type { Migration } from './sqlite-migrations.js';

export const postgresMigrations: readonly Migration[] = [
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
        min_confidence DOUBLE PRECISION,
        version        INTEGER NOT NULL DEFAULT 1,
        created_at     BIGINT NOT NULL,
        updated_at     BIGINT NOT NULL,
        CHECK ((status = 'ok') = (record IS NOT NULL))
      );
      CREATE INDEX filings_status_updated ON filings (status, updated_at);
      CREATE INDEX filings_review_updated ON filings (review_status, updated_at);
      CREATE INDEX filings_flagged_updated ON filings (flagged, updated_at);
      CREATE INDEX filings_updated ON filings (updated_at);

      CREATE TABLE audit (
        seq        BIGSERIAL PRIMARY KEY,
        filing_id  TEXT NOT NULL REFERENCES filings (id) ON DELETE CASCADE,
        version    INTEGER NOT NULL,
        who        TEXT NOT NULL,
        at         BIGINT NOT NULL,
        path       TEXT NOT NULL,
        old_value  TEXT NOT NULL,
        new_value  TEXT NOT NULL
      );
      CREATE INDEX audit_filing ON audit (filing_id, seq);
    `,
  },
];

/** Any fixed number: every formd process takes the same advisory lock while migrating. */
const MIGRATION_LOCK = 0x666f726d64;

/**
 * Applies the migrations not yet applied and returns their versions. Safe when many workers on
 * many machines start at once: each migration runs under a transaction-scoped advisory lock.
 */
export async function runPostgresMigrations(
  client: pg.ClientBase,
  migrations: readonly Migration[] = postgresMigrations,
): Promise<number[]> {
  const applied: number[] = [];
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  for (const migration of ordered) {
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version    INTEGER PRIMARY KEY,
        name       TEXT NOT NULL,
        applied_at BIGINT NOT NULL
      )`);
      const done = await client.query('SELECT 1 FROM schema_migrations WHERE version = $1', [
        migration.version,
      ]);
      if (done.rowCount === 0) {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          migration.version,
          migration.name,
          Date.now(),
        ]);
        applied.push(migration.version);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  }
  return applied;
}
