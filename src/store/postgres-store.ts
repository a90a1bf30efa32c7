/**
 * The store for many machines: Postgres through DATABASE_URL, the same tables and behaviour as
 * the SQLite store (which owns the row shapes and the record columns this file reuses).
 */
import pg from 'pg';
import { type FormDRecord, recordFromJson } from '../record/index.js';
import {
  ConcurrentEditError,
  FilingNotFoundError,
  InvalidStoreRequestError,
  StoreClosedError,
} from './errors.js';
import { runPostgresMigrations } from './postgres-migrations.js';
import {
  type AuditRow,
  auditParams,
  checkCount,
  checkUpdateRequest,
  type FilingRow,
  recordColumns,
  SUMMARY_COLUMNS,
  type SummaryRow,
  toStoredFiling,
  toSummary,
} from './sqlite-store.js';
import type {
  AuditEntry,
  FailedFiling,
  FilingCounts,
  FilingError,
  FilingFilter,
  FilingStore,
  FilingSummary,
  ListFilter,
  RecordFilter,
  SaveRecordInput,
  StoredFiling,
  UpdateOptions,
} from './store.js';

export interface PostgresStoreOptions {
  /** A postgres:// connection string. */
  connectionString: string;
  /** A schema to keep the tables in (created if missing); default: the connection's search path. */
  schema?: string;
  /** Connections kept open; a worker needs few, the review page a handful. */
  maxConnections?: number;
}

/** Rows are fetched from a streaming cursor this many at a time. */
const STREAM_BATCH = 200;

const INT8_OID = 20;

const SAVE_RECORD = `INSERT INTO filings (id, file, status, record, review_status, flagged, flag_rules, issuer_name,
                            min_confidence, version, created_at, updated_at)
       VALUES ($1, $2, 'ok', $3, $4, $5, $6, $7, $8, 1, $9, $9)
       ON CONFLICT (id) DO UPDATE SET
         file = excluded.file, status = 'ok', record = excluded.record,
         error_code = NULL, error_message = NULL, review_status = excluded.review_status,
         flagged = excluded.flagged, flag_rules = excluded.flag_rules,
         issuer_name = excluded.issuer_name, min_confidence = excluded.min_confidence,
         version = filings.version + 1, updated_at = excluded.updated_at
       WHERE filings.status = 'failed'`;

type Columns = ReturnType<typeof recordColumns>;

function saveParams(id: string, file: string, c: Columns, now: number): unknown[] {
  return [id, file, c.record, c.reviewStatus, c.flagged, c.flagRules, c.issuerName, c.minConfidence, now];
}

export class PostgresFilingStore implements FilingStore {
  private readonly pool: pg.Pool;
  private closed = false;

  private constructor(private readonly options: PostgresStoreOptions) {
    const schema = options.schema;
    this.pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.maxConnections ?? 5,
      // Timestamps are BIGINT milliseconds: read them as numbers, as SQLite gives them.
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as never,
      },
      ...(schema ? { options: `-c search_path=${pg.escapeIdentifier(schema)}` } : {}),
    });
    // An idle connection dropped by the server must not crash the process; the next query reconnects.
    this.pool.on('error', () => {});
  }

  /** Connects, creates the schema if asked, and applies the migrations not yet applied. */
  static async open(options: PostgresStoreOptions): Promise<PostgresFilingStore> {
    const store = new PostgresFilingStore(options);
    try {
      await store.migrate();
    } catch (error) {
      await store.pool.end();
      throw error;
    }
    return store;
  }

  private async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      if (this.options.schema) {
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${pg.escapeIdentifier(this.options.schema)}`);
      }
      await runPostgresMigrations(client);
    } finally {
      client.release();
    }
  }

  async get(id: string): Promise<StoredFiling | null> {
    const { rows } = await this.pool.query<FilingRow>('SELECT * FROM filings WHERE id = $1', [id]);
    const row = rows[0];
    return row ? toStoredFiling(row) : null;
  }

  async saveRecord(record: FormDRecord, file: string): Promise<{ created: boolean }> {
    const columns = recordColumns(record);
    const result = await this.pool.query(SAVE_RECORD, saveParams(record.id, file, columns, Date.now()));
    return { created: (result.rowCount ?? 0) > 0 };
  }

  async saveMany(items: SaveRecordInput[]): Promise<{ created: number }> {
    // Validate and serialise before the transaction, so it holds its locks as briefly as possible.
    const rows = items.map(({ record, file }) => ({ id: record.id, file, columns: recordColumns(record) }));
    return this.transaction(async (client) => {
      const now = Date.now();
      let created = 0;
      for (const row of rows) {
        created +=
          (await client.query(SAVE_RECORD, saveParams(row.id, row.file, row.columns, now))).rowCount ?? 0;
      }
      return { created };
    });
  }

  async saveFailure(id: string, file: string, error: FilingError): Promise<void> {
    if (id === '')
      throw new InvalidStoreRequestError('a failure needs an id', 'Pass the sha256 of the file.');
    await this.pool.query(
      `INSERT INTO filings (id, file, status, error_code, error_message, version, created_at, updated_at)
       VALUES ($1, $2, 'failed', $3, $4, 1, $5, $5)
       ON CONFLICT (id) DO UPDATE SET
         file = excluded.file, error_code = excluded.error_code, error_message = excluded.error_message,
         version = filings.version + 1, updated_at = excluded.updated_at
       WHERE filings.status = 'failed'`,
      [id, file, error.code, error.message, Date.now()],
    );
  }

  async list(filter: ListFilter = {}): Promise<FilingSummary[]> {
    const { limit, offset } = filter;
    checkCount('limit', limit);
    checkCount('offset', offset);
    const { where, params } = whereClause(filter);
    let paging = '';
    if (limit !== undefined) paging += ` LIMIT $${params.push(limit)}`;
    if (offset !== undefined) paging += ` OFFSET $${params.push(offset)}`;
    const { rows } = await this.pool.query<SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM filings ${where} ORDER BY updated_at DESC, id${paging}`,
      params,
    );
    return rows.map(toSummary);
  }

  async counts(): Promise<FilingCounts> {
    const { rows } = await this.pool.query<FilingCounts>(
      `SELECT count(*)::int AS total,
         count(*) FILTER (WHERE status = 'ok')::int AS ok,
         count(*) FILTER (WHERE status = 'failed')::int AS failed,
         count(*) FILTER (WHERE review_status = 'auto')::int AS "auto",
         count(*) FILTER (WHERE review_status = 'needs_review')::int AS "needsReview",
         count(*) FILTER (WHERE review_status = 'reviewed')::int AS reviewed,
         count(*) FILTER (WHERE status = 'ok' AND flagged = 1)::int AS flagged
       FROM filings`,
    );
    const counts = rows[0];
    if (!counts) throw new Error('the counts query returned no row');
    return counts;
  }

  async *iterateRecords(filter: RecordFilter = {}): AsyncGenerator<FormDRecord> {
    // A cursor in its own transaction: one consistent snapshot, a batch of rows in memory at a time.
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const { where, params } = whereClause({ ...filter, status: 'ok' });
      await client.query(
        `DECLARE records NO SCROLL CURSOR FOR SELECT record FROM filings ${where} ORDER BY id`,
        params,
      );
      for (;;) {
        if (this.closed) throw new StoreClosedError();
        const { rows } = await client.query<{ record: string }>(`FETCH ${STREAM_BATCH} FROM records`);
        if (rows.length === 0) break;
        for (const row of rows) yield recordFromJson.parse(JSON.parse(row.record));
      }
    } catch (error) {
      broken = true;
      throw error;
    } finally {
      // A stream abandoned early ends its transaction too; a broken connection is not reused.
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      client.release(broken);
    }
  }

  async updateRecord(id: string, record: FormDRecord, options: UpdateOptions): Promise<{ version: number }> {
    const { expectedVersion, audit } = options;
    checkUpdateRequest(id, record, expectedVersion);
    const c = recordColumns(record);
    const auditRows = audit.map(auditParams);
    return this.transaction(async (client) => {
      // FOR UPDATE: the version check and the write happen under one row lock.
      const { rows } = await client.query<{ status: string; version: number }>(
        'SELECT status, version FROM filings WHERE id = $1 FOR UPDATE',
        [id],
      );
      const current = rows[0];
      if (!current) throw new FilingNotFoundError(id);
      if (current.status !== 'ok') {
        throw new InvalidStoreRequestError(
          `filing ${id} failed and has no record to correct`,
          'Ingest the file again; a correction needs a record.',
        );
      }
      if (current.version !== expectedVersion)
        throw new ConcurrentEditError(id, expectedVersion, current.version);
      const version = expectedVersion + 1;
      const now = Date.now();
      await client.query(
        `UPDATE filings SET record = $2, review_status = $3, flagged = $4, flag_rules = $5, issuer_name = $6,
           min_confidence = $7, version = $8, updated_at = $9
         WHERE id = $1`,
        [id, c.record, c.reviewStatus, c.flagged, c.flagRules, c.issuerName, c.minConfidence, version, now],
      );
      for (const row of auditRows) {
        await client.query(
          `INSERT INTO audit (filing_id, version, who, at, path, old_value, new_value)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [id, version, row.who, now, row.path, row.oldValue, row.newValue],
        );
      }
      return { version };
    });
  }

  async audit(id: string): Promise<AuditEntry[]> {
    const { rows } = await this.pool.query<AuditRow>(
      'SELECT filing_id, version, who, at, path, old_value, new_value FROM audit WHERE filing_id = $1 ORDER BY seq',
      [id],
    );
    return rows.map((row) => ({
      filingId: row.filing_id,
      version: row.version,
      who: row.who,
      at: new Date(row.at),
      path: row.path,
      oldValue: JSON.parse(row.old_value),
      newValue: JSON.parse(row.new_value),
    }));
  }

  async failed(): Promise<FailedFiling[]> {
    const { rows } = await this.pool.query<
      Pick<FilingRow, 'id' | 'file' | 'error_code' | 'error_message' | 'updated_at'>
    >(
      `SELECT id, file, error_code, error_message, updated_at FROM filings
       WHERE status = 'failed' ORDER BY updated_at, id`,
    );
    return rows.map((row) => ({
      id: row.id,
      file: row.file,
      error: { code: row.error_code ?? 'internal', message: row.error_message ?? '' },
      updatedAt: new Date(row.updated_at),
    }));
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.pool.query('DELETE FROM filings WHERE id = $1', [id]);
    return (result.rowCount ?? 0) > 0;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  private async transaction<T>(run: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await run(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }
}

/** The WHERE clause for a filter and its positional parameters. */
function whereClause(filter: FilingFilter): { where: string; params: unknown[] } {
  const terms: string[] = [];
  const params: unknown[] = [];
  if (filter.status !== undefined) terms.push(`status = $${params.push(filter.status)}`);
  if (filter.flagged !== undefined) terms.push(`flagged = $${params.push(filter.flagged ? 1 : 0)}`);
  if (filter.needsReview !== undefined) {
    terms.push(
      filter.needsReview ? `review_status = 'needs_review'` : `review_status IS DISTINCT FROM 'needs_review'`,
    );
  }
  if (filter.reviewStatus !== undefined) terms.push(`review_status = $${params.push(filter.reviewStatus)}`);
  if (filter.since !== undefined) {
    const since = filter.since.getTime();
    if (Number.isNaN(since))
      throw new InvalidStoreRequestError('since is not a valid date', 'Pass a real Date.');
    terms.push(`updated_at >= $${params.push(since)}`);
  }
  return { where: terms.length > 0 ? `WHERE ${terms.join(' AND ')}` : '', params };
}
