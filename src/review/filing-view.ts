/** The JSON the filing view renders: the record's fields in form order, flags, pages or lines, history. */
import { createHash } from 'node:crypto';
import { access, readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type Flag, formatCents, recordToJson } from '../record/index.js';
import type { AuditEntry, StoredFiling } from '../store/index.js';
import { pageImagePath } from '../store/index.js';
import { type FormField, formFields } from './form-fields.js';

/** A transcription bigger than this is not shown line by line. */
const MAX_TRANSCRIPTION_BYTES = 4 * 1024 * 1024;

export interface FilingView {
  id: string;
  version: number;
  title: string;
  status: string;
  threshold: number;
  kind: string;
  pages: number[];
  lines: string[] | null;
  linesProblem: string | null;
  fields: Array<Omit<FormField, 'flags'> & { flags: unknown[] }>;
  flags: unknown[];
  suggestions: Record<string, string>;
  history: Array<{ who: string; at: string; path: string; oldValue: unknown; newValue: unknown }>;
}

/** A flag in the JSON form (dollars), through the contract's own codec. */
const toJsonFlag = (f: Flag) => recordToJson.shape.flags.element.parse(f);

/** The lines of the transcription the record was read from, when that file is still there unchanged. */
async function transcriptionLines(
  filing: StoredFiling,
): Promise<{ lines: string[] | null; problem: string | null }> {
  const path = resolve(filing.file);
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size > MAX_TRANSCRIPTION_BYTES) {
      return { lines: null, problem: `The transcription ${filing.file} is not a readable file.` };
    }
    const bytes = await readFile(path);
    if (createHash('sha256').update(bytes).digest('hex') !== filing.id) {
      return {
        lines: null,
        problem: `${filing.file} has changed since it was read; its lines are not shown.`,
      };
    }
    return {
      lines: bytes
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .split(/\r\n|\r|\n/),
      problem: null,
    };
  } catch {
    return { lines: null, problem: `The transcription ${filing.file} is not where it was read from.` };
  }
}

async function pageImages(dataDir: string, filing: StoredFiling): Promise<number[]> {
  const record = filing.record;
  if (!record || record.source.kind === 'text') return [];
  const pages: number[] = [];
  for (let page = 1; page <= record.source.pages; page++) {
    const exists = await access(pageImagePath(dataDir, filing.id, page)).then(
      () => true,
      () => false,
    );
    if (exists) pages.push(page);
  }
  return pages;
}

export async function filingView(
  filing: StoredFiling,
  audit: AuditEntry[],
  dataDir: string,
  threshold: number,
): Promise<FilingView> {
  const record = filing.record;
  if (!record) throw new Error('a failed filing has no view');
  const pages = await pageImages(dataDir, filing);
  const text = pages.length === 0 ? await transcriptionLines(filing) : { lines: null, problem: null };
  const suggestions: Record<string, string> = {};
  for (const f of record.flags)
    if (f.suggestion) suggestions[f.suggestion.path] = formatCents(f.suggestion.value);
  return {
    id: filing.id,
    version: filing.version,
    title: `${record.issuer.name ?? '(no issuer name read)'} — ${record.source.file}`,
    status: record.review.status,
    threshold,
    kind: record.source.kind,
    pages,
    lines: text.lines,
    linesProblem: text.problem,
    fields: formFields(record, threshold).map((f) => ({ ...f, flags: f.flags.map(toJsonFlag) })),
    flags: record.flags.map(toJsonFlag),
    suggestions,
    history: audit.map((a) => ({
      who: a.who,
      at: a.at.toISOString(),
      path: a.path,
      oldValue: a.oldValue,
      newValue: a.newValue,
    })),
  };
}
