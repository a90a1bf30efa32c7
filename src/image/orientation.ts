import sharp from 'sharp';
import type { PageImage } from '../ingest/pages/page-image.js';
import type { OcrPool } from '../ocr/pool.js';
import { downscale, type InkMap, inkMap, removeRules } from './binarise.js';
import { estimateSkew, rotateLevel } from './deskew.js';
import type { QuarterTurn } from './quarter-turn.js';

const WORK_SIDE = 1200;

/** OSD below this confidence is a guess; the pixel evidence decides instead. */
const MIN_OSD_CONFIDENCE = 2;

/**
 * Whether the text lines run across the page (true) or up and down it (false): the sharper the
 * gaps between lines, the more the row sums vary. Rules and box edges are removed first, since
 * a form has long lines both ways.
 */
export async function linesRunAcross(image: PageImage): Promise<boolean> {
  const map = await workingMap(image);
  return profileSharpness(map, 'rows') >= profileSharpness(map, 'columns');
}

/**
 * On a page whose lines run across: true when it is upside down, false when upright, null when
 * unsure. The side of each line's core band that carries more ink is the top.
 */
export async function looksUpsideDown(image: PageImage): Promise<boolean | null> {
  const { above, below } = inkBesideCores(await workingMap(image));
  if (above + below < 200) return null;
  if (above > below * 1.25) return false;
  if (below > above * 1.25) return true;
  return null;
}

/**
 * Whether the ink profile alone is sure the page stands upright as it is, so that OSD need not
 * read it: its lines run across by far (the row profile half as sharp again as the column one),
 * and on the page levelled each line carries twice as much ink above its core band as below. Most
 * upright pages are this clear; OSD reads the rest, and any page turned.
 */
export async function surelyUpright(image: PageImage): Promise<boolean> {
  const small = await downscale(image, WORK_SIDE);
  const map = await workingMap(small);
  if (profileSharpness(map, 'rows') < profileSharpness(map, 'columns') * 1.5) return false;
  const skew = await estimateSkew(small);
  const level = Math.abs(skew) >= 0.05 ? await rotateLevel(small, skew) : small;
  const { above, below } = inkBesideCores(await workingMap(level));
  return above + below >= 200 && above >= below * 2;
}

/**
 * Latin print has more ink above the x-height band (capitals, digits, b d f h k l t) than below it
 * (g j p q y, commas): each line's ink beside its core band, above and below, over the page.
 */
function inkBesideCores(map: InkMap): { above: number; below: number } {
  const rows = new Float64Array(map.height);
  for (let y = 0; y < map.height; y++) {
    let s = 0;
    for (let x = 0; x < map.width; x++) s += map.ink[y * map.width + x]!;
    rows[y] = s;
  }
  const floor = Math.max(1, map.width * 0.002);
  let above = 0;
  let below = 0;
  for (let y = 0; y < map.height; ) {
    if (rows[y]! < floor) {
      y++;
      continue;
    }
    const start = y;
    while (y < map.height && rows[y]! >= floor) y++;
    const band = rows.subarray(start, y);
    if (band.length < 4 || band.length > 60) continue;
    const peak = Math.max(...band);
    let first = 0;
    while (band[first]! < peak * 0.5) first++;
    let last = band.length - 1;
    while (band[last]! < peak * 0.5) last--;
    for (let i = 0; i < first; i++) above += band[i]!;
    for (let i = last + 1; i < band.length; i++) below += band[i]!;
  }
  return { above, below };
}

/**
 * The clockwise quarter turn tesseract's OSD says puts the page upright, or null when it is unsure
 * (too little text, or a low score). Needs the legacy-engine worker the OCR pool keeps for it.
 */
export async function osdRotation(image: PageImage, ocr: OcrPool): Promise<QuarterTurn | null> {
  return readOsd(await osdImage(image), ocr);
}

/** The page as OSD reads it: pure pixel work, so it can be done off the thread that runs OSD. */
export async function osdImage(image: PageImage): Promise<Buffer> {
  const small = await downscale(image, 2400);
  // A PNG that states its resolution: from a PGM, which cannot, tesseract's OSD warns on every page.
  const dpi = Math.max(70, Math.round((image.dpi ?? 300) * (small.width / image.width)));
  return (
    sharp(small.data, { raw: { width: small.width, height: small.height, channels: 1 } })
      // Stored, not deflated: the PNG only carries the page to the OSD worker, and zlib's time is wasted there.
      .png({ compressionLevel: 0, adaptiveFiltering: false })
      .withMetadata({ density: dpi })
      .toBuffer()
  );
}

/** OSD's answer on an `osdImage`, when it is sure enough to settle the page's turn. */
export async function readOsd(png: Buffer, ocr: OcrPool): Promise<QuarterTurn | null> {
  const osd = await ocr.detectOrientation(png).catch(() => null);
  if (osd === null || osd.confidence < MIN_OSD_CONFIDENCE) return null;
  return osd.degrees;
}

async function workingMap(image: PageImage): Promise<InkMap> {
  const small = await downscale(image, WORK_SIDE);
  return removeRules(inkMap(small), Math.round(Math.max(small.width, small.height) / 12));
}

/** How much a profile varies, relative to its mean: high when lines of ink alternate with gaps. */
function profileSharpness(map: InkMap, along: 'rows' | 'columns'): number {
  const rows = new Float64Array(map.height);
  const columns = new Float64Array(map.width);
  for (let y = 0; y < map.height; y++) {
    for (let x = 0; x < map.width; x++) {
      if (map.ink[y * map.width + x]) {
        rows[y]! += 1;
        columns[x]! += 1;
      }
    }
  }
  // Only the span that has ink: margins would otherwise count as line gaps.
  const profile = along === 'rows' ? rows : columns;
  const first = profile.findIndex((s) => s > 0);
  const last = profile.findLastIndex((s) => s > 0);
  if (first < 0) return 0;
  const sums = profile.subarray(first, last + 1);
  const n = sums.length;
  let total = 0;
  let squares = 0;
  for (const s of sums) {
    total += s;
    squares += s * s;
  }
  if (total === 0) return 0;
  const mean = total / n;
  return squares / n / (mean * mean);
}
