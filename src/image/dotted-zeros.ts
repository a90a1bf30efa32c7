import type { Word } from '../ingest/lines.js';
import type { PageImage } from '../ingest/pages/page-image.js';
import { type Component, label } from './components.js';

/** A word of figures and separators only, with a figure OCR may have read for a dotted zero. */
const FIGURES = /^\$?[\d,.\-/]*[689][\d,.\-/]*$/;

/**
 * Figures that are zeros typed with a dot at their centre, which OCR reads as 6, 8 or 9 ("31,565,300"
 * for 31,505,300; "11,952.18" for 11,952.10), put back as zeros. A typewriter's or a monospaced
 * font's dotted zero is a ring with a speck of ink alone in the middle of its one hole; an 8 has two
 * holes, a 6 and a 9 one in a half of the figure, and none of them ink standing alone inside. The
 * word's glyphs are found as pieces of ink as tall as a figure, and matched in order to its figures
 * (and a dollar sign or a slash); a word whose glyphs do not match them one to one (two figures run
 * together) is left as read. A short word of letters OCR made of such zeros alone ("A") is read as
 * the zeros it is, unsurely. On a heavy page the dot runs into the ring's sides ("θ"), a ring
 * barred across like an 8: where the page's zeros are so, a 6 or a 9 so shaped is a zero, unsurely.
 */
export function mendDottedZeros(image: PageImage, words: readonly Word[]): Word[] {
  // Looked at only for a page with a 6 or a 9 to put back.
  let barredPage: boolean | undefined;
  const barredZeros = () => {
    barredPage ??= zerosAreBarred(image, words);
    return barredPage;
  };
  return words.map((word) => {
    if (LETTERS.test(word.text)) return lettersForZeros(image, word);
    if (!FIGURES.test(word.text)) return word;
    // Figures, the dollar sign and a slash stand as tall as each other; separators are short.
    const tall = [...word.text].filter((ch) => TALL.test(ch));
    // The gray that joins a dot to its ring on a heavy or blurred scan is ink at one threshold and
    // paper at a darker one: a figure is a dotted zero at any threshold its word's glyphs match at.
    const zeros = tall.flatMap((ch, i) => (ch === '0' ? [i] : []));
    const dotted = new Set<number>();
    const matched = matchedGlyphs(image, word, tall.length);
    for (const glyphs of matched) {
      // A typist's zeros are all alike: where a zero OCR read plainly falls on a glyph with no dot,
      // the glyphs found at this threshold are not the word's figures one to one (a figure broken
      // in two, two run together).
      if (glyphs.some((g) => g.dotted) && zeros.some((i) => !glyphs[i]?.dotted)) continue;
      glyphs.forEach((glyph, i) => {
        if (glyph.dotted) dotted.add(i);
      });
    }
    // A heavy dotted zero read as a 6 or a 9, on a page whose zeros are so: a ring barred across at
    // some threshold, with the bowl of the figure read at none (a 9 whose tail ran into its bowl
    // at the darkest threshold has its bowl at the others). An 8 is barred too, and left as read.
    const barred = new Set(
      tall.flatMap((ch, i) => {
        const bowl = ch === '6' ? 'lower' : ch === '9' ? 'upper' : null;
        if (!bowl || !matched.some((g) => g[i]?.barred) || matched.some((g) => g[i]?.bowl === bowl))
          return [];
        return [i];
      }),
    );
    if (barred.size > 0 && !barredZeros()) barred.clear();
    let glyph = 0;
    let guessed = false;
    const text = [...word.text]
      .map((ch) => {
        if (!TALL.test(ch)) return ch;
        const i = glyph++;
        if (dotted.has(i) && /[689]/.test(ch)) return '0';
        if (barred.has(i)) {
          guessed = true;
          return '0';
        }
        return ch;
      })
      .join('');
    if (text === word.text) return word;
    return { ...word, text, confidence: guessed ? Math.min(word.confidence, BARRED_AT) : word.confidence };
  });
}

/** A 6 or a 9 put back as a barred zero is at most this sure: its shape is an 8's too. */
const BARRED_AT = 0.75;

/** The glyphs of a word at each threshold where they match its figures one to one. */
function matchedGlyphs(image: PageImage, word: Word, figures: number): Glyph[][] {
  const crop = wordCrop(image, word, false);
  if (!crop) return [];
  return DEPTHS.map((depth) => figureGlyphs(crop, depth)).filter(
    (glyphs): glyphs is Glyph[] => glyphs !== null && glyphs.length === figures,
  );
}

/** A word of figures with a zero OCR read plainly. */
const WITH_ZERO = /^\$?[\d,.\-/]*0[\d,.\-/]*$/;

/** The least number of a page's zeros read plainly that must be barred rings, and their least share. */
const BARRED_ZEROS_AT_LEAST = 2;
const BARRED_ZEROS_SHARE = 1 / 2;

/**
 * Whether the zeros OCR read plainly on the page are rings barred across (a dotted zero whose heavy
 * ink ran its dot into its sides) at some threshold their word's glyphs match at, half of them or
 * more: the page's typist wrote its zeros so, and its 6s and 9s of that shape are zeros misread.
 * (Zeros of a plain face are never barred.)
 */
function zerosAreBarred(image: PageImage, words: readonly Word[]): boolean {
  let barred = 0;
  let plain = 0;
  for (const word of words) {
    if (!WITH_ZERO.test(word.text)) continue;
    const tall = [...word.text].filter((ch) => TALL.test(ch));
    const matched = matchedGlyphs(image, word, tall.length);
    if (matched.length === 0) continue;
    tall.forEach((ch, i) => {
      if (ch !== '0') return;
      if (matched.some((g) => g[i]?.barred)) barred++;
      else plain++;
    });
  }
  return barred >= BARRED_ZEROS_AT_LEAST && barred >= (barred + plain) * BARRED_ZEROS_SHARE;
}

const TALL = /[\d$/]/;

/** A short word with no figure: what OCR may make of a dotted zero alone ("A", "MA", "@"). */
const LETTERS = /^[^\d\s]{1,3}$/u;

/** A dotted zero OCR read as letters is put back at no more than this confidence. */
const LETTERS_AS_ZEROS_AT = 0.6;

/**
 * A short word OCR read as letters, all of whose glyphs are dotted zeros at some threshold: the
 * zeros they are, unsurely. A letter has no speck of ink alone in the middle of its one hole. A
 * zero typed onto its underline loses the foot of its ring with the line: one glyph alone is
 * looked at with the line kept too, which closes the ring.
 */
function lettersForZeros(image: PageImage, word: Word): Word {
  for (const keepLine of [false, true]) {
    const crop = wordCrop(image, word, keepLine);
    for (const depth of DEPTHS) {
      const glyphs = crop && figureGlyphs(crop, depth);
      if (glyphs === null || glyphs.length === 0 || !glyphs.every((g) => g.dotted)) continue;
      if (keepLine && glyphs.length !== 1) continue;
      const confidence = Math.min(word.confidence, LETTERS_AS_ZEROS_AT);
      return { ...word, text: '0'.repeat(glyphs.length), confidence };
    }
  }
  return word;
}

/** Thresholds tried, as shares of the way from the ink's core to the paper. */
const DEPTHS = [0.4, 0.25, 0.15];

/** A word's box as gray values, with the gray of its ink's core and of its paper. */
interface WordCrop {
  values: Uint8Array;
  width: number;
  height: number;
  ink: number;
  paper: number;
  /** Whether the line the figures were typed on is kept (else its rows are left out). */
  keepLine: boolean;
}

/**
 * A word's box, a pixel wider all round; null where it is too small or holds no clear ink. Its
 * ink and paper are the grays at a low and a high quantile of its pixels, read from a histogram
 * once for the thresholds tried.
 */
function wordCrop(image: PageImage, word: Word, keepLine: boolean): WordCrop | null {
  const [bx0, by0, bx1, by1] = word.bbox.map(Math.round) as [number, number, number, number];
  // OCR's box for a glyph on its line may stop at the line: with the line kept, the box is grown
  // to take the whole glyph.
  const grow = keepLine ? Math.max(1, Math.round((by1 - by0) * 0.3)) : 1;
  const x0 = Math.max(0, bx0 - 1);
  const y0 = Math.max(0, by0 - grow);
  const x1 = Math.min(image.width - 1, bx1 + 1);
  const y1 = Math.min(image.height - 1, by1 + grow);
  const width = x1 - x0 + 1;
  const height = y1 - y0 + 1;
  if (width < 4 || height < 8) return null;
  const values = new Uint8Array(width * height);
  const histogram = new Uint32Array(256);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = image.data[(y0 + y) * image.width + x0 + x] ?? 255;
      values[y * width + x] = v;
      histogram[v] = (histogram[v] ?? 0) + 1;
    }
  }
  // The gray at a quantile: the value the sorted pixels hold at that place.
  const quantile = (q: number) => {
    const at = Math.floor(values.length * q);
    let seen = 0;
    for (let v = 0; v < 256; v++) {
      seen += histogram[v] ?? 0;
      if (seen > at) return v;
    }
    return 255;
  };
  const ink = quantile(0.03);
  const paper = quantile(0.9);
  if (paper - ink < 60) return null;
  return { values, width, height, ink, paper, keepLine };
}

/**
 * The figure-sized pieces of ink in a word's box at a threshold, left to right, each with whether
 * it is a dotted zero; null where the box holds no clear ink.
 */
function figureGlyphs(crop: WordCrop, depth: number): Glyph[] | null {
  const { values, width, height, ink, paper, keepLine } = crop;
  const threshold = ink + (paper - ink) * depth;
  const inked = new Uint8Array(width * height);
  for (let i = 0; i < values.length; i++) inked[i] = (values[i] ?? 255) < threshold ? 1 : 0;
  // A row inked nearly across the box is the line the figures were typed on, not part of them.
  for (let y = 0; y < height && !keepLine; y++) {
    let count = 0;
    for (let x = 0; x < width; x++) count += inked[y * width + x] ?? 0;
    if (count > width * 0.8) inked.fill(0, y * width, (y + 1) * width);
  }
  const { labels, components } = label(inked, width, height);
  const tallest = Math.max(0, ...components.slice(1).map((p) => p.y1 - p.y0 + 1));
  if (tallest < 6) return null;
  // Label 0 is paper: a glyph is a piece's label.
  const glyphs = components
    .flatMap((p, id) => (id > 0 && p.y1 - p.y0 + 1 >= tallest * 0.55 ? [id] : []))
    .sort((a, b) => (components[a]?.x0 ?? 0) - (components[b]?.x0 ?? 0));
  return glyphs.map((id) => {
    const glyph = components[id] as Component;
    if (glyph.x1 - glyph.x0 + 1 < 5 || glyph.y1 - glyph.y0 + 1 < 8)
      return { dotted: false, barred: false, bowl: null };
    const holes = holesOf(id, labels, components, width);
    return { dotted: isDottedZero(id, holes, components), ...holeShape(glyph, holes) };
  });
}

interface Glyph {
  /** A ring with a speck alone in the middle of its hole: a dotted zero. */
  dotted: boolean;
  /** A ring its middle barred across, two holes one above the other: an 8, or a heavy dotted zero. */
  barred: boolean;
  /** One hole, in the upper half (a 9's) or the lower (a 6's); null for any other holes. */
  bowl: 'upper' | 'lower' | null;
}

/** The most of a dotted zero's width and height its dot spans. */
const DOT_AT_MOST = 0.35;

/** The most of its bounds a ring's round hole fills (an ellipse fills π/4 of them). */
const ROUND_HOLE_FILLS = 0.9;

/** The least share of its ring's ink a dotted zero's dot has. */
const DOT_AT_LEAST = 0.025;

/**
 * Whether a figure's ink is a ring with one hole through most of its height and width, and a speck
 * of ink standing alone in the middle of that hole.
 */
function isDottedZero(id: number, large: readonly Component[], pieces: readonly Component[]): boolean {
  const glyph = pieces[id] as Component;
  const w = glyph.x1 - glyph.x0 + 1;
  const h = glyph.y1 - glyph.y0 + 1;
  if (large.length !== 1) return false;
  const hole = large[0] as Component;
  if (hole.y1 - hole.y0 + 1 < h * 0.55 || hole.x1 - hole.x0 + 1 < w * 0.35) return false;
  // A ring's hole is round: a box's (a comb's cell, a letter inside) fills its bounds.
  if (hole.area > (hole.x1 - hole.x0 + 1) * (hole.y1 - hole.y0 + 1) * ROUND_HOLE_FILLS) return false;
  const cx = (glyph.x0 + glyph.x1) / 2;
  const cy = (glyph.y0 + glyph.y1) / 2;
  // The ink inside the hole: one speck alone, not a letter inside a box's walls (a comb's cell),
  // whole or broken into pieces.
  const within = pieces.filter(
    (dot, other) =>
      other !== 0 &&
      other !== id &&
      dot.area >= 3 &&
      dot.x0 >= glyph.x0 + hole.x0 &&
      dot.x1 <= glyph.x0 + hole.x1 &&
      dot.y0 >= glyph.y0 + hole.y0 &&
      dot.y1 <= glyph.y0 + hole.y1,
  );
  const dot = within[0];
  if (within.length !== 1 || dot === undefined) return false;
  if (dot.x1 - dot.x0 + 1 > w * DOT_AT_MOST || dot.y1 - dot.y0 + 1 > h * DOT_AT_MOST) return false;
  // Nor the last speck left of a faint letter at a dark threshold: a dot is a stroke's weight.
  if (dot.area < glyph.area * DOT_AT_LEAST) return false;
  return Math.abs((dot.x0 + dot.x1) / 2 - cx) <= w * 0.2 && Math.abs((dot.y0 + dot.y1) / 2 - cy) <= h * 0.2;
}

/**
 * A glyph's holes of a few pixels or more: paper (and other pieces' ink) inside its box that no
 * path reaches from the box's edge without crossing its ink. In the glyph's own coordinates.
 */
function holesOf(id: number, labels: Int32Array, pieces: readonly Component[], stride: number): Component[] {
  const glyph = pieces[id] as Component;
  const w = glyph.x1 - glyph.x0 + 1;
  const h = glyph.y1 - glyph.y0 + 1;
  const notOwn = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++)
      notOwn[y * w + x] = labels[(glyph.y0 + y) * stride + glyph.x0 + x] === id ? 0 : 1;
  }
  return label(notOwn, w, h, true)
    .components.slice(1)
    .filter((hole) => hole.x0 > 0 && hole.y0 > 0 && hole.x1 < w - 1 && hole.y1 < h - 1 && hole.area >= 4);
}

/** The least share of the larger of a barred ring's two holes the smaller has. */
const HOLES_ALIKE = 0.5;

/**
 * A figure's holes: whether its ink is a ring barred across its middle (two holes of a size, one in
 * its upper half and one in its lower, each about the glyph's middle: an 8, or a dotted zero whose
 * heavy ink ran its dot into the ring's sides, "θ"), or has one hole in one half (a 9's bowl
 * above, a 6's below).
 */
function holeShape(glyph: Component, holes: readonly Component[]): Pick<Glyph, 'barred' | 'bowl'> {
  const w = glyph.x1 - glyph.x0 + 1;
  const h = glyph.y1 - glyph.y0 + 1;
  const middle = (hole: Component) => (hole.y0 + hole.y1) / 2;
  const [only] = holes;
  if (holes.length === 1 && only && only.y1 - only.y0 + 1 < h * 0.55) {
    return { barred: false, bowl: middle(only) < h / 2 ? 'upper' : 'lower' };
  }
  if (holes.length !== 2) return { barred: false, bowl: null };
  const [upper, lower] = [...holes].sort((a, b) => a.y0 - b.y0) as [Component, Component];
  const centred = (hole: Component) => Math.abs((hole.x0 + hole.x1) / 2 - (w - 1) / 2) <= w * 0.2;
  // They are of a size: a 9 whose tail curls back into its stem has a small second hole low down.
  const alike = Math.min(upper.area, lower.area) >= Math.max(upper.area, lower.area) * HOLES_ALIKE;
  const barred = centred(upper) && centred(lower) && alike && middle(upper) < h / 2 && middle(lower) > h / 2;
  return { barred, bowl: null };
}
