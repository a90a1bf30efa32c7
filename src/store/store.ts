/**
 * The filing store: every filing the pipeline has seen, keyed by the sha256 of its source file's
 * bytes. One interface, two back ends: SQLite (embedded, one machine, the default) and Postgres
 * (many machines). Every method is async so that a networked database fits the same shape.
 *
 * Records cross this boundary in the pipeline's form (money in integer cents); the store keeps
 * them in their JSON form (dollars) and validates them with the zod schema on the way in and out.
 */
import type { FormDRecord, ReviewStatus } from '../record/index.js';

export type FilingStatus = 'ok' | 'failed';

/** Why a filing could not be read: an error code (see src/errors.ts) and a sentence for a person. */
export interface FilingError {
  code: string;
  message: string;
}

export interface StoredFiling {
  /** The sha256 of the source file's bytes, hex. */
  id: string;
  /** The path as it was given when the filing was first stored. */
  file: string;
  status: FilingStatus;
  /** The record (money in cents) when status is ok; null for a failure. */
  record: FormDRecord | null;
  error: FilingError | null;
  /** The record's review status; null for a failure. */
  reviewStatus: ReviewStatus | null;
  /** True when the record carries at least one flag (error or warning). */
  flagged: boolean;
  /** The lowest field confidence in the record; null when no field has provenance. */
  minConfidence: number | null;
  /** Starts at 1 and goes up with every change: the token for optimistic concurrency. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** One line of a listing: enough for a table on the review page without loading records. */
export interface FilingSummary {
  id: string;
  file: string;
  status: FilingStatus;
  reviewStatus: ReviewStatus | null;
  flagged: boolean;
  /** The distinct rule ids of the record's flags, in the record's order. */
  flagRules: string[];
  errorCode: string | null;
  errorMessage: string | null;
  issuerName: string | null;
  minConfidence: number | null;
  version: number;
  updatedAt: Date;
}

/** Selects filings; every condition given must hold. */
export interface FilingFilter {
  status?: FilingStatus;
  flagged?: boolean;
  /** True: review status is needs_review. False: anything else, failures included. */
  needsReview?: boolean;
  reviewStatus?: ReviewStatus;
  /** Only filings changed at or after this moment. */
  since?: Date;
}

/** A page of a listing, newest change first. Without a limit every matching filing is returned. */
export interface ListFilter extends FilingFilter {
  limit?: number;
  offset?: number;
}

/** The filter for streaming records: only ok filings have records, so status is not a choice. */
export type RecordFilter = Omit<FilingFilter, 'status'>;

export interface FilingCounts {
  total: number;
  ok: number;
  failed: number;
  /** Ok filings by review status. */
  auto: number;
  needsReview: number;
  reviewed: number;
  /** Ok filings with at least one flag. */
  flagged: number;
}

/** One change to one value, as a reviewer made it. Values are in the record's JSON form (dollars). */
export interface AuditChange {
  who: string;
  /** The dotted JSON path that changed (`offering.useOfProceeds.totalPaymentsListed`). */
  path: string;
  oldValue: unknown;
  newValue: unknown;
}

export interface AuditEntry extends AuditChange {
  filingId: string;
  at: Date;
  /** The filing version this change produced. */
  version: number;
}

export interface UpdateOptions {
  /** The version the editor opened; the update is refused if the filing has moved on since. */
  expectedVersion: number;
  /** The changes to record in the audit trail, written in the same transaction as the record. */
  audit: AuditChange[];
}

/** A failed filing, for a retry run. */
export interface FailedFiling {
  id: string;
  file: string;
  error: FilingError;
  updatedAt: Date;
}

export interface SaveRecordInput {
  record: FormDRecord;
  file: string;
}

export interface FilingStore {
  get(id: string): Promise<StoredFiling | null>;

  /**
   * Stores a record. Re-ingesting a file whose record is already stored stores nothing and
   * returns created false; a record for a file that had failed replaces the failure.
   */
  saveRecord(record: FormDRecord, file: string): Promise<{ created: boolean }>;

  /** saveRecord for many records in one transaction: the fast path for bulk ingest. */
  saveMany(items: SaveRecordInput[]): Promise<{ created: number }>;

  /** Stores (or refreshes) a failure. Never overwrites a stored record. */
  saveFailure(id: string, file: string, error: FilingError): Promise<void>;

  list(filter?: ListFilter): Promise<FilingSummary[]>;

  counts(): Promise<FilingCounts>;

  /** Streams the matching records in id order, one at a time, with flat memory. */
  iterateRecords(filter?: RecordFilter): AsyncIterable<FormDRecord>;

  /**
   * Replaces a stored record after a person's correction. Throws ConcurrentEditError (and
   * changes nothing) when the stored version is not expectedVersion; otherwise writes the
   * record, bumps the version and appends the audit rows in one transaction.
   */
  updateRecord(id: string, record: FormDRecord, options: UpdateOptions): Promise<{ version: number }>;

  /** The audit trail of one filing, oldest change first. */
  audit(id: string): Promise<AuditEntry[]>;

  /** Every failed filing, oldest failure first, for a retry run. */
  failed(): Promise<FailedFiling[]>;

  /** Removes a filing and its audit trail; false when there was none. */
  delete(id: string): Promise<boolean>;

  close(): Promise<void>;
}
