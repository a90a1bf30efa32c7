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

/** The ink of a box of the page as a mask (1 for ink, rows of the box's width), with the box as clipped. */
export interface InkMask {
  mask: Uint8Array;
  box: Bbox;
  width: number;
  height: number;
}

/** The pixels darker than `below` in a box of the page, the part off the page left out. */
export function inkMask(image: PageImage, box: Bbox, below: number): InkMask {
  const { values, ...clipped } = valuesIn(image, box);
  return { mask: values.map((v) => (v < below ? 1 : 0)), ...clipped };
}

/**
 * The ink of a box of the page judged against the box's own paper: darker than halfway from its
 * darkest to its paper (and than `atMost` in any case), so that a faint scan's gray figures are
 * whole where a fixed threshold breaks them.
 */
export function localInk(image: PageImage, box: Bbox, atMost: number): InkMask {
  const { values, ...clipped } = valuesIn(image, box);
  const sorted = [...values].sort((a, b) => a - b);
  const darkest = sorted[Math.floor(sorted.length * 0.02)] ?? 0;
  const paper = sorted[Math.floor(sorted.length * 0.5)] ?? 255;
  const threshold = Math.max(atMost, (darkest + paper) / 2);
  return { mask: values.map((v) => (v < threshold ? 1 : 0)), ...clipped };
}

/** A box's gray values, rows of its width, the part off the page left out. */
function valuesIn(
  image: PageImage,
  [bx0, by0, bx1, by1]: Bbox,
): { values: Uint8Array; box: Bbox; width: number; height: number } {
  const x0 = Math.max(0, bx0);
  const y0 = Math.max(0, by0);
  const x1 = Math.min(image.width - 1, bx1);
  const y1 = Math.min(image.height - 1, by1);
  const width = Math.max(0, x1 - x0 + 1);
  const height = Math.max(0, y1 - y0 + 1);
  const values = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      values[y * width + x] = image.data[(y0 + y) * image.width + x0 + x] ?? 255;
  return { values, box: [x0, y0, x1, y1], width, height };
}
