import type { PageImage } from '../ingest/pages/page-image.js';
import type { Bbox } from '../record/schema.js';

/** Pixels darker than `below` in a box, the part of it off the page left out. */
export function inkIn(image: PageImage, [x0, y0, x1, y1]: Bbox, below: number): number {
  let n = 0;
  for (let y = Math.max(0, y0); y <= Math.min(image.height - 1, y1); y++) {
    const row = y * image.width;
    for (let x = Math.max(0, x0); x <= Math.min(image.width - 1, x1); x++)
      if ((image.data[row + x] ?? 255) < below) n++;
  }
  return n;
}
