import type { Flag, FormDRecord, ReviewStatus } from '../record/index.js';
import { DEFAULT_CONFIDENCE_THRESHOLD } from './rule.js';

export interface ReviewDecision {
  readonly status: ReviewStatus;
  readonly reasons: string[];
}

export interface ReviewOptions {
  readonly confidenceThreshold?: number;
  /** The flags to decide on, when they were just re-evaluated; defaults to the record's own. */
  readonly flags?: readonly Flag[];
}

/** At most this many low-confidence paths are named; the rest are counted in one reason. */
export const MAX_LOW_CONFIDENCE_REASONS = 5;

const flagKey = (f: Flag) => `${f.rule} ${f.paths.join(',')}`;

/**
 * `needs_review` when any flag is raised (reason: its rule id) or a field read below the threshold
 * (reason: `low_confidence:<path>`, lowest first); otherwise `auto`.
 *
 * A `reviewed` record stays `reviewed` (with its reasons) unless `flags` holds an error that the
 * reviewer has not seen: one whose rule and paths are not among the record's own flags and whose rule
 * is not among its reasons. Then it goes back to `needs_review`. Low confidence never reopens a review:
 * the reviewer has looked at the fields.
 */
export function decideReview(record: FormDRecord, options: ReviewOptions = {}): ReviewDecision {
  const { confidenceThreshold = DEFAULT_CONFIDENCE_THRESHOLD, flags = record.flags } = options;

  if (record.review.status === 'reviewed') {
    const seenFlags = new Set(record.flags.map(flagKey));
    const seenRules = new Set(record.review.reasons);
    const unseen = flags.filter(
      (f) => f.severity === 'error' && !seenFlags.has(flagKey(f)) && !seenRules.has(f.rule),
    );
    if (unseen.length === 0) return { status: 'reviewed', reasons: [...record.review.reasons] };
    return { status: 'needs_review', reasons: [...new Set(unseen.map((f) => f.rule))] };
  }

  const reasons = [...new Set(flags.map((f) => f.rule))];
  // A person's own value (source `review`) is not sent back to a person.
  const low = Object.entries(record.fields)
    .filter(([, field]) => field.source !== 'review' && field.confidence < confidenceThreshold)
    .sort(([pa, a], [pb, b]) => a.confidence - b.confidence || pa.localeCompare(pb));
  reasons.push(...low.slice(0, MAX_LOW_CONFIDENCE_REASONS).map(([path]) => `low_confidence:${path}`));
  if (low.length > MAX_LOW_CONFIDENCE_REASONS) {
    reasons.push(`low_confidence_more:${low.length - MAX_LOW_CONFIDENCE_REASONS}`);
  }
  return reasons.length ? { status: 'needs_review', reasons } : { status: 'auto', reasons: [] };
}
