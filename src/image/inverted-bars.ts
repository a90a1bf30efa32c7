import type { PageImage } from '../ingest/pages/page-image.js';

/** Darker than this is ink. */
const INK = 128;

/**
 * Turns the form's section headings printed white on a black bar ("A. BASIC IDENTIFICATION DATA")
 * into black on white: OCR finds no words in white letters, and reads the bar as a line of junk
 * that can swallow the first words of the line under it. A bar is a band of rows that are mostly
 * ink across a wide span, as tall as a line of type or a little more, standing clear of the page's
 * edges (a copier's dark edge is not a bar). Only the image given to OCR is changed.
 */
export function invertBars(image: PageImage): PageImage {
  const { width, height, data } = image;
  const dpi = image.dpi ?? 300;
  const darkInRow = new Uint32Array(height);
  for (let y = 0; y < height; y++) {
    let n = 0;
    const row = y * width;
    for (let x = 0; x < width; x++) if ((data[row + x] ?? 255) < INK) n++;
    darkInRow[y] = n;
  }
  const minHeight = Math.round(dpi * 0.08);
  const maxHeight = Math.round(dpi * 0.5);
  const margin = Math.round(dpi * 0.15);
  const out = Buffer.from(data);
  let changed = false;
  for (let y = 0; y < height; ) {
    if ((darkInRow[y] ?? 0) < width * 0.35) {
      y++;
      continue;
    }
    let end = y;
    while (end < height && (darkInRow[end] ?? 0) >= width * 0.2) end++;
    const band = { top: y, bottom: end - 1 };
    y = end;
    const tall = band.bottom - band.top + 1;
    if (tall < minHeight || tall > maxHeight || band.top < margin || band.bottom >= height - margin) continue;
    const span = barSpan(image, band.top, band.bottom);
    if (!span || span.right - span.left < width * 0.4 || span.left < margin || span.right >= width - margin)
      continue;
    for (let yy = band.top; yy <= band.bottom; yy++) {
      const row = yy * width;
      for (let x = span.left; x <= span.right; x++) out[row + x] = 255 - (data[row + x] ?? 255);
    }
    changed = true;
  }
  return changed ? { ...image, data: out } : image;
}

/**
 * The columns a bar covers: the widest stretch of columns that are ink in most of the band's rows,
 * bridging gaps narrower than a letter's stroke or two, where at least three quarters of the
 * columns are such (a row of words is not). A copier's dark edge beside the bar is a stretch of its
 * own, apart from the bar by the margin.
 */
function barSpan(image: PageImage, top: number, bottom: number): { left: number; right: number } | null {
  const { width, data } = image;
  const rows = bottom - top + 1;
  const solid = new Uint8Array(width);
  for (let x = 0; x < width; x++) {
    let n = 0;
    for (let y = top; y <= bottom; y++) if ((data[y * width + x] ?? 255) < INK) n++;
    solid[x] = n >= rows * 0.6 ? 1 : 0;
  }
  const bridge = Math.round((image.dpi ?? 300) * 0.05);
  let best: { left: number; right: number } | null = null;
  for (let x = 0; x < width; ) {
    if (!solid[x]) {
      x++;
      continue;
    }
    const left = x;
    let right = x;
    for (let next = x + 1; next < width && next - right <= bridge + 1; next++) if (solid[next]) right = next;
    if (!best || right - left > best.right - best.left) best = { left, right };
    x = right + 1;
  }
  if (!best) return null;
  let count = 0;
  for (let x = best.left; x <= best.right; x++) count += solid[x] ?? 0;
  return count >= (best.right - best.left + 1) * 0.75 ? best : null;
}
