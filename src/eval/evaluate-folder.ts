import { readdir, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describeError } from '../errors.js';
import type { OcrPool } from '../ocr/pool.js';
import { processDocument } from '../pipeline/process-document.js';
import { type FormDRecordJson, recordFromJson, recordToJson } from '../record/schema.js';
import { compareRecords, type FieldKind, type FieldResult } from './compare-records.js';

export interface Ratio {
  correct: number;
  total: number;
  share: number;
}

export interface RuleScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

export interface EvalReport {
  filings: number;
  failed: Array<{ file: string; error: string }>;
  fields: Ratio;
  byKind: Record<FieldKind, Ratio>;
  /** Flags of severity error against the truth's, per rule and over all. */
  flags: { overall: RuleScore; byRule: Record<string, RuleScore> };
  review: {
    sent: number;
    share: number;
    /** Filings with at least one wrong value. */
    withErrors: number;
    /** Of those, how many were sent to review (the rest passed as auto: the costly case). */
    withErrorsSent: number;
  };
  perFiling: Array<{
    file: string;
    wrong: FieldResult[];
    status: string;
    flags: string[];
    truthFlags: string[];
  }>;
}

export interface EvalOptions {
  /** Filings read at once (default: the number of cores). */
  concurrency?: number;
  pool?: OcrPool;
  confidenceThreshold?: number;
  onFiling?: (file: string, index: number, total: number) => void;
}

const DOCUMENT_EXTENSIONS = ['.pdf', '.tif', '.tiff', '.png', '.jpg', '.jpeg', '.txt'];

/**
 * Runs the pipeline on every filing in a folder that has a truth record beside it
 * (`NAME.truth.json`, either the record or `{ record }`) and measures the reading against it.
 */
export async function evaluateFolder(folder: string, options: EvalOptions = {}): Promise<EvalReport> {
  const names = (await readdir(folder)).sort();
  const truths = names.filter((n) => n.endsWith('.truth.json'));
  const report = emptyReport();
  const pairs = truths.flatMap((truthName) => {
    const base = truthName.slice(0, -'.truth.json'.length);
    const docName = names.find((n) => DOCUMENT_EXTENSIONS.some((ext) => n === `${base}${ext}`));
    return docName ? [{ truthName, docName }] : [];
  });
  // Read as many filings at once as there are OCR workers; score them in folder order.
  type Read = { truth: FormDRecordJson; actual: FormDRecordJson } | { error: string };
  const reads: Array<Promise<Read>> = [];
  let started = 0;
  const readPair = async ({ truthName, docName }: (typeof pairs)[number]): Promise<Read> => {
    options.onFiling?.(docName, started++, pairs.length);
    try {
      const truthJson = JSON.parse(await readFile(join(folder, truthName), 'utf8'));
      const truth = recordToJson.parse(recordFromJson.parse(truthJson.record ?? truthJson));
      const record = await processDocument(await readFile(join(folder, docName)), docName, {
        pool: options.pool,
        confidenceThreshold: options.confidenceThreshold,
      });
      return { truth, actual: recordToJson.parse(record) };
    } catch (error) {
      return { error: describeError(error, docName) };
    }
  };
  const lanes = Math.max(1, options.concurrency ?? availableParallelism());
  const slots: Array<Promise<unknown>> = [];
  for (const pair of pairs) {
    if (slots.length >= lanes) await Promise.race(slots);
    const read = readPair(pair);
    reads.push(read);
    const slot: Promise<unknown> = read.finally(() => slots.splice(slots.indexOf(slot), 1));
    slots.push(slot);
  }
  for (const [i, pending] of reads.entries()) {
    const docName = pairs[i]?.docName ?? '';
    const read = await pending;
    report.filings++;
    if ('error' in read) {
      report.failed.push({ file: docName, error: read.error });
      continue;
    }
    const { truth, actual } = read;
    const results = compareRecords(truth, actual);
    for (const r of results) {
      tally(report.fields, r.correct);
      tally(report.byKind[r.kind], r.correct);
    }
    const predicted = new Set(actual.flags.filter((f) => f.severity === 'error').map((f) => f.rule));
    const expected = new Set(truth.flags.filter((f) => f.severity === 'error').map((f) => f.rule));
    for (const rule of new Set([...predicted, ...expected])) {
      const score = report.flags.byRule[rule] ?? emptyScore();
      report.flags.byRule[rule] = score;
      for (const s of [score, report.flags.overall]) {
        if (predicted.has(rule) && expected.has(rule)) s.truePositives++;
        else if (predicted.has(rule)) s.falsePositives++;
        else s.falseNegatives++;
      }
    }
    const wrong = results.filter((r) => !r.correct);
    const sent = actual.review.status === 'needs_review';
    if (sent) report.review.sent++;
    if (wrong.length) {
      report.review.withErrors++;
      if (sent) report.review.withErrorsSent++;
    }
    report.perFiling.push({
      file: docName,
      wrong,
      status: actual.review.status,
      flags: [...predicted],
      truthFlags: [...expected],
    });
  }
  finish(report);
  return report;
}

function emptyRatio(): Ratio {
  return { correct: 0, total: 0, share: 0 };
}

function emptyScore(): RuleScore {
  return { truePositives: 0, falsePositives: 0, falseNegatives: 0, precision: 1, recall: 1 };
}

function emptyReport(): EvalReport {
  return {
    filings: 0,
    failed: [],
    fields: emptyRatio(),
    byKind: {
      text: emptyRatio(),
      number: emptyRatio(),
      date: emptyRatio(),
      money: emptyRatio(),
      checkbox: emptyRatio(),
    },
    flags: { overall: emptyScore(), byRule: {} },
    review: { sent: 0, share: 0, withErrors: 0, withErrorsSent: 0 },
    perFiling: [],
  };
}

function tally(r: Ratio, correct: boolean): void {
  r.total++;
  if (correct) r.correct++;
}

function finish(report: EvalReport): void {
  const ratios = [report.fields, ...Object.values(report.byKind)];
  for (const r of ratios) r.share = r.total ? r.correct / r.total : 1;
  for (const s of [report.flags.overall, ...Object.values(report.flags.byRule)]) {
    const predicted = s.truePositives + s.falsePositives;
    const actual = s.truePositives + s.falseNegatives;
    s.precision = predicted ? s.truePositives / predicted : 1;
    s.recall = actual ? s.truePositives / actual : 1;
  }
  report.review.share = report.filings ? report.review.sent / report.filings : 0;
}

const pct = (r: Ratio) => `${(r.share * 100).toFixed(2)}% (${r.correct}/${r.total})`;

/** The report for a person. */
export function renderEvalReport(report: EvalReport): string {
  const lines = [
    `${report.filings} filings with truth records${report.failed.length ? `, ${report.failed.length} failed to read` : ''}`,
    `fields exact          ${pct(report.fields)}`,
    ...Object.entries(report.byKind).map(([k, r]) => `  ${k.padEnd(20)}${pct(r)}`),
    `flags (errors)        precision ${report.flags.overall.precision.toFixed(3)}, recall ${report.flags.overall.recall.toFixed(3)}`,
    ...Object.entries(report.flags.byRule).map(
      ([rule, s]) =>
        `  ${rule.padEnd(36)} precision ${s.precision.toFixed(2)} recall ${s.recall.toFixed(2)} (tp ${s.truePositives}, fp ${s.falsePositives}, fn ${s.falseNegatives})`,
    ),
    `sent to review        ${(report.review.share * 100).toFixed(1)}% (${report.review.sent}/${report.filings})`,
    `filings with a wrong value: ${report.review.withErrors}, of which sent to review: ${report.review.withErrorsSent}`,
  ];
  for (const f of report.failed) lines.push(`failed: ${f.error}`);
  for (const f of report.perFiling) {
    if (!f.wrong.length) continue;
    lines.push(`${f.file} (${f.status}): ${f.wrong.length} wrong`);
    for (const w of f.wrong.slice(0, 12)) {
      lines.push(`  ${w.path}: expected ${JSON.stringify(w.expected)}, read ${JSON.stringify(w.actual)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
