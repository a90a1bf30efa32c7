import type { TextLine } from '../ingest/lines.js';
import { unionBbox } from '../record/bbox.js';
import type { Bbox, FieldProvenance, FormDRecord } from '../record/schema.js';

/** Where a value was read: the lines it came from and how sure the reading is. */
export interface Evidence {
  raw: string;
  lines: readonly TextLine[];
  confidence: number;
  /** The value's own box and page, when its words are known; else the lines' are used. */
  bbox?: Bbox;
  page?: number | null;
}

/** Collects the `fields` map: provenance for every value a parser sets. */
export class FieldRecorder {
  readonly fields: FormDRecord['fields'] = {};

  record(path: string, evidence: Evidence): void {
    const first = evidence.lines[0];
    const entry: FieldProvenance = {
      confidence: clamp01(evidence.confidence),
      page: evidence.page !== undefined ? evidence.page : (first?.page ?? null),
      bbox: evidence.bbox ?? unionBbox(evidence.lines.flatMap((l) => (l.bbox ? [l.bbox] : []))),
      source: evidence.bbox || first?.bbox ? 'ocr' : 'text',
      raw: evidence.raw.trim().slice(0, 500),
    };
    if (first && first.bbox === null && !evidence.bbox) entry.line = first.line;
    this.fields[path] = entry;
  }
}

function clamp01(x: number): number {
  return Math.max(0, Math.min(1, Math.round(x * 1000) / 1000));
}
