import sharp from 'sharp';
import type { PageImage } from '../ingest/pages/page-image.js';
import { downscale, inkMap, removeRules } from './binarise.js';

/** Scans are never more than this far off level; beyond it the search would find columns, not lines. */
export const MAX_SKEW = 5;

/** Working width for the estimate: text lines stay a few pixels high, and 0.1 degree is ~2 pixels across. */
const WORK_SIDE = 1600;

/**
 * The page's skew in degrees, clockwise positive (the right end of a text line lower than its
 * left end), from projection profiles: the angle at which the rows of ink are most sharply
 * separated, i.e. the sheared row sums have the greatest variance. Coarse, then fine, then finer.
 */
export async function estimateSkew(image: PageImage): Promise<number> {
  const small = await downscale(image, WORK_SIDE);
  const map = removeRules(inkMap(small), Math.round(small.width / 8));
  const points = inkPoints(map.ink, map.width, map.height);
  if (points.xs.length < 200) return 0;
  let best = 0;
  for (const [step, span] of [
    [0.5, MAX_SKEW],
    [0.1, 0.5],
    [0.02, 0.1],
  ] as const) {
    let bestScore = -1;
    let bestAngle = best;
    const centre = best;
    for (let a = centre - span; a <= centre + span + 1e-9; a += step) {
      if (Math.abs(a) > MAX_SKEW + 1e-9) continue;
      const score = profileVariance(points, map.height, map.width, a);
      if (score > bestScore) {
        bestScore = score;
        bestAngle = a;
      }
    }
    best = bestAngle;
  }
  return Math.round(best * 100) / 100;
}

interface Points {
  xs: Float32Array;
  ys: Float32Array;
}

function inkPoints(ink: Uint8Array, width: number, height: number): Points {
  let count = 0;
  for (let i = 0; i < ink.length; i++) count += ink[i]!;
  // Enough points to trace every line; a dense page is sampled rather than read in full.
  const stride = Math.max(1, Math.floor(count / 300_000));
  const xs: number[] = [];
  const ys: number[] = [];
  let seen = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (ink[y * width + x] && seen++ % stride === 0) {
        xs.push(x - width / 2);
        ys.push(y);
      }
    }
  }
  return { xs: Float32Array.from(xs), ys: Float32Array.from(ys) };
}

/** Sum of squared row counts after undoing a rotation by `degrees` (about the page's centre line). */
function profileVariance(points: Points, height: number, width: number, degrees: number): number {
  const t = Math.tan((degrees * Math.PI) / 180);
  const margin = Math.ceil((Math.abs(t) * width) / 2) + 2;
  const rows = new Float64Array(height + 2 * margin);
  const { xs, ys } = points;
  for (let i = 0; i < xs.length; i++) {
    const y = ys[i]! - xs[i]! * t + margin;
    // Splitting each point between two rows makes the score smooth in the angle.
    const r = Math.floor(y);
    const f = y - r;
    rows[r] = rows[r]! + 1 - f;
    rows[r + 1] = rows[r + 1]! + f;
  }
  let sum = 0;
  for (let i = 0; i < rows.length; i++) sum += rows[i]! * rows[i]!;
  return sum;
}

/** Rotates the page by `-skew` about its centre on white, keeping its size, so its lines are level. */
export async function rotateLevel(image: PageImage, skew: number): Promise<PageImage> {
  if (skew === 0) return image;
  const turned = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 1 } })
    .rotate(-skew, { background: '#ffffff' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const data = await sharp(turned.data, {
    raw: { width: turned.info.width, height: turned.info.height, channels: turned.info.channels },
  })
    .extract({
      left: Math.floor((turned.info.width - image.width) / 2),
      top: Math.floor((turned.info.height - image.height) / 2),
      width: image.width,
      height: image.height,
    })
    .extractChannel(0)
    .raw()
    .toBuffer();
  return { ...image, data };
}
