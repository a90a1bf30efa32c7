import type { PageImage } from '../ingest/pages/page-image.js';
import { inkMap } from './binarise.js';
import { type Component, label } from './components.js';

export interface DespeckleOptions {
  /** Largest speck, in pixels at 300 dpi; a period in 8-point type is larger than this. */
  maxArea?: number;
  /** A small mark within this many pixels (at 300 dpi) of a real glyph is punctuation, and stays. */
  isolation?: number;
}

/**
 * Removes small, isolated blots of ink. A mark is removed only when it is both small and far from
 * any larger mark, so periods, commas and the dots of i and j, which sit beside letters and digits,
 * survive, as do thin strokes, which belong to components that are not small.
 */
export function despeckle(
  image: PageImage,
  options: DespeckleOptions = {},
): { image: PageImage; removed: number } {
  const scale = (image.dpi ?? 300) / 300;
  const maxArea = Math.max(1, Math.round((options.maxArea ?? 30) * scale * scale));
  const isolation = Math.max(2, Math.round((options.isolation ?? 24) * scale));
  // Pieces of one broken glyph (a faint or thresholded scan) lie this close to each other; a speck
  // rarely lies this close to another.
  const fragmentGap = Math.max(2, Math.round(4 * scale));
  const minDash = Math.max(4, Math.round(9 * scale));
  const { width, height, ink } = inkMap(image);
  const { labels, components } = label(ink, width, height);

  const small = new Uint8Array(components.length);
  for (let c = 1; c < components.length; c++) if (components[c]!.area <= maxArea) small[c] = 1;

  const data = Buffer.from(image.data);
  let removed = 0;
  for (let c = 1; c < components.length; c++) {
    if (!small[c]) continue;
    const box = components[c]!;
    if (
      nearGlyph(labels, width, height, box, c, small, isolation, fragmentGap) ||
      inDotRow(components, small, c, isolation) ||
      inFaintStroke(image.data, width, height, box, 2 * fragmentGap) ||
      isDash(box, minDash)
    )
      continue;
    removed++;
    for (let y = box.y0; y <= box.y1; y++) ink.fill(0, y * width + box.x0, y * width + box.x1 + 1);
    // The speck's box and a one-pixel ring of anti-aliasing go white; nothing else is that close.
    for (let y = Math.max(0, box.y0 - 1); y <= Math.min(height - 1, box.y1 + 1); y++) {
      data.fill(255, y * width + Math.max(0, box.x0 - 1), y * width + Math.min(width, box.x1 + 2));
    }
  }
  // Haze is gray far from any mark, and faint typing is a mark: a typewriter's light fill on a form
  // printed in black is lighter than Otsu's ink for the page, but it is no haze.
  markFaintStrokes(data, ink, width, height);
  clearHaze(data, ink, width, height, Math.max(1, Math.round(2 * scale)));
  return { image: { ...image, data }, removed };
}

/**
 * Whether a component larger than a speck has ink within `isolation` pixels of this one, or any
 * other mark within `fragmentGap` pixels (the pieces of a glyph broken up by a faint scan).
 */
function nearGlyph(
  labels: Int32Array,
  width: number,
  height: number,
  box: Component,
  c: number,
  small: Uint8Array,
  isolation: number,
  fragmentGap: number,
): boolean {
  const x0 = Math.max(0, box.x0 - isolation);
  const x1 = Math.min(width - 1, box.x1 + isolation);
  const y0 = Math.max(0, box.y0 - isolation);
  const y1 = Math.min(height - 1, box.y1 + isolation);
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const other = labels[y * width + x]!;
      if (other === 0 || other === c) continue;
      if (!small[other]) return true;
      if (
        x >= box.x0 - fragmentGap &&
        x <= box.x1 + fragmentGap &&
        y >= box.y0 - fragmentGap &&
        y <= box.y1 + fragmentGap
      )
        return true;
    }
  }
  return false;
}

/**
 * Whether a small mark is a dash: a thin level stroke at least `minWidth` long, three times as
 * long as it is thick. A dash typed for a zero in a cell of its own, thinned by a faint scan or its
 * thresholding to a line a pixel or two thick, is as small as a speck and as far from any glyph;
 * dirt leaves blots, not strokes.
 */
function isDash(box: Component, minWidth: number): boolean {
  const wide = box.x1 - box.x0 + 1;
  return wide >= minWidth && wide >= 3 * (box.y1 - box.y0 + 1);
}

/**
 * Whether the mark is one of a row of like dots (a leader "....." between a label and its
 * amount): at least two marks of similar size on the same line within twice `isolation`.
 */
function inDotRow(components: Component[], small: Uint8Array, c: number, isolation: number): boolean {
  const me = components[c]!;
  if (me.area < 3) return false;
  const cy = (me.y0 + me.y1) / 2;
  const tolerance = Math.max(2, me.y1 - me.y0 + 1);
  let alike = 0;
  // Components are numbered in scan order, so the row's neighbours are never far away in the list.
  for (let k = Math.max(1, c - 400); k < Math.min(components.length, c + 400); k++) {
    if (k === c || !small[k]) continue;
    const other = components[k]!;
    if (other.area * 3 < me.area || other.area > me.area * 3) continue;
    if (Math.abs((other.y0 + other.y1) / 2 - cy) > tolerance) continue;
    const gap = Math.max(other.x0 - me.x1, me.x0 - other.x1);
    if (gap <= 2 * isolation && ++alike >= 2) return true;
  }
  return false;
}

/**
 * Whether a small dark mark is the darkest part of a faint glyph: gray as dark as faint ink lies
 * around it, beyond its own soft edge (a light typewriter's letter breaks into such cores at the
 * page's ink threshold, joined by gray). Paper lies around a speck.
 */
function inFaintStroke(
  data: Uint8Array,
  width: number,
  height: number,
  box: Component,
  reach: number,
): boolean {
  const edge = 2;
  let gray = 0;
  for (let y = Math.max(0, box.y0 - reach); y <= Math.min(height - 1, box.y1 + reach); y++) {
    for (let x = Math.max(0, box.x0 - reach); x <= Math.min(width - 1, box.x1 + reach); x++) {
      const beside = x >= box.x0 - edge && x <= box.x1 + edge && y >= box.y0 - edge && y <= box.y1 + edge;
      if (!beside && (data[y * width + x] ?? 255) <= FAINT_INK) gray++;
    }
  }
  return gray >= Math.max(6, box.area);
}

/** Gray this dark may be faint ink, where it forms a stroke. */
const FAINT_INK = 230;

/**
 * Marks as ink the gray pixels that form strokes: a pixel of faint gray with at least three
 * neighbours as dark. Haze is scattered gray; a light typed letter is gray in one piece.
 */
function markFaintStrokes(data: Buffer, ink: Uint8Array, width: number, height: number): void {
  const faint = (i: number) => ((data[i] ?? 255) <= FAINT_INK ? 1 : 0);
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      if (ink[i] || !faint(i)) continue;
      const up = i - width;
      const down = i + width;
      const around =
        faint(up - 1) +
        faint(up) +
        faint(up + 1) +
        faint(i - 1) +
        faint(i + 1) +
        faint(down - 1) +
        faint(down) +
        faint(down + 1);
      if (around >= 3) ink[i] = 1;
    }
  }
}

/** Whitens faint gray (lighter than ink) that lies more than `reach` pixels from any ink: scanner haze. */
function clearHaze(data: Buffer, ink: Uint8Array, width: number, height: number, reach: number): void {
  // A square dilation of the ink, done as a row pass then a column pass with running counts.
  const rows = new Uint8Array(width * height);
  const span = 2 * reach + 1;
  for (let y = 0; y < height; y++) {
    const o = y * width;
    let count = 0;
    for (let x = 0; x < Math.min(reach, width); x++) count += ink[o + x]!;
    for (let at = 0; at < width; at++) {
      if (at + reach < width) count += ink[o + at + reach]!;
      if (at - span >= -reach) count -= ink[o + at - reach - 1]!;
      rows[o + at] = count > 0 ? 1 : 0;
    }
  }
  // The column pass runs along rows, one count a column, so it reads memory in order.
  const counts = new Int32Array(width);
  for (let y = 0; y < height + reach; y++) {
    if (y < height) {
      const o = y * width;
      for (let x = 0; x < width; x++) counts[x]! += rows[o + x]!;
    }
    if (y - span >= 0) {
      const o = (y - span) * width;
      for (let x = 0; x < width; x++) counts[x]! -= rows[o + x]!;
    }
    const at = y - reach;
    if (at < 0 || at >= height) continue;
    const o = at * width;
    for (let x = 0; x < width; x++) if (counts[x] === 0) data[o + x] = 255;
  }
}
