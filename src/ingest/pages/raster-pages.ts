import sharp, { type Metadata, type OutputInfo } from 'sharp';
import { CorruptFileError, UnsupportedFileError } from '../../errors.js';
import {
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
  const { fileName } = options;
  const maxMegapixels = options.maxMegapixels ?? DEFAULT_MAX_MEGAPIXELS;
  const first = await header(bytes, 0, fileName);
  const pages = first.pages ?? 1;
  for (let i = 0; i < pages; i++) {
    const meta = i === 0 ? first : await header(bytes, i, fileName);
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
    yield {
      page: i + 1,
      width: decoded.info.width,
      height: decoded.info.height,
      dpi: dpiOf(meta),
      data: decoded.data,
    };
  }
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
