/**
 * The stages a queue worker runs: the same functions the CLI runs in process; the queue only
 * moves data between them. A worker takes them as a parameter (a module path across processes),
 * so that benchmarks can use a no-op page stage and tests a fast one.
 */
import { pathToFileURL } from 'node:url';
import type { FileKind } from '../ingest/sniff.js';
import type { ProcessOptions } from '../pipeline/process-document.js';
import type { FormDRecord } from '../record/index.js';

export type ScanKind = Exclude<FileKind, 'text'>;

export interface PageContext {
  /** The sha256 of the file. */
  id: string;
  /** Where the cleaned page image is kept. */
  dataDir: string;
  file: string;
}

export interface QueueStages {
  /**
   * How many page jobs a filing needs; 0 when it is read whole by the parent (a transcription,
   * a PDF with a text layer). Throws a FormdError for bad input.
   */
  countPages(bytes: Uint8Array, kind: FileKind, file: string): Promise<number>;
  /** A filing with no page jobs, whole: parse and check (processDocument). */
  processWhole(bytes: Uint8Array, file: string, options: ProcessOptions): Promise<FormDRecord>;
  /** One page of a scan: rasterize, clean, OCR. The result is plain JSON. */
  processPage(bytes: Uint8Array, kind: ScanKind, page: number, context: PageContext): Promise<unknown>;
  /** The page results of a scan, in page order, into the checked record. */
  assemble(
    id: string,
    file: string,
    kind: ScanKind,
    pages: unknown[],
    options: ProcessOptions,
  ): Promise<FormDRecord>;
}

/** Names the stages module of the worker's processes (and their page sandboxes) when not the pipeline's. */
export const STAGES_ENV = 'FORMD_QUEUE_STAGES';

/** The stages exported as `stages` by the module at this path, else the pipeline's own. */
export async function loadStages(
  modulePath: string | undefined = process.env[STAGES_ENV],
): Promise<QueueStages> {
  if (!modulePath) return (await import('./pipeline-stages.js')).pipelineStages;
  const module = (await import(pathToFileURL(modulePath).href)) as { stages?: QueueStages };
  if (!module.stages) throw new Error(`${modulePath} exports no "stages"`);
  return module.stages;
}
