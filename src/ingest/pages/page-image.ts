import { ImageTooLargeError } from '../../errors.js';

/** One page as pixels: 8-bit grayscale, one channel, rows top to bottom, no padding. */
export interface PageImage {
  /** 1-based. */
  page: number;
  width: number;
  height: number;
  /** Scan resolution when the file says or implies it; null when unknown. */
  dpi: number | null;
  data: Buffer;
}

export interface ReadPagesOptions {
  fileName?: string;
  /** Pages larger than this are refused before they are decoded (decompression bombs). */
  maxMegapixels?: number;
}

export const DEFAULT_MAX_MEGAPIXELS = 100;

/** Throws before decoding when a page's declared size is over the limit. */
export function assertPageSize(
  width: number,
  height: number,
  maxMegapixels: number,
  fileName?: string,
): void {
  const megapixels = (width * height) / 1e6;
  if (megapixels > maxMegapixels) throw new ImageTooLargeError(megapixels, maxMegapixels, fileName);
}

/** A page asked for by number must be one the file has: asking for another is the caller's mistake. */
export function assertPageNumber(n: number, pages: number, fileName?: string): void {
  if (!Number.isInteger(n) || n < 1 || n > pages) {
    throw new RangeError(`${fileName ?? 'the file'} has no page ${n} (it has ${pages})`);
  }
}
