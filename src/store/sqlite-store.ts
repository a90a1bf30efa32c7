/**
 * The embedded store: one SQLite file in the data folder, shared by the CLI and several worker
 * processes on one machine (WAL mode, a busy timeout, short write transactions).
 */
import Database from 'better-sqlite3';
import { type FormDRecord, type ReviewStatus, recordFromJson, recordToJson } from '../record/index.js';
import {
  ConcurrentEditError,
  FilingNotFoundError,
  InvalidStoreRequestError,
  StoreClosedError,
} from './errors.js';
import { runMigrations } from './sqlite-migrations.js';
import type {
  AuditChange,
  AuditEntry,
  FailedFiling,
  FilingCounts,
  FilingError,
  FilingFilter,
  FilingStatus,
  FilingStore,
  FilingSummary,
  ListFilter,
  RecordFilter,
  SaveRecordInput,
  StoredFiling,
  UpdateOptions,
} from './store.js';

export interface SqliteStoreOptions {
  /** How long a write waits for another process's write to finish before failing, in ms. */
  busyTimeoutMs?: number;
}

/** Long enough to ride out a burst from several workers; a write itself takes well under 1 ms. */
const DEFAULT_BUSY_TIMEOUT_MS = 10_000;

export interface FilingRow {
  id: string;
  file: string;
  status: FilingStatus;
  record: string | null;
  error_code: string | null;
  error_message: string | null;
  review_status: ReviewStatus | null;
  flagged: number;
  flag_rules: string;
  issuer_name: string | null;
  min_confidence: number | null;
  version: number;
  created_at: number;
  updated_at: number;
}

export type SummaryRow = Omit<FilingRow, 'record' | 'created_at'>;

export interface AuditRow {
  filing_id: string;
  version: number;
  who: string;
  at: number;
  path: string;
  old_value: string;
  new_value: string;
}

/** The columns kept beside the record so that lists and counts never parse records. */
interface RecordColumns {
  record: string;
  reviewStatus: ReviewStatus;
  flagged: number;
  flagRules: string;
  issuerName: string | null;
  minConfidence: number | null;
}

type Params = Record<string, string | number | null>;

interface OpenStream {
  reader: Database.Database;
  rows: IterableIterator<string> | null;
  closedByStore: boolean;
}

export const SUMMARY_COLUMNS =
  'id, file, status, error_code, error_message, review_status, flagged, flag_rules, issuer_name, min_confidence, version, updated_at';

export class SqliteFilingStore implements FilingStore {
  private readonly db: Database.Database;
  private readonly busyTimeoutMs: number;
  /** Running iterateRecords calls and their read-only connections, ended by close(). */
  private readonly streams = new Set<OpenStream>();
  /** list() builds its SQL from the filter; each distinct shape is prepared once. */
  private readonly listStatements = new Map<string, Database.Statement<Params, SummaryRow>>();
  private readonly statements: Statements;

  constructor(
    /** The database file. */
    readonly path: string,
    options: SqliteStoreOptions = {},
  ) {
    this.busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
    this.db = new Database(path, { timeout: this.busyTimeoutMs });
    try {
      this.db.pragma('journal_mode = WAL');
      // In WAL mode NORMAL survives a crash of the process; only a power loss can drop the last commits.
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('foreign_keys = ON');
      runMigrations(this.db);
      this.statements = prepareStatements(this.db);
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  async get(id: string): Promise<StoredFiling | null> {
    const row = this.statements.get.get(id);
    return row ? toStoredFiling(row) : null;
  }

  async saveRecord(record: FormDRecord, file: string): Promise<{ created: boolean }> {
    const columns = recordColumns(record);
    const result = this.statements.saveRecord.run({ id: record.id, file, now: Date.now(), ...columns });
    return { created: result.changes > 0 };
  }

  async saveMany(items: SaveRecordInput[]): Promise<{ created: number }> {
    // Validate and serialise before taking the write lock, so other processes wait as little as possible.
    const rows = items.map(({ record, file }) => ({ id: record.id, file, ...recordColumns(record) }));
    const insertAll = this.db.transaction(() => {
      const now = Date.now();
      let created = 0;
      for (const row of rows) created += this.statements.saveRecord.run({ ...row, now }).changes;
      return created;
    });
    return { created: insertAll.immediate() };
  }

  async saveFailure(id: string, file: string, error: FilingError): Promise<void> {
    if (id === '')
      throw new InvalidStoreRequestError('a failure needs an id', 'Pass the sha256 of the file.');
    this.statements.saveFailure.run({ id, file, code: error.code, message: error.message, now: Date.now() });
  }

  async list(filter: ListFilter = {}): Promise<FilingSummary[]> {
    const { limit, offset } = filter;
    checkCount('limit', limit);
    checkCount('offset', offset);
    const { where, params, shape } = whereClause(filter);
    const key = `${shape}|${limit !== undefined}|${offset !== undefined}`;
    let statement = this.listStatements.get(key);
    if (!statement) {
      // SQLite wants a LIMIT before an OFFSET; -1 means no limit.
      const paging = limit !== undefined || offset !== undefined ? ' LIMIT @limit OFFSET @offset' : '';
      statement = this.db.prepare<Params, SummaryRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM filings ${where} ORDER BY updated_at DESC, id${paging}`,
      );
      this.listStatements.set(key, statement);
    }
    return statement.all({ ...params, ...pageParams(limit, offset) }).map(toSummary);
  }

  async counts(): Promise<FilingCounts> {
    const counts = this.statements.counts.get();
    if (!counts) throw new Error('the counts query returned no row');
    return counts;
  }

  async *iterateRecords(filter: RecordFilter = {}): AsyncGenerator<FormDRecord> {
    // A separate read-only connection: an open SQLite cursor blocks every write on its own
    // connection, and it gives the stream one consistent snapshot while others keep writing.
    const reader = new Database(this.path, {
      readonly: true,
      fileMustExist: true,
      timeout: this.busyTimeoutMs,
    });
    const stream: OpenStream = { reader, rows: null, closedByStore: false };
    this.streams.add(stream);
    try {
      const { where, params } = whereClause({ ...filter, status: 'ok' }, { useIndexes: false });
      const statement = reader
        .prepare<Params, string>(`SELECT record FROM filings ${where} ORDER BY id`)
        .pluck();
      stream.rows = statement.iterate(params);
      for (const json of stream.rows) {
        yield recordFromJson.parse(JSON.parse(json));
      }
      // A stream cut short must not look complete to an export.
      if (stream.closedByStore) throw new StoreClosedError();
    } finally {
      this.streams.delete(stream);
      stream.rows?.return?.();
      reader.close();
    }
  }

  async updateRecord(id: string, record: FormDRecord, options: UpdateOptions): Promise<{ version: number }> {
    const { expectedVersion, audit } = options;
    checkUpdateRequest(id, record, expectedVersion);
    const columns = recordColumns(record);
    const auditRows = audit.map(auditParams);
    const update = this.db.transaction((): number => {
      const current = this.statements.versionOf.get(id);
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
      this.statements.updateRecord.run({ id, expectedVersion, version, now, ...columns });
      for (const row of auditRows)
        this.statements.insertAudit.run({ filingId: id, version, at: now, ...row });
      return version;
    });
    // IMMEDIATE: the version check and the write happen under one write lock.
    return { version: update.immediate() };
  }

  async audit(id: string): Promise<AuditEntry[]> {
    return this.statements.audit.all(id).map((row) => ({
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
    return this.statements.failed.all().map((row) => ({
      id: row.id,
      file: row.file,
      error: { code: row.error_code ?? 'internal', message: row.error_message ?? '' },
      updatedAt: new Date(row.updated_at),
    }));
  }

  async delete(id: string): Promise<boolean> {
    return this.statements.delete.run(id).changes > 0;
  }

  async close(): Promise<void> {
    for (const stream of this.streams) {
      stream.closedByStore = true;
      // SQLite will not close a connection with a cursor open on it.
      stream.rows?.return?.();
      stream.reader.close();
    }
    this.streams.clear();
    if (this.db.open) this.db.close();
  }
}

function prepareStatements(db: Database.Database) {
  return {
    get: db.prepare<[string], FilingRow>('SELECT * FROM filings WHERE id = ?'),
    saveRecord: db.prepare<Params>(
      `INSERT INTO filings (id, file, status, record, review_status, flagged, flag_rules, issuer_name,
                            min_confidence, version, created_at, updated_at)
       VALUES (@id, @file, 'ok', @record, @reviewStatus, @flagged, @flagRules, @issuerName,
               @minConfidence, 1, @now, @now)
       ON CONFLICT (id) DO UPDATE SET
         file = excluded.file, status = 'ok', record = excluded.record,
         error_code = NULL, error_message = NULL, review_status = excluded.review_status,
         flagged = excluded.flagged, flag_rules = excluded.flag_rules,
         issuer_name = excluded.issuer_name, min_confidence = excluded.min_confidence,
         version = filings.version + 1, updated_at = excluded.updated_at
       WHERE filings.status = 'failed'`,
    ),
    saveFailure: db.prepare<Params>(
      `INSERT INTO filings (id, file, status, error_code, error_message, version, created_at, updated_at)
       VALUES (@id, @file, 'failed', @code, @message, 1, @now, @now)
       ON CONFLICT (id) DO UPDATE SET
         file = excluded.file, error_code = excluded.error_code, error_message = excluded.error_message,
         version = filings.version + 1, updated_at = excluded.updated_at
       WHERE filings.status = 'failed'`,
    ),
    versionOf: db.prepare<[string], { status: FilingStatus; version: number }>(
      'SELECT status, version FROM filings WHERE id = ?',
    ),
    updateRecord: db.prepare<Params>(
      `UPDATE filings SET record = @record, review_status = @reviewStatus, flagged = @flagged,
         flag_rules = @flagRules, issuer_name = @issuerName, min_confidence = @minConfidence,
         version = @version, updated_at = @now
       WHERE id = @id AND version = @expectedVersion`,
    ),
    insertAudit: db.prepare<Params>(
      `INSERT INTO audit (filing_id, version, who, at, path, old_value, new_value)
       VALUES (@filingId, @version, @who, @at, @path, @oldValue, @newValue)`,
    ),
    audit: db.prepare<[string], AuditRow>(
      'SELECT filing_id, version, who, at, path, old_value, new_value FROM audit WHERE filing_id = ? ORDER BY seq',
    ),
    counts: db.prepare<[], FilingCounts>(
      `SELECT count(*) AS total,
         coalesce(sum(status = 'ok'), 0) AS ok,
         coalesce(sum(status = 'failed'), 0) AS failed,
         coalesce(sum(review_status = 'auto'), 0) AS auto,
         coalesce(sum(review_status = 'needs_review'), 0) AS needsReview,
         coalesce(sum(review_status = 'reviewed'), 0) AS reviewed,
         coalesce(sum(status = 'ok' AND flagged = 1), 0) AS flagged
       FROM filings`,
    ),
    failed: db.prepare<[], Pick<FilingRow, 'id' | 'file' | 'error_code' | 'error_message' | 'updated_at'>>(
      `SELECT id, file, error_code, error_message, updated_at FROM filings
       WHERE status = 'failed' ORDER BY updated_at, id`,
    ),
    delete: db.prepare<[string]>('DELETE FROM filings WHERE id = ?'),
  };
}

type Statements = ReturnType<typeof prepareStatements>;

/** Validates the record through the zod schema and derives the columns that lists filter on. */
export function recordColumns(record: FormDRecord): RecordColumns {
  const json = recordToJson.parse(record);
  const confidences = Object.values(json.fields).map((field) => field.confidence);
  return {
    record: JSON.stringify(json),
    reviewStatus: json.review.status,
    flagged: json.flags.length > 0 ? 1 : 0,
    flagRules: JSON.stringify([...new Set(json.flags.map((flag) => flag.rule))]),
    issuerName: json.issuer.name,
    minConfidence: confidences.length > 0 ? Math.min(...confidences) : null,
  };
}

export function auditParams(change: AuditChange): Params {
  if (change.who.trim() === '') {
    throw new InvalidStoreRequestError('an audit entry needs a person', 'Pass who made the change.');
  }
  if (change.path === '')
    throw new InvalidStoreRequestError('an audit entry needs a path', 'Pass the JSON path.');
  return {
    who: change.who,
    path: change.path,
    oldValue: auditValue(change.oldValue),
    newValue: auditValue(change.newValue),
  };
}

/** A value as JSON; a missing value is stored as null, since JSON has no undefined. */
function auditValue(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

/**
 * The WHERE clause for a filter, its parameters, and a key naming its shape (for the statement
 * cache). Without indexes ("+column" in SQLite), the planner walks the primary key for ORDER BY id.
 */
function whereClause(
  filter: FilingFilter,
  { useIndexes = true }: { useIndexes?: boolean } = {},
): { where: string; params: Params; shape: string } {
  const col = (name: string) => (useIndexes ? name : `+${name}`);
  const terms: string[] = [];
  const params: Params = {};
  if (filter.status !== undefined) {
    terms.push(`${col('status')} = @status`);
    params.status = filter.status;
  }
  if (filter.flagged !== undefined) {
    terms.push(`${col('flagged')} = @flagged`);
    params.flagged = filter.flagged ? 1 : 0;
  }
  if (filter.needsReview !== undefined) {
    terms.push(`${col('review_status')} ${filter.needsReview ? 'IS' : 'IS NOT'} 'needs_review'`);
  }
  if (filter.reviewStatus !== undefined) {
    terms.push(`${col('review_status')} = @reviewStatus`);
    params.reviewStatus = filter.reviewStatus;
  }
  if (filter.since !== undefined) {
    const since = filter.since.getTime();
    if (Number.isNaN(since))
      throw new InvalidStoreRequestError('since is not a valid date', 'Pass a real Date.');
    terms.push(`${col('updated_at')} >= @since`);
    params.since = since;
  }
  const where = terms.length > 0 ? `WHERE ${terms.join(' AND ')}` : '';
  return { where, params, shape: where };
}

function pageParams(limit: number | undefined, offset: number | undefined): Params {
  if (limit === undefined && offset === undefined) return {};
  return { limit: limit ?? -1, offset: offset ?? 0 };
}

/** A correction keeps the record's id and names the version it was made on: both back ends refuse anything else. */
export function checkUpdateRequest(id: string, record: FormDRecord, expectedVersion: number): void {
  if (record.id !== id) {
    throw new InvalidStoreRequestError(
      `the record's id ${record.id} is not the filing's id ${id}`,
      'A correction changes values in a record, never its id.',
    );
  }
  if (!Number.isInteger(expectedVersion) || expectedVersion < 1) {
    throw new InvalidStoreRequestError(
      `expectedVersion must be a positive integer, not ${expectedVersion}`,
      'Pass the version the filing had when it was opened.',
    );
  }
}

export function checkCount(name: string, value: number | undefined): void {
  if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
    throw new InvalidStoreRequestError(
      `${name} must be a whole number, 0 or more, not ${value}`,
      `Fix the ${name}.`,
    );
  }
}

export function toStoredFiling(row: FilingRow): StoredFiling {
  return {
    id: row.id,
    file: row.file,
    status: row.status,
    record: row.record === null ? null : recordFromJson.parse(JSON.parse(row.record)),
    error:
      row.status === 'failed'
        ? { code: row.error_code ?? 'internal', message: row.error_message ?? '' }
        : null,
    reviewStatus: row.review_status,
    flagged: row.flagged === 1,
    minConfidence: row.min_confidence,
    version: row.version,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

export function toSummary(row: SummaryRow): FilingSummary {
  return {
    id: row.id,
    file: row.file,
    status: row.status,
    reviewStatus: row.review_status,
    flagged: row.flagged === 1,
    flagRules: JSON.parse(row.flag_rules) as string[],
    errorCode: row.error_code,
    errorMessage: row.error_message,
    issuerName: row.issuer_name,
    minConfidence: row.min_confidence,
    version: row.version,
    updatedAt: new Date(row.updated_at),
  };
}
