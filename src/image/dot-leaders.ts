import type { PageImage } from '../ingest/pages/page-image.js';
import type { Bbox } from '../record/schema.js';
import { median } from './median.js';

/** Darker than this is a dot; then, for leaders printed faint (gray dots a pixel or two wide), darker than FAINT. */
const INK = 150;
const FAINT = 200;

interface Dot {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  pixels: number[];
}

/**
 * Erases dot leaders ("Debt ..........  $"): rows of six or more small, evenly spaced dots on one
 * baseline, a third of an inch long or more. OCR reads them as letters and garbles the label
 * beside them; a lone period (in an amount, after an abbreviation) is never part of such a row and
 * stays.
 */
export function removeDotLeaders(image: PageImage): { image: PageImage; removed: number } {
  // Dark dots first: blurred dense ones whose gray joins them are apart at this threshold. Then
  // faint ones, which OCR sees and this threshold does not: their rows made OCR drop the labels.
  const dark = removeLeaders(image, INK);
  const faint = removeLeaders(dark.image, FAINT);
  return { image: faint.image, removed: dark.removed + faint.removed };
}

function removeLeaders(image: PageImage, ink: number): { image: PageImage; removed: number } {
  const dpi = image.dpi ?? 300;
  const maxDot = Math.max(3, Math.round(dpi / 28));
  const dots = smallBlobs(image, maxDot, ink);
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
  // A leader runs a fair way from its label towards the amount; the feet of a broken typewriter
  // amount's figures ("3,261,500.00"), evenly spaced too, span less.
  const minSpan = Math.round(dpi * 0.3);
  const seen = new Set<Dot>();
  for (const [key, row] of rows) {
    // A leader's dots may fall on either side of a band boundary: look at the neighbouring band too.
    const all = [...row, ...(rows.get(key + 1) ?? [])]
      .filter((d) => !seen.has(d))
      .sort((a, b) => a.x0 - b.x0);
    let chain: Dot[] = [];
    const flush = () => {
      for (const run of leaderRuns(chain, minSpan)) {
        for (const d of run) {
          eraseDot(data, image.width, image.height, d);
          seen.add(d);
        }
        removed += run.length;
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

/**
 * The leaders in a chain of dots on one baseline: runs of six or more whose gaps are alike. Words'
 * dots (i, j, periods) are not evenly spaced, nor are the dark cores of a thin label's strokes that
 * a faint scan broke up: a chain that runs from such a label into its leader is cut where the
 * gaps stop being alike, and the label keeps its strokes.
 */
function leaderRuns(all: Dot[], minSpan: number): Dot[][] {
  if (all.length < 6) return [];
  // A leader's dots are alike in size: pieces of letters are not dots of it.
  const size = median(all.map((d) => d.pixels.length));
  const chain = all.filter((d) => d.pixels.length <= size * 2 + 1 && d.pixels.length * 2.5 >= size);
  if (chain.length < 6) return [];
  const gaps: number[] = [];
  for (let i = 1; i < chain.length; i++) gaps.push((chain[i]?.x0 ?? 0) - (chain[i - 1]?.x0 ?? 0));
  const pitch = median(gaps);
  if (pitch <= 0) return [];
  const tol = Math.max(2, pitch * 0.35);
  const even = (gap: number) => Math.abs(gap - pitch) <= tol;
  // A dot the scan lost leaves a gap of two or three: the leader runs on past it.
  const onPitch = (gap: number) => [1, 2, 3].some((k) => Math.abs(gap - k * pitch) <= tol);
  if (gaps.filter(even).length < gaps.length * 0.7) return [];
  const runs: Dot[][] = [];
  let run: Dot[] = [chain[0] as Dot];
  gaps.forEach((gap, i) => {
    const dot = chain[i + 1] as Dot;
    if (onPitch(gap)) run.push(dot);
    else {
      if (isLeader(run, minSpan)) runs.push(run);
      run = [dot];
    }
  });
  if (isLeader(run, minSpan)) runs.push(run);
  return runs;
}

/** Six dots or more, spanning a leader's length. */
function isLeader(run: readonly Dot[], minSpan: number): boolean {
  const first = run[0];
  const last = run[run.length - 1];
  return run.length >= 6 && first !== undefined && last !== undefined && last.x1 - first.x0 >= minSpan;
}

/** A dot and the gray rim round its core: left as a ring, OCR reads it as a letter o. */
function eraseDot(data: Buffer, width: number, height: number, d: Dot): void {
  for (let y = Math.max(0, d.y0 - 1); y <= Math.min(height - 1, d.y1 + 1); y++) {
    data.fill(255, y * width + Math.max(0, d.x0 - 1), y * width + Math.min(width, d.x1 + 2));
  }
}

/** Connected blobs of ink no larger than a dot, found with a flood fill that gives up on larger shapes. */
function smallBlobs(image: PageImage, maxDot: number, ink: number): Dot[] {
  const { width, height, data } = image;
  const visited = new Uint8Array(width * height);
  const out: Dot[] = [];
  const stack: number[] = [];
  const cap = maxDot * maxDot * 2;
  const size = width * height;
  const visit = (q: number) => {
    if (visited[q] || (data[q] ?? 255) >= ink) return;
    visited[q] = 1;
    stack.push(q);
  };
  for (let start = 0; start < width * height; start++) {
    if (visited[start] || (data[start] ?? 255) >= ink) continue;
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
    if (!big && x1 - x0 < maxDot && y1 - y0 < maxDot && !inLighterStroke(image, start, [x0, y0, x1, y1])) {
      out.push({ x0, y0, x1, y1, pixels });
    }
  }
  return out;
}

/** Lighter than ink, darker than paper: the anti-aliased edge of a stroke, or a faint stroke. */
const LIGHT = 215;

/**
 * Whether a dark blob is the core of a lighter stroke: a faint or thin letter ("ees" of a small
 * label) breaks up into dark cores with gray strokes round them, where a printed dot has only a
 * thin gray rim. Flood-fills the gray from the blob, giving up once it spreads above or below the
 * rim: a letter's stroke runs up or down. The gray that joins a dense leader's blurred dots to
 * each other runs only along the baseline, and is followed no further than a few dots.
 */
function inLighterStroke(image: PageImage, start: number, [x0, y0, x1, y1]: Bbox): boolean {
  const { width, height, data } = image;
  const rim = 2;
  const reach = 4 * (x1 - x0 + 1 + 2 * rim);
  const seen = new Set<number>([start]);
  const stack = [start];
  while (stack.length) {
    const p = stack.pop() as number;
    const x = p % width;
    const y = (p - x) / width;
    if (y < y0 - rim || y > y1 + rim) return true;
    if (x < x0 - reach || x > x1 + reach) continue;
    const around = [x > 0 ? p - 1 : -1, x < width - 1 ? p + 1 : -1, y > 0 ? p - width : -1];
    around.push(y < height - 1 ? p + width : -1);
    for (const q of around) {
      if (q < 0 || seen.has(q) || (data[q] ?? 255) >= LIGHT) continue;
      seen.add(q);
      stack.push(q);
    }
  }
  return false;
}
