import type { CheckBox } from '../image/check-boxes.js';
import { inkIn } from '../image/ink-in.js';
import { median } from '../image/median.js';
import type { Word } from '../ingest/lines.js';
import type { PageImage } from '../ingest/pages/page-image.js';
import { markedCode } from '../parse/check-marks.js';
import { STATE_GRID } from '../parse/part-b.js';
import type { Bbox } from '../record/schema.js';

const COLUMNS = 13;
/** Darker than this is ink. */
const INK = 150;
/** A cell with ink around its code of this share of a code's own ink carries a mark. */
const MARKED = 0.5;
/** A code whose solid ink is this share of the row's usual code's ink is blotted out by a mark. */
const BLOTTED = 0.25;
/** A code OCR could not read with this much more ink over it than the row's usual code is struck... */
const TICKED = 1.3;
/** ...where ink rises above it (a tick): this many pixels of ink for each pixel of the code's height, */
const TICK_RISE = 0.3;
/**
 * ...or where it has this much more ink than the same code read plainly in another copy of the grid.
 * (Codes OCR could not read on unmarked grids of the development scans had up to 1.18 times their
 * plain copies' ink; codes crossed with a fine pen, 1.47 and more.)
 */
const STRUCK = 1.4;
/**
 * A code over whose letters this share of another copy's ink more lies, where no copy of it on
 * the page has ink, is struck through. (On the development scans, the most an unmarked code had
 * over every other copy was 0.13, on pages thresholded to one bit with bars of gray through them;
 * crosses, ticks and scribbles drawn over a code, 0.24 to 0.83; a typed X, 0.08 to 0.32.)
 */
const STRUCK_BEYOND_COPY = 0.2;

/**
 * A cell with a square of solid ink this share of a code's height on a side carries a blot: no
 * stroke of a letter, however bold, is half as thick as the letter is tall.
 */
const BLOT_SQUARE = 0.5;

interface Known {
  word: Word;
  column: number;
}

/**
 * Reads the marks on the B.4 states grid from the pixels. Its rows are found by the codes OCR
 * read plainly ("[CA]"); their places give every cell's place, the marked ones included, whose
 * codes OCR reads as junk, if at all ("(HDD)", "16al"). A cell with ink round its code on three
 * sides (a circle) is marked: its words give way to one word, "☒[CA]", as a check box's mark stands
 * before its label, and a "box" the pixels found in it is dropped. So is a cell whose code a blot
 * or a fill covers: solid ink, which no letter's stroke is, and a code struck through (a tick,
 * a cross) that OCR could not read, or whose letters carry strokes the same code in another copy
 * of the grid on the page does not have, however OCR read it. The other words stay as they were.
 * A small mark laid over the code's own strokes (a typed X), adding little ink, is read only
 * where it differs enough from another copy. A row whose marks left too few codes read plainly
 * takes its columns from another row of the grid.
 */
export function readStateGrid(
  image: PageImage,
  words: readonly Word[],
  boxes: readonly CheckBox[] = [],
): { words: Word[]; boxes: CheckBox[] } {
  const known = new Map<number, Known[]>();
  for (const word of words) {
    if (!/[[\]]/.test(word.text)) continue;
    const at = STATE_GRID.indexOf(word.text.replace(/[^A-Z]/g, ''));
    if (at < 0) continue;
    const row = Math.floor(at / COLUMNS);
    const list = known.get(row) ?? [];
    list.push({ word, column: at % COLUMNS });
    known.set(row, list);
  }
  let out = [...words];
  let kept = [...boxes];
  const lines = [...known].flatMap(([row, cells]) =>
    visualLines(cells).map((line) => ({ row, line, grid: fitColumns(line) })),
  );
  const measured = lines.flatMap(({ row, line, grid: own }) => {
    const grid = own && spansRow(line) ? own : (borrowedColumns(row, line, lines, own) ?? own);
    if (!grid) return [];
    const cells = measureCells(image, grid);
    // The ink over the row's usual code.
    const usual = median(cells.map((c) => c.coreInk));
    return [{ row, grid, plain: new Set(line.map((c) => c.column)), cells, usual }];
  });
  // How much ink each code read plainly has, against its row's usual code, in each copy of the
  // grid on the page: a code struck through in one copy has more than in the others.
  const plainInk = new Map<string, number[]>();
  for (const { row, plain, cells, usual } of measured) {
    for (const c of cells) {
      const code = STATE_GRID[row * COLUMNS + c.column];
      if (!code || !plain.has(c.column) || usual === 0) continue;
      plainInk.set(code, [...(plainInk.get(code) ?? []), c.coreInk / usual]);
    }
  }
  const marked = measured.flatMap((line) => {
    const { row, grid, plain, cells, usual } = line;
    const elsewhere = (column: number) =>
      median(plainInk.get(STATE_GRID[row * COLUMNS + column] ?? '') ?? []);
    // The grid's other copies on the page, where this row's codes stand too.
    const copies = measured.filter((other) => other !== line && other.row === row);
    const beyondCopies = (column: number) =>
      copies.length ? Math.min(...copies.map((copy) => inkBeyondCopy(image, grid, copy.grid, column))) : 0;
    return markedCells(image, grid, plain, cells, usual, elsewhere, beyondCopies).map((mark) => ({
      ...mark,
      row,
    }));
  });
  // A circle round a code of the next row or the row before may cross the foot or the top of this
  // code: its ink over the code is the circle's, not a stroke through the code.
  const circles = marked.filter((m) => m.how === 'circled');
  const underCircle = (m: (typeof marked)[number]) =>
    m.how === 'struck' &&
    circles.some(
      (c) =>
        c.row !== m.row &&
        overlaps(c.bbox, m.bbox) &&
        Math.abs(middleX(c.bbox) - middleX(m.bbox)) < (m.bbox[2] - m.bbox[0]) / 2,
    );
  for (const { row, column, bbox, ratio } of marked.filter((m) => !underCircle(m))) {
    const inCell = (w: Word) => {
      const cx = (w.bbox[0] + w.bbox[2]) / 2;
      const cy = (w.bbox[1] + w.bbox[3]) / 2;
      return cx >= bbox[0] && cx <= bbox[2] && cy >= bbox[1] && cy <= bbox[3];
    };
    const code = STATE_GRID[row * COLUMNS + column];
    if (!code) continue;
    out = out.filter((w) => !inCell(w));
    // A blot the pixels took for a filled box is this mark, not a box of the next code.
    kept = kept.filter((b) => !inCell({ text: '', bbox: b.bbox, confidence: 0 }));
    out.push({ text: markedCode(code), bbox, confidence: Math.min(1, 0.5 + (ratio - MARKED)) });
  }
  return { words: out, boxes: kept };
}

/** Whether two boxes share a pixel. */
function overlaps(a: Bbox, b: Bbox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** The x of a box's middle. */
function middleX(box: Bbox): number {
  return (box[0] + box[2]) / 2;
}

/**
 * The columns of a grid row whose marks left too few of its codes read plainly to fit its own
 * ("m1 COND [A] ks) kvl ... [MS] [MO]"), from the nearest row of the same grid that has them: a
 * grid's rows share their columns, their height and their spacing. Its own codes read plainly
 * must stand in them; null when there is no such row.
 */
function borrowedColumns(
  row: number,
  line: readonly Known[],
  lines: ReadonlyArray<{ row: number; line: readonly Known[]; grid: Grid | null }>,
  own: Grid | null = null,
): Grid | null {
  if (line.length === 0) return null;
  const top = median(line.map((c) => c.word.bbox[1]));
  const bottom = median(line.map((c) => c.word.bbox[3]));
  const height = bottom - top;
  // The grid's four rows stand within a few rows' height of each other.
  const near = lines
    .flatMap((l) => (l.grid !== null && l.row !== row ? [{ row: l.row, grid: l.grid }] : []))
    .map((l) => ({ ...l, apart: Math.abs(l.grid.top - top) }))
    .filter((l) => l.apart <= height * GRID_ROWS_APART)
    .sort((a, b) => a.apart - b.apart);
  const nearest = near[0];
  if (!nearest) return null;
  const fits = line.every(
    (c) =>
      Math.abs(nearest.grid.left + nearest.grid.step * c.column - (c.word.bbox[0] + c.word.bbox[2]) / 2) <=
      nearest.grid.step * 0.3,
  );
  if (!fits) return null;
  // A row whose own codes fit columns of their own, too close together to place the far ones,
  // keeps its own height.
  if (own) return { ...nearest.grid, top: own.top, bottom: own.bottom };
  // A code read plainly in a circle may have the circle's box: where two other rows of the grid
  // give its rows' spacing, the row stands that far on from the nearest, as tall; else it is as
  // tall about its own codes' middle.
  const tall = nearest.grid.bottom - nearest.grid.top;
  const spacing = (l: (typeof near)[number]) => (l.grid.top - nearest.grid.top) / (l.row - nearest.row);
  // (A row of another copy of the grid on the page stands many rows' spacing off.)
  const other = near.find(
    (l) => l.row !== nearest.row && spacing(l) >= tall && spacing(l) <= tall * ROW_SPACING_MOST,
  );
  if (!other) {
    const middle = median(line.map((c) => (c.word.bbox[1] + c.word.bbox[3]) / 2));
    return { ...nearest.grid, top: Math.round(middle - tall / 2), bottom: Math.round(middle + tall / 2) };
  }
  const pitch = spacing(other);
  const at = Math.round(nearest.grid.top + pitch * (row - nearest.row));
  return { ...nearest.grid, top: at, bottom: at + tall };
}

/** How far apart, in a code's height, two rows of one states grid stand at most. */
const ROW_SPACING_MOST = 3;

/** How far apart, in a code's height, the first and last rows of one states grid stand at most. */
const GRID_ROWS_APART = 12;

/** The codes of one grid row that stand on one line of the page (a form may print the grid twice). */
function visualLines(cells: readonly Known[]): Known[][] {
  const lines: Known[][] = [];
  for (const cell of [...cells].sort((a, b) => a.word.bbox[1] - b.word.bbox[1])) {
    const mid = (cell.word.bbox[1] + cell.word.bbox[3]) / 2;
    const h = cell.word.bbox[3] - cell.word.bbox[1];
    const line = lines.find((l) => {
      const first = l[0]?.word.bbox ?? cell.word.bbox;
      return Math.abs((first[1] + first[3]) / 2 - mid) < h;
    });
    if (line) line.push(cell);
    else lines.push([cell]);
  }
  return lines;
}

interface Grid {
  /** Each column's middle: x = left + step * column. */
  left: number;
  step: number;
  top: number;
  bottom: number;
  /** The usual width of a code read plainly ("[CA]"). */
  codeWidth: number;
}

/**
 * The row's columns, from the codes read plainly, by least squares; null when too few were read or
 * they do not stand evenly spaced in form order.
 */
function fitColumns(line: readonly Known[]): Grid | null {
  const columns = new Set(line.map((c) => c.column));
  if (columns.size < 4 || columns.size !== line.length) return null;
  const xs = line.map((c) => (c.word.bbox[0] + c.word.bbox[2]) / 2);
  const ks = line.map((c) => c.column);
  const n = line.length;
  const mk = ks.reduce((s, k) => s + k, 0) / n;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  let sxy = 0;
  let sxx = 0;
  ks.forEach((k, i) => {
    sxy += (k - mk) * ((xs[i] ?? 0) - mx);
    sxx += (k - mk) ** 2;
  });
  const step = sxx > 0 ? sxy / sxx : 0;
  if (step <= 0) return null;
  const left = mx - step * mk;
  const worst = Math.max(...ks.map((k, i) => Math.abs(left + step * k - (xs[i] ?? 0))));
  if (worst > step * 0.3) return null;
  // The row's codes as tall as a code: OCR may box a code twice its height ("[IN]" 59 pixels high
  // among codes of 30, with nothing round it), and the row would reach into the rows above and
  // below, their codes taken for strokes over its own.
  const height = (c: Known) => c.word.bbox[3] - c.word.bbox[1];
  const least = Math.min(...line.map(height));
  const tight = line.filter((c) => height(c) <= least * TIGHT_CODE);
  return {
    left,
    step,
    top: median(tight.map((c) => c.word.bbox[1])),
    bottom: median(tight.map((c) => c.word.bbox[3])),
    codeWidth: median(line.map((c) => c.word.bbox[2] - c.word.bbox[0])),
  };
}

/** A code boxed up to this many times as tall as the row's least tall code is boxed as tall as it is. */
const TIGHT_CODE = 1.25;

/**
 * Whether a row's codes read plainly span half its columns or more: the columns fitted to codes
 * side by side at one end of the row ("[AZ] [AR] [CA] [CO]") may stand a good way off at the other.
 */
function spansRow(line: readonly Known[]): boolean {
  const columns = line.map((c) => c.column);
  return Math.max(...columns) - Math.min(...columns) >= COLUMNS / 2;
}

/** A marked cell of a grid row, and how it is marked. */
interface Mark {
  column: number;
  bbox: Bbox;
  ratio: number;
  how: 'circled' | 'struck' | 'blotted';
}

interface Cell {
  column: number;
  bbox: Bbox;
  /** The ink above, below, left and right of the code, within the cell. */
  sides: number[];
  /** The ink left and right of the code at its middle half's height, where a circle is widest. */
  flanks: number[];
  /** The ink over the code's own box. */
  coreInk: number;
  /** The ink over the code's box that is solid through a square wider than a stroke. */
  solid: number;
}

/** Each cell of a grid row: its box, and the ink over its code and round it. */
function measureCells(image: PageImage, grid: Grid): Cell[] {
  const h = grid.bottom - grid.top;
  const half = grid.codeWidth / 2 + 2;
  const reach = Math.round(h * 0.45);
  return Array.from({ length: COLUMNS }, (_, column) => {
    const cx = grid.left + grid.step * column;
    const [x0, x1] = [Math.round(cx - grid.step * 0.42), Math.round(cx + grid.step * 0.42)];
    const [c0, c1] = [Math.round(cx - half), Math.round(cx + half)];
    const [y0, y1] = [grid.top - 2, grid.bottom + 2];
    const sides = [
      inkIn(image, [x0, y0 - reach, x1, y0 - 1], INK),
      inkIn(image, [x0, y1 + 1, x1, y1 + reach], INK),
      inkIn(image, [x0, y0, c0 - 1, y1], INK),
      inkIn(image, [c1 + 1, y0, x1, y1], INK),
    ];
    const quarter = Math.round(h * 0.25);
    const flanks = [
      inkIn(image, [x0, y0 + quarter, c0 - 1, y1 - quarter], INK),
      inkIn(image, [c1 + 1, y0 + quarter, x1, y1 - quarter], INK),
    ];
    const bbox: Bbox = [x0, y0 - reach, x1, y1 + reach];
    return {
      column,
      bbox,
      sides,
      flanks,
      coreInk: inkIn(image, [c0, y0, c1, y1], INK),
      solid: solidInk(image, [c0, y0, c1, y1], Math.max(2, Math.round(h * 0.12))),
    };
  });
}

/**
 * The cells of a grid row with a mark around their code: ink in the cell beyond the code's own
 * box (a row's codes are all about as wide and tall), on at least three of its four sides, as a
 * circle has, or a code blotted out; a plain cell has paper there. Ink every cell of the row
 * whose code OCR read plainly has there (a rule under the grid) is the row's, and does not count;
 * nor does a mark on the next row reaching into one side. Beside the code, a circle is looked for
 * at the code's middle height: a circle round the next row's code reaches the foot of this cell's
 * left and right sides too. A code struck through (a cross, a scribble, a tick) OCR could not
 * read has more ink over it than the row's usual code and than the same code read plainly in the
 * grid's other copies on the page (`elsewhere`: its ink against their rows' usual code's, 0 when
 * no copy has it plain). `usual`: the ink over this row's usual code.
 */
function markedCells(
  image: PageImage,
  grid: Grid,
  plain: ReadonlySet<number>,
  cells: readonly Cell[],
  usual: number,
  elsewhere: (column: number) => number,
  beyondCopies: (column: number) => number,
): Mark[] {
  const h = grid.bottom - grid.top;
  if (usual === 0) return [];
  // Each side's ink, less what the row's usual cell has on that side: the usual cell of those
  // whose codes OCR read plainly, which no circle hides, where a row has most of its codes marked.
  const unmarked = cells.filter((c) => plain.has(c.column));
  const usualCells = unmarked.length >= 2 ? unmarked : cells;
  const baseline = [0, 1, 2, 3].map((k) => median(usualCells.map((c) => c.sides[k] ?? 0)));
  const flankBaseline = [0, 1].map((k) => median(usualCells.map((c) => c.flanks[k] ?? 0)));
  return cells.flatMap((c): Mark[] => {
    const extra = c.sides.map((ink, k) => Math.max(0, ink - (baseline[k] ?? 0)));
    // A circle passes beside the code at its middle; a circle round a code of the next row or the
    // row before reaches only the top or the foot of this cell's sides.
    const flanked = c.flanks.map((ink, k) => Math.max(0, ink - (flankBaseline[k] ?? 0)));
    // (The flanks are half as tall as the sides: they ask half as much ink.)
    const inked =
      [extra[0], extra[1]].filter((ink) => (ink ?? 0) >= Math.max(3, h / 4)).length +
      flanked.filter((ink) => ink >= Math.max(3, h / 8)).length;
    const ratio = extra.reduce((sum, ink) => sum + ink, 0) / usual;
    if (inked >= 3 && ratio >= MARKED) return [{ column: c.column, bbox: c.bbox, ratio, how: 'circled' }];
    const own = c.coreInk / usual;
    // A tick drawn over the code: its long arm rises above it into paper. A cross or a scribble
    // kept within the code has more ink over it than the same code in another copy of the grid.
    // (A row with ink above its usual code, a stain, a bleed or circles round it, tells neither.)
    const clean = (baseline[0] ?? 0) < h;
    const rises = (extra[0] ?? 0) >= h * TICK_RISE;
    const copy = elsewhere(c.column);
    if (!plain.has(c.column) && own >= TICKED && clean && (rises || (copy > 0 && own >= copy * STRUCK)))
      return [{ column: c.column, bbox: c.bbox, ratio: MARKED, how: 'struck' }];
    // A stroke across the code's letters that a copy of the code elsewhere on the page does not
    // have, whatever its ink adds up to (a typed X, a tick's foot, a scribble), and however OCR
    // read the code.
    if (beyondCopies(c.column) >= STRUCK_BEYOND_COPY)
      return [{ column: c.column, bbox: c.bbox, ratio: MARKED, how: 'struck' }];
    // A blot or a fill laid over the code: ink solid through a square wider than any stroke of a
    // letter, over a good share of the code, or a smaller blot (a square pressed on a corner of
    // the code) solid through half the code's height.
    const blot = c.solid / usual;
    return blot >= BLOTTED || largestSquare(image, c.bbox) >= h * BLOT_SQUARE
      ? [{ column: c.column, bbox: c.bbox, ratio: MARKED + blot, how: 'blotted' }]
      : [];
  });
}

/**
 * The pixels of a box that are ink with ink all round them `radius` pixels away: a letter's
 * strokes are thinner than that, a blot is not.
 */
function solidInk(image: PageImage, [x0, y0, x1, y1]: Bbox, radius: number): number {
  const ink = (x: number, y: number) => inkAt(image, x, y);
  let count = 0;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      if (
        ink(x, y) &&
        ink(x - radius, y) &&
        ink(x + radius, y) &&
        ink(x, y - radius) &&
        ink(x, y + radius) &&
        ink(x - radius, y - radius) &&
        ink(x + radius, y + radius) &&
        ink(x - radius, y + radius) &&
        ink(x + radius, y - radius)
      )
        count++;
    }
  }
  return count;
}

/** The side of the largest square of ink in a box, in pixels. */
function largestSquare(image: PageImage, box: Bbox): number {
  const [x0, y0, x1, y1] = box.map(Math.round) as Bbox;
  const width = x1 - x0 + 1;
  // The side of the largest square of ink whose bottom right corner is each pixel of a row.
  let above = new Int32Array(width);
  let row = new Int32Array(width);
  let best = 0;
  for (let y = y0; y <= y1; y++) {
    for (let i = 0; i < width; i++) {
      row[i] = inkAt(image, x0 + i, y) ? 1 + Math.min(above[i] ?? 0, row[i - 1] ?? 0, above[i - 1] ?? 0) : 0;
      best = Math.max(best, row[i] ?? 0);
    }
    [above, row] = [row, above];
  }
  return best;
}

/** Whether the pixel is ink; outside the page is paper. */
function inkAt(image: PageImage, x: number, y: number): boolean {
  return (
    x >= 0 && y >= 0 && x < image.width && y < image.height && (image.data[y * image.width + x] ?? 255) < INK
  );
}

/**
 * The ink over a code's letters in one copy of the grid that the same code in another copy, laid
 * over it at the shift that fits best, has nowhere within a pixel: a mark's strokes. As a share of
 * the other copy's ink over its letters; the brackets are left out, where scan damage gathers
 * and no mark is drawn alone.
 */
function inkBeyondCopy(image: PageImage, grid: Grid, copy: Grid, column: number): number {
  const half = Math.round(grid.codeWidth * LETTERS_HALF_WIDTH);
  const width = 2 * half + 1;
  const height = Math.round(grid.bottom - grid.top) + 1;
  const [x0, y0] = [Math.round(grid.left + grid.step * column) - half, Math.round(grid.top)];
  // The copy's ink grown by a pixel, over its window and as far round it as a shift reaches.
  const [w, h] = [width + 2 * SHIFT, height + 2 * RISE];
  const [cx0, cy0] = [Math.round(copy.left + copy.step * column) - half - SHIFT, Math.round(copy.top) - RISE];
  const near = new Uint8Array(w * h);
  let copyInk = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (!inkAt(image, cx0 + x, cy0 + y)) continue;
      if (x >= SHIFT && x < w - SHIFT && y >= RISE && y < h - RISE) copyInk++;
      for (let ny = Math.max(0, y - 1); ny <= Math.min(h - 1, y + 1); ny++)
        for (let nx = Math.max(0, x - 1); nx <= Math.min(w - 1, x + 1); nx++) near[ny * w + nx] = 1;
    }
  }
  if (copyInk === 0) return 0;
  const own: number[] = [];
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) if (inkAt(image, x0 + x, y0 + y)) own.push(y * w + x);
  let fewest = own.length;
  for (let sy = 0; sy <= 2 * RISE; sy++) {
    for (let sx = 0; sx <= 2 * SHIFT; sx++) {
      const offset = sy * w + sx;
      let beyond = 0;
      for (const at of own) if (!near[at + offset] && ++beyond >= fewest) break;
      fewest = Math.min(fewest, beyond);
    }
  }
  return fewest / copyInk;
}

/** The half width of a code's letters, as a share of the code's width with its brackets. */
const LETTERS_HALF_WIDTH = 0.32;

/** How far, in pixels, one copy of a code may stand off where its row's columns put it. */
const SHIFT = 4;

/**
 * ...and above or below where its row's top puts it: a row's top is its codes' tops read plainly,
 * which a circle's or a bracket's box read with them may raise by a few pixels.
 */
const RISE = 8;
