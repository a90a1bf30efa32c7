import type { PageImage } from '../ingest/pages/page-image.js';
import { inkMap } from './binarise.js';

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
  const { width, height, ink } = inkMap(image);
  const { labels, components } = label(ink, width, height);

  const small = new Uint8Array(components.length);
  for (let c = 1; c < components.length; c++) if (components[c]!.area <= maxArea) small[c] = 1;

  const data = Buffer.from(image.data);
  let removed = 0;
  for (let c = 1; c < components.length; c++) {
    if (!small[c]) continue;
    const box = components[c]!;
    const x0 = Math.max(0, box.x0 - isolation);
    const x1 = Math.min(width - 1, box.x1 + isolation);
    const y0 = Math.max(0, box.y0 - isolation);
    const y1 = Math.min(height - 1, box.y1 + isolation);
    let nearGlyph = false;
    for (let y = y0; y <= y1 && !nearGlyph; y++) {
      for (let x = x0; x <= x1; x++) {
        const other = labels[y * width + x]!;
        if (other !== 0 && other !== c && !small[other]) {
          nearGlyph = true;
          break;
        }
      }
    }
    if (nearGlyph) continue;
    removed++;
    // The speck's box and a one-pixel ring of anti-aliasing go white; nothing else is that close.
    for (let y = Math.max(0, box.y0 - 1); y <= Math.min(height - 1, box.y1 + 1); y++) {
      data.fill(255, y * width + Math.max(0, box.x0 - 1), y * width + Math.min(width, box.x1 + 2));
    }
  }
  return { image: { ...image, data }, removed };
}

interface Component {
  area: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** 8-connected components by two passes with union-find; label 0 is paper. */
function label(
  ink: Uint8Array,
  width: number,
  height: number,
): { labels: Int32Array; components: Component[] } {
  const labels = new Int32Array(width * height);
  const parent: number[] = [0];
  const find = (a: number): number => {
    let root = a;
    while (parent[root]! !== root) root = parent[root]!;
    while (parent[a]! !== root) {
      const next = parent[a]!;
      parent[a] = root;
      a = next;
    }
    return root;
  };
  const union = (a: number, b: number): number => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return ra;
    const [lo, hi] = ra < rb ? [ra, rb] : [rb, ra];
    parent[hi] = lo;
    return lo;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (!ink[i]) continue;
      let current = 0;
      const neighbours = [
        x > 0 ? labels[i - 1]! : 0,
        y > 0 && x > 0 ? labels[i - width - 1]! : 0,
        y > 0 ? labels[i - width]! : 0,
        y > 0 && x < width - 1 ? labels[i - width + 1]! : 0,
      ];
      for (const n of neighbours) {
        if (n === 0) continue;
        current = current === 0 ? find(n) : union(current, n);
      }
      if (current === 0) {
        current = parent.length;
        parent.push(current);
      }
      labels[i] = current;
    }
  }
  const roots = new Int32Array(parent.length);
  const components: Component[] = [{ area: 0, x0: 0, y0: 0, x1: 0, y1: 0 }];
  for (let l = 1; l < parent.length; l++) {
    const root = find(l);
    if (roots[root] === 0) {
      roots[root] = components.length;
      components.push({ area: 0, x0: width, y0: height, x1: -1, y1: -1 });
    }
    roots[l] = roots[root]!;
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const l = labels[i]!;
      if (l === 0) continue;
      const c = roots[l]!;
      labels[i] = c;
      const box = components[c]!;
      box.area++;
      if (x < box.x0) box.x0 = x;
      if (x > box.x1) box.x1 = x;
      if (y < box.y0) box.y0 = y;
      if (y > box.y1) box.y1 = y;
    }
  }
  return { labels, components };
}
