import { label } from '../image/components.js';
import { inkIn, localInk } from '../image/ink-in.js';
import { median } from '../image/median.js';
import type { Word } from '../ingest/lines.js';
import type { PageImage } from '../ingest/pages/page-image.js';
import { ocrRegion } from '../ocr/ocr-region.js';
import type { OcrPool } from '../ocr/pool.js';
import { shareInside, unionBbox } from '../record/bbox.js';
import type { Bbox } from '../record/schema.js';

/** Words read at least this surely are the page's print: their height is the line's. */
const SURE = 0.85;

/** A word on the print's row read this surely marks where the row stands. */
const PLACED = 0.5;

/** How far below the baseline a descender reaches, as a share of the print's height. */
const DESCENDER = 0.4;

/**
 * Typing reaches at least this far below the print's baseline, as a share of the print's height:
 * any less is the print's descenders.
 */
const TYPED_BELOW = 0.55;

/** A word this much taller than the print, read this unsurely, spans two rows run together. */
const TWO_ROWS = 1.7;
const UNSURE_BELOW = 0.6;

/** What a row read again is kept at: its words' mean confidence. */
const KEEP_AT = 0.5;

/** Words of a second reading below this are specks (a descender's foot cut off above). */
const SPECK_BELOW = 0.3;

/**
 * Typing parted from the print it rises into may keep pieces of the print it touches, or lose
 * pieces of its own: each word of its reading must be this sure.
 */
const PARTED_SURE = 0.6;

/**
 * Reads again the rows OCR's page pass ran together: a value typed so close under a printed line
 * (C.4.b's amount under "adjusted gross proceeds to the issuer.") that its figures touch the
 * print, which OCR then reads with the print as one row of tall words it is unsure of. Such words
 * are found by their height, twice the print's or so; the print's baseline is taken from the
 * words of its height beside them on its row. The typing may run on under print OCR read alone:
 * its span is followed in the ink under the print's descenders. What lies below the baseline is
 * read again with the print above it whitened, and what lies above it with the typing below
 * whitened; each reading that is sure enough, and not of words the page pass read already, stands
 * for the run-together words.
 */
export async function readTypedOverPrint(
  image: PageImage,
  words: readonly Word[],
  pool: OcrPool,
): Promise<Word[]> {
  const print = printHeight(words);
  if (print === null) return [...words];
  const tall = words.filter((w) => w.confidence < UNSURE_BELOW && height(w.bbox) >= print * TWO_ROWS);
  const dropped = new Set<Word>();
  const found: Word[] = [];
  for (const run of runsOf(tall, print)) {
    const box = unionOf(run);
    // The print's row: words of its height beside the run, their tops at its top, read well enough
    // to place.
    const row = words.filter(
      (w) =>
        w.confidence >= PLACED &&
        height(w.bbox) <= print * 1.3 &&
        Math.abs(w.bbox[1] - box[1]) <= print * 0.3 &&
        Math.max(w.bbox[0] - box[2], box[0] - w.bbox[2]) <= print * 10,
    );
    if (row.length === 0) continue;
    const baseline = median(row.map((w) => w.bbox[3]));
    const top = median(row.map((w) => w.bbox[1]));
    if (box[3] - baseline < print * TYPED_BELOW) continue;
    // The typing runs on under the print beside the run, where OCR read the print alone.
    const from = baseline + Math.round(print * DESCENDER);
    const [x0, x1] = typedSpan(image, box, from, print);
    // A reading of what the page pass read already (a printed row under a signature's scrawl) is
    // no reading of the run.
    const inRun = new Set(run);
    const fresh = (read: Word[] | null) =>
      (read ?? []).filter((w) => !words.some((o) => !inRun.has(o) && shareInside(w.bbox, o.bbox) >= 0.5));
    const printBand: Bbox = [box[0], top, box[2], baseline];
    // Typing under the print is read in the rows below the print's baseline. Typing that rises
    // into the print, or meets its descenders, is cut by no row: its figures are the pieces of ink
    // that reach below the print's descenders, read with the rest of the ink made paper, and the
    // print is read with those pieces made paper.
    let below: Word[] = [];
    let printed = image;
    if (box[3] - baseline >= print * 0.8)
      below = fresh(await readBand(image, [x0, baseline + 1, x1, box[3]], 'above', pool));
    if (below.length === 0) {
      const parted = partTyping(image, [x0, top - Math.round(print * 0.5), x1, box[3]], from, print);
      if (parted === null) continue;
      below = fresh(await readBand(parted.typing, parted.typed, 'above', pool, PARTED_SURE));
      if (below.length === 0) continue;
      printed = parted.print;
    }
    const above = fresh(await readBand(printed, printBand, 'below', pool));
    for (const w of run) dropped.add(w);
    // Pieces of the typing the page pass read on their own are read again with it.
    for (const w of words) if (below.some((b) => shareInside(w.bbox, b.bbox) >= 0.5)) dropped.add(w);
    found.push(...below, ...above);
  }
  return [...words.filter((w) => !dropped.has(w)), ...found];
}

/**
 * One band of run-together rows read on its own, the ink beyond its `whiten` edge (which the
 * crop's margin takes in) made paper; null when what is read is not sure enough, or holds a word
 * read less surely than `least`.
 */
async function readBand(
  image: PageImage,
  band: Bbox,
  whiten: 'above' | 'below',
  pool: OcrPool,
  least = SPECK_BELOW,
): Promise<Word[] | null> {
  const pad = 12;
  const again = await ocrRegion(image, band, {
    pool,
    pad,
    prepare: (crop) => {
      const data = Buffer.from(crop.data);
      const rows = whiten === 'above' ? [0, pad] : [crop.height - pad, crop.height];
      data.fill(255, (rows[0] ?? 0) * crop.width, (rows[1] ?? 0) * crop.width);
      return { ...crop, data };
    },
  });
  const kept = again.words.filter((w) => w.confidence >= SPECK_BELOW && /[\p{L}\p{N}]/u.test(w.text));
  if (kept.length === 0 || kept.some((w) => w.confidence < least)) return null;
  const mean = kept.reduce((sum, w) => sum + w.confidence, 0) / kept.length;
  return mean >= KEEP_AT ? kept : null;
}

/**
 * The columns the typing under a run spans: from the run's, on to either side while ink lies
 * under the print's descenders (`from` down to the run's foot) with gaps no wider than a word's.
 */
function typedSpan(image: PageImage, box: Bbox, from: number, print: number): [number, number] {
  const inked = (x: number) => inkIn(image, [x, from, x, box[3]], INK) > 0;
  const gap = Math.round(print * 2);
  const reach = (start: number, step: 1 | -1): number => {
    let last = start;
    for (let x = start + step, blank = 0; x >= 0 && x < image.width && blank <= gap; x += step) {
      if (inked(x)) {
        last = x;
        blank = 0;
      } else blank++;
    }
    return last;
  };
  return [reach(box[0], -1), reach(box[2], 1)];
}

/** Darker than this is ink. */
const INK = 128;

/**
 * A region's ink parted into typing and print: the pieces of ink (8-connected) that reach below
 * `from` are the typing, with any print they touch. `typing` is the page with the region's other
 * ink made paper, `print` the page with the typing's made paper, and `typed` the box round the
 * typing; null when no piece reaches below `from`.
 */
function partTyping(
  image: PageImage,
  region: Bbox,
  from: number,
  printHeight: number,
): { typing: PageImage; print: PageImage; typed: Bbox } | null {
  const { mask: ink, box: clipped, width, height } = localInk(image, region, INK);
  if (width === 0 || height === 0) return null;
  const [x0, y0, x1, y1] = clipped;
  const { labels, components } = label(ink, width, height);
  const typed = new Set<number>();
  for (const [i, c] of components.entries()) if (i > 0 && c.y1 + y0 > from) typed.add(i);
  if (typed.size === 0) return null;
  // A piece may be a figure and the print it touches: the typing stands no higher than its
  // figures' height above their foot (the median piece's, marks too small to be figures aside).
  const figures = [...typed].flatMap((i) => {
    const c = components[i];
    return c && c.y1 - c.y0 + 1 >= printHeight * 0.5 ? [c] : [];
  });
  const typedTop = figures.length
    ? median(figures.map((c) => c.y1)) - median(figures.map((c) => c.y1 - c.y0 + 1))
    : 0;
  // Each piece's gray edge goes with it: a pixel a step from the typing's ink is the typing's.
  const nearTyped = new Uint8Array(width * height);
  let box: Bbox = [x1, y1, x0, y0];
  for (let y = Math.max(0, typedTop); y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!typed.has(labels[y * width + x] ?? 0)) continue;
      box = [
        Math.min(box[0], x0 + x),
        Math.min(box[1], y0 + y),
        Math.max(box[2], x0 + x),
        Math.max(box[3], y0 + y),
      ];
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++)
          if (y + dy >= 0 && y + dy < height && x + dx >= 0 && x + dx < width)
            nearTyped[(y + dy) * width + x + dx] = 1;
    }
  }
  const typing = Buffer.from(image.data);
  const print = Buffer.from(image.data);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y0 + y) * image.width + x0 + x;
      if (nearTyped[y * width + x]) print[at] = 255;
      else typing[at] = 255;
    }
  }
  return { typing: { ...image, data: typing }, print: { ...image, data: print }, typed: box };
}

/** The height of the page's print: the median of its sure words'; null on a page with none. */
function printHeight(words: readonly Word[]): number | null {
  const sure = words.filter((w) => w.confidence >= SURE && /^\p{L}{3,}/u.test(w.text));
  return sure.length === 0 ? null : median(sure.map((w) => height(w.bbox)));
}

/** Tall words side by side on one row, in runs: each run is the run-together rows of one place. */
function runsOf(tall: readonly Word[], print: number): Word[][] {
  const runs: Word[][] = [];
  for (const word of [...tall].sort((a, b) => a.bbox[0] - b.bbox[0])) {
    const run = runs.find((r) => {
      const box = unionOf(r);
      const overlap = Math.min(box[3], word.bbox[3]) - Math.max(box[1], word.bbox[1]);
      return word.bbox[0] - box[2] <= print * 3 && overlap >= height(word.bbox) * 0.5;
    });
    if (run) run.push(word);
    else runs.push([word]);
  }
  return runs;
}

function height(b: Bbox): number {
  return b[3] - b[1] + 1;
}

/** The box round a run's words (a run has one at least). */
function unionOf(words: readonly Word[]): Bbox {
  return unionBbox(words.map((w) => w.bbox)) as Bbox;
}
