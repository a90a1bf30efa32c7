import type { PageImage } from '../ingest/pages/page-image.js';

/**
 * Stretches contrast so the paper is white and the darkest ink black. The paper level is the
 * brightest common gray (the histogram's peak in the upper half), not the brightest pixel, so a
 * yellowed or gray scan comes out white while faint strokes keep their darkness relative to it.
 */
export function normaliseContrast(image: PageImage): PageImage {
  const source = image.data;
  const total = source.length;
  const histogram = new Uint32Array(256);
  for (let i = 0; i < total; i++) histogram[source[i]!]!++;

  let paper = 255;
  let peak = 0;
  for (let v = 128; v < 256; v++) {
    if (histogram[v]! > peak) {
      peak = histogram[v]!;
      paper = v;
    }
  }
  // Walk down the peak's dark side to where it falls to half: the paper's own noise stays white.
  let white = paper;
  while (white > 128 && histogram[white - 1]! > peak / 2) white--;

  let black = 0;
  let seen = 0;
  // The 0.2nd percentile: a few stray pixels darker than the ink should not set the black point.
  while (black < 255 && seen + histogram[black]! < total * 0.002) seen += histogram[black++]!;
  black = Math.min(black, white - 64);
  if (black <= 0 && white >= 255) return image;

  const table = new Uint8Array(256);
  const range = Math.max(1, white - black);
  for (let v = 0; v < 256; v++)
    table[v] = Math.max(0, Math.min(255, Math.round(((v - black) * 255) / range)));
  const data = Buffer.allocUnsafe(total);
  for (let i = 0; i < total; i++) data[i] = table[source[i]!]!;
  return { ...image, data };
}
