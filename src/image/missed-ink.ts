import type { PageImage } from '../ingest/pages/page-image.js';
import type { Bbox } from '../record/schema.js';
import { label } from './components.js';

/** Darker than this is ink: faint typing included, the paper's grain not. */
const INK = 200;

interface Blob {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  pixels: number;
}

export interface MissedInkOptions {
  /** Most regions returned, the inkiest first. */
  limit?: number;
}

/**
 * Where a page has ink that OCR read no word on: runs of character-sized marks on one line that
 * no word box covers. Faint or broken typing is what OCR's page layout analysis drops as noise,
 * and a typed amount dropped that way is a whole value lost. Each region is a line's worth of
 * such marks, for OCR to read again on its own.
 */
export function findMissedInk(
  image: PageImage,
  covered: readonly Bbox[],
  options: MissedInkOptions = {},
): Bbox[] {
  const dpi = image.dpi ?? 300;
  const { width, height } = image;
  const coverage = new Uint8Array(width * height);
  const pad = coverMargin(dpi);
  for (const [x0, y0, x1, y1] of covered) {
    for (let y = Math.max(0, y0 - pad); y <= Math.min(height - 1, y1 + pad); y++) {
      coverage.fill(1, y * width + Math.max(0, x0 - pad), y * width + Math.min(width, x1 + pad + 1));
    }
  }
  const blobs = inkBlobs(image, coverage);
  // A character of typing is between a twentieth and a third of an inch tall; specks and
  // signatures, rules and stamps are not.
  const minSide = Math.max(2, Math.round(dpi / 100));
  const marks = blobs.filter(
    (b) =>
      b.y1 - b.y0 + 1 <= dpi * 0.3 &&
      b.x1 - b.x0 + 1 <= dpi * 0.4 &&
      Math.max(b.x1 - b.x0, b.y1 - b.y0) + 1 >= minSide &&
      b.pixels >= minSide * minSide,
  );
  const lines = joinIntoLines(marks, dpi);
  return lines
    .filter((l) => {
      const h = l.y1 - l.y0 + 1;
      const w = l.x1 - l.x0 + 1;
      // Two or more characters' worth of marks, a line of type high; or one character on a row of
      // words read, as tall as they are (a table's lone "0" the page pass dropped with its "$").
      if (h < dpi * 0.05 || h > dpi * 0.3) return false;
      return (
        (w >= dpi * 0.1 && l.count >= 2) || (l.count === 1 && w >= dpi * 0.02 && onRowOfWords(l, covered))
      );
    })
    .sort((a, b) => b.pixels - a.pixels)
    .slice(0, options.limit ?? 40)
    .map((l): Bbox => [l.x0, l.y0, l.x1, l.y1]);
}

/**
 * How far past a word's box its ink still counts as read: a box can fall a pixel or two short of
 * its glyphs' edges.
 */
export function coverMargin(dpi: number): number {
  return Math.max(2, Math.round(dpi / 100));
}

/** Connected marks of ink (8-connected) that the coverage leaves uncovered. */
function inkBlobs(image: PageImage, coverage: Uint8Array): Blob[] {
  const { width, height, data } = image;
  const ink = new Uint8Array(width * height);
  for (let i = 0; i < ink.length; i++) ink[i] = (data[i] ?? 255) < INK && coverage[i] !== 1 ? 1 : 0;
  return label(ink, width, height)
    .components.slice(1)
    .map(({ x0, y0, x1, y1, area }) => ({ x0, y0, x1, y1, pixels: area }));
}

/**
 * Whether boxes read as words stand on the mark's row, about as tall as the mark, none of them
 * within a few characters of it: a mark beside a word (a speck between two words of a label, a
 * word's last letter its box left out) is no character of its own.
 */
function onRowOfWords(mark: Blob, covered: readonly Bbox[]): boolean {
  const h = mark.y1 - mark.y0 + 1;
  const row = covered.filter(([, y0, , y1]) => {
    const shared = Math.min(y1, mark.y1) - Math.max(y0, mark.y0) + 1;
    return shared >= h * 0.6;
  });
  const alike = row.some(([, y0, , y1]) => y1 - y0 + 1 >= h * 0.6 && y1 - y0 + 1 <= h * 1.6);
  const near = row.some(([x0, , x1]) => x0 - mark.x1 < h * 2 && mark.x0 - x1 < h * 2);
  return alike && !near;
}

interface Line extends Blob {
  count: number;
}

/**
 * Marks side by side on one line, with gaps no wider than a few characters, are one line of
 * typing; a wider gap (between a table's columns) starts another.
 */
function joinIntoLines(marks: Blob[], dpi: number): Line[] {
  const maxGap = dpi * 0.15;
  const sorted = [...marks].sort((a, b) => a.x0 - b.x0);
  const lines: Line[] = [];
  for (const m of sorted) {
    // Broken typing leaves the tops and the feet of a line's characters as separate marks.
    const line = lines.find((l) => sameLine(l, m, dpi) && m.x0 - l.x1 <= maxGap);
    if (line) absorb(line, { ...m, count: 1 });
    else lines.push({ ...m, count: 1 });
  }
  // A line begun from the feet of its first characters and one begun from their tops are one.
  for (let merged = true; merged; ) {
    merged = false;
    for (let i = 0; i < lines.length && !merged; i++) {
      for (let j = i + 1; j < lines.length && !merged; j++) {
        const [a, b] = [lines[i] as Line, lines[j] as Line];
        const gap = Math.max(a.x0, b.x0) - Math.min(a.x1, b.x1);
        if (gap > maxGap || !sameLine(a, b, dpi)) continue;
        absorb(a, b);
        lines.splice(j, 1);
        merged = true;
      }
    }
  }
  return lines;
}

/** Two runs of marks are on one line when they share rows, or their middles are near. */
function sameLine(a: Blob, b: Blob, dpi: number): boolean {
  const tall = Math.max(a.y1 - a.y0, b.y1 - b.y0, dpi * 0.1);
  const shared = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return shared > 0 || Math.abs((a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2) <= tall * 0.6;
}

function absorb(line: Line, other: Line): void {
  line.x0 = Math.min(line.x0, other.x0);
  line.y0 = Math.min(line.y0, other.y0);
  line.x1 = Math.max(line.x1, other.x1);
  line.y1 = Math.max(line.y1, other.y1);
  line.pixels += other.pixels;
  line.count += other.count;
}

/**
 * Faint, broken typing made readable for a second OCR pass over a small crop: the crop's own
 * darkest ink is stretched to black (the page's printed labels set the page's black point, so
 * faint typing stays grey there), and each stroke is thickened by a pixel, which closes the
 * breaks a worn ribbon or a light scan left in it.
 */
export function strengthenInk(image: PageImage): PageImage {
  const { width, height, data } = image;
  const histogram = new Uint32Array(256);
  for (const v of data) histogram[v] = (histogram[v] ?? 0) + 1;
  let black = 0;
  let seen = 0;
  while (black < 255 && seen + (histogram[black] ?? 0) < data.length * 0.01) seen += histogram[black++] ?? 0;
  // Paper's grain and a scan's faint haze stay white.
  const white = 235;
  black = Math.min(black, white - 64);
  const table = new Uint8Array(256);
  for (let v = 0; v < 256; v++)
    table[v] = Math.max(0, Math.min(255, Math.round(((v - black) * 255) / (white - black))));
  const stretched = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) stretched[i] = table[data[i] ?? 255] ?? 255;
  const out = Buffer.alloc(data.length, 255);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let darkest = 255;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= width) continue;
          const v = stretched[yy * width + xx] ?? 255;
          if (v < darkest) darkest = v;
        }
      }
      out[y * width + x] = darkest;
    }
  }
  return { ...image, data: out };
}
