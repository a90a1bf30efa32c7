import type { InkMask } from './ink-in.js';

/** A connected piece of set pixels: its box and its count of pixels. */
export interface Component {
  area: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * The connected pieces of set pixels in a bit map by two passes with union-find: 8-connected (ink),
 * or with `fourWay` 4-connected (paper, so that a hole does not leak out through a ring's diagonal
 * joint). Label 0 is unset; `components[label]` is each piece's box.
 */
export function label(
  ink: Uint8Array,
  width: number,
  height: number,
  fourWay = false,
): { labels: Int32Array; components: Component[] } {
  const labels = new Int32Array(width * height);
  let parent = new Int32Array(1 << 16);
  let next = 1;
  const find = (a: number): number => {
    let root = a;
    while (parent[root]! !== root) root = parent[root]!;
    while (parent[a]! !== root) {
      const up = parent[a]!;
      parent[a] = root;
      a = up;
    }
    return root;
  };
  // The lower root becomes the parent, so a set's root is its first label in scan order.
  const join = (current: number, n: number): number => {
    if (n === 0) return current;
    if (current === 0) return find(n);
    const ra = find(current);
    const rb = find(n);
    if (ra === rb) return ra;
    if (ra < rb) {
      parent[rb] = ra;
      return ra;
    }
    parent[ra] = rb;
    return rb;
  };
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const i = row + x;
      if (!ink[i]) continue;
      // Neighbours in the order left, up-left, up, up-right (the diagonals left out four-way).
      let current = x > 0 ? join(0, labels[i - 1]!) : 0;
      if (y > 0) {
        if (x > 0 && !fourWay) current = join(current, labels[i - width - 1]!);
        current = join(current, labels[i - width]!);
        if (x < width - 1 && !fourWay) current = join(current, labels[i - width + 1]!);
      }
      if (current === 0) {
        if (next === parent.length) {
          const grown = new Int32Array(parent.length * 2);
          grown.set(parent);
          parent = grown;
        }
        current = next++;
        parent[current] = current;
      }
      labels[i] = current;
    }
  }
  const roots = new Int32Array(next);
  const components: Component[] = [{ area: 0, x0: 0, y0: 0, x1: 0, y1: 0 }];
  for (let l = 1; l < next; l++) {
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

/** The pieces of ink (8-connected) of a box's ink mask, in page pixels. */
export function piecesOf({ mask, box, width, height }: InkMask): Component[] {
  if (width === 0 || height === 0) return [];
  return label(mask, width, height)
    .components.slice(1)
    .map((c) => ({ ...c, x0: c.x0 + box[0], x1: c.x1 + box[0], y0: c.y0 + box[1], y1: c.y1 + box[1] }));
}
