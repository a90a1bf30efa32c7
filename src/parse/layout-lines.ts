import type { CheckBox } from '../image/check-boxes.js';
import { median } from '../image/median.js';
import type { Rulings } from '../image/ruling-lines.js';
import type { TextLine, Word } from '../ingest/lines.js';
import { shareInside, unionBbox } from '../record/bbox.js';
import type { Bbox } from '../record/schema.js';
import { CHECKED, isMarkedCode, normalizeCheckMarks, UNCHECKED } from './check-marks.js';

/**
 * Turns a page's OCR words into lines that read like a transcription: each box of the form (the
 * cells its printed rules enclose) is read on its own, top to bottom, so a label is followed by
 * its own value even when the form sets two fields side by side. Check boxes found in the pixels
 * stand in the lines as ☒ / ☐ where they are printed.
 */
export function layoutLines(
  words: readonly Word[],
  boxes: readonly CheckBox[],
  rulings: Rulings,
  page: number,
): TextLine[] {
  const marks: Word[] = boxes.map((b) => ({
    text: b.checked ? CHECKED : UNCHECKED,
    bbox: b.bbox,
    confidence: b.confidence,
  }));
  // OCR's reading of a box's outline ("[]", "[J", "O") is not text, nor is its reading of a
  // stretch of a vertical rule: a sliver several lines tall would draw rows together.
  const typical = median(words.map(height));
  const text = words.filter(
    (w) =>
      !boxes.some((b) => covers(b.bbox, w.bbox)) &&
      !boxReadAsText(w, boxes) &&
      !ruleSliver(w.bbox, typical) &&
      !hairline(w) &&
      !flatLetters(w, typical) &&
      !scribble(w, typical) &&
      !readWithin(w, words, typical),
  );
  const all = [...text, ...marks];
  const bounds = clearOfText(rulings, text, typical);

  const cells = new Map<string, { key: number[]; words: Word[] }>();
  for (const word of all) {
    const key = cellOf(word.bbox, bounds);
    const id = key.join(',');
    const cell = cells.get(id) ?? { key, words: [] };
    cell.words.push(word);
    cells.set(id, cell);
  }
  // Boxes top to bottom, then left to right. Boxes under the same top rule and after the same left
  // rule differ in how far right they reach: a vertical rule (a stamp's border, a divider begun
  // below the box's top) bounds some of its rows and not the others. Their rows are read together,
  // top to bottom, as the rows of one box.
  const groups = new Map<string, Word[][]>();
  const ordered = [...cells.values()].sort(
    (a, b) => (a.key[0] ?? 0) - (b.key[0] ?? 0) || (a.key[2] ?? 0) - (b.key[2] ?? 0),
  );
  for (const cell of ordered) {
    const id = `${cell.key[0]},${cell.key[2]}`;
    groups.set(id, [...(groups.get(id) ?? []), ...rowsOf(cell.words, typical)]);
  }
  // A row's place is its text's top: a comb's letter typed taller than the text beside it (a label
  // of two lines) rises above the row, and would set it before the line above.
  const top = (row: Word[]) => {
    const text = row.filter((w) => height(w) <= typical * TALLER_THAN_TEXT);
    return Math.min(...(text.length ? text : row).map((w) => w.bbox[1]));
  };
  const lines: TextLine[] = [];
  for (const rows of groups.values()) {
    for (const row of [...rows].sort((a, b) => top(a) - top(b)))
      lines.push(toLine(row, page, lines.length + 1));
  }
  return lines;
}

/**
 * The vertical rules with each end that lies within a row of text drawn out past it: a stamp's
 * border that begins a few pixels into a row ("Filing Under ... ☐ ULOE" beside a "PROCESSED"
 * stamp) bounds all of the row's words, rather than its taller words and not its shorter ones,
 * which would part the row into two boxes. The rows are the words OCR read well at the text's
 * height: a word half as tall again (a scribble, or a word run into a stamp) is no row.
 */
function clearOfText(rulings: Rulings, words: readonly Word[], typical: number): Rulings {
  const rows = words.filter((w) => height(w) <= typical * 1.5 && w.confidence >= 0.5);
  const vertical = rulings.vertical.map((rule) => {
    let { from, to } = rule;
    for (let moved = true; moved; ) {
      moved = false;
      for (const { bbox } of rows) {
        if (bbox[1] < from && from < bbox[3]) {
          from = bbox[1];
          moved = true;
        }
        if (bbox[1] < to && to < bbox[3]) {
          to = bbox[3];
          moved = true;
        }
      }
    }
    return { ...rule, from, to };
  });
  return { ...rulings, vertical };
}

/** The enclosing rules of a word: [top, bottom, left, right] in pixels (-1 / Infinity when none). */
function cellOf([x0, y0, x1, y1]: Bbox, rulings: Rulings): number[] {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  let top = -1;
  let bottom = Number.POSITIVE_INFINITY;
  for (const r of rulings.horizontal) {
    if (cx < r.from || cx > r.to) continue;
    if (r.at <= cy && r.at > top) top = r.at;
    if (r.at > cy && r.at < bottom) bottom = r.at;
  }
  let left = -1;
  let right = Number.POSITIVE_INFINITY;
  // A vertical rule bounds a word it stands beside for any of the word's middle half: one that
  // begins or ends within a row of text (a stamp's border) would otherwise bound the row's taller
  // words and not its shorter ones, and part the row into two boxes.
  const inset = (y1 - y0) / 4;
  for (const r of rulings.vertical) {
    if (r.from > y1 - inset || r.to < y0 + inset) continue;
    if (r.at <= cx && r.at > left) left = r.at;
    if (r.at > cx && r.at < right) right = r.at;
  }
  return [top, bottom, left, right];
}

/**
 * Words on one baseline form a row: a word joins the row its middle falls within. `typical` is
 * the height of the page's words.
 */
function rowsOf(words: Word[], typical: number): Word[][] {
  // Marks shorter than half the text (a dash for zero, a point) join the rows the text makes: one
  // whose middle lies above a row's words' middles would begin a row of its own, a band a few
  // pixels high that the words beside it miss. (A speck OCR read as a letter stays apart.)
  const short = (w: Word) => height(w) < typical / 2 && !/[\p{L}\p{N}]/u.test(w.text);
  const tall = (w: Word) => height(w) > typical * TALLER_THAN_TEXT;
  const sorted = [...words].sort(
    (a, b) => Number(short(a)) - Number(short(b)) || a.bbox[1] + a.bbox[3] - (b.bbox[1] + b.bbox[3]),
  );
  const rows: Array<{ y0: number; y1: number; words: Word[] }> = [];
  for (const w of sorted) {
    const cy = (w.bbox[1] + w.bbox[3]) / 2;
    const row = rows.find((r) => cy >= r.y0 && cy <= r.y1);
    if (row) {
      // A word more than twice as tall as the page's text (a comb's typed letter beside a label of
      // two lines) joins a row of text without widening its band: widened, the band would draw in
      // the line below, and the two lines' words would interleave. A row begun by a speck takes
      // its band from the word.
      row.words.push(w);
      if (tall(w) && row.y1 - row.y0 >= typical / 2) continue;
      // Nor by more than half a line: a box OCR drew far taller than its letters ("Purchasers" down
      // to the instruction under it) would draw in the line below, and the check box beside that.
      const reach = typical / 2;
      row.y0 = Math.min(row.y0, Math.max(w.bbox[1], row.y0 - reach));
      row.y1 = Math.max(row.y1, Math.min(w.bbox[3], row.y1 + reach));
    } else {
      const h = height(w);
      // A check box is taller than the text beside it: its band is the text's.
      const pad = h * 0.15;
      rows.push({ y0: w.bbox[1] + pad, y1: w.bbox[3] - pad, words: [w] });
    }
  }
  // A word far taller than the text that joined a row it stands apart from (an amount's first
  // figures OCR boxed down to the underline they were typed on, their middle within the label's
  // row above, the row of the amount's other figures begun after them) is of the row of the word
  // it stands against, where its middle lies within that row's band.
  for (const row of rows) {
    for (const w of row.words.filter(tall)) {
      if (row.words.some((o) => o !== w && against(w, o, typical))) continue;
      const cy = (w.bbox[1] + w.bbox[3]) / 2;
      const own = rows.find(
        (r) => r !== row && cy >= r.y0 && cy <= r.y1 && r.words.some((o) => against(w, o, typical)),
      );
      if (!own) continue;
      row.words.splice(row.words.indexOf(w), 1);
      own.words.push(w);
    }
  }
  for (let i = rows.length - 1; i >= 0; i--) if (rows[i]?.words.length === 0) rows.splice(i, 1);
  // A value typed high beside its row (its middle above the row's band, the band begun by the
  // value) is of that row where the two bands share half the lower one's height and the value
  // stands clear to the right of all the row's words; a speck's letters ("Co" a third of a line
  // high, above a label) are no value. So are a table row's figures typed high ("34 <tab> 57,307"
  // above "Accredited Investors <tab> s"), among its printed words but over none of them, where
  // the words themselves (not the bands, narrower) share half the lower row's height.
  for (let merged = true; merged; ) {
    merged = false;
    for (const row of rows) {
      if (Math.max(...row.words.map(height)) < typical * 0.6) continue;
      const left = Math.min(...row.words.map((w) => w.bbox[0]));
      const beside = rows.find(
        (other) =>
          other !== row &&
          ((Math.max(...other.words.map((w) => w.bbox[2])) < left &&
            Math.min(row.y1, other.y1) - Math.max(row.y0, other.y0) >=
              Math.min(row.y1 - row.y0, other.y1 - other.y0) / 2) ||
            figuresAmongRow(row.words, other.words)),
      );
      if (!beside) continue;
      beside.words.push(...row.words);
      beside.y0 = Math.min(beside.y0, row.y0);
      beside.y1 = Math.max(beside.y1, row.y1);
      rows.splice(rows.indexOf(row), 1);
      merged = true;
      break;
    }
  }
  // Left to right; a box and a word that OCR began on the box or its edge (its label, with the
  // box's outline read as a quote or a bracket: "\"Common"): the box first, and the word without
  // the marks it made of the outline.
  const isMark = (w: Word) => w.text === CHECKED || w.text === UNCHECKED;
  return rows
    .sort((a, b) => a.y0 - b.y0)
    .map((r) => {
      const marks = r.words.filter(isMark);
      const words = r.words.map((w) => {
        if (isMark(w)) return { word: w, x: w.bbox[0] };
        const box = marks.find(
          (m) =>
            w.bbox[0] < m.bbox[2] &&
            w.bbox[2] > m.bbox[2] &&
            w.bbox[0] >= m.bbox[0] - (m.bbox[2] - m.bbox[0]) / 2,
        );
        if (!box) return { word: w, x: w.bbox[0] };
        const text = w.text.replace(/^[“”"'‘’|[\](){}]+(?=\p{L})/u, '');
        return { word: text === w.text ? w : { ...w, text }, x: box.bbox[0] + 0.5 };
      });
      return words
        .sort((a, b) => a.x - b.x || Number(isMark(b.word)) - Number(isMark(a.word)))
        .map((e) => e.word);
    });
}

/**
 * Whether a row of typed figures stands among another row's words: each of them a figure, an
 * amount or the accountant's "-0-", the other's first word (its label) left of them all, none of
 * them over a word of the other, and the words of both sharing half the lower row's height.
 */
function figuresAmongRow(figures: readonly Word[], row: readonly Word[]): boolean {
  if (!figures.every((w) => /^(?:\$?[\d,.]*\d[\d,.]*|-0-)$/.test(w.text))) return false;
  const extent = (words: readonly Word[]) => [
    Math.min(...words.map((w) => w.bbox[1])),
    Math.max(...words.map((w) => w.bbox[3])),
  ];
  const [a0 = 0, a1 = 0] = extent(figures);
  const [b0 = 0, b1 = 0] = extent(row);
  const over = figures.some((f) => row.some((w) => f.bbox[0] < w.bbox[2] && w.bbox[0] < f.bbox[2]));
  return (
    !over &&
    Math.min(...row.map((w) => w.bbox[0])) < Math.min(...figures.map((w) => w.bbox[0])) &&
    Math.min(a1, b1) - Math.max(a0, b0) >= Math.min(a1 - a0, b1 - b0) / 2
  );
}

/** Whether a word stands against another on its left or right, beside it and no more than half a line apart. */
function against(w: Word, other: Word, typical: number): boolean {
  const gap = Math.max(other.bbox[0] - w.bbox[2], w.bbox[0] - other.bbox[2]);
  const shared = Math.min(w.bbox[3], other.bbox[3]) - Math.max(w.bbox[1], other.bbox[1]);
  return gap >= -1 && gap <= typical / 2 && shared > 0;
}

/** A word this many times as tall as the page's text is no line of text (a comb's typed letter). */
const TALLER_THAN_TEXT = 2.2;

function height(w: Word): number {
  return w.bbox[3] - w.bbox[1];
}

function toLine(words: Word[], page: number, line: number): TextLine {
  let text = '';
  const placed: Word[] = [];
  let prev: Word | undefined;
  // How far right the words so far reach: a speck OCR read inside a word ends short of it.
  let reach = Number.NEGATIVE_INFINITY;
  for (const w of words) {
    if (prev) {
      const gap = w.bbox[0] - reach;
      // Measured by the taller of the two words: a speck's height is no measure of the text's gaps.
      const height = Math.max(prev.bbox[3] - prev.bbox[1], w.bbox[3] - w.bbox[1], 1);
      // A wide gap between words is a column gap: a tab, as transcriptions write it.
      text += gap > height * 4 ? '\t' : ' ';
    }
    reach = Math.max(reach, w.bbox[2]);
    // Boxes typed or read as text ("[X]", "Yes[X]") become marks like the ones found in the pixels;
    // a grid code the page stage marked stays one word.
    const wordText = isMarkedCode(w.text)
      ? w.text
      : normalizeCheckMarks(w.text).replace(/\s+/g, ' ').trim() || w.text;
    placed.push({ ...w, text: wordText, start: text.length });
    text += wordText;
    prev = w;
  }
  const bbox = unionBbox(words.map((w) => w.bbox));
  const confidence = words.reduce((s, w) => s + w.confidence, 0) / Math.max(words.length, 1);
  return { text, line, page, bbox, confidence, words: placed };
}

/** A "word" three lines tall and narrower than half its height: a piece of a rule OCR read. */
function ruleSliver([x0, y0, x1, y1]: Bbox, typical: number): boolean {
  const height = y1 - y0;
  return typical > 0 && height > typical * 3 && x1 - x0 < height / 2;
}

/**
 * A short word OCR read with no confidence at all round a check box ("15" for a checked box's cross
 * and the "$" after it): the box's ink read as figures, not text. Where OCR is at all sure of such
 * a word, it is kept (a zero typed against its box, read with it), and so is a label's word (a
 * role's "Beneficial" read with its box).
 */
function boxReadAsText(w: Word, boxes: readonly CheckBox[]): boolean {
  return (
    w.confidence < NO_CONFIDENCE &&
    [...w.text].length <= 3 &&
    boxes.some((b) => shareInside(b.bbox, w.bbox) > 0.5)
  );
}

/** OCR's confidence below which a word round a check box is the box's ink. */
const NO_CONFIDENCE = 0.1;

/**
 * A "word" more than three lines tall, read unsurely: a signature's scribble or a stamp OCR read as
 * letters ("(Toms", "MoV Vn"). Set on the row of the typed name beside it, it ran on into the name.
 * Figures are typed: an amount read again with the underline's pieces under its figures in its box
 * ("21,340,000.00," at 0.43) is text, however tall its box.
 */
function scribble(w: Word, typical: number): boolean {
  return (
    typical > 0 &&
    w.bbox[3] - w.bbox[1] > typical * 3 &&
    w.confidence < SCRIBBLE_CONFIDENCE &&
    !/\d.*\d/.test(w.text)
  );
}

/** OCR's confidence below which a word more than three lines tall is no text. */
const SCRIBBLE_CONFIDENCE = 0.5;

/**
 * A word OCR read a second time inside a word it read surely, a line's height: a piece of the
 * same ink, such as the foot of an amount's figures over its underline ("180." inside
 * "1.180.570", which ran on into the amount as 1,180,570,180), or a speck inside a word. Its
 * letters and figures are some of the other's. A "word" taller than a line and a half is two
 * lines read as one, and a word whose box OCR stretched over the words after it ("Name" over
 * "Name of Offering") has other letters than theirs: their words are no pieces of it.
 */
function readWithin(w: Word, words: readonly Word[], typical: number): boolean {
  const area = ([x0, y0, x1, y1]: Bbox) => (x1 - x0) * (y1 - y0);
  const own = alphanumerics(w.text);
  return words.some(
    (other) =>
      other !== w &&
      other.confidence >= SURELY_READ &&
      height(other) <= typical * 1.5 &&
      area(w.bbox) <= area(other.bbox) * 0.7 &&
      shareInside(w.bbox, other.bbox) >= 0.9 &&
      alphanumerics(other.text).includes(own),
  );
}

/** A word's letters and figures, lower-cased. */
function alphanumerics(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** A word read this surely is the reading of its ink. */
const SURELY_READ = 0.85;

/**
 * A hairline OCR read as a dash with no confidence at all: a speck of a rule or of dirt, a pixel or
 * two high, no dash typed for zero (which is a stroke's height, and read with some confidence). Set
 * on a row of its own under a table's last row, it ran into that row's amount.
 */
function hairline(w: Word): boolean {
  return w.confidence < HAIRLINE_CONFIDENCE && w.bbox[3] - w.bbox[1] <= 2 && /^[-–—_.]+$/.test(w.text);
}

/**
 * Letters or figures OCR read in a strip a few pixels high ("So", "o" along a dot leader's dots):
 * no character is under a third of the text's height; a row of dots or a piece of a rule is, and
 * read as a "$0" it would put a zero before a row's amounts.
 */
function flatLetters(w: Word, typical: number): boolean {
  return typical > 0 && w.bbox[3] - w.bbox[1] < typical * 0.3 && /[\p{L}\p{N}]/u.test(w.text);
}

/** OCR's confidence below which a hairline dash is taken for a speck. */
const HAIRLINE_CONFIDENCE = 0.05;

/** Most of the word lies inside the box. */
function covers(box: Bbox, word: Bbox): boolean {
  return shareInside(word, box) > 0.5;
}
