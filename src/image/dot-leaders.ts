import type { PageImage } from '../ingest/pages/page-image.js';

const INK = 150;

interface Dot {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  pixels: number[];
}

/**
 * Erases dot leaders ("Debt ..........  $"): rows of six or more small, evenly spaced dots on one
 * baseline. OCR reads them as letters and garbles the label beside them; a lone period (in an
 * amount, after an abbreviation) is never part of such a row and stays.
 */
export function removeDotLeaders(image: PageImage): { image: PageImage; removed: number } {
  const dpi = image.dpi ?? 300;
  const maxDot = Math.max(3, Math.round(dpi / 28));
  const dots = smallBlobs(image, maxDot);
  const rows = new Map<number, Dot[]>();
  const band = Math.max(2, Math.round(maxDot / 2));
  for (const d of dots) {
    const key = Math.round((d.y0 + d.y1) / 2 / band);
    const row = rows.get(key) ?? [];
    row.push(d);
    rows.set(key, row);
  }
  const data = Buffer.from(image.data);
  let removed = 0;
  const maxGap = Math.round(dpi / 8);
  const seen = new Set<Dot>();
  for (const [key, row] of rows) {
    // A leader's dots may fall on either side of a band boundary: look at the neighbouring band too.
    const all = [...row, ...(rows.get(key + 1) ?? [])]
      .filter((d) => !seen.has(d))
      .sort((a, b) => a.x0 - b.x0);
    let chain: Dot[] = [];
    const flush = () => {
      if (chain.length >= 6 && regular(chain)) {
        for (const d of chain) {
          for (const p of d.pixels) data[p] = 255;
          seen.add(d);
        }
        removed += chain.length;
      }
      chain = [];
    };
    for (const d of all) {
      const prev = chain[chain.length - 1];
      if (prev && (d.x0 - prev.x1 > maxGap || Math.abs(d.y1 - prev.y1) > maxDot)) flush();
      chain.push(d);
    }
    flush();
  }
  return { image: { ...image, data }, removed };
}

/** Gaps between a leader's dots are alike; words' dots (i, j, periods) are not. */
function regular(chain: Dot[]): boolean {
  const gaps: number[] = [];
  for (let i = 1; i < chain.length; i++) gaps.push((chain[i]?.x0 ?? 0) - (chain[i - 1]?.x0 ?? 0));
  gaps.sort((a, b) => a - b);
  const median = gaps[Math.floor(gaps.length / 2)] ?? 0;
  if (median <= 0) return false;
  const close = gaps.filter((g) => Math.abs(g - median) <= Math.max(2, median * 0.35)).length;
  return close >= gaps.length * 0.7;
}

/** Connected blobs of ink no larger than a dot, found with a flood fill that gives up on larger shapes. */
function smallBlobs(image: PageImage, maxDot: number): Dot[] {
  const { width, height, data } = image;
  const visited = new Uint8Array(width * height);
  const out: Dot[] = [];
  const stack: number[] = [];
  const cap = maxDot * maxDot * 2;
  const size = width * height;
  const visit = (q: number) => {
    if (visited[q] || (data[q] ?? 255) >= INK) return;
    visited[q] = 1;
    stack.push(q);
  };
  for (let start = 0; start < width * height; start++) {
    if (visited[start] || (data[start] ?? 255) >= INK) continue;
    stack.length = 0;
    stack.push(start);
    visited[start] = 1;
    const pixels: number[] = [];
    let x0 = width;
    let y0 = height;
    let x1 = 0;
    let y1 = 0;
    let big = false;
    while (stack.length) {
      const p = stack.pop() as number;
      const x = p % width;
      const y = (p - x) / width;
      if (!big) {
        pixels.push(p);
        if (pixels.length > cap) big = true;
      }
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      // The four neighbours, left, right, up, down, inline: an array a pixel is garbage by the million.
      if (x > 0) visit(p - 1);
      if (x < width - 1) visit(p + 1);
      if (p - width >= 0) visit(p - width);
      if (p + width < size) visit(p + width);
    }
    if (!big && x1 - x0 < maxDot && y1 - y0 < maxDot) out.push({ x0, y0, x1, y1, pixels });
  }
  return out;
}
