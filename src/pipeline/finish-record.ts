import type { FormDRecord } from '../record/schema.js';
import { recordSchema } from '../record/schema.js';
import { decideReview, evaluate } from '../rules/index.js';

export interface FinishOptions {
  /** Values read below this confidence send the filing to review (default 0.80). */
  confidenceThreshold?: number;
}

/**
 * The last stage of every path (transcription, text layer, OCR): check the arithmetic, decide
 * whether a person must look, and validate the record against the contract.
 */
export function finishRecord(
  record: FormDRecord,
  doubtful: readonly string[],
  options: FinishOptions = {},
): FormDRecord {
  const confidenceThreshold = options.confidenceThreshold ?? 0.8;
  record.flags = evaluate(record, { confidenceThreshold });
  const decision = decideReview(record, { confidenceThreshold });
  const reasons = [...decision.reasons, ...doubtful];
  record.review = { status: reasons.length ? 'needs_review' : decision.status, reasons };
  return recordSchema.parse(record);
}
