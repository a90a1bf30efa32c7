/** The export options that choose which filings are written, as the store's record filter. */
import { InvalidArgumentError } from 'commander';
import { FormdError } from '../errors.js';
import { REVIEW_STATUSES, type ReviewStatus } from '../record/index.js';
import type { RecordFilter } from '../store/index.js';

export interface ExportSelection {
  reviewedOnly?: boolean;
  status?: ReviewStatus;
  since?: Date;
}

export function parseStatus(value: string): ReviewStatus {
  if (!(REVIEW_STATUSES as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`one of ${REVIEW_STATUSES.join(', ')}`);
  }
  return value as ReviewStatus;
}

/** `2024-05-01` or a full ISO timestamp; a date alone is midnight UTC. */
export function parseSince(value: string): Date {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    throw new InvalidArgumentError('a date, YYYY-MM-DD (or an ISO timestamp)');
  }
  return date;
}

/** Export options that contradict each other. */
export class ExportOptionsError extends FormdError {
  readonly code = 'bad_export_options';
  override describe(): string {
    return `${this.message}. ${this.hint}`;
  }
}

export function recordFilter(selection: ExportSelection): RecordFilter {
  if (selection.reviewedOnly && selection.status && selection.status !== 'reviewed') {
    throw new ExportOptionsError(
      `--reviewed-only and --status ${selection.status} select nothing together`,
      'Give one of them.',
    );
  }
  const status = selection.reviewedOnly ? 'reviewed' : selection.status;
  return {
    ...(status ? { reviewStatus: status } : {}),
    ...(selection.since ? { since: selection.since } : {}),
  };
}
