import sharp, { type Metadata, type OutputInfo } from 'sharp';
import { CorruptFileError, UnsupportedFileError } from '../../errors.js';
import {
  assertPageNumber,
  assertPageSize,
  DEFAULT_MAX_MEGAPIXELS,
  type PageImage,
  type ReadPagesOptions,
} from './page-image.js';

/** Reads only the header: how many pages, and each page's size is checked before it is decoded. */
async function header(bytes: Uint8Array, page: number, fileName?: string): Promise<Metadata> {
  try {
    return await sharp(bytes, { page, limitInputPixels: false }).metadata();
  } catch (error) {
    throw rasterError(error, fileName);
  }
}

export async function countRasterPages(bytes: Uint8Array, options: ReadPagesOptions = {}): Promise<number> {
  const meta = await header(bytes, 0, options.fileName);
  return meta.pages ?? 1;
}

/** Yields the pages of a TIFF (each directory), PNG or JPEG one by one as 8-bit gray. */
export async function* readRasterPages(
  bytes: Uint8Array,
  options: ReadPagesOptions = {},
): AsyncGenerator<PageImage> {
  const first = await header(bytes, 0, options.fileName);
  const pages = first.pages ?? 1;
  for (let i = 0; i < pages; i++) {
    const meta = i === 0 ? first : await header(bytes, i, options.fileName);
    yield await decodePage(bytes, i, meta, options);
  }
}

/** Page n (1-based) of a TIFF, or page 1 of a PNG or JPEG, without decoding the pages before it. */
export async function readRasterPage(
  bytes: Uint8Array,
  n: number,
  options: ReadPagesOptions = {},
): Promise<PageImage> {
  const first = await header(bytes, 0, options.fileName);
  assertPageNumber(n, first.pages ?? 1, options.fileName);
  const meta = n === 1 ? first : await header(bytes, n - 1, options.fileName);
  return decodePage(bytes, n - 1, meta, options);
}

/** Decodes page index i after checking the size its header declares. */
async function decodePage(
  bytes: Uint8Array,
  i: number,
  meta: Metadata,
  options: ReadPagesOptions,
): Promise<PageImage> {
  const { fileName } = options;
  const maxMegapixels = options.maxMegapixels ?? DEFAULT_MAX_MEGAPIXELS;
  const width = meta.width;
  // For multi-page files sharp reports the page height separately from the stacked height.
  const height = meta.pageHeight ?? meta.height;
  if (!width || !height) throw new CorruptFileError(`page ${i + 1} has no size`, fileName);
  assertPageSize(width, height, maxMegapixels, fileName);
  let decoded: { data: Buffer; info: OutputInfo };
  try {
    decoded = await sharp(bytes, { page: i, pages: 1, limitInputPixels: Math.ceil(maxMegapixels * 1e6) })
      // EXIF orientation is how the scanner says the page should be shown.
      .rotate()
      .flatten({ background: '#ffffff' })
      .grayscale()
      .extractChannel(0)
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    throw rasterError(error, fileName);
  }
  return {
    page: i + 1,
    width: decoded.info.width,
    height: decoded.info.height,
    dpi: dpiOf(meta),
    data: decoded.data,
  };
}

function dpiOf(meta: Metadata): number | null {
  // sharp reports 72 when a file states nothing; a real scan is never that coarse.
  const density = meta.density;
  if (density === undefined || density <= 72) return null;
  return Math.round(density);
}

function rasterError(error: unknown, fileName?: string): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (/unsupported image format/i.test(message))
    return new UnsupportedFileError('not an image sharp can read', fileName);
  return new CorruptFileError(message, fileName);
}
