import type { PageImage } from '../ingest/pages/page-image.js';
import { shareInside } from '../record/bbox.js';
import type { Bbox } from '../record/schema.js';
import { inkIn } from './ink-in.js';
import { median } from './median.js';

/** A printed check box found on a page, and whether something is marked in it. */
export interface CheckBox {
  bbox: Bbox;
  checked: boolean;
  /** 0..1: how far the ink inside is from the decision line. */
  confidence: number;
  /** Share of the inside (less the border) that is ink. */
  fill: number;
}

const INK = 150;
/** 1 for a pixel of ink, 0 for paper, by the fixed threshold. */
const inkPixel = (v: number): number => (v < INK ? 1 : 0);

/** Ink inside a box above this share is a mark (an X, a tick, a fill, a scribble); below, empty or specks. */
const FILL_THRESHOLD = 0.06;

/** A mark's ink off the middle reaches at least this share of the inside's rows and of its columns. */
const TICK_SPREAD = 0.4;

/**
 * Finds check boxes by their shape: a top and a bottom edge of the same length, a box-sized
 * distance apart, joined by a left and a right side. Marks that run outside the box do not hide
 * it, since only the edges are looked for. The ink inside, less a margin along the border, decides.
 */
export function findCheckBoxes(image: PageImage): { checkBoxes: CheckBox[]; combs: Bbox[] } {
  const dpi = image.dpi ?? 300;
  // Form D boxes are 1/12 to 1/4 inch a side.
  const minSide = Math.round(dpi / 14);
  const maxSide = Math.round(dpi / 3.5);
  // Combs of typed-in fields ("0 6", "D E") are rows of such cells: look for those too.
  const edges = horizontalEdges(image, minSide, maxSide * 6);
  const boxes: CheckBox[] = [];
  // Boxes with ink right against one side: a typed amount run up to the next cell's box, or a letter.
  const crowded: CheckBox[] = [];
  const frames: Bbox[] = [];
  const used = new Set<number>();
  for (let i = 0; i < edges.length; i++) {
    const top = edges[i];
    if (!top || used.has(i)) continue;
    // The first shape under a top edge is its box, unless it may be only part of one: then a
    // square found further down, within a box's side, is the box round it.
    let chosen: (Shape & { j: number }) | null = null;
    let reach = maxSide;
    for (let j = i + 1; j < edges.length; j++) {
      const bottom = edges[j];
      if (!bottom || used.has(j)) continue;
      const dy = bottom.y - top.y;
      if (dy > reach) break;
      if (dy < minSide) continue;
      const shape = shapeBetween(image, top, bottom, minSide);
      if (shape === null) continue;
      if (chosen !== null) {
        if (shape.kind === 'frame') continue;
        chosen = { ...shape, j };
        break;
      }
      chosen = { ...shape, j };
      if (!partOfBox(image, shape)) break;
      const [x0, y0, x1, y1] = shape.bbox;
      reach = Math.min(maxSide, Math.round(Math.max(x1 - x0, y1 - y0) * 1.3));
    }
    if (chosen === null) continue;
    used.add(i);
    used.add(chosen.j);
    const { bbox, kind } = chosen;
    if (kind === 'frame') {
      frames.push(bbox);
      continue;
    }
    const { fill, centre, spread } = insideInk(image, bbox);
    // A mark crosses the middle of its box; a doubled or smeared wall, however inky, does not.
    // A tick drawn off the middle still spreads its ink over many rows and columns of the
    // inside both, where a smeared wall keeps to a band along one side (a third of the inside at
    // the most).
    const ticked = fill >= 2 * FILL_THRESHOLD && spread >= TICK_SPREAD ? fill / 2 : 0;
    const evidence = Math.max(Math.min(fill, centre), ticked);
    const checked = evidence > FILL_THRESHOLD;
    const margin = Math.abs(evidence - FILL_THRESHOLD);
    const box = {
      bbox,
      fill,
      checked,
      confidence: Math.min(1, 0.5 + margin / (checked ? 0.1 : FILL_THRESHOLD) / 2),
    };
    if (kind === 'box') boxes.push(box);
    else crowded.push(box);
  }
  // Crowded finds are measured against the boxes left once letters are gone: on a page of bold
  // figures the letters found may outnumber the boxes, and their size is no box's.
  const standing = withoutLetters(image, boxes, dpi);
  const all = dedupe([...standing, ...crowdedBoxes(crowded, standing)]).filter(
    (b) => !frames.some((frame) => letterIn(b.bbox, frame)),
  );
  const checkBoxes = withoutCombs(all).filter((b) => !frames.some((frame) => cellOf(b.bbox, frame)));
  const combCells = all.filter((b) => !checkBoxes.includes(b)).map((b) => b.bbox);
  return { checkBoxes, combs: [...combCells, ...frames] };
}

/**
 * What a top and a bottom edge make: a box standing apart from its neighbours, a box crowded on
 * one side, a frame (the outline of a comb's cells, wider than tall), or nothing.
 */
interface Shape {
  bbox: Bbox;
  kind: 'box' | 'crowded' | 'frame';
  ratio: number;
}

function shapeBetween(image: PageImage, top: Edge, bottom: Edge, minSide: number): Shape | null {
  const width = top.x1 - top.x0;
  const dy = bottom.y - top.y;
  // A heavy mark's arms run past the corners and lengthen one edge: the shorter edge is the box's.
  const tol = Math.max(3, Math.min(width, dy) * 0.3);
  if (Math.abs(bottom.x0 - top.x0) > tol || Math.abs(bottom.x1 - top.x1) > tol) return null;
  // The sides may stand inside the edges' ends (a mark's arms): look for them a little inward.
  const reach = Math.max(3, Math.round(Math.min(width, dy) * 0.3));
  const x0 = findSide(
    image,
    Math.min(top.x0, bottom.x0),
    Math.max(top.x0, bottom.x0) + reach,
    top.y,
    bottom.y,
  );
  const x1 = findSide(
    image,
    Math.max(top.x1, bottom.x1),
    Math.min(top.x1, bottom.x1) - reach,
    top.y,
    bottom.y,
  );
  if (x0 === null || x1 === null || x1 - x0 < minSide) return null;
  const bbox = throughBottomEdge(image, squarer(image, [x0, top.y, x1, bottom.y], minSide));
  const ratio = (x1 - x0) / (bbox[3] - bbox[1]);
  if (ratio > 1.4 && ratio <= 6.5) {
    // The last row of a filled box's ink is an edge too, and with the box's top it makes a
    // "frame" shorter than the box, solid with ink: the box's own bottom edge lies further down.
    return solid(image, bbox) ? null : { bbox, kind: 'frame', ratio };
  }
  if (ratio < 0.7 || ratio > 1.4) return null;
  // Squares inside inverted headings (white letters on black) are not boxes: a box stands on paper.
  if (!onPaper(image, bbox)) return null;
  // A letter (a bold O or D) has neighbours a stroke away; a box stands apart from its label.
  const apart = standsApart(image, bbox);
  if (apart === 'neither') return null;
  return { bbox, kind: apart === 'both' ? 'box' : 'crowded', ratio };
}

/**
 * A shape that may be only part of a box: a square solid with ink (the fill of a marked box, its
 * top edge run into the fill, the box's bottom edge lying below the fill), or a frame a little
 * wider than tall (a box's top down to the stroke of a mark drawn across it).
 */
function partOfBox(image: PageImage, shape: Shape): boolean {
  return shape.kind === 'frame' ? shape.ratio < 1.6 : solid(image, shape.bbox);
}

/**
 * The box down to the last row of its bottom edge. A thick edge is found as its first row and its
 * last, and the first that makes a box is taken, the inner one, unless a mark broke that row; the
 * top is the outer row. Taken to their outer rows both, the boxes of a page measure alike.
 */
function throughBottomEdge(image: PageImage, [x0, y0, x1, y1]: Bbox): Bbox {
  const limit = Math.max(1, Math.round((y1 - y0) * 0.2));
  let bottom = y1;
  while (
    bottom - y1 < limit &&
    bottom + 1 < image.height &&
    meanOver(image, [x0, bottom + 1, x1, bottom + 1], inkPixel) >= 0.85
  ) {
    bottom++;
  }
  return [x0, y0, x1, bottom];
}

/**
 * Boxes that touch their neighbours on a row are the comb of a typed-in field (Month "0 6",
 * jurisdiction "D E"), not check boxes: each holds a character.
 */
function withoutCombs(boxes: CheckBox[]): CheckBox[] {
  return boxes.filter((b) => {
    const side = b.bbox[2] - b.bbox[0];
    return !boxes.some(
      (o) =>
        o !== b &&
        Math.abs(o.bbox[1] - b.bbox[1]) < side * 0.3 &&
        (Math.abs(o.bbox[0] - b.bbox[2]) < side * 0.35 || Math.abs(b.bbox[0] - o.bbox[2]) < side * 0.35),
    );
  });
}

/**
 * A box that shares its top and bottom edges with a comb found whole is one of its cells (a wall
 * or an edge broken in the scan lets a cell be found alone too, with the character it holds).
 */
function cellOf(box: Bbox, frame: Bbox): boolean {
  const tol = Math.max(3, (box[3] - box[1]) * 0.15);
  // A comb is cells wide; a frame no wider than the box is the box's own edge and a mark's stroke.
  return (
    box[2] - box[0] < (frame[2] - frame[0]) * 0.75 &&
    box[0] >= frame[0] - tol &&
    box[2] <= frame[2] + tol &&
    Math.abs(box[1] - frame[1]) <= tol &&
    Math.abs(box[3] - frame[3]) <= tol
  );
}

/**
 * A box found inside a comb found whole, shorter than its cells, is a letter typed in a cell (the
 * bowl of a "D" and its upright stroke make a box's four sides): no check box stands in a comb.
 */
function letterIn(box: Bbox, frame: Bbox): boolean {
  const tol = 2;
  return (
    box[3] - box[1] < (frame[3] - frame[1]) * 0.8 &&
    box[0] >= frame[0] - tol &&
    box[2] <= frame[2] + tol &&
    box[1] >= frame[1] - tol &&
    box[3] <= frame[3] + tol
  );
}

interface Edge {
  y: number;
  x0: number;
  x1: number;
}

/** Horizontal runs of ink of a box's width (a little slack for thick or broken lines). */
function horizontalEdges(image: PageImage, minSide: number, maxSide: number): Edge[] {
  const { width, height, data } = image;
  const raw: Edge[] = [];
  for (let y = 0; y < height; y++) {
    let start = -1;
    let lastInk = -1;
    const row = y * width;
    for (let x = 0; x <= width; x++) {
      const ink = x < width && (data[row + x] ?? 255) < INK;
      if (ink) {
        if (start < 0) start = x;
        lastInk = x;
      } else if (start >= 0 && x - lastInk > 1) {
        const len = lastInk - start + 1;
        if (len >= minSide && len <= maxSide) raw.push({ y, x0: start, x1: lastInk });
        start = -1;
      }
    }
  }
  // A thick edge is several rows: keep its outermost row on each side so the box is its outline.
  const merged: Array<Edge & { yLast: number }> = [];
  // Rows come in order, so an edge whose last row is two rows back can take no more: only the
  // open ones (in the order they were made) are searched.
  let open: Array<Edge & { yLast: number }> = [];
  let openY = -1;
  for (const e of raw) {
    if (e.y !== openY) {
      open = open.filter((m) => e.y - m.yLast <= 1);
      openY = e.y;
    }
    const same = open.find(
      (m) => e.y - m.yLast <= 1 && Math.abs(m.x0 - e.x0) <= 2 && Math.abs(m.x1 - e.x1) <= 2,
    );
    if (same) same.yLast = e.y;
    else {
      const edge = { ...e, yLast: e.y };
      merged.push(edge);
      open.push(edge);
    }
  }
  const out: Edge[] = [];
  for (const m of merged) {
    out.push({ y: m.y, x0: m.x0, x1: m.x1 });
    if (m.yLast !== m.y) out.push({ y: m.yLast, x0: m.x0, x1: m.x1 });
  }
  return out.sort((a, b) => a.y - b.y || a.x0 - b.x0);
}

/**
 * The box inside a found one whose top or bottom edge is a rule or a dash just above or below the
 * box (a form's row rule running over its boxes): past a row of paper, another edge of the box's
 * width makes it squarer, and printed boxes are square. A mark inside a box never does: its rows
 * do not run from side to side, and cutting at them would make the box less square.
 */
function squarer(image: PageImage, bbox: Bbox, minSide: number): Bbox {
  const [x0, , x1] = bbox;
  const width = x1 - x0;
  const rowInk = (y: number, inset: number) => meanOver(image, [x0 + inset, y, x1 - inset, y], inkPixel);
  /**
   * Walking from `from` by `step` no further than `limit` rows: past the rest of the found edge
   * and rows of bare paper, the first row with ink, when it is an edge from side to side.
   */
  const innerEdge = (from: number, step: 1 | -1, limit: number): number | null => {
    let gap = 0;
    for (let k = 1; k <= limit; k++) {
      const y = from + step * k;
      const paper = rowInk(y, 2) < 0.1;
      // The found edge is as thick as it is, its last row perhaps only partly inked (a heavy rule
      // scanned gray at its edge).
      if (gap === 0 && !paper) continue;
      if (paper) {
        gap++;
        continue;
      }
      // An edge is two or three rows thick: a scan may break its first row.
      const edge = [y, y + step].some(
        (row) => rowInk(row, 0) >= 0.85 && hasSide(image, x0, row, row, 1) && hasSide(image, x1, row, row, 1),
      );
      return gap > 0 && edge ? y : null;
    }
    return null;
  };
  let [, y0, , y1] = bbox;
  const aspect = (a: number, b: number) => Math.abs(Math.log(width / Math.max(1, b - a)));
  const limit = (a: number, b: number) => Math.floor((b - a) * 0.4);
  // Again from each edge cut at: a found box may run over two boxes stacked above its own, from
  // the top edge of the first through its bottom edge to the top edge of the box.
  for (let top = innerEdge(y0, 1, limit(y0, y1)); top !== null; top = innerEdge(y0, 1, limit(y0, y1))) {
    if (y1 - top < minSide || aspect(top, y1) >= aspect(y0, y1)) break;
    y0 = top;
  }
  for (
    let bottom = innerEdge(y1, -1, limit(y0, y1));
    bottom !== null;
    bottom = innerEdge(y1, -1, limit(y0, y1))
  ) {
    if (bottom - y0 < minSide || aspect(y0, bottom) >= aspect(y0, y1)) break;
    y1 = bottom;
  }
  return [x0, y0, x1, y1];
}

/**
 * The first column from `from` towards `to` that is a vertical side, or null. Where no column is
 * one, a side stepped a pixel aside down part of its length (a wall the scan split in two there)
 * is one, if it runs unbroken from edge to edge: a letter's stem (the T and I of a heading over
 * its underline) leaves paper between its foot and the line below.
 */
function findSide(image: PageImage, from: number, to: number, y0: number, y1: number): number | null {
  const step = to >= from ? 1 : -1;
  for (const [slack, share] of [
    [0, 0.8],
    [1, 0.97],
  ] as const) {
    for (let x = from; step > 0 ? x <= to : x >= to; x += step) {
      if (hasSide(image, x, y0, y1, slack, share)) return x;
    }
  }
  return null;
}

/** A vertical side: most rows between the edges (`share` of them) have ink within `slack` pixels of x. */
function hasSide(image: PageImage, x: number, y0: number, y1: number, slack = 2, share = 0.8): boolean {
  let inked = 0;
  for (let y = y0; y <= y1; y++) {
    for (let dx = -slack; dx <= slack; dx++) {
      const xx = x + dx;
      if (xx >= 0 && xx < image.width && (image.data[y * image.width + xx] ?? 255) < INK) {
        inked++;
        break;
      }
    }
  }
  return inked >= (y1 - y0 + 1) * share;
}

/** The ring just outside a box is mostly paper. */
function onPaper(image: PageImage, [x0, y0, x1, y1]: Bbox): boolean {
  const gap = Math.max(3, Math.round((x1 - x0) * 0.15));
  // Two rings round it: the near one may lie on the white stroke of an inverted heading's letter
  // (its counter is a black square), the far one then lies on the heading's black bar.
  const around = (d: number) => inkAround(image, [x0 - d, y0 - d, x1 + d, y1 + d]);
  // A row of boxes printed between two heavy rules has them across the far ring's top and foot,
  // where what lies between the box and the ring is paper but for the rules; a heading's bar is
  // black there.
  const far = gap * 3;
  return around(gap) < 0.3 && (around(far) < 0.6 || inkBetween(image, [x0, y0, x1, y1], far) < RULED_ROW_INK);
}

/**
 * The share of ink round a box out to `reach` pixels from it, the box itself left out, and rows
 * above and below it that are ink nearly all across (a rule) too: beside the box is paper.
 */
function inkBetween(image: PageImage, [x0, y0, x1, y1]: Bbox, reach: number): number {
  let ink = 0;
  let total = 0;
  const [left, right] = [Math.max(0, x0 - reach), Math.min(image.width - 1, x1 + reach)];
  for (let y = Math.max(0, y0 - reach); y <= Math.min(image.height - 1, y1 + reach); y++) {
    const across = inkIn(image, [left, y, right, y], INK);
    if (y < y0 || y > y1) {
      if (across >= (right - left + 1) * RULE_ROW) continue;
      ink += across;
      total += right - left + 1;
    } else {
      ink += across - inkIn(image, [x0, y, x1, y], INK);
      total += right - left - (x1 - x0);
    }
  }
  return total > 0 ? ink / total : 1;
}

/** A row of ink this share of its width is a rule. */
const RULE_ROW = 0.8;

/**
 * Round a box between rules, off the rules, no more than this share is ink (a label's first
 * letter within reach): a square in a heading's bar, or a bold letter among others, has more.
 */
const RULED_ROW_INK = 0.12;

/** The share of ink along a rectangle's outline. */
function inkAround(image: PageImage, [x0, y0, x1, y1]: Bbox): number {
  let ink = 0;
  let total = 0;
  const look = (x: number, y: number) => {
    if (x < 0 || y < 0 || x >= image.width || y >= image.height) return;
    total++;
    if ((image.data[y * image.width + x] ?? 255) < INK) ink++;
  };
  for (let x = x0; x <= x1; x++) {
    look(x, y0);
    look(x, y1);
  }
  for (let y = y0; y <= y1; y++) {
    look(x0, y);
    look(x1, y);
  }
  return total > 0 ? ink / total : 1;
}

/** The least share of gray or darker pixels along any of a rectangle's four sides. */
function weakestSide(image: PageImage, [x0, y0, x1, y1]: Bbox): number {
  const worn = 200;
  const share = (count: number, at: (k: number) => [number, number]) => {
    let inked = 0;
    for (let k = 0; k < count; k++) {
      const [x, y] = at(k);
      if ((image.data[y * image.width + x] ?? 255) < worn) inked++;
    }
    return inked / count;
  };
  const w = x1 - x0 + 1;
  const h = y1 - y0 + 1;
  return Math.min(
    share(w, (k) => [x0 + k, y0]),
    share(w, (k) => [x0 + k, y1]),
    share(h, (k) => [x0, y0 + k]),
    share(h, (k) => [x1, y0 + k]),
  );
}

/**
 * Boxes under 1/12 inch a side that are not the size of the page's larger boxes: the bowls of bold
 * typed letters ("O", "e", "g", "8", "S"), which stand apart from their neighbours in a
 * typewriter's wide pitch. A form prints its boxes alike; a page whose boxes are all that small
 * keeps them.
 */
function withoutLetters(image: PageImage, boxes: CheckBox[], dpi: number): CheckBox[] {
  const small = Math.round(dpi / 12);
  const isSmall = (b: CheckBox) => Math.min(b.bbox[2] - b.bbox[0], b.bbox[3] - b.bbox[1]) < small;
  const large = boxes.filter((b) => !isSmall(b));
  if (large.length < 3) return boxes;
  const size = boxSize(large);
  const likeLarge = new Set(sizedLike(boxes.filter(isSmall), size));
  return boxes.filter((b) => !isSmall(b) || likeLarge.has(b) || withinOutline(image, b.bbox, size));
}

/**
 * Whether a box of the page's size, faint or worn, stands round a smaller find: the inside of a
 * printed box whose own edges a scan wore away. Letters have no outline round them.
 */
function withinOutline(image: PageImage, [x0, y0, x1, y1]: Bbox, [width, height]: [number, number]): boolean {
  for (let ax = Math.max(0, x1 - width); ax <= x0 && ax + width < image.width; ax++) {
    for (let ay = Math.max(0, y1 - height); ay <= y0 && ay + height < image.height; ay++) {
      if (weakestSide(image, [ax, ay, ax + width, ay + height]) >= 0.85) return true;
    }
  }
  return false;
}

/**
 * The crowded boxes that are the size of the form's other boxes (a form prints its boxes alike;
 * letters come in other sizes): those are boxes a typed value or a heavy mark ran up against. On
 * a page of one or two boxes, the size of one on the same row ("Yes ☐ No ☒", the X's arm
 * touching "No").
 */
function crowdedBoxes(crowded: CheckBox[], boxes: CheckBox[]): CheckBox[] {
  if (boxes.length >= 3) return sizedLike(crowded, boxSize(boxes));
  return crowded.filter((c) =>
    boxes.some((b) => {
      const middle = (c.bbox[1] + c.bbox[3]) / 2;
      return middle > b.bbox[1] && middle < b.bbox[3] && sizedLike([c], boxSize([b])).length > 0;
    }),
  );
}

/** The size of the form's boxes: the median width and height of some found. */
function boxSize(boxes: readonly CheckBox[]): [number, number] {
  return [median(boxes.map((b) => b.bbox[2] - b.bbox[0])), median(boxes.map((b) => b.bbox[3] - b.bbox[1]))];
}

/** The candidates of a box's size, within a tenth or two pixels. */
function sizedLike(crowded: CheckBox[], [width, height]: [number, number]): CheckBox[] {
  const near = (a: number, b: number) => Math.abs(a - b) <= Math.max(2, b * 0.1);
  return crowded.filter(({ bbox }) => near(bbox[2] - bbox[0], width) && near(bbox[3] - bbox[1], height));
}

/** Which of the strips just left and right of the box hold little ink: a letter has neighbours on both sides. */
function standsApart(image: PageImage, [x0, y0, x1, y1]: Bbox): 'both' | 'one' | 'neither' {
  const side = x1 - x0;
  // Letters of a word stand a stroke apart; a label stands at least a little further from its box.
  const gap = Math.max(2, Math.round(side * 0.12));
  const strip = Math.max(2, Math.round(side * 0.15));
  const inkShare = (from: number, to: number) => {
    let ink = 0;
    let total = 0;
    for (let y = y0 + gap; y <= y1 - gap; y++) {
      for (let x = from; x <= to; x++) {
        if (x < 0 || x >= image.width) continue;
        total++;
        if ((image.data[y * image.width + x] ?? 255) < INK) ink++;
      }
    }
    return total ? ink / total : 0;
  };
  const left = inkShare(x0 - gap - strip, x0 - gap) < 0.12;
  const right = inkShare(x1 + gap, x1 + gap + strip) < 0.12;
  return left && right ? 'both' : left || right ? 'one' : 'neither';
}

/**
 * Ink share inside the border, and in the middle half of that inside, where every kind of mark
 * passes. Ink is weighed against the box's own paper and printed outline: a thin typed "X" whose
 * strokes a scan left gray counts by how dark its pixels are, where a fixed threshold saw a few
 * specks; a gray haze just darker than the paper counts for nothing.
 */
function insideInk(
  image: PageImage,
  [x0, y0, x1, y1]: Bbox,
): { fill: number; centre: number; spread: number } {
  // Leave out the border, however heavy the ink made it, and a pixel more: sides are not marks.
  const cap = Math.max(2, Math.round((x1 - x0) * 0.3));
  const share = (ax: number, ay: number, bx: number, by: number) =>
    meanOver(image, [ax, ay, bx, by], inkPixel);
  const border = (line: (k: number) => number) => {
    let k = 0;
    while (k < cap && line(k) >= 0.6) k++;
    return Math.max(k, 1) + 1;
  };
  const walls = [
    border((k) => share(x0, y0 + k, x1, y0 + k)),
    border((k) => share(x0, y1 - k, x1, y1 - k)),
    border((k) => share(x0 + k, y0, x0 + k, y1)),
    border((k) => share(x1 - k, y0, x1 - k, y1)),
  ];
  // A printed box's walls are alike: a mark's heavy stroke along one or two sides (a tick's arms)
  // is no thicker wall, and stays inside. The second thinnest is the wall (the thinnest may be a
  // side the box's found edge lies inside of).
  const wall = ([...walls].sort((a, b) => a - b)[1] ?? 1) + 1;
  const [top, bottom, left, right] = walls.map((w) => Math.min(w, wall)) as [number, number, number, number];
  const [ix0, iy0, ix1, iy1] = [x0 + left, y0 + top, x1 - right, y1 - bottom];
  const ink = inkWeight(image, [x0, y0, x1, y1]);
  // A rule drawn across the box (a stamp's border, a line of the form running through it) is no
  // mark: the columns and rows it fills are left out.
  const crossing = crossingLines(image, [x0, y0, x1, y1], ink);
  // Nor is a wall the scan doubled: a thin bar along a side, paper between it and the middle.
  const without = new Set([...crossing, ...barsAlongSides(image, [ix0, iy0, ix1, iy1])]);
  const weighed = (ax: number, ay: number, bx: number, by: number) =>
    meanOver(image, [ax, ay, bx, by], ink, without);
  const qx = Math.floor((ix1 - ix0) / 4);
  const qy = Math.floor((iy1 - iy0) / 4);
  // The share of the inside's rows, and of its columns, that a mark's ink reaches: the less of the two.
  let rows = 0;
  let columns = 0;
  for (let y = iy0; y <= iy1; y++) if (weighed(ix0, y, ix1, y) >= 0.1) rows++;
  for (let x = ix0; x <= ix1; x++) if (weighed(x, iy0, x, iy1) >= 0.1) columns++;
  return {
    fill: weighed(ix0, iy0, ix1, iy1),
    centre: weighed(ix0 + qx, iy0 + qy, ix1 - qx, iy1 - qy),
    spread: Math.min(rows / Math.max(1, iy1 - iy0 + 1), columns / Math.max(1, ix1 - ix0 + 1)),
  };
}

/**
 * How much of a mark a pixel of this gray is, 0..1, between the paper round the box (a ring just
 * outside it) and the ink of its printed outline: from a sixth of the way from paper to ink it
 * starts to count, and from halfway it counts whole. A box printed too faint to tell its ink from
 * its paper falls back to the fixed threshold.
 */
function inkWeight(image: PageImage, [x0, y0, x1, y1]: Bbox): (v: number) => number {
  const ring: number[] = [];
  const outline: number[] = [];
  const push = (list: number[], x: number, y: number) => {
    if (x >= 0 && y >= 0 && x < image.width && y < image.height)
      list.push(image.data[y * image.width + x] ?? 255);
  };
  for (let x = x0; x <= x1; x++) {
    for (const d of [3, 4]) {
      push(ring, x, y0 - d);
      push(ring, x, y1 + d);
    }
    push(outline, x, y0);
    push(outline, x, y1);
  }
  for (let y = y0; y <= y1; y++) {
    for (const d of [3, 4]) {
      push(ring, x0 - d, y);
      push(ring, x1 + d, y);
    }
    push(outline, x0, y);
    push(outline, x1, y);
  }
  const quantile = (list: number[], q: number) => {
    const sorted = [...list].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 255;
  };
  const paper = quantile(ring, 0.75);
  const ink = quantile(outline, 0.25);
  const range = paper - ink;
  if (range < 60) return inkPixel;
  const from = paper - range / 6;
  const full = paper - range / 2;
  return (v) => (v >= from ? 0 : v <= full ? 1 : (from - v) / (from - full));
}

/** Whether a rectangle is ink through and through (three quarters of it or more). */
function solid(image: PageImage, bbox: Bbox): boolean {
  return meanOver(image, bbox, inkPixel) >= 0.75;
}

/** The mean over a rectangle's pixels of what `value` makes of each gray; 0 for an empty one. */
function meanOver(
  image: PageImage,
  [x0, y0, x1, y1]: Bbox,
  value: (v: number) => number,
  without: ReadonlySet<number> = NO_PIXELS,
): number {
  let sum = 0;
  let total = 0;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const at = y * image.width + x;
      if (without.has(at)) continue;
      total++;
      sum += value(image.data[at] ?? 255);
    }
  }
  return total ? sum / total : 0;
}

const NO_PIXELS: ReadonlySet<number> = new Set<number>();

/** The least share of a line crossing a box that is ink. */
const LINE_INKED = 0.85;

/** A line crossing a box is this share of the box's side thick at most either side of its trace. */
const LINE_HALF_WIDTH = 0.15;

/** How far askew a line crossing a box may run, in pixels across per pixel along: a stamp set askew. */
const MAX_CROSSING_SLOPE = 0.25;

/**
 * The pixels (as indices into the page) of a box that a straight line drawn across it fills: ink
 * through the box and on past both its edges, half the box's side and more (nearly all the way: a
 * thin gray line breaks here and there), upright or level or a little askew (a stamp's border is
 * seldom square to the page), where no mark reaches (a mark's stroke that runs out of the box runs
 * out of one side, and slants far more). Ink is what `ink` weighs as any of a mark: a stamp's gray
 * line is traced as the mark's gray would count. The line's ink either side of its trace, as far
 * as a thick line's half, is the line's too. Such a line is inked at both its ends, beyond the
 * box: only lines between inked ends are traced.
 */
function crossingLines(
  image: PageImage,
  [x0, y0, x1, y1]: Bbox,
  ink: (v: number) => number,
): ReadonlySet<number> {
  const inkAt = (x: number, y: number) =>
    x >= 0 &&
    y >= 0 &&
    x < image.width &&
    y < image.height &&
    ink(image.data[y * image.width + x] ?? 255) > 0;
  const halfWidth = Math.max(1, Math.round(Math.min(x1 - x0, y1 - y0) * LINE_HALF_WIDTH));
  const out = new Set<number>();
  // One direction at a time: `a` runs along the line (y for an upright one), `b` across it, and
  // `point` makes page coordinates of the two.
  const trace = (
    from: number,
    to: number,
    low: number,
    high: number,
    point: (a: number, b: number) => [number, number],
  ) => {
    const reach = Math.round((to - from) / 2);
    const [start, end] = [from - reach, to + reach];
    const span = end - start;
    const shift = Math.ceil(MAX_CROSSING_SLOPE * span);
    const inkedAcross = (a: number) => {
      const found: number[] = [];
      for (let b = low + 1 - shift; b < high + shift; b++) if (inkAt(...point(a, b))) found.push(b);
      return found;
    };
    const ends = inkedAcross(end);
    if (!ends.length) return;
    for (const b0 of inkedAcross(start)) {
      for (const b1 of ends) {
        const middle = (b0 + b1) / 2;
        if (Math.abs(b1 - b0) > MAX_CROSSING_SLOPE * span || middle <= low || middle >= high) continue;
        const cells: number[] = [];
        for (let a = start; a <= end; a++) cells.push(Math.round(b0 + ((b1 - b0) * (a - start)) / span));
        let inked = 0;
        for (const [k, b] of cells.entries()) if (inkAt(...point(start + k, b))) inked++;
        if (inked < cells.length * LINE_INKED) continue;
        for (const [k, b] of cells.entries()) {
          const take = (d: number) => {
            const [x, y] = point(start + k, b + d);
            if (x >= x0 && x <= x1 && y >= y0 && y <= y1) out.add(y * image.width + x);
          };
          for (const d of [-1, 0, 1]) take(d);
          for (const side of [-1, 1]) {
            for (let d = 2; d <= halfWidth && inkAt(...point(start + k, b + side * d)); d++) take(side * d);
          }
        }
      }
    }
  };
  trace(y0, y1, x0, x1, (a, b) => [b, a]);
  trace(x0, x1, y0, y1, (a, b) => [a, b]);
  return out;
}

/**
 * The pixels (as indices into the page) of the inside of a box that a wall the scan doubled fills:
 * a bar a few pixels thick standing along a side, within two fifths of the inside from it, through
 * most of the inside's length, with paper between it and the middle. No mark is such a bar: an X's
 * and a tick's strokes slant, a fill runs on to the middle, and a scribble's turns are short.
 */
function barsAlongSides(image: PageImage, [ix0, iy0, ix1, iy1]: Bbox): ReadonlySet<number> {
  const out = new Set<number>();
  const width = ix1 - ix0 + 1;
  const height = iy1 - iy0 + 1;
  if (width < 6 || height < 6) return out;
  // One side at a time: `at(k)` is the k-th line across the inside counted from the side (a column
  // from the left or right, a row from the top or bottom), `share` its ink, `pixels` its pixels.
  const bar = (
    count: number,
    at: (k: number) => number,
    share: (line: number) => number,
    pixels: (line: number) => number[],
  ) => {
    const line = (k: number) => share(at(k));
    const thickest = Math.max(2, Math.round(count * BAR_SHARE));
    const reach = Math.round(count * 0.4);
    // A wall's inner remnant may stand before it, a pixel or two of paper between.
    for (let k = 0; k < reach; ) {
      if (line(k) < BAR_LENGTH) {
        k++;
        continue;
      }
      const start = k;
      while (k < reach && line(k) >= BAR_LENGTH) k++;
      if (k - start > thickest || k >= reach || line(k) >= 0.2 || line(k + 1) >= 0.2) continue;
      for (let j = start; j < k; j++) for (const pixel of pixels(at(j))) out.add(pixel);
    }
  };
  const columnShare = (x: number) => meanOver(image, [x, iy0, x, iy1], inkPixel);
  const rowShare = (y: number) => meanOver(image, [ix0, y, ix1, y], inkPixel);
  const column = (x: number) => Array.from({ length: height }, (_, i) => (iy0 + i) * image.width + x);
  const row = (y: number) => Array.from({ length: width }, (_, i) => y * image.width + ix0 + i);
  const sides: Array<[number, (k: number) => number, (at: number) => number, (at: number) => number[]]> = [
    [width, (k) => ix0 + k, columnShare, column],
    [width, (k) => ix1 - k, columnShare, column],
    [height, (k) => iy0 + k, rowShare, row],
    [height, (k) => iy1 - k, rowShare, row],
  ];
  for (const side of sides) bar(...side);
  return out;
}

/**
 * A doubled wall's bar runs through this share of the inside's length or more (a scan may double
 * a wall down part of its side only, two thirds of it, and leave it whole below)...
 */
const BAR_LENGTH = 0.6;
/** ...and is no thicker than this share of the inside's width. */
const BAR_SHARE = 0.12;

/** Nested or overlapping finds of one box (its outer and inner outline) are one box. */
function dedupe(boxes: CheckBox[]): CheckBox[] {
  const out: CheckBox[] = [];
  for (const b of boxes) {
    const twin = out.find((o) => overlapShare(o.bbox, b.bbox) > 0.5);
    if (!twin) out.push(b);
  }
  return out;
}

/** The share of the smaller box that the two boxes share. */
function overlapShare(a: Bbox, b: Bbox): number {
  return Math.max(shareInside(a, b), shareInside(b, a));
}
