import type { PageImage } from '../ingest/pages/page-image.js';
import type { Bbox } from '../record/schema.js';

/** Copies a box out of a page, padded with white where it runs past the edges. */
export function cropImage(
  image: PageImage,
  bbox: Bbox,
  pad = 0,
): { image: PageImage; left: number; top: number } {
  const left = Math.floor(bbox[0]) - pad;
  const top = Math.floor(bbox[1]) - pad;
  const width = Math.max(1, Math.ceil(bbox[2]) + pad - left);
  const height = Math.max(1, Math.ceil(bbox[3]) + pad - top);
  const data = Buffer.alloc(width * height, 255);
  const x0 = Math.max(0, left);
  const x1 = Math.min(image.width, left + width);
  for (let y = Math.max(0, top); y < Math.min(image.height, top + height); y++) {
    if (x1 <= x0) break;
    image.data.copy(data, (y - top) * width + (x0 - left), y * image.width + x0, y * image.width + x1);
  }
  return { image: { ...image, width, height, data }, left, top };
}
