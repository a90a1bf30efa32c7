import type { CheckBox } from '../image/check-boxes.js';
import { piecesOf } from '../image/components.js';
import { inkIn, inkMask } from '../image/ink-in.js';
import { strengthenInk } from '../image/missed-ink.js';
import type { Word } from '../ingest/lines.js';
import type { PageImage } from '../ingest/pages/page-image.js';
import { MONEY_WHITELIST, ocrRegion } from '../ocr/ocr-region.js';
import type { OcrPool } from '../ocr/pool.js';
import { LONE_DOLLAR_READ } from '../parse/money-cells.js';
import { unionBbox } from '../record/bbox.js';
import { parseMoney } from '../record/money.js';
import type { Bbox } from '../record/schema.js';

/** Darker than this is ink: a thin dash's gray included. */
const INK = 170;

/** What a dollar cell's second reading may add: its "$", a dash for zero, or an amount. */
const CELL_WORD = /^(?:\$|[-–—]{1,2}|\$?-0-|\$?[\d,.]*\d[\d,.]*)$/;

/** A lone zero or an amount's cents with a speck after it read as a separator. */
const SPECK_AFTER = /(?:^\$?0|[.,]\d{2})[,.]+$/;

/** A dash zero as a cell's second reading gives it: "-0-", its "$" glued on. */
const DASH_ZERO_READ = /^\$?[-–—]0[-–—]$/;

/** A speck OCR read as a mark or two ("'", "@", "_"): no reading of the cell. */
const SPECK = /^[^\p{L}\d]{1,3}$/u;

/**
 * A figure alone other than a zero, which no amount is: where the "$" stands, the sign misread;
 * further on, a zero misread (one typed onto its underline, its foot erased with the line).
 */
const LONE_FIGURE = /^[1-9]$/;

/** Below this a short word with no figure in a dollar cell is no reading of it either. */
const JUNK_BELOW = 0.6;

/**
 * What OCR made of a cell's ink without reading it: specks, or a letter or two read unsurely, no
 * figure among them ("BH", "BL" for a "$ 0" whose zero stands higher than its sign), or a character
 * read unsurely in a bar a few pixels high, no figure's height (a "1" for a dash). A label is read
 * surely, and is longer. `side`: the cell's box's.
 */
function unread(w: Word, side: number): boolean {
  if (SPECK.test(w.text)) return true;
  if (w.confidence >= JUNK_BELOW) return false;
  return /^[^\d\s]{1,3}$/u.test(w.text) || (/^\S$/u.test(w.text) && w.bbox[3] - w.bbox[1] < side * FLAT);
}

/** A mark this share of a box's side high, or less, is a bar: no figure is as low. */
const FLAT = 0.3;

/** An amount read in a cell the page pass found empty is kept at this confidence or more. */
const AMOUNT_AT = 0.6;

/**
 * Reads the cell after each check box that the page pass read nothing in (or only its "$", or
 * specks) although it holds ink: a "$" and an accountant's dash for zero standing apart in a wide
 * cell are too small for the page's layout analysis, which drops them as specks, and the amount's
 * column is then lost. The cell's ink is taken in groups: a short bar at the row's middle is the
 * dash, read by its shape; any other group is read again as one line with only money's characters
 * allowed. A box with words after it (an option's label) or a blank cell is left alone. The
 * cells of tables printed without boxes are read the same way after their "$". What is read joins
 * the page's words, unsure, in place of the specks. `image` is the page OCR reads, its rules
 * erased; `ruled` the cleaned page as it was before, where a figure typed onto its underline is
 * whole.
 */
export async function readEmptyCells(
  image: PageImage,
  words: readonly Word[],
  boxes: readonly CheckBox[],
  pool: OcrPool,
  ruled: PageImage = image,
): Promise<Word[]> {
  const found: Word[] = [];
  const dropped = new Set<Word>();
  const cells = [...emptyCellsWithInk(image, words, boxes), ...emptyCellsAfterDollars(image, words, boxes)];
  for (const { region, side, specks, afterDollar, misreadSigns = [] } of cells) {
    const before = found.length;
    // What is read stands as tall as the box, so that the layout sets it on the box's row: a dash
    // alone is a bar a few pixels high, which may sit below the row's middle.
    const onRow = ([x0, y0, x1, y1]: Bbox): Bbox => [
      x0,
      Math.min(y0, region[1] + Math.round(side * 0.3)),
      x1,
      Math.max(y1, region[3] - Math.round(side * 0.3)),
    ];
    const mask = cellInk(image, region, side);
    const groups = afterDollar
      ? inkGroups(mask, region, side)
      : withSignApart(mask, region, inkGroups(mask, region, side), side);
    const middle = (region[1] + region[3]) / 2;
    for (const group of groups) {
      // A dash for zero is a short bar at the middle of the row, standing apart: its shape says
      // what it is, where OCR reads a lone bar as nothing. A bar with other ink close beside it is
      // a piece of a faint amount (its comma, a broken figure).
      const [gx0] = group;
      // A dash typed low on its underline may keep pieces of the line under it, left by the
      // line's erasing: the bar is looked at without them.
      const bar = withoutLinePieces(mask, region, group, side, middle);
      const [, gy0, , gy1] = bar;
      const w = bar[2] - bar[0] + 1;
      const h = gy1 - gy0 + 1;
      // The cell's "$" may stand just before its dash: a figure's height, no wider than tall.
      const dollarBefore = (o: Bbox) => o[2] < gx0 && signShaped(o, side);
      const crowded = groups.some(
        (o) => o !== group && !dollarBefore(o) && Math.max(o[0] - group[2], group[0] - o[2]) < side * 2,
      );
      if (
        !crowded &&
        w >= 2 * h &&
        h <= side * 0.4 &&
        w <= side * 2 &&
        Math.abs((gy0 + gy1) / 2 - middle) <= side * 0.35
      ) {
        // Alone in a clean cell it is surely a dash; among specks too small to be groups, it may
        // be the one piece left of a faint amount.
        const kept = [group, ...groups.filter(dollarBefore)];
        const confidence = strayInk(mask, region, kept) > side ? DASH_AMONG_SPECKS : DASH_ALONE;
        found.push({ text: '-', bbox: onRow(bar), confidence });
        continue;
      }
      const readGroup = (prepare?: (crop: PageImage) => PageImage) =>
        ocrRegion(image, group, { pool, whitelist: MONEY_WHITELIST, singleLine: true, pad: 10, prepare });
      const again = await readGroup();
      // A speck beside a lone zero or after the cents is read as a separator after it ("0,",
      // "0.", "10.00,"): no amount ends so. After a group of figures ("1,239,") it is where the
      // rest of a faint amount was lost. Nor is a bar OCR reads among other pieces a dash.
      const cellWords = (read: readonly Word[]) =>
        read
          .map((w) => (SPECK_AFTER.test(w.text) ? { ...w, text: w.text.replace(/[,.]+$/, '') } : w))
          .filter((w) => CELL_WORD.test(w.text) && (!crowded || !/^[-–—]{1,2}$/.test(w.text)));
      let kept = cellWords(again.words);
      // A ring a figure's size that OCR reads as nothing, or as one figure, alone in its cell
      // after its "$", is a zero: a typewriter's zero with a dot at its centre ("⊙"), which OCR
      // drops or rates at nothing, or one typed onto its underline, whose foot went with the line
      // (so the ring is looked for on the page as it was before its rules were erased), and which
      // OCR reads as a "2". No other amount is one figure. (Where the "$" was not read, the cell's
      // first ink is the "$", whose bar may close its bowls.) A speck beside it is no figure.
      const marks = groups.filter((g) => g === group || !isSpeck(g, side));
      const lone = afterDollar ? marks.length === 1 : marks.length === 2 && group === marks[1];
      const oneFigureAtMost = kept.every((w) => /^\$?\d$/.test(w.text));
      const figure = withoutSpecks(ruled, group, side);
      if (oneFigureAtMost && lone && isRing(ruled, figure, side)) {
        found.push({ text: '0', bbox: onRow(figure), confidence: 0.6 });
        continue;
      }
      // A zero between dashes ("-0-") is read by its shape, however unsure OCR is of a thin face's
      // dashes; it stays unsure. Such a "-0-" may be read as nothing, or as a piece ("0-"), its
      // dashes too faint: darkened and thickened, it is read whole.
      const dashZero = (w: Word) => DASH_ZERO_READ.test(w.text);
      if (kept.length === 0) kept = (await readGroup(strengthenInk)).words.filter(dashZero);
      // A "$" alone is what the cell is likeliest to hold; an amount must be read surely. A faint
      // amount read unsurely is read again darkened and thickened: where that reading is the same
      // and sure, the amount is.
      if (kept.some(unsure)) kept = sameButSurer(kept, cellWords((await readGroup(strengthenInk)).words));
      if (kept.some(unsure)) continue;
      found.push(
        ...kept.map((w) => ({
          ...w,
          bbox: onRow(w.bbox),
          confidence: dashZero(w)
            ? Math.max(DASH_AMONG_SPECKS, Math.min(w.confidence, 0.6))
            : Math.min(w.confidence, 0.6),
        })),
      );
    }
    // What the cell was read as stands for the specks the page pass made of it, and its "$" for
    // the sign as misread.
    if (found.length > before) {
      for (const speck of specks) dropped.add(speck);
      for (const sign of misreadSigns) {
        dropped.add(sign);
        found.push({ ...sign, text: '$' });
      }
    }
  }
  return [...words.filter((w) => !dropped.has(w)), ...found];
}

/**
 * Whether a word read in a cell has figures read unsurely, or figures that make no amount; a dash
 * for zero is read by its shape, and is never so.
 */
function unsure(w: Word): boolean {
  if (!/\d/.test(w.text) || DASH_ZERO_READ.test(w.text)) return false;
  return w.confidence < AMOUNT_AT || parseMoney(w.text.replace(/^\$/, '')) === null;
}

/**
 * A cell's words as first read, each as sure as a second reading that reads the same words; as
 * first read where the second reads otherwise.
 */
function sameButSurer(first: readonly Word[], second: readonly Word[]): Word[] {
  if (first.length !== second.length || first.some((w, i) => w.text !== second[i]?.text)) return [...first];
  return first.map((w, i) => ({ ...w, confidence: Math.max(w.confidence, second[i]?.confidence ?? 0) }));
}

/**
 * A group of a cell's ink without the thin runs above or below the band of its rows nearest the
 * row's middle (pieces of an erased underline, a stroke or two of ink high), where it has such
 * runs; else the group as it is.
 */
function withoutLinePieces(mask: Uint8Array, region: Bbox, group: Bbox, side: number, middle: number): Bbox {
  const [x0, y0, x1] = region;
  const width = x1 - x0 + 1;
  const [gx0, gy0, gx1, gy1] = group;
  const inkedRow = (y: number) => {
    for (let x = gx0; x <= gx1; x++) if (mask[(y - y0) * width + (x - x0)]) return true;
    return false;
  };
  // The group's bands of rows with ink, top to bottom.
  const bands: Array<[number, number]> = [];
  for (let y = gy0; y <= gy1; y++) {
    if (!inkedRow(y)) continue;
    const last = bands.at(-1);
    if (last && last[1] === y - 1) last[1] = y;
    else bands.push([y, y]);
  }
  if (bands.length < 2) return group;
  const nearest = bands.reduce((a, b) =>
    Math.abs((b[0] + b[1]) / 2 - middle) < Math.abs((a[0] + a[1]) / 2 - middle) ? b : a,
  );
  const thin = Math.max(3, Math.round(side * LINE_PIECE));
  if (bands.some((b) => b !== nearest && b[1] - b[0] + 1 > thin)) return group;
  let left = gx1;
  let right = gx0;
  for (let y = nearest[0]; y <= nearest[1]; y++) {
    for (let x = gx0; x <= gx1; x++) {
      if (!mask[(y - y0) * width + (x - x0)]) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
    }
  }
  return [left, nearest[0], right, nearest[1]];
}

/** A piece of a line is no taller than this share of a box's side (and 3 pixels at least). */
const LINE_PIECE = 0.12;

/** How sure a dash read by its shape is, alone in its cell, or among specks. */
const DASH_ALONE = 0.8;
const DASH_AMONG_SPECKS = 0.3;

/** The cell's ink (less the line it is typed on) outside the given groups, in pixels. */
function strayInk(mask: Uint8Array, region: Bbox, groups: readonly Bbox[]): number {
  const [x0, y0, x1] = region;
  const width = x1 - x0 + 1;
  let stray = 0;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const x = x0 + (i % width);
    const y = y0 + Math.floor(i / width);
    if (!groups.some(([gx0, gy0, gx1, gy1]) => x >= gx0 && x <= gx1 && y >= gy0 && y <= gy1)) stray++;
  }
  return stray;
}

/**
 * Whether a group of ink is a ring a figure's size: as tall as a figure, no wider than tall, round
 * a hole (paper the group's ink closes off from its edges) of a fifth of its box or more. A "$"
 * closes off only slivers where its bar crosses the S.
 */
function isRing(image: PageImage, group: Bbox, side: number): boolean {
  // The cell's band may cut a figure typed higher or lower than its box: the ring is looked at whole.
  const reach = Math.round(side * 0.4);
  const x0 = group[0];
  const x1 = group[2];
  const ink = (x: number, y: number) => (image.data[y * image.width + x] ?? 255) < INK;
  const inkRow = (y: number) => {
    for (let x = x0; x <= x1; x++) if (ink(x, y)) return true;
    return false;
  };
  let y0 = group[1];
  let y1 = group[3];
  while (y0 > Math.max(0, group[1] - reach) && inkRow(y0 - 1)) y0--;
  while (y1 < Math.min(image.height - 1, group[3] + reach) && inkRow(y1 + 1)) y1++;
  const width = x1 - x0 + 1;
  const height = y1 - y0 + 1;
  if (height < side * 0.5 || height > side * 1.6 || width > height || width < height * 0.4) return false;
  // Paper reached from the box's edges, 4-connected; what is left is the hole.
  const paper = (x: number, y: number) => !ink(x0 + x, y0 + y);
  const open = new Uint8Array(width * height);
  const stack: number[] = [];
  for (let x = 0; x < width; x++) stack.push(x, (height - 1) * width + x);
  for (let y = 0; y < height; y++) stack.push(y * width, y * width + width - 1);
  while (stack.length) {
    const i = stack.pop() ?? 0;
    const x = i % width;
    const y = (i - x) / width;
    if (open[i] || !paper(x, y)) continue;
    open[i] = 1;
    if (x > 0) stack.push(i - 1);
    if (x < width - 1) stack.push(i + 1);
    if (y > 0) stack.push(i - width);
    if (y < height - 1) stack.push(i + width);
  }
  let hole = 0;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) if (!open[y * width + x] && paper(x, y)) hole++;
  return hole >= width * height * RING_HOLE;
}

/**
 * A group of ink without the specks close enough beside its figure to have joined it (a speck
 * before a lone zero): the box round its pieces larger than specks, or the group where it has none.
 */
function withoutSpecks(image: PageImage, group: Bbox, side: number): Bbox {
  const pieces = piecesOf(inkMask(image, group, INK)).filter((c) => !isSpeck([c.x0, c.y0, c.x1, c.y1], side));
  return unionBbox(pieces.map((c): Bbox => [c.x0, c.y0, c.x1, c.y1])) ?? group;
}

/** Whether a group of ink is a speck: a third of a box's side or less each way. */
function isSpeck([x0, y0, x1, y1]: Bbox, side: number): boolean {
  return x1 - x0 + 1 <= side / 3 && y1 - y0 + 1 <= side / 3;
}

/** The least share of a ring's box its hole fills. */
const RING_HOLE = 0.2;

/** A figure's height at least, no wider than tall: the shape of a cell's printed "$". */
function signShaped([x0, y0, x1, y1]: Bbox, side: number): boolean {
  return y1 - y0 >= side * 0.6 && x1 - x0 <= y1 - y0;
}

/** Columns of ink no wider than this, in box sides, may be a gap inside a figure's ink. */
const SIGN_GAP = 0.2;

/** A "$" is at least this wide for its height. */
const SIGN_WIDTH = 0.4;

/**
 * The cell's groups with its printed "$" apart from what is typed after it, where the first group
 * holds both: a "$" the page pass did not read, a dash typed close after it ("$ –"), makes one group
 * that OCR reads as neither ("$-" at nothing, "BP" on the page). The "$" is the group's first run
 * of ink columns, a gap after it, of the sign's shape; what follows it is more than a speck.
 */
function withSignApart(mask: Uint8Array, region: Bbox, groups: readonly Bbox[], side: number): Bbox[] {
  const first = groups[0];
  if (!first) return [...groups];
  const x0 = region[0];
  const inked = (x: number) => columnInked(mask, region, x - x0);
  let end = first[0];
  while (end < first[2] && inked(end + 1)) end++;
  let next = end + 1;
  while (next <= first[2] && !inked(next)) next++;
  if (next > first[2] || next - end - 1 < Math.max(2, side * SIGN_GAP)) return [...groups];
  const sign = inkBox(mask, region, first[0] - x0, end - x0);
  const rest = inkBox(mask, region, next - x0, first[2] - x0);
  // A faint sign broken in pieces may leave its bar alone first: a "$" is wider than a bar.
  if (
    !sign ||
    !rest ||
    !signShaped(sign, side) ||
    sign[2] - sign[0] < (sign[3] - sign[1]) * SIGN_WIDTH ||
    isSpeck(rest, side)
  )
    return [...groups];
  return [sign, rest, ...groups.slice(1)];
}

/** Whether a column of a region's mask (counted from the region's left) holds ink. */
function columnInked(mask: Uint8Array, [x0, y0, x1, y1]: Bbox, column: number): boolean {
  const width = x1 - x0 + 1;
  for (let y = 0; y <= y1 - y0; y++) if (mask[y * width + column]) return true;
  return false;
}

/** The box of the mask's ink between two of its columns; null where there is none. */
function inkBox(mask: Uint8Array, [x0, y0, x1, y1]: Bbox, start: number, last: number): Bbox | null {
  const width = x1 - x0 + 1;
  let top = y1 - y0 + 1;
  let bottom = -1;
  for (let y = 0; y <= y1 - y0; y++) {
    for (let x = start; x <= last; x++) {
      if (!mask[y * width + x]) continue;
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  return bottom < 0 ? null : [x0 + start, y0 + top, x0 + last, y0 + bottom];
}

/**
 * The ink of a cell (its mask, `cellInk`) in groups the width of a gap apart: a "$", an amount, a
 * dash. The line a cell is typed on (a run of ink far longer than a figure) is no part of any;
 * specks smaller than a stroke are left out.
 */
function inkGroups(mask: Uint8Array, region: Bbox, side: number): Bbox[] {
  const width = region[2] - region[0] + 1;
  const groups: Bbox[] = [];
  const gap = Math.max(3, Math.round(side * 0.6));
  let start = -1;
  let last = -1;
  const close = () => {
    if (start < 0) return;
    const box = inkBox(mask, region, start, last);
    if (box && (box[2] - box[0] + 1) * (box[3] - box[1] + 1) >= side / 2) groups.push(box);
    start = -1;
  };
  for (let x = 0; x < width; x++) {
    if (!columnInked(mask, region, x)) continue;
    if (start >= 0 && x - last > gap) close();
    if (start < 0) start = x;
    last = x;
  }
  close();
  return groups;
}

/** The region's ink, less rows of ink longer than three figures (the line a cell is typed on). */
function cellInk(image: PageImage, [x0, y0, x1, y1]: Bbox, side: number): Uint8Array {
  const width = x1 - x0 + 1;
  const mask = new Uint8Array(width * (y1 - y0 + 1));
  for (let y = y0; y <= y1; y++) {
    let run = -1;
    for (let x = x0; x <= x1 + 1; x++) {
      const ink = x <= x1 && (image.data[y * image.width + x] ?? 255) < INK;
      if (ink && run < 0) run = x;
      if (!ink && run >= 0) {
        if (x - run <= side * 3) mask.fill(1, (y - y0) * width + (run - x0), (y - y0) * width + (x - x0));
        run = -1;
      }
    }
  }
  return mask;
}

/** A dollar cell OCR read nothing in although it holds ink, with the height of its row's marks. */
interface EmptyCell {
  region: Bbox;
  side: number;
  /** Specks OCR read in the cell, which its reading replaces. */
  specks: Word[];
  /** Whether the cell starts after its "$" as read: else its first ink may be the "$". */
  afterDollar: boolean;
  /** Its "$" as OCR misread it ("“3"), which its reading puts right. */
  misreadSigns?: Word[];
}

/** A cell's rows: its box's or "$"'s, and a little more above and below, on the page. */
function band(image: PageImage, y0: number, y1: number, side: number): [number, number] {
  return [Math.max(0, Math.round(y0 - side * 0.3)), Math.min(image.height - 1, Math.round(y1 + side * 0.3))];
}

/** Whether a cell is wide enough to hold a figure and holds some ink. */
function holdsInk(image: PageImage, region: Bbox, side: number): boolean {
  return region[2] - region[0] >= side && inkIn(image, region, INK) >= side / 2;
}

/**
 * The cells right of check boxes that hold ink no word covers: each from its box (or the "$" read
 * after it) to the next box on the row (or a few inches on, the page's edge at most), as tall as
 * the box and a little more; with the box's side, and the specks OCR read in it, which its
 * reading replaces.
 */
export function emptyCellsWithInk(
  image: PageImage,
  words: readonly Word[],
  boxes: readonly CheckBox[],
): EmptyCell[] {
  const dpi = image.dpi ?? 300;
  const out: EmptyCell[] = [];
  for (const box of boxes) {
    const [, y0, x1, y1] = box.bbox;
    const side = y1 - y0;
    const middle = (y0 + y1) / 2;
    const next = boxes
      .filter((b) => b.bbox[0] > x1 && Math.abs((b.bbox[1] + b.bbox[3]) / 2 - middle) < side / 2)
      .reduce<number | null>(
        (nearest, b) => (nearest === null ? b.bbox[0] : Math.min(nearest, b.bbox[0])),
        null,
      );
    const right = Math.min(next === null ? x1 + Math.round(dpi * 2.5) : next - 3, image.width - 1);
    const [top, bottom] = band(image, y0, y1, side);
    const inside = words.filter((w) => {
      const cx = (w.bbox[0] + w.bbox[2]) / 2;
      const cy = (w.bbox[1] + w.bbox[3]) / 2;
      return cx > x1 && cx <= right && cy >= top && cy <= bottom;
    });
    // Only the cell's "$" read, or specks, or a letter or two read unsurely, or a figure alone past
    // the sign: what stands after the "$" is still unread.
    const dollar = (w: Word) => LONE_DOLLAR_READ.test(w.text) || dollarMisread(w, x1, side);
    const zeroMisread = (w: Word) => LONE_FIGURE.test(w.text) && w.bbox[0] - x1 > side * SIGN_WITHIN;
    if (!inside.every((w) => dollar(w) || unread(w, side) || zeroMisread(w))) continue;
    const dollars = inside.filter(dollar);
    const left = Math.max(x1 + 3, ...dollars.map((w) => w.bbox[2] + 3));
    const region: Bbox = [left, top, right, bottom];
    if (!holdsInk(image, region, side)) continue;
    out.push({
      region,
      side,
      specks: inside.filter((w) => !dollar(w) && w.bbox[0] >= left),
      afterDollar: dollars.length > 0,
      misreadSigns: dollars.filter((w) => !LONE_DOLLAR_READ.test(w.text)),
    });
  }
  return out;
}

/** A cell's printed "$" begins within this many box sides of its box's right wall. */
const SIGN_WITHIN = 1.5;

/**
 * Whether a word is the cell's printed "$" misread ("3", "“3", "'$", "S$."): a figure, an "s" or
 * the sign in it, read unsurely or with the sign, a figure's width at most, where the sign stands
 * just after the box. An amount typed there would go on past it, and leave no ink after it.
 */
function dollarMisread(w: Word, boxRight: number, side: number): boolean {
  const [x0, , x1] = w.bbox;
  return (
    w.text.length <= 3 &&
    x0 - boxRight <= side * SIGN_WITHIN &&
    x1 - x0 <= side * 1.2 &&
    /[$sS§\d]/.test(w.text) &&
    (w.confidence < JUNK_BELOW || /[$§]/.test(w.text))
  );
}

/** A printed "$" stands at least this tall, in inches (a tenth of an inch or so as printed). */
const DOLLAR_AT_LEAST = 0.04;

/**
 * The cells of tables printed without check boxes (C.1, C.2): after a "$" read alone, up to the
 * next word on its row (or two inches on), when that stretch holds ink no word covers. A "$" just
 * after a check box is that box's cell, read above.
 */
export function emptyCellsAfterDollars(
  image: PageImage,
  words: readonly Word[],
  boxes: readonly CheckBox[],
): EmptyCell[] {
  const dpi = image.dpi ?? 300;
  const out: EmptyCell[] = [];
  for (const dollar of words) {
    if (!LONE_DOLLAR_READ.test(dollar.text)) continue;
    const [dx0, dy0, dx1, dy1] = dollar.bbox;
    const side = dy1 - dy0;
    // A speck OCR read as an "s" is no "$": its row would be a sliver through what stands beside it.
    if (side < dpi * DOLLAR_AT_LEAST) continue;
    const middle = (dy0 + dy1) / 2;
    const onRow = (b: Bbox) => Math.abs((b[1] + b[3]) / 2 - middle) < side;
    // A "$" with a check box before it, and no word between them, is that box's cell's.
    const boxBefore = boxes
      .filter(({ bbox }) => onRow(bbox) && bbox[0] < dx0)
      .reduce<number | null>((nearest, { bbox }) => Math.max(nearest ?? bbox[2], bbox[2]), null);
    if (
      boxBefore !== null &&
      !words.some(
        (w) =>
          w !== dollar && onRow(w.bbox) && w.bbox[0] > boxBefore && w.bbox[2] < dx0 && !SPECK.test(w.text),
      )
    )
      continue;
    const after = words.filter((w) => w !== dollar && w.bbox[0] > dx1 && onRow(w.bbox));
    // Specks OCR made of the cell's ink (a dash read "-" or "'") are no word that ends it; the
    // next cell's "$" is.
    const speck = (w: Word) => SPECK.test(w.text) && !LONE_DOLLAR_READ.test(w.text);
    const next = after
      .filter((w) => !speck(w))
      .reduce<Word | null>(
        (nearest, w) => (nearest === null || w.bbox[0] < nearest.bbox[0] ? w : nearest),
        null,
      );
    // An amount read after the "$" is the cell's: ink before it is the amount's own, for the
    // money reread to take in.
    if (next && /\d/.test(next.text)) continue;
    const right = Math.min(next === null ? dx1 + Math.round(dpi * 2) : next.bbox[0] - 3, image.width - 1);
    const [top, bottom] = band(image, dy0, dy1, side);
    const region: Bbox = [dx1 + 3, top, right, bottom];
    if (!holdsInk(image, region, side)) continue;
    out.push({ region, side, specks: after.filter((w) => speck(w) && w.bbox[0] < right), afterDollar: true });
  }
  return out;
}
