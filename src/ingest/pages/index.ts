import { UnsupportedFileError } from '../../errors.js';
import type { FileKind } from '../sniff.js';
import type { PageImage, ReadPagesOptions } from './page-image.js';
import { countPdfPages, readPdfPage, readPdfPages } from './pdf-pages.js';
import { countRasterPages, readRasterPage, readRasterPages } from './raster-pages.js';

export type { PageImage, ReadPagesOptions } from './page-image.js';
export { DEFAULT_MAX_MEGAPIXELS } from './page-image.js';
export { RENDER_DPI } from './pdf-pages.js';
export { type PdfText, type PdfTextPage, readPdfText } from './pdf-text.js';

/** Yields the pages of a PDF, TIFF, PNG or JPEG one at a time as 8-bit gray rasters. */
export function readPages(
  bytes: Uint8Array,
  kind: FileKind,
  options: ReadPagesOptions = {},
): AsyncGenerator<PageImage> {
  if (kind === 'pdf') return readPdfPages(bytes, options);
  if (kind === 'text') throw new UnsupportedFileError('a text file has no page images', options.fileName);
  return readRasterPages(bytes, options);
}

/**
 * Page n (1-based) alone, as `readPages` yields it, without decoding the pages before it (a queue's
 * page job). PNG and JPEG have only page 1; a page the file does not have is a RangeError.
 */
export async function readPage(
  bytes: Uint8Array,
  kind: FileKind,
  pageNumber: number,
  options: ReadPagesOptions = {},
): Promise<PageImage> {
  if (kind === 'pdf') return readPdfPage(bytes, pageNumber, options);
  if (kind === 'text') throw new UnsupportedFileError('a text file has no page images', options.fileName);
  return readRasterPage(bytes, pageNumber, options);
}

export function countPages(
  bytes: Uint8Array,
  kind: FileKind,
  options: ReadPagesOptions = {},
): Promise<number> {
  if (kind === 'pdf') return countPdfPages(bytes, options);
  if (kind === 'text') throw new UnsupportedFileError('a text file has no pages', options.fileName);
  return countRasterPages(bytes, options);
}
