import type { PageImage } from '../ingest/pages/page-image.js';
import type { Bbox } from '../record/schema.js';
import { cropImage } from './crop.js';

/** Darker than this is ink. */
const INK = 150;
/** Lighter than ink but not paper: the soft edge of a printed line. */
const EDGE = 230;

/**
 * Erases the thin printed lines that typed values sit on or beside: the underlines of blanks and
 * the rules between a table's columns. Typewriter fills are typed onto the underline, and OCR,
 * which segments a line by the white around it, reads a word touching a rule poorly or not at all.
 * A stroke that crosses a rule (a descender, a comma's tail) keeps its pixels where it crosses:
 * ink both above and below a rule's band at a column means a stroke runs through there.
 * Only the image given to OCR loses its rules; the layout finds them on the cleaned page.
 */
export function eraseThinRules(image: PageImage): PageImage {
  const dpi = image.dpi ?? 300;
  // Underlines of blanks are over half an inch; no letter has a stroke that long, and the tops of
  // bold letters that run together ("Executive" in a heavy serif) fall short of it.
  const maxThickness = Math.max(3, Math.round(dpi / 30));
  const horizontal = lineMask(image, 'horizontal', Math.round(dpi * 0.6), maxThickness);
  // Column rules are half an inch and more; the tallest letters are a fifth of that.
  const vertical = lineMask(image, 'vertical', Math.round(dpi / 2), maxThickness);
  const data = Buffer.from(image.data);
  const erased =
    eraseBands(image, horizontal, 'horizontal', maxThickness, data) +
    eraseBands(image, vertical, 'vertical', maxThickness, data);
  return erased ? { ...image, data } : image;
}

/**
 * Erases the walls of a comb (the boxed cells a date or a state code is typed into) in place:
 * rules that run across nearly all of the comb, as a typed character never does. The rule erasing
 * keeps a stroke that crosses a wall, and follows a wall scanned at a slight slant, so the
 * characters typed to fill their cells keep their ink.
 */
export function eraseCombWalls(image: PageImage, [x0, y0, x1, y1]: Bbox): void {
  const margin = Math.max(3, Math.round((y1 - y0) * 0.25));
  const { image: crop, left, top } = cropImage(image, [x0, y0, x1 + 1, y1 + 1], margin);
  const maxThickness = Math.max(3, Math.round((image.dpi ?? 300) / 30));
  const erased = Buffer.from(crop.data);
  const across = lineMask(crop, 'horizontal', Math.round((x1 - x0) * 0.9), maxThickness);
  eraseBands(crop, across, 'horizontal', maxThickness, erased);
  const down = lineMask(crop, 'vertical', Math.round((y1 - y0) * 0.9), maxThickness);
  eraseBands(crop, down, 'vertical', maxThickness, erased);
  // Back into the page, less the crop's white padding past the page's edges.
  const [from, to] = [Math.max(0, -left), Math.min(crop.width, image.width - left)];
  for (let y = Math.max(0, -top); y < Math.min(crop.height, image.height - top); y++) {
    image.data.set(
      erased.subarray(y * crop.width + from, y * crop.width + to),
      (top + y) * image.width + left + from,
    );
  }
}

type Direction = 'horizontal' | 'vertical';

/**
 * An image walked as lines in one direction: `outer` lines (rows for horizontal) of `inner`
 * pixels each, and the data index of pixel `b` of line `a`.
 */
function lines(image: PageImage, direction: Direction) {
  const { width, height } = image;
  return direction === 'horizontal'
    ? { outer: height, inner: width, index: (a: number, b: number) => a * width + b }
    : { outer: width, inner: height, index: (a: number, b: number) => b * width + a };
}

/**
 * The pixels that lie on a straight run of ink at least `minLength` long along the direction
 * (gaps of a pixel or two from scan damage allowed, but not the gap between two letters). A
 * vertical one is found as a horizontal one in the transposed page, so that every walk runs along
 * memory.
 */
function lineMask(
  image: PageImage,
  direction: Direction,
  minLength: number,
  maxThickness: number,
): Uint8Array {
  const { data, width, height } = image;
  const ink = new Uint8Array(width * height);
  for (let i = 0; i < ink.length; i++) ink[i] = (data[i] ?? 255) < INK ? 1 : 0;
  if (direction === 'horizontal') return rowMask(ink, width, height, minLength, maxThickness);
  const mask = rowMask(transpose(ink, width, height), height, width, minLength, maxThickness);
  return transpose(mask, height, width);
}

/** A `width` x `height` raster turned into its `height` x `width` transpose. */
function transpose(pixels: Uint8Array, width: number, height: number): Uint8Array {
  const out = new Uint8Array(pixels.length);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) out[x * height + y] = pixels[row + x] as number;
  }
  return out;
}

/** `lineMask` along the rows of an ink raster (1 ink, 0 paper). */
function rowMask(
  ink: Uint8Array,
  width: number,
  height: number,
  minLength: number,
  maxThickness: number,
): Uint8Array {
  const size = width * height;
  const mask = new Uint8Array(size);
  const maxGap = 2;
  // A rule scanned at a slight slant steps between neighbouring rows: a run may too.
  const smeared = new Uint8Array(ink);
  for (let i = 0; i < size; i++) {
    if (ink[i] === 0) continue;
    if (i >= width) smeared[i - width] = 1;
    if (i + width < size) smeared[i + width] = 1;
  }
  // Across the run, how far the ink reaches: a rule is thin along most of its length; the
  // bottom of a line of bold letters that run together is a letter's height wherever it is inked.
  const cap = maxThickness + 4;
  const thickness = (a: number, c: number): number => {
    let n = 0;
    for (let d = a; d >= 0 && n <= cap && ink[d * width + c] === 1; d--) n++;
    for (let d = a + 1; d < height && n <= cap && ink[d * width + c] === 1; d++) n++;
    return n;
  };
  const mostlyThin = (from: number, to: number, a: number): boolean => {
    let inked = 0;
    let thin = 0;
    for (let c = from; c <= to; c++) {
      if (ink[a * width + c] !== 1) continue;
      inked++;
      if (thickness(a, c) <= maxThickness + 2) thin++;
    }
    return thin >= inked * 0.5;
  };
  for (let a = 0; a < height; a++) {
    const row = a * width;
    let start = -1;
    let lastInk = -1;
    for (let b = 0; b <= width; b++) {
      if (b < width && smeared[row + b] === 1) {
        if (start < 0) start = b;
        lastInk = b;
      } else if (start >= 0 && b - lastInk > maxGap) {
        if (lastInk - start + 1 >= minLength && mostlyThin(start, lastInk, a)) {
          for (let c = start; c <= lastInk; c++) if (ink[row + c] === 1) mask[row + c] = 1;
        }
        start = -1;
      }
    }
  }
  return mask;
}

/**
 * Across each line of the mask, the band of masked pixels is the rule's thickness there. A rule
 * scanned at a slight slant steps from row to row, so the ink just beside the band is the rule's
 * too: a thin band is erased with a pixel either side of it, unless ink runs on well beyond both
 * sides (a stroke crossing). A thick band is text or a heavy bar, and stays.
 */
function eraseBands(
  image: PageImage,
  mask: Uint8Array,
  direction: Direction,
  maxThickness: number,
  out: Buffer,
): number {
  const { data } = image;
  // Bands run across the line: down a column for a horizontal rule, along a row for a vertical one.
  const { outer, inner, index } = lines(image, direction === 'horizontal' ? 'vertical' : 'horizontal');
  const inkAt = (a: number, b: number) => b >= 0 && b < inner && (data[index(a, b)] ?? 255) < INK;
  let erased = 0;
  for (let a = 0; a < outer; a++) {
    let b = 0;
    while (b < inner) {
      if (mask[index(a, b)] === 0) {
        b++;
        continue;
      }
      const first = b;
      while (b < inner && mask[index(a, b)] === 1) b++;
      const last = b - 1;
      if (last - first + 1 > maxThickness) continue;
      let before = 0;
      while (before < 3 && inkAt(a, first - before - 1)) before++;
      let after = 0;
      while (after < 3 && inkAt(a, last + after + 1)) after++;
      if (before >= 3 && after >= 3) continue;
      // A stroke standing on an underline (a figure typed onto it) keeps what lies beside the band
      // on its side: that is the stroke's foot, the bottom of a zero, not the rule's. Nothing
      // stands on a column rule that way, and the ink beside one is its own scanned edge.
      const [footBefore, footAfter] = direction === 'horizontal' ? [before >= 3, after >= 3] : [false, false];
      let from = footBefore ? first : first - Math.min(before, 1);
      let to = footAfter ? last : last + Math.min(after, 1);
      // The grey edge of an erased rule would be read as a faint line: it goes too.
      if (!footBefore && from > 0 && (data[index(a, from - 1)] ?? 255) < EDGE) from--;
      if (!footAfter && to < inner - 1 && (data[index(a, to + 1)] ?? 255) < EDGE) to++;
      for (let c = from; c <= to; c++) out[index(a, c)] = 255;
      erased += to - from + 1;
    }
  }
  return erased;
}
