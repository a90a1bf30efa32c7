import sharp from 'sharp';
import type { PageImage } from '../ingest/pages/page-image.js';

/** Otsu's threshold: the gray level that best splits ink from paper. */
export function otsuThreshold(data: Uint8Array): number {
  const counts = new Uint32Array(256);
  for (let i = 0, n = data.length; i < n; i++) counts[data[i]!]!++;
  const histogram = Float64Array.from(counts);
  let sum = 0;
  for (let v = 0; v < 256; v++) sum += v * histogram[v]!;
  let weightB = 0;
  let sumB = 0;
  let best = 0;
  let threshold = 128;
  for (let v = 0; v < 256; v++) {
    weightB += histogram[v]!;
    if (weightB === 0) continue;
    const weightF = data.length - weightB;
    if (weightF === 0) break;
    sumB += v * histogram[v]!;
    const between = weightB * weightF * (sumB / weightB - (sum - sumB) / weightF) ** 2;
    if (between > best) {
      best = between;
      threshold = v;
    }
  }
  return threshold;
}

/** A bit map of ink: 1 where the pixel is darker than the threshold. */
export interface InkMap {
  width: number;
  height: number;
  ink: Uint8Array;
}

export function inkMap(image: PageImage, threshold = otsuThreshold(image.data)): InkMap {
  const n = image.width * image.height;
  const ink = new Uint8Array(n);
  const data = image.data;
  // A blank page has no ink, whatever Otsu says about its noise.
  const limit = Math.min(threshold, 200);
  for (let i = 0; i < n; i++) ink[i] = data[i]! <= limit ? 1 : 0;
  return { width: image.width, height: image.height, ink };
}

/** A smaller copy for estimates that need no detail (area-averaged, so thin strokes stay gray). */
export async function downscale(image: PageImage, maxSide: number): Promise<PageImage> {
  const scale = maxSide / Math.max(image.width, image.height);
  if (scale >= 1) return image;
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const data = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 1 } })
    .resize(width, height, { kernel: 'linear', fit: 'fill' })
    .extractChannel(0)
    .raw()
    .toBuffer();
  return { ...image, width, height, dpi: image.dpi === null ? null : image.dpi * scale, data };
}

/** Clears ink runs longer than `maxRun` in both directions: form rules and box edges, not glyphs. */
export function removeRules(map: InkMap, maxRun: number): InkMap {
  const { width, height } = map;
  const ink = Uint8Array.from(map.ink);
  for (let y = 0; y < height; y++) {
    let start = -1;
    for (let x = 0; x <= width; x++) {
      const on = x < width && map.ink[y * width + x] === 1;
      if (on && start < 0) start = x;
      if (!on && start >= 0) {
        if (x - start > maxRun) ink.fill(0, y * width + start, y * width + x);
        start = -1;
      }
    }
  }
  for (let x = 0; x < width; x++) {
    let start = -1;
    for (let y = 0; y <= height; y++) {
      const on = y < height && map.ink[y * width + x] === 1;
      if (on && start < 0) start = y;
      if (!on && start >= 0) {
        if (y - start > maxRun) for (let k = start; k < y; k++) ink[k * width + x] = 0;
        start = -1;
      }
    }
  }
  return { width, height, ink };
}
