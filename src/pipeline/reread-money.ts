import { piecesOf } from '../image/components.js';
import { localInk } from '../image/ink-in.js';
import { median } from '../image/median.js';
import type { Word } from '../ingest/lines.js';
import type { PageImage } from '../ingest/pages/page-image.js';
import { MONEY_WHITELIST, ocrRegion } from '../ocr/ocr-region.js';
import type { OcrPool } from '../ocr/pool.js';
import { DIGIT_FOR_LETTER } from '../parse/money-cells.js';
import { shareInside, unionBbox } from '../record/bbox.js';
import { parseMoney } from '../record/money.js';
import type { Bbox } from '../record/schema.js';

/** Below this a word that looks like an amount is read again. */
const REREAD_BELOW = 0.85;

/**
 * Digits with the separators, a dollar sign and the letters OCR puts for them (a 1 with a speck
 * on its flag or foot read as an L too).
 */
const MONEY_LIKE = /^[$sS§_]*[\d,.\-OoIlL|:;'’]*\d[\d,.\-OoIlL|$_:;'’]*$/;

/**
 * Reads again, as one line with only digits and separators allowed, each amount that OCR read
 * unsurely, or whose box leaves a figure's ink beside it uncovered (tesseract can drop an edge
 * figure and still rate the rest sure: "25,066" read "5,066" at 0.96). The new reading replaces
 * the old only when it is a well-formed amount read with more confidence, or, over a dropped
 * figure, one with more figures. Adjacent pieces of one amount ("1$,41 ,070.99") are read as one;
 * so are bare figures read surely in three pieces or more, their separators lost, which keep the
 * reading whole where it is the same figures, and pieces that make no amount together (a
 * separator read as a mark between them, "10,473 3 - 452", or the last figures garbled,
 * "14,599. A41"), which take a well-formed reading of the whole read surely enough. `image` is
 * the page OCR read, its rules erased; `withRules`, where given, the page with them, read last.
 */
export async function rereadMoney(
  image: PageImage,
  words: readonly Word[],
  pool: OcrPool,
  withRules?: PageImage,
): Promise<Word[]> {
  const groups = moneyGroups(words).flatMap((amount) => {
    const lead = unreadLead(words, amount);
    const over = garbledOver(words, amount).filter((w) => !lead?.includes(w));
    const start = Math.min(...amount.map((w) => w.bbox[0]));
    const group = [
      ...(lead ?? []),
      ...over.filter((w) => w.bbox[0] < start),
      ...amount,
      ...over.filter((w) => w.bbox[0] >= start),
    ];
    // The figures' rows are most pieces' rows: a piece OCR drew up into the print above ("37,9
    // 44,960. 45", the middle one's box twice as tall) would put that print in the reading.
    const [x0, , x1] = unionBbox(group.map((w) => w.bbox)) as Bbox;
    const box: Bbox = [x0, median(group.map((w) => w.bbox[1])), x1, median(group.map((w) => w.bbox[3]))];
    const clipped = uncoveredFigureBeside(image, box, words);
    const unsure = Math.min(...group.map((w) => w.confidence)) < REREAD_BELOW;
    return unsure || clipped || inPieces(group)
      ? [{ group, box: clipped ?? box, clipped: clipped !== null, led: lead !== null }]
      : [];
  });
  if (groups.length === 0) return [...words];
  const replaced = new Map<Word, Word[]>();
  for (const { group, box, clipped, led } of groups) {
    const others = words.filter((w) => !group.includes(w));
    const height = box[3] - box[1];
    const wider: Bbox = [
      box[0] - Math.round(height * 0.4),
      box[1],
      box[2] + Math.round(height * 0.4),
      box[3],
    ];
    const before = Math.min(...group.map((w) => w.confidence));
    const digits = (text: string) => text.replace(/\D/g, '');
    const read = group.map((w) => w.text).join('');
    const digitsBefore = digits(read);
    // Pieces of one amount that make no amount together take a well-formed reading of the whole.
    const bare = read.replace(/^[$_]+/, '');
    const noAmount = group.length > 1 && separated(group) && !WELL_FORMED.test(bare);
    // A mark among the figures that is no separator and no letter OCR reads for a figure.
    const marks = [...bare].filter((ch) => !/[\d,.\s-]/.test(ch) && !DIGIT_FOR_LETTER[ch]);
    // First as OCR reads any line, then with only money's characters allowed: tesseract rates a
    // reading it was held to a whitelist for unsurely ("$0.00" at 0.00 where it read it freely at
    // 0.88), so the free reading is tried first. Last, the page with its rules, where there is
    // one: figures typed onto an underline lose their feet with it ("4.595.000.M0"), whole beside
    // it; but the rule runs into the figures there too, and its reading must agree with the page
    // pass's figure for figure.
    const readings = [
      { from: image, whitelist: undefined, ruled: false },
      { from: image, whitelist: MONEY_WHITELIST, ruled: false },
      ...(withRules ? [{ from: withRules, whitelist: MONEY_WHITELIST, ruled: true }] : []),
    ];
    for (const { from, whitelist, ruled } of readings) {
      const again = await ocrRegion(from, wider, { pool, whitelist, singleLine: true, pad: 8 });
      // The crop's margin may take in an underscore or a speck beside the amount: no part of it. Nor
      // is a word read before beside it, read again there ("$" read "5" before "2,111,127.90").
      const kept = again.words.filter(
        (w) => (MONEY_LIKE.test(w.text) || w.text === '$') && !readBeside(w, box, others),
      );
      if (kept.length === 0) continue;
      const confidence = Math.min(...kept.map((w) => w.confidence));
      const text = kept.map((w) => w.text).join('');
      // Nor is a speck after the cents, read as a comma or a point ("2,102,000.00,").
      const amount = text.replace(/^[$_]+/, '').replace(/([.,]\d{2})[,.]+$/, '$1');
      if (parseMoney(amount) === null || (ruled && !figuresAgree(read, text))) continue;
      // A reading whose separators make no amount lost a figure ("3,261" read again "3,.61").
      const better =
        (confidence > before && WELL_FORMED.test(amount)) ||
        (clipped && digits(text).length > digitsBefore.length && confidence >= FOUND_FIGURE_AT) ||
        (inPieces(group) &&
          WELL_FORMED.test(amount) &&
          digits(text) === digitsBefore &&
          confidence >= FOUND_FIGURE_AT) ||
        (noAmount && WELL_FORMED.test(amount) && confidence >= FOUND_FIGURE_AT) ||
        // A figure the page pass read as a mark ("1,4%0,779.16") makes no amount: a well-formed
        // reading with a figure for each mark, that agrees with it figure for figure, stands for
        // it, however unsurely OCR rates a reading held to money's characters.
        (marks.length > 0 &&
          WELL_FORMED.test(amount) &&
          digits(text).length === digitsBefore.length + marks.length &&
          figuresAgree(read, text)) ||
        // The page pass read the dollar sign as a figure or a letter ("518,847.86"): read again
        // with the sign, and the rest the same, however unsurely.
        (/^\$/.test(text) &&
          /^[5Ss§]/.test(read) &&
          text.slice(1) === read.slice(1) &&
          WELL_FORMED.test(amount));
      // An amount read again with the ink read at nothing before it takes a reading that finds a
      // figure more there, its "$" read as well: a "$" misread is the likeliest figure more
      // ("52,633,364" for 2,633,364).
      const found =
        digits(text).length > digitsBefore.length && again.words.some((w) => w.text.includes('$'));
      if (!better || (led && !found)) continue;
      group.forEach((w, i) => {
        replaced.set(w, i === 0 ? kept : []);
      });
      break;
    }
  }
  return words.flatMap((w) => replaced.get(w) ?? [w]).map((w) => withoutPhantomFigure(image, w));
}

/** A word read again in the margin beside an amount's box, on a word the page pass read there. */
function readBeside(word: Word, box: Bbox, others: readonly Word[]): boolean {
  return shareInside(word.bbox, box) < 0.5 && others.some((o) => shareInside(word.bbox, o.bbox) >= 0.5);
}

/**
 * Whether a reading `again` agrees with the page pass's `read` figure for figure: each figure read
 * stands in it (one may be another figure: the one misread), each separator is a separator, a
 * letter OCR reads for a figure ("n" for 0) is that figure or a speck it leaves out, any other
 * letter or mark a figure or a speck; separators it adds are ones the page pass lost.
 */
export function figuresAgree(read: string, again: string): boolean {
  const a = read.replace(/^[$_]+/, '');
  const b = again.replace(/^[$_]+/, '');
  const seen = new Map<string, boolean>();
  const match = (i: number, j: number, changed: number): boolean => {
    const key = `${i},${j},${changed}`;
    const known = seen.get(key);
    if (known !== undefined) return known;
    const ch = a[i];
    const to = b[j];
    let ok = false;
    if (ch === undefined) ok = to === undefined || (/[,.]/.test(to) && match(i, j + 1, changed));
    else if (/\d/.test(ch))
      ok =
        (to !== undefined &&
          /\d/.test(to) &&
          (to === ch || changed === 0) &&
          match(i + 1, j + 1, changed + (to === ch ? 0 : 1))) ||
        (to !== undefined && /[,.]/.test(to) && match(i, j + 1, changed));
    else if (/[,.]/.test(ch)) ok = to !== undefined && /[,.]/.test(to) && match(i + 1, j + 1, changed);
    else {
      const figure = DIGIT_FOR_LETTER[ch];
      ok =
        (to !== undefined &&
          (figure === undefined ? /\d/.test(to) : to === figure) &&
          match(i + 1, j + 1, changed)) ||
        match(i + 1, j, changed);
    }
    seen.set(key, ok);
    return ok;
  };
  return match(0, 0, 0);
}

/** An amount read less surely than this is looked at for a first figure with no figure's ink. */
const PHANTOM_BELOW = 0.6;

/**
 * An unsure amount without its first figure where that figure's ink is none: specks, or a piece
 * of an underline its erasing left, before the amount's first ink of a figure's height, which OCR
 * read as one more figure ("10.00" for "0.00"). A figure's ink spans most of the figures' height,
 * however faint and broken; the pieces before the first figure-tall ink span less than half of
 * it, and fewer figures of ink stand in the box than the reading has. The word as it is where its
 * first figure has a figure's ink, or where the amount would be no amount without it.
 */
export function withoutPhantomFigure(image: PageImage, word: Word): Word {
  const rest = word.text.slice(1);
  if (
    word.confidence >= PHANTOM_BELOW ||
    !/^\d/.test(word.text) ||
    !/[.,]/.test(word.text) ||
    !/^\d/.test(rest) ||
    !WELL_FORMED.test(rest)
  )
    return word;
  const [x0, y0, x1, y1] = word.bbox;
  const pieces = piecesOf(localInk(image, word.bbox, INK));
  if (pieces.length === 0) return word;
  // The figures' height: that of the taller pieces (a figure's), not of commas, points or specks.
  const heights = pieces.map((c) => c.y1 - c.y0 + 1).sort((a, b) => b - a);
  const figure = heights[Math.floor(heights.length / 4)] ?? 0;
  const tall = pieces.filter((c) => c.y1 - c.y0 + 1 >= figure * 0.6);
  // Where the box holds as many figures of ink as the reading has, each figure read has its ink (a
  // speck before them is none OCR read); figures run together count by their width, a figure's no
  // wider than most of its height (a heavy face runs most of its figures together in pairs).
  const width = Math.min(median(tall.map((c) => c.x1 - c.x0 + 1)), figure * FIGURE_WIDTH_AT_MOST);
  const figures = tall.reduce((n, c) => n + Math.max(1, Math.round((c.x1 - c.x0 + 1) / width)), 0);
  if (figures >= word.text.replace(/\D/g, '').length) return word;
  const first = Math.min(...tall.map((c) => c.x0));
  if (first - x0 < figure * 0.3) return word;
  const rows = new Set<number>();
  for (const c of pieces) if (c.x1 < first) for (let y = c.y0; y <= c.y1; y++) rows.add(y);
  if (rows.size >= figure * 0.45) return word;
  return { ...word, text: rest, bbox: [first, y0, x1, y1] };
}

/**
 * An amount read surely in pieces of bare figures with its separators lost between them ("33 23 6
 * 8 64 00" for 33,236,864.00): three pieces or more, five figures or more. Read again whole, it
 * keeps its reading where that is the same figures, separated as an amount's.
 */
function inPieces(group: readonly Word[]): boolean {
  return (
    group.length >= 3 &&
    group.every((w) => /^\d+$/.test(w.text)) &&
    group.reduce((n, w) => n + w.text.length, 0) >= 5
  );
}

/**
 * A word to read again as an amount: money-like, or figures grouped as an amount's with a letter or
 * a mark or two OCR put for faint figures ("$A,.621.70" for $6,621.70, "5./51,971").
 */
function amountLike(text: string): boolean {
  if (MONEY_LIKE.test(text)) return true;
  const figures = text.replace(/\D/g, '').length;
  const others = text.replace(/[\d,.$\-_]/g, '').length;
  return figures >= 4 && others <= 2 && /[,.]/.test(text) && !/\s/.test(text);
}

/** An amount as typed: figures grouped by threes, perhaps cents; or "-0-". */
const WELL_FORMED = /^(?:\d{1,3}(?:[,.]\d{3})*(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?|-0-)$/;

/** A reading that takes in a figure the page pass dropped is kept at this confidence or more. */
const FOUND_FIGURE_AT = 0.6;

/**
 * Where the ink of a figure stands just left or right of an amount's box, on its line, with no
 * word's box over it: the box widened to take it in; null when there is none. A figure is ink
 * about as tall as the amount (a speck, an underline or a leader's dot is shorter, a comb's wall
 * or a rule taller), within a figure's width of the box.
 */
function uncoveredFigureBeside(image: PageImage, box: Bbox, words: readonly Word[]): Bbox | null {
  const height = box[3] - box[1] + 1;
  if (height < 6) return null;
  const reach = Math.round(height * 0.9);
  const slack = Math.round(height * 0.5);
  const near = words.filter(
    (w) =>
      w.bbox[2] >= box[0] - reach &&
      w.bbox[0] <= box[2] + reach &&
      w.bbox[3] + 2 >= box[1] - slack &&
      w.bbox[1] - 2 <= box[3] + slack,
  );
  const covered = (x: number, y: number) =>
    near.some((w) => x >= w.bbox[0] && x <= w.bbox[2] && y >= w.bbox[1] - 2 && y <= w.bbox[3] + 2);
  const figureAt = (from: number, to: number): [number, number] | null => {
    let x0 = Number.POSITIVE_INFINITY;
    let x1 = Number.NEGATIVE_INFINITY;
    let top = Number.POSITIVE_INFINITY;
    let bottom = Number.NEGATIVE_INFINITY;
    // Rows above and below the amount's too: a comb's wall or a rule runs past them, a figure not.
    for (let x = Math.max(0, from); x <= Math.min(image.width - 1, to); x++) {
      for (let y = Math.max(0, box[1] - slack); y <= Math.min(image.height - 1, box[3] + slack); y++) {
        if ((image.data[y * image.width + x] ?? 255) >= INK || covered(x, y)) continue;
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
    }
    const tall = bottom - top + 1;
    return tall >= height * 0.6 && tall <= height * 1.3 && x1 - x0 + 1 >= 2 ? [x0, x1] : null;
  };
  const left = figureAt(box[0] - reach, box[0] - 1);
  const right = figureAt(box[2] + 1, box[2] + reach);
  if (!left && !right) return null;
  return [left ? left[0] : box[0], box[1], right ? right[1] : box[2], box[3]];
}

/** Darker than this is a figure's ink. */
const INK = 128;

/** A figure is at most this share of its height wide. */
const FIGURE_WIDTH_AT_MOST = 0.7;

/**
 * Runs of money-like words on one baseline with small gaps between them and no other word
 * between. Found by where the words lie, not by their order in the list: a piece read again from
 * missed ink joins the list at its end ("322." before a page pass's "277.20").
 */
function moneyGroups(words: readonly Word[]): Word[][] {
  // A separator read as a mark on its own ("10,473 3 - 452") is a piece of the amount, no word
  // that stands between two: it joins a group, but neither starts nor ends one. So are a few
  // figures read unsurely with a letter ("14,599. A41"), but these may end one.
  // So is a group of three figures with a letter OCR reads for a figure among them, however
  // surely ("1,000 ’ c00" for 1,000,000, its figures typed off their line).
  const garbled = (w: Word) =>
    (w.confidence < GARBLED_BELOW &&
      /^\S{1,4}$/.test(w.text) &&
      (w.text.match(/\d/g) ?? []).length > (w.text.match(/\p{L}/gu) ?? []).length) ||
    figuresWithLookalike(w.text);
  const inAmount = (w: Word) => amountLike(w.text) || LONE_MARK.test(w.text) || garbled(w);
  const others = words.filter((w) => !inAmount(w));
  const groups: Word[][] = [];
  for (const w of words.filter(inAmount).sort((a, b) => a.bbox[0] - b.bbox[0])) {
    const height = Math.max(w.bbox[3] - w.bbox[1], 1);
    const group = groups.find((g) => {
      const prev = g[g.length - 1] as Word;
      // A mark is placed by the figures before it: a comma stands low, a point is a speck high;
      // so is a piece shorter than they are, a comma OCR read as a figure ("155 5 289").
      const h = Math.max(height, prev.bbox[3] - prev.bbox[1]);
      return (
        sameRow(prev, w, h) &&
        w.bbox[0] - prev.bbox[2] <= h * 1.2 &&
        !others.some((o) => sameRow(o, w, h) && o.bbox[0] >= prev.bbox[2] && o.bbox[2] <= w.bbox[0])
      );
    });
    if (group) group.push(w);
    else groups.push([w]);
  }
  // In list order, so that the reading takes the place of the group's first word.
  const order = new Map(words.map((w, i) => [w, i]));
  return groups.flatMap((g) => {
    const first = g.findIndex((w) => amountLike(w.text));
    const last = g.findLastIndex((w) => amountLike(w.text) || garbled(w));
    if (first < 0) return [];
    let group = g.slice(first, last + 1);
    // A garbled word is a piece of an amount only beside figures grouped as an amount's: beside a
    // house number it is a word of the street ("2835 01d Middlefield Way").
    if (!separated(group)) group = group.filter((w) => amountLike(w.text) || LONE_MARK.test(w.text));
    return [group.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))];
  });
}

/**
 * Pieces that show an amount's grouping: a figure with a separator after it, four figures or more
 * in all (no house number with its street's "0ld" beside it, no "5 - 7").
 */
function separated(group: readonly Word[]): boolean {
  const text = group.map((w) => w.text).join(' ');
  return /\d[,.]/.test(text) && text.replace(/\D/g, '').length >= 4;
}

/**
 * The word read at nothing just before an amount, with the separator read between them if any
 * ("so , 040,050.92" for "$ 7,040,050.92"): ink OCR could not read, which may hold the amount's
 * first figure with its "$".
 */
function unreadLead(words: readonly Word[], amount: readonly Word[]): Word[] | null {
  const first = amount.reduce((a, b) => (b.bbox[0] < a.bbox[0] ? b : a));
  const justBefore = (w: Word) => (o: Word) => {
    const h = Math.max(w.bbox[3] - w.bbox[1], o.bbox[3] - o.bbox[1], 1);
    return (
      !amount.includes(o) &&
      sameRow(o, w, h) &&
      o.bbox[0] < w.bbox[0] &&
      o.bbox[2] <= w.bbox[0] + 2 &&
      w.bbox[0] - o.bbox[2] <= h * 1.2
    );
  };
  const mark = words.find((o) => justBefore(first)(o) && LONE_MARK.test(o.text));
  const lead = words.find((o) => justBefore(mark ?? first)(o) && readAtNothing(o) && !amountLike(o.text));
  if (!lead) return null;
  return mark ? [lead, mark] : [lead];
}

/**
 * The words of a few characters OCR read unsurely whose boxes run into an amount's on its row ("="
 * over the 1 of "13,782", the rest read again from ink the page pass garbled): two readings of one
 * ink, since typed words do not overlap. They are read again with the amount.
 */
function garbledOver(words: readonly Word[], amount: readonly Word[]): Word[] {
  const [x0, , x1] = unionBbox(amount.map((w) => w.bbox)) as Bbox;
  return words.filter(
    (o) =>
      !amount.includes(o) &&
      o.confidence < GARBLED_BELOW &&
      /^\S{1,3}$/.test(o.text) &&
      !amountLike(o.text) &&
      ((o.bbox[0] < x0 && o.bbox[2] > x0) || (o.bbox[0] < x1 && o.bbox[2] > x1)) &&
      // On the amount's row and no taller than its figures: a reading OCR boxed down over the
      // rows below ("Ooo" over three cells' zeros) is no piece of this one.
      amount.some((w) => {
        const height = Math.max(w.bbox[3] - w.bbox[1], 1);
        return o.bbox[3] - o.bbox[1] <= height * 1.5 && sameRow(o, w, height);
      }),
  );
}

/** A word of a few characters OCR read at nothing. */
function readAtNothing(w: Word): boolean {
  return w.confidence < NOTHING_BELOW && /^\S{1,3}$/.test(w.text);
}

/** Below this a word is read at nothing. */
const NOTHING_BELOW = 0.05;

/** Below this a short word with more figures than letters is a piece of an amount OCR garbled. */
const GARBLED_BELOW = 0.5;

/**
 * Three figures, one or two of them read as the letters they look like ("c00", "1l5"), perhaps
 * with the separator after them ("0g8,").
 */
function figuresWithLookalike(text: string): boolean {
  const group = text.replace(/[,.]$/, '');
  return (
    /^\S{3}$/.test(group) &&
    /\d/.test(group) &&
    /\D/.test(group) &&
    [...group].every((ch) => /\d/.test(ch) || DIGIT_FOR_LETTER[ch] !== undefined)
  );
}

/** A mark OCR reads for an amount's separator, or a piece of it, standing alone. */
const LONE_MARK = /^[,.\-–—'’_]$/;

function sameRow(a: Word, b: Word, height: number): boolean {
  return Math.abs((a.bbox[1] + a.bbox[3]) / 2 - (b.bbox[1] + b.bbox[3]) / 2) < height * 0.6;
}
