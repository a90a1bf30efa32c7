import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { CorruptFileError, EncryptedPdfError } from '../../errors.js';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjsPromise: Promise<Pdfjs> | undefined;

/** Loads pdfjs once, with its worker code on the main thread so nothing is fetched or spawned. */
export function loadPdfjs(): Promise<Pdfjs> {
  pdfjsPromise ??= (async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // @ts-expect-error the worker module ships without type declarations
    const worker: unknown = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return pdfjs;
  })();
  return pdfjsPromise;
}

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** Local data directories, so fonts and image decoders (JPX, JBIG2) never come from the network. */
const localData = {
  standardFontDataUrl: `${join(pdfjsRoot, 'standard_fonts')}/`,
  cMapUrl: `${join(pdfjsRoot, 'cmaps')}/`,
  cMapPacked: true,
  wasmUrl: `${join(pdfjsRoot, 'wasm')}/`,
  iccUrl: `${join(pdfjsRoot, 'iccs')}/`,
};

export interface OpenPdfOptions {
  fileName?: string;
  /** Images above this many pixels are dropped by pdfjs instead of decoded. */
  maxImagePixels?: number;
}

/** Opens a PDF with pdfjs, mapping its failures to formd's error classes. */
export async function openPdf(bytes: Uint8Array, options: OpenPdfOptions = {}): Promise<PDFDocumentProxy> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    // pdfjs transfers (detaches) the buffer it is given, so it gets a copy.
    data: new Uint8Array(bytes),
    ...localData,
    disableFontFace: true,
    isEvalSupported: false,
    useSystemFonts: false,
    stopAtErrors: false,
    maxImageSize: options.maxImagePixels ?? -1,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw pdfError(error, options.fileName);
  }
  if (doc.numPages < 1) {
    await doc.destroy();
    throw new CorruptFileError('the PDF has no pages', options.fileName);
  }
  return doc;
}

/**
 * Page n of an open PDF. pdfjs 5 checks page numbers against one page count for the whole process
 * (`PagesMapper`), set by the document opened last: with two PDFs open at once, the other's pages
 * past that count are refused. Setting it to this document's count just before the (synchronous)
 * check keeps concurrent documents apart.
 */
export async function getPdfPage(doc: PDFDocumentProxy, n: number, fileName?: string): Promise<PDFPageProxy> {
  const { PagesMapper } = await loadPdfjs();
  PagesMapper.instance.pagesNumber = doc.numPages;
  try {
    return await doc.getPage(n);
  } catch (error) {
    throw pdfError(error, fileName);
  }
}

/** Maps a pdfjs exception to the error a person can act on. */
export function pdfError(error: unknown, fileName?: string): Error {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'PasswordException') return new EncryptedPdfError(fileName);
  const message = error instanceof Error ? error.message : String(error);
  return new CorruptFileError(`PDF: ${message}`, fileName);
}
