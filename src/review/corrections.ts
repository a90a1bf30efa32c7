/**
 * A reviewer's changes to a record: each value parsed by its kind, the record validated with the zod
 * schema, the rules run again, the review decided again. Pure: the store is written by the caller.
 */
import { z } from 'zod';
import { FormdError } from '../errors.js';
import {
  type FormDRecord,
  formatCents,
  getPath,
  parseMoney,
  recordSchema,
  setPath,
} from '../record/index.js';
import { decideReview, evaluate } from '../rules/index.js';
import type { AuditChange } from '../store/index.js';
import { fieldKind } from './field-kinds.js';
import { isFormPath } from './form-fields.js';

/** The review reason of a filing drawn by `formd review sample`. */
export const QUALITY_SAMPLE = 'quality_sample';

const path = z.string().min(1).max(200);

/** The body of POST /api/filings/:id/changes. */
export const changeRequestSchema = z.object({
  version: z.number().int().positive(),
  changes: z
    .array(
      z.discriminatedUnion('action', [
        z.object({
          action: z.literal('set'),
          path,
          value: z.union([z.string().max(2000), z.boolean(), z.null()]),
        }),
        z.object({ action: z.literal('accept'), path }),
        z.object({ action: z.literal('suggestion'), path }),
        z.object({ action: z.literal('markReviewed') }),
      ]),
    )
    .min(1)
    .max(50),
});
export type ChangeRequest = z.infer<typeof changeRequestSchema>;
export type Change = ChangeRequest['changes'][number];

/** A correction that cannot be applied as given; nothing is changed. */
export class BadCorrectionError extends FormdError {
  readonly code = 'bad_correction';
  constructor(
    readonly path: string,
    why: string,
  ) {
    super(why, 'Correct the value and save again.');
  }
  override describe(): string {
    return this.message;
  }
}

/** The JSON form of a value (dollars for money), as the audit trail keeps it. */
function jsonValue(p: string, value: unknown): unknown {
  return fieldKind(p)?.kind === 'money' && typeof value === 'number' ? value / 100 : value;
}

/** Parses what a reviewer typed into the value the record holds at that path. */
export function parseInput(p: string, input: string | boolean | null, label = p): unknown {
  const info = fieldKind(p);
  if (!info || !isFormPath(p))
    throw new BadCorrectionError(p, `${p} is not a box of the form that can be corrected`);
  if (input === null) return null;
  if (info.kind === 'bool') {
    if (typeof input !== 'boolean') throw new BadCorrectionError(p, `${label} is a check box: yes or no`);
    return input;
  }
  if (typeof input !== 'string') throw new BadCorrectionError(p, `${label} takes text, not a check mark`);
  const text = input.trim();
  if (text === '') return null;
  switch (info.kind) {
    case 'money': {
      const cents = parseMoney(text);
      if (cents === null || cents < 0) {
        throw new BadCorrectionError(
          p,
          `"${text}" is not an amount for ${label}: write it like 28,634,072.04`,
        );
      }
      return cents;
    }
    case 'int':
      if (!/^\d{1,9}$/.test(text))
        throw new BadCorrectionError(p, `"${text}" is not a whole number for ${label}`);
      return Number(text);
    case 'choice':
      if (!info.choices?.includes(text)) {
        throw new BadCorrectionError(p, `"${text}" is not one of: ${info.choices?.join(', ')}`);
      }
      return text;
    default:
      return text;
  }
}

export interface AppliedChanges {
  record: FormDRecord;
  audit: AuditChange[];
}

/** Applies the changes to a copy of the record; throws BadCorrectionError and changes nothing on a bad one. */
export function applyChanges(
  original: FormDRecord,
  changes: readonly Change[],
  who: string,
  confidenceThreshold?: number,
): AppliedChanges {
  const record = structuredClone(original);
  const audit: AuditChange[] = [];
  let markReviewed = false;
  for (const change of changes) {
    if (change.action === 'markReviewed') {
      markReviewed = true;
      continue;
    }
    const p = change.path;
    const old = getPath(record, p);
    if (old === undefined || !isFormPath(p) || !fieldKind(p)) {
      throw new BadCorrectionError(p, `${p} is not a box of the form that can be corrected`);
    }
    let value: unknown = old;
    if (change.action === 'set') value = parseInput(p, change.value);
    if (change.action === 'suggestion') {
      const flag = record.flags.find((f) => f.suggestion?.path === p);
      if (!flag?.suggestion) throw new BadCorrectionError(p, `there is no suggested value for ${p}`);
      value = flag.suggestion.value;
    }
    setPath(record, p, value);
    const field = record.fields[p];
    const raw =
      typeof value === 'number' && fieldKind(p)?.kind === 'money' ? formatCents(value) : String(value ?? '');
    // A person has looked at the value: its source is the review, whatever was read before.
    record.fields[p] = {
      confidence: 1,
      page: field?.page ?? null,
      bbox: field?.bbox ?? null,
      ...(field?.line !== undefined ? { line: field.line } : {}),
      source: 'review',
      raw,
    };
    audit.push({ who, path: p, oldValue: jsonValue(p, old), newValue: jsonValue(p, value) });
  }

  const checked = recordSchema.safeParse(record);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue?.path.join('.') ?? '';
    throw new BadCorrectionError(where, `${where}: ${issue?.message ?? 'not a valid value'}`);
  }
  const flags = evaluate(record, { confidenceThreshold });
  const review = decideReview(record, { flags, confidenceThreshold });
  record.flags = flags;
  record.review = { status: review.status, reasons: [...review.reasons] };
  // A filing drawn for quality sampling stays with a person until they mark it reviewed.
  const sampled = original.review.reasons.includes(QUALITY_SAMPLE);
  if (sampled && record.review.status !== 'reviewed') {
    record.review = {
      status: 'needs_review',
      reasons: [...new Set([...record.review.reasons, QUALITY_SAMPLE])],
    };
  }
  if (markReviewed) {
    audit.push({ who, path: 'review.status', oldValue: original.review.status, newValue: 'reviewed' });
    const reasons = [...new Set(flags.map((f) => f.rule)), ...(sampled ? [QUALITY_SAMPLE] : [])];
    record.review = { status: 'reviewed', reasons };
  }
  return { record, audit };
}
