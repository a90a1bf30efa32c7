import type { SKRSContext2D } from '@napi-rs/canvas';
import { afterAll, describe, expect, it } from 'vitest';
import { findCheckBoxes } from '../src/image/check-boxes.js';
import { eraseThinRules } from '../src/image/erase-rules.js';
import { eraseCombs, readPixels } from '../src/image/page-pixels.js';
import type { TextLine, Word } from '../src/ingest/lines.js';
import { MONEY_WHITELIST, OcrPool, ocrPage, ocrRegion } from '../src/ocr/index.js';
import { readMoneyCells } from '../src/parse/money-cells.js';
import { processPageImage } from '../src/pipeline/page-stage.js';
import { emptyCellsAfterDollars, readEmptyCells } from '../src/pipeline/read-empty-cells.js';
import { readMissedInk } from '../src/pipeline/read-missed-ink.js';
import { readTypedOverPrint } from '../src/pipeline/read-typed-over-print.js';
import { rereadCombs } from '../src/pipeline/reread-combs.js';
import { figuresAgree, rereadMoney, withoutPhantomFigure } from '../src/pipeline/reread-money.js';
import { parseMoney } from '../src/record/money.js';
import type { Bbox } from '../src/record/schema.js';
import { draw, FORM_LINES, fixtureImage, textPage, toSharp } from './image-fixtures.js';

const pool = new OcrPool({ size: 2 });
afterAll(() => pool.close());

/** The cents of a laid-out row's dollar cells, read from its first box or "$" on. */
const centsAfter = (line: TextLine, from: '☐' | '$', columns: number) =>
  readMoneyCells(line.text.slice(line.text.indexOf(from)), columns).map((c) => c.cents);

const LINES = [
  'Name of Issuer: Qualys, Inc.',
  'Redwood Shores, CA 94065  Telephone (650) 801-6135',
  'Total Payments Listed  $ 27,701,668.92',
];

function inside(box: readonly number[], area: readonly number[], slack: number): boolean {
  return (
    box[0]! >= area[0]! - slack &&
    box[1]! >= area[1]! - slack &&
    box[2]! <= area[2]! + slack &&
    box[3]! <= area[3]! + slack
  );
}

describe('ocrPage', () => {
  it('reads rendered lines of text, an amount included, with word boxes inside each line', async () => {
    const { image, lines } = textPage(LINES, { height: 700, top: 150 });
    const result = await ocrPage({ ...image, page: 3 }, { pool, firstLine: 10 });
    expect(result.lines.map((l) => l.text.replace(/\s+/g, ' '))).toEqual(
      LINES.map((l) => l.replace(/\s+/g, ' ')),
    );
    expect(result.lines.map((l) => [l.line, l.page])).toEqual([
      [10, 3],
      [11, 3],
      [12, 3],
    ]);
    expect(result.meanConfidence).toBeGreaterThan(0.8);
    result.lines.forEach((line, i) => {
      const drawn = lines[i]!.box;
      expect(inside(line.bbox!, drawn, 6)).toBe(true);
      for (const word of line.words!) {
        expect(inside(word.bbox, drawn, 6)).toBe(true);
        expect(word.confidence).toBeGreaterThan(0.5);
        expect(word.confidence).toBeLessThanOrEqual(1);
      }
    });
    expect(result.words.map((w) => w.text)).toContain('27,701,668.92');
  });
});

describe('ocrRegion', () => {
  it('re-reads a money cell with the digit whitelist on a single line', async () => {
    const { image, lines } = textPage(['Total Payments Listed', '$ 27,701,668.92'], {
      height: 500,
      top: 150,
    });
    const amount = lines[1]!.box;
    const result = await ocrRegion(image, amount, { pool, whitelist: MONEY_WHITELIST, singleLine: true });
    expect(result.text.replace(/\s/g, '')).toBe('$27,701,668.92');
    expect(result.confidence).toBeGreaterThan(0.5);
    for (const word of result.words) expect(inside(word.bbox, amount, 14)).toBe(true);
  });

  it('keeps letters out of a cell read with the whitelist', async () => {
    const { image, lines } = textPage(['Total 1,234.56'], { height: 300, top: 150 });
    const result = await ocrRegion(image, lines[0]!.box, {
      pool,
      whitelist: MONEY_WHITELIST,
      singleLine: true,
    });
    expect(result.text).toMatch(/^[0-9$,.\- ]*$/);
    expect(result.text).toContain('1,234.56');
  });
});

describe('rereadMoney', () => {
  it('reads an unsure amount again, freely first: held to the whitelist, tesseract rates "__ $0.00" at 0', async () => {
    const { image, lines } = textPage(['__ $0.00'], {
      width: 900,
      height: 200,
      top: 100,
      left: 60,
      fontSize: 36,
    });
    // The page pass read the amount, with the underline it was typed on, badly and unsurely.
    const read: Word = { text: '__$0.0O', bbox: lines[0]!.box as Bbox, confidence: 0.1 };
    const words = await rereadMoney(image, [read], pool);
    expect(words.map((w) => w.text).join('')).toBe('$0.00');
    expect(Math.min(...words.map((w) => w.confidence))).toBeGreaterThan(read.confidence);
  });

  it('reads a sure amount again when its box left a figure beside it uncovered ("25,066" read "5,066")', async () => {
    const { image, lines } = textPage(['25,066'], {
      width: 900,
      height: 200,
      top: 100,
      left: 300,
      fontSize: 36,
    });
    const [x0, y0, x1, y1] = lines[0]!.box;
    // The page pass dropped the first figure and rated the rest sure: its box starts at the "5".
    const figure = Math.round((x1 - x0) / 6);
    const read: Word = { text: '5,066', bbox: [x0 + figure + 2, y0, x1, y1], confidence: 0.96 };
    const words = await rereadMoney(image, [read], pool);
    expect(words.map((w) => w.text).join('')).toBe('25,066');
    // An amount whose box covers all its ink is left as read.
    const whole: Word = { text: '25,066', bbox: [x0, y0, x1, y1], confidence: 0.96 };
    expect(await rereadMoney(image, [whole], pool)).toEqual([whole]);
  });

  it("reads an amount typed onto its underline again from the page with the rule, where erasing it took the figures' feet", async () => {
    // A real crop at 200 dpi of C.4.b's "$ 4,595,000.00" in a thin monospaced face, its figures
    // standing on the underline. With the rule erased, their feet went with it: the page pass read
    // "4.595.000.M0" at 0.08, and read again, the crop gives no amount.
    const page = await fixtureImage('figures-on-underline-feet.png', 200);
    const forOcr = eraseThinRules(page);
    const read: Word[] = [
      { text: '$', bbox: [46, 25, 57, 45], confidence: 0.79 },
      { text: '4.595.000.M0', bbox: [82, 22, 307, 45], confidence: 0.08 },
    ];
    expect((await rereadMoney(forOcr, read, pool)).map((w) => w.text)).toEqual(['$', '4.595.000.M0']);
    expect((await rereadMoney(forOcr, read, pool, page)).map((w) => w.text)).toEqual(['$', '4,595,000.00']);
  });

  it('takes a reading of the page with its rules only where it agrees with the page pass figure for figure', () => {
    // Real pairs from generated scans: the page pass's reading, then the ruled page's.
    expect(figuresAgree('4.595.000.M0', '4,595,000.00')).toBe(true);
    expect(figuresAgree('3.128.278.0n0', '3,128,278.00')).toBe(true);
    expect(figuresAgree('8,948,287.72', '8,948,257.72')).toBe(true);
    // A figure lost where the rule ran into it, a zero read "C" now read as a 6.
    expect(figuresAgree('5.865.80n.18', '865,800.18')).toBe(false);
    expect(figuresAgree('47.000.n0', '000.00')).toBe(false);
    expect(figuresAgree('11.019.C0', '11,019.60')).toBe(false);
  });

  it('reads an amount whole that the page pass read in pieces, a separator among them read as a mark', async () => {
    // A real crop at 200 dpi of C.5's "10,433,452", typed onto its underline, the figures' feet
    // gone with the erased line. The page pass read it "10,473 3 - 452", the sure "10,473" taken
    // for the amount; the "-" (a comma) parted the pieces, so none was read again with the others.
    const image = await fixtureImage('amount-read-in-pieces-mark.png', 200);
    const read: Word[] = [
      { text: '10,473', bbox: [98, 26, 220, 61], confidence: 0.72 },
      { text: '3', bbox: [229, 25, 246, 53], confidence: 0.96 },
      { text: '-', bbox: [257, 49, 265, 62], confidence: 0.49 },
      { text: '452', bbox: [281, 25, 351, 60], confidence: 0.88 },
    ];
    const words = await rereadMoney(image, read, pool);
    expect(words.map((w) => w.text)).toEqual(['10,433,452']);
  });

  it('reads an amount whole whose last figures the page pass read as a garbled word ("14,599. A41")', async () => {
    // A real crop at 200 dpi of C.5's "14,599,641": the page pass read its first figures surely
    // enough and the rest as "A41" at 0.18, no amount's word, so the "14,599." stood alone.
    const image = await fixtureImage('amount-end-garbled.png', 200);
    const read: Word[] = [
      { text: '14,599.', bbox: [98, 38, 264, 67], confidence: 0.78 },
      { text: 'A41', bbox: [282, 38, 349, 67], confidence: 0.18 },
    ];
    const words = await rereadMoney(image, read, pool);
    expect(words.map((w) => w.text).join('')).toBe('14,599,641');
  });

  it('reads an amount whole whose comma OCR read as a small figure below the row ("155 5 289")', async () => {
    // A real crop at 300 dpi of C.2's accredited amount, "$ 155,289", typed in a serif face: the
    // page pass read the comma as a "5" at 0.27, its box below the figures' middle.
    const image = await fixtureImage('comma-read-as-figure.png', 300);
    const read: Word[] = [
      { text: '$', bbox: [26, 28, 40, 53], confidence: 0.9 },
      { text: '155', bbox: [196, 18, 259, 53], confidence: 0.96 },
      { text: '5', bbox: [265, 47, 272, 58], confidence: 0.27 },
      { text: '289', bbox: [277, 18, 347, 53], confidence: 0.96 },
    ];
    const words = await rereadMoney(image, read, pool);
    expect(words.map((w) => w.text)).toEqual(['$', '155,289']);
  });

  it('reads again an amount whose dollar sign the page pass read as a 5 ("518,847.86" for "$18,847.86")', async () => {
    // A real crop at 300 dpi of C.4.a's total, typed with its sign, the row's check box erased
    // before OCR: the page pass read the sign as a "5" at 0.49, and the reading again gives the
    // sign and the same figures after it, less surely (0.32).
    const image = await fixtureImage('dollar-read-as-five.png', 300);
    const read: Word = { text: '518,847.86', bbox: [36, 22, 365, 67], confidence: 0.49 };
    const words = await rereadMoney(image, [read], pool);
    expect(words.map((w) => w.text)).toEqual(['$18,847.86']);
  });

  it("reads an amount in pieces again at its figures' height, one piece's box drawn up into the print", async () => {
    // A real crop at 300 dpi of C.4.b's "$ 37,944,960.45" in a bold face, under the instruction's
    // last line: the page pass read it in three pieces, the middle one's box twice as tall, up to
    // the print. Read again that tall, the print's feet made "37,044,960.45" at 0.47.
    const image = await fixtureImage('amount-piece-into-print.png', 300);
    const read: Word[] = [
      { text: 'fumished', bbox: [90, 21, 225, 45], confidence: 0.91 },
      { text: 'in', bbox: [237, 21, 260, 45], confidence: 0.96 },
      { text: '$', bbox: [27, 82, 45, 115], confidence: 0.92 },
      { text: '37,9', bbox: [81, 74, 159, 113], confidence: 0.83 },
      { text: '44,960.', bbox: [155, 55, 294, 117], confidence: 0.79 },
      { text: '45', bbox: [296, 74, 340, 108], confidence: 0.96 },
    ];
    const words = await rereadMoney(image, read, pool);
    expect(words.map((w) => w.text)).toEqual(['fumished', 'in', '$', '37,944,960.45']);
  });

  it('reads no amount out of a house number and the garbled word after it ("2835 01d Middlefield Way")', async () => {
    // A real crop at 300 dpi of A.1's address, typed: the page pass read its "Old" as "01d" at
    // 0.44, more figures than letters, beside the house number. They show no amount's grouping.
    const image = await fixtureImage('house-number-old.png', 300);
    const read: Word[] = [
      { text: '2835', bbox: [31, 33, 131, 64], confidence: 0.95 },
      { text: '01d', bbox: [163, 33, 241, 64], confidence: 0.44 },
      { text: 'Middlefield', bbox: [267, 33, 560, 64], confidence: 0.96 },
      { text: 'Way,', bbox: [586, 35, 682, 71], confidence: 0.96 },
    ];
    const words = await rereadMoney(image, read, pool);
    expect(words.map((w) => w.text)).toEqual(['2835', '01d', 'Middlefield', 'Way,']);
  });

  it('reads again an amount whose 1 a speck made an "L" ("16L,000.00" at 0)', async () => {
    // A real crop at 300 dpi: "$ 161,000.00", a speck over the third figure's top.
    const image = await fixtureImage('speck-over-one.png', 300);
    const read: Word = { text: '16L,000.00', bbox: [160, 22, 354, 54], confidence: 0 };
    const words = await rereadMoney(image, [read], pool);
    expect(words.map((w) => w.text).join('')).toBe('161,000.00');
  });

  it('reads again an amount with a faint figure read as a letter ("$A,.621.70" for $6,621.70)', async () => {
    // A real crop at 300 dpi of C.4.a's total, its 6 and its 1 typed faint.
    const image = await fixtureImage('faint-figure-amount.png', 300);
    const read: Word = { text: '$A,.621.70', bbox: [249, 21, 500, 52], confidence: 0.25 };
    const words = await rereadMoney(image, [read], pool);
    expect(words.map((w) => w.text).join('')).toBe('$6,621.70');
  });

  it('takes a reading again whose cents a speck follows ("2,102,000.00," for "2.,102,000.0n0" at 0.34)', async () => {
    // A real crop at 200 dpi of C.4.b, typed faint: the page pass read a letter among the cents'
    // figures, which made three of them. Read again, the amount comes back with a speck of its
    // underline after it, which is no part of it.
    const image = await fixtureImage('speck-after-cents.png', 200);
    const read: Word = { text: '2.,102,000.0n0', bbox: [38, 15, 231, 36], confidence: 0.34 };
    const words = await rereadMoney(image, [read], pool);
    expect(words.map((w) => w.text).join('')).toMatch(/^2,102,000\.00,?$/);
  });

  it.each([
    // Two specks one above the other before the zero, read as a 1 at 0.15.
    ['specks-before-zero.png', 300, [47, 20, 177, 60] as Bbox, 0.15],
    // A piece of the underline its erasing left, under the zero's left edge, read as a 1 at 0.53.
    ['line-piece-before-zero.png', 300, [50, 23, 148, 71] as Bbox, 0.53],
  ])(
    'drops a first figure whose ink is no figure\'s: "10.00" for "0.00" (%s)',
    async (name, dpi, bbox, confidence) => {
      // Real crops of the page OCR reads (its rules erased), at 300 dpi: a dollar cell's "0.00".
      const image = await fixtureImage(name, dpi);
      const read: Word = { text: '10.00', bbox, confidence };
      const words = await rereadMoney(image, [read], pool);
      expect(words.map((w) => w.text).join('')).toBe('0.00');
    },
  );

  it("keeps the first figure of an unsure amount where its ink is a figure's", async () => {
    const { image, lines } = textPage(['10.00'], {
      width: 600,
      height: 160,
      top: 60,
      left: 100,
      fontSize: 36,
    });
    const read: Word = { text: '10.00', bbox: lines[0]!.box as Bbox, confidence: 0.3 };
    expect((await rereadMoney(image, [read], pool)).map((w) => w.text).join('')).toBe('10.00');
  });

  it('reads again an amount read surely in pieces, its separators lost ("33 23 6 8 64 00")', async () => {
    // A real crop at 300 dpi of C.4.b: "$ 33,236,864.00", which the page pass read as six sure
    // pieces of bare figures. Read whole, the same figures come back with their separators.
    const image = await fixtureImage('amount-in-pieces.png', 300);
    const piece = (text: string, x0: number, x1: number): Word => ({
      text,
      bbox: [x0, 15, x1, 49],
      confidence: 0.95,
    });
    const read = [
      piece('33', 75, 123),
      piece('23', 141, 189),
      piece('6', 194, 216),
      piece('8', 233, 255),
      piece('64', 260, 309),
      piece('00', 325, 374),
    ];
    const words = await rereadMoney(image, read, pool);
    expect(words.map((w) => w.text).join('')).toBe('33,236,864.00');
    // Two sure pieces (a comb's "19 94") are left as read.
    const comb = [piece('19', 75, 123), piece('94', 141, 189)];
    expect(await rereadMoney(image, comb, pool)).toEqual(comb);
  });

  it('reads as one the pieces of an amount that lie side by side, though a piece found later ends the list', async () => {
    const { image, lines } = textPage(['322.277.20', 'Total'], {
      width: 900,
      height: 300,
      top: 100,
      left: 300,
      fontSize: 30,
    });
    const [x0, y0, x1, y1] = lines[0]!.box;
    const split = Math.round(x0 + (x1 - x0) * 0.4);
    // The page pass read the tail and the next line; the head, read unsurely from missed ink,
    // joined the list last.
    const tail: Word = { text: '277.20', bbox: [split, y0, x1, y1], confidence: 0.94 };
    const next: Word = { text: 'Total', bbox: lines[1]!.box as Bbox, confidence: 0.96 };
    const head: Word = { text: '322.', bbox: [x0, y0, split + 4, y1], confidence: 0.83 };
    const words = await rereadMoney(image, [tail, next, head], pool);
    expect(words.map((w) => w.text)).toEqual(['322.277.20', 'Total']);
  });
});

describe('rereadMoney beside a "$" read apart', () => {
  it('keeps no second reading of the "$" beside the amount it reads again ("5" and "2,111,127.90")', async () => {
    // A real crop at 200 dpi of C.4.b's "$ 2,111,127.90": the page pass read the "$" at 0.41 and the
    // amount at 0.33; read again with its margin, the "$" came back as a "5" glued to the amount.
    const image = await fixtureImage('amount-dollar-apart.png', 200);
    const words: Word[] = [
      { text: '$', bbox: [30, 18, 41, 38], confidence: 0.41 },
      { text: '2,111,127.90', bbox: [50, 16, 291, 42], confidence: 0.33 },
    ];
    const again = await rereadMoney(image, words, pool);
    expect(again.map((w) => w.text)).toEqual(['$', '2,111,127.90']);
  });
});

describe('rereadMoney with figures typed off their line', () => {
  it('reads as one amount a group of figures read with a letter for a figure ("1,000 ’ c00")', async () => {
    // A real crop at 200 dpi of B.2's "$ 1,000,000", its last figures typed a little off the line:
    // the page pass read "1,000" at 0.94, the comma as "’" and the last three figures as "c00" at 0.73.
    const image = await fixtureImage('amount-figures-off-line.png', 200);
    const words: Word[] = [
      { text: 'S', bbox: [27, 25, 37, 40], confidence: 0.34 },
      { text: '1,000', bbox: [65, 16, 149, 39], confidence: 0.94 },
      { text: '’', bbox: [156, 34, 163, 42], confidence: 0.65 },
      { text: 'c00', bbox: [174, 17, 224, 37], confidence: 0.73 },
    ];
    const again = await rereadMoney(image, words, pool);
    expect(again.map((w) => w.text).join(' ')).toMatch(/^S \$?1,000,000$/);
  });
});

describe('rereadMoney of a figure read as a mark', () => {
  it('takes a reading with a figure for the mark that agrees with the rest ("1,4%0,779.16")', async () => {
    // A real crop at 200 dpi of C.5's column total "$ 1,490,779.16", typed on its underline: the
    // page pass read the 9 as "%" at 0.54, which makes no amount; read again with only money's
    // characters it reads whole, at 0.13.
    const image = await fixtureImage('amount-figure-read-as-mark.png', 200);
    const words: Word[] = [{ text: '$1,4%0,779.16', bbox: [50, 17, 295, 39], confidence: 0.54 }];
    const again = await rereadMoney(image, words, pool);
    expect(again.map((w) => w.text).join('')).toBe('$1,490,779.16');
  });
});

describe('rereadMoney after ink read at nothing', () => {
  it('reads the first figure OCR read as junk with the "$" before it ("so , 040,050.92")', async () => {
    // A real crop at 200 dpi of C.5's "$ 7,040,050.92" beside its checked box: the page pass read the
    // "$" and the 7 as "so" at 0.00, the comma apart, and the rest as "040,050.92" at 0.00.
    const image = await fixtureImage('amount-first-figure-unread.png', 200);
    const words: Word[] = [
      { text: 'so', bbox: [45, 6, 124, 32], confidence: 0 },
      { text: ',', bbox: [131, 28, 137, 37], confidence: 0 },
      { text: '040,050.92', bbox: [148, 11, 321, 36], confidence: 0 },
    ];
    const again = await rereadMoney(image, words, pool);
    expect(again.map((w) => w.text).join(' ')).toMatch(/(?:^|\$|\s)7,040,050\.92$/);
  });
});

describe('rereadMoney over a garbled reading of the same ink', () => {
  it('reads the amount again with a short unsure word whose box runs into its first ("=" over the 1 of 13,782)', async () => {
    // A real crop at 200 dpi of C.4's legal fee "13,782": the page pass read it "= Ww ~1 No"; the
    // missed ink read again gave "3," and "782" surely, and left the "=" over the 1.
    const image = await fixtureImage('amount-first-figure-garbled-over.png', 200);
    const words: Word[] = [
      { text: '=', bbox: [24, 16, 35, 34], confidence: 0.44 },
      { text: '3,', bbox: [31, 15, 66, 39], confidence: 0.9 },
      { text: '782', bbox: [75, 14, 123, 35], confidence: 0.96 },
    ];
    const again = await rereadMoney(image, words, pool);
    expect(again.map((w) => w.text).join(' ')).toBe('13,782');
  });
});

describe('rereadMoney over a group read with a look-alike letter and its comma', () => {
  it('reads again an amount whose middle group OCR read with a letter before its comma ("0g8,")', async () => {
    // A real crop at 200 dpi of C.5's total payments listed "1,088,925.0" beside its checked box:
    // the page pass read it "C's 1, 0g8, 925.0", which parsed as no amount.
    const image = await fixtureImage('amount-group-read-with-letter-and-comma.png', 200);
    const words: Word[] = [
      { text: "C's", bbox: [15, 13, 59, 40], confidence: 0.19 },
      { text: '1,', bbox: [78, 14, 100, 31], confidence: 0.41 },
      { text: '0g8,', bbox: [110, 11, 165, 31], confidence: 0.63 },
      { text: '925.0', bbox: [176, 11, 251, 30], confidence: 0.95 },
    ];
    const again = await rereadMoney(image, words, pool);
    expect(again.map((w) => w.text)).toContain('1,088,925.0');
  });
});

describe('withoutPhantomFigure', () => {
  it("keeps a heavy face's first figure where its figures run together in pairs", async () => {
    // A real crop at 200 dpi of C.1's total "124,095.85" in a heavy sans face, read again unsurely
    // (0.28) as "124.095.85" with a speck of the underline in its box: its figures touch two by
    // two, so that counted by the width of the pieces there seemed fewer figures of ink than read,
    // and the "1" was taken for the speck's phantom.
    const image = await fixtureImage('amount-heavy-figures-joined.png', 200);
    const word: Word = { text: '124.095.85', bbox: [22, 11, 198, 35], confidence: 0.28 };
    expect(withoutPhantomFigure(image, word).text).toBe('124.095.85');
  });
});

describe('readMissedInk', () => {
  it('adds no word the page pass read in pieces with boxes narrower than their glyphs ("9", "8")', async () => {
    const { image, lines } = textPage(['98'], { width: 600, height: 200, top: 120, left: 200, fontSize: 48 });
    const [x0, y0, x1, y1] = lines[0]!.box;
    const half = (x1 - x0) / 2;
    // Each digit's box covers the middle of its glyph: its sides are left uncovered.
    const middle = (from: number): Bbox => [
      Math.round(from + half * 0.3),
      y0,
      Math.round(from + half * 0.7),
      y1,
    ];
    const pieces: Word[] = [
      { text: '9', bbox: middle(x0), confidence: 0.9 },
      { text: '8', bbox: middle(x0 + half), confidence: 0.9 },
    ];
    const words = await readMissedInk(image, pieces, [], pool);
    expect(words.map((w) => w.text)).toEqual(['9', '8']);
  });

  it('reads an amount whose start the page pass missed whole with the end it read ("23,52" before "2.49")', async () => {
    // A real crop at 200 dpi of "$ 23,522.49" in a thin serif: the page pass read only "$" and "2.49".
    const image = await fixtureImage('amount-start-missed.png', 200);
    const read: Word[] = [
      { text: '$', bbox: [48, 22, 57, 40], confidence: 0.87 },
      { text: '2.49', bbox: [191, 17, 233, 36], confidence: 0.85 },
    ];
    const words = await readMissedInk(image, read, [], pool);
    expect(words.map((w) => w.text)).toEqual(['$', '23,522.49']);
  });
});

describe('OcrPool', () => {
  it("counts a region read again as its share of a page against a worker's quota", async () => {
    const small = new OcrPool({ size: 1, recycleAfter: 1 });
    const seen = new Set<unknown>();
    const note = async (worker: unknown) => {
      seen.add(worker);
    };
    for (let i = 0; i < 5; i++) await small.run(note, 0.1);
    expect(seen.size).toBe(1);
    // Half a page more wears it out: the next job has a new worker.
    await small.run(note, 0.5);
    await small.run(note);
    expect(seen.size).toBe(2);
    await small.close();
  });

  it('replaces a worker after its quota of pages and refuses work once closed', async () => {
    const small = new OcrPool({ size: 1, recycleAfter: 1 });
    const { image } = textPage(['Legal Fees $ 50,000.00'], { width: 1200, height: 200, top: 100, left: 50 });
    const first = await ocrPage(image, { pool: small });
    const second = await ocrPage(image, { pool: small });
    expect(first.lines[0]?.text).toBe('Legal Fees $ 50,000.00');
    expect(second.lines[0]?.text).toBe('Legal Fees $ 50,000.00');
    await small.close();
    await expect(ocrPage(image, { pool: small })).rejects.toThrow(/closed/);
  });
});

describe('processPageImage on a table whose zeros are typed as dashes', () => {
  it('reads the "$" and the dash that the page pass dropped from each cell, so that every column keeps its zero', async () => {
    // A real crop at 200 dpi of four C.5 rows: "☐ $ ____ -" twice a row, one amount among them.
    const { result } = await processPageImage(await fixtureImage('dash-zero-cells.png', 200), { pool });
    const rows = result.lines.filter((l) => l.text.includes('☐'));
    expect(rows.map((l) => centsAfter(l, '☐', 2))).toEqual([
      [0, 137_230_818],
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
  });
});

describe('readEmptyCells on a faint amount broken into pieces', () => {
  /** A check box at [100, 40, 122, 62] and what `paint` puts in its cell, read by readEmptyCells. */
  const readCell = (paint: (ctx: SKRSContext2D) => void, words: Word[] = []) => {
    const image = draw(700, 100, (ctx) => {
      ctx.lineWidth = 2;
      ctx.strokeRect(100, 40, 22, 22);
      paint(ctx);
    });
    const box = { bbox: [100, 40, 122, 62] as Bbox, fill: 0, checked: false, confidence: 1 };
    return readEmptyCells(image, words, [box], pool);
  };

  it('takes no piece shaped like a bar, among others, for a dash zero', async () => {
    // "☐ $ 292,565.34" so faint that only pieces are left: one of them a short bar at mid-height.
    const words = await readCell((ctx) => {
      ctx.fillRect(250, 50, 14, 3);
      ctx.fillRect(300, 42, 4, 18);
      ctx.fillRect(330, 44, 9, 4);
      ctx.fillRect(360, 48, 3, 12);
    });
    expect(words.map((w) => w.text)).not.toContain('-');
    // The same bar alone in its cell is the dash, surely.
    const dash = await readCell((ctx) => ctx.fillRect(250, 50, 14, 3));
    expect(dash.map((w) => [w.text, w.confidence])).toEqual([['-', 0.8]]);
  });

  it('reads a bar among specks too small to be pieces as a dash, unsurely: it may be all that is left of an amount', async () => {
    const words = await readCell((ctx) => {
      ctx.fillRect(250, 50, 14, 3);
      for (const x of [300, 330, 360, 390, 420, 450, 480, 510]) ctx.fillRect(x, 48, 2, 2);
    });
    expect(words.map((w) => [w.text, w.confidence])).toEqual([['-', 0.3]]);
  });

  it('reads a box\'s cell once, though OCR\'s box for its "$" overlaps the check box', async () => {
    const dollar: Word = { text: '$', bbox: [118, 42, 141, 62], confidence: 0.9 };
    const words = await readCell(
      (ctx) => {
        ctx.font = '22px "DejaVu Sans"';
        ctx.fillText('$', 128, 60);
        ctx.fillRect(250, 50, 14, 3);
      },
      [dollar],
    );
    expect(words.map((w) => w.text)).toEqual(['$', '-']);
  });
});

describe('readEmptyCells on a lone zero with a speck beside it', () => {
  it('reads the zero by its ring, the speck no figure of the cell', async () => {
    // A real crop at 200 dpi of C.5's equipment row as OCR reads it (its rules and box erased):
    // "☐ $ ____ · 0", the zero faint and a speck just before it, which OCR read as nothing.
    const image = await fixtureImage('speck-before-zero-cell.png', 200);
    const box = { bbox: [20, 20, 42, 42] as Bbox, fill: 0, checked: false, confidence: 1 };
    const words = await readEmptyCells(image, [], [box], pool);
    const zero = words.find((w) => w.text === '0');
    expect(zero?.bbox[0]).toBeGreaterThan(280);
  });
});

describe('readEmptyCells on a faint zero read unsurely', () => {
  it('takes the zero where a darkened reading reads it the same and surely', async () => {
    // A real crop at 200 dpi of C.4.a's printing row as OCR reads it (its box erased): "$ 0", the
    // zero thin and faint, which the page pass read down its column with the zeros of the rows
    // above and below. Read alone it is a "0" at 0.57; darkened and thickened, a "0" at 0.68.
    const image = await fixtureImage('faint-zero-unsure.png', 200);
    const box = { bbox: [20, 18, 41, 39] as Bbox, fill: 0, checked: false, confidence: 1 };
    const words = await readEmptyCells(image, [], [box], pool);
    const zero = words.find((w) => w.text === '0');
    expect(zero?.bbox[0]).toBeGreaterThan(60);
    expect(zero?.confidence).toBeLessThanOrEqual(0.6);
  });
});

describe('readEmptyCells on a zero typed onto its underline and read as a "2"', () => {
  it('reads the ring for the zero it is: no amount is one figure', async () => {
    // A real crop at 200 dpi of C.5's construction row, "☐ $ ____0", as OCR reads it (its box and
    // rules erased) and as it was before: the zero's foot went with the line, and the page pass
    // read it as a "2" at 0.78, its "$" as a "w".
    const image = await fixtureImage('zero-on-underline-read-two.png', 200);
    const ruled = await fixtureImage('zero-on-underline-read-two-ruled.png', 200);
    const read: Word[] = [
      { text: 'w', bbox: [72, 24, 81, 41], confidence: 0 },
      { text: '2', bbox: [297, 29, 308, 44], confidence: 0.78 },
    ];
    const box = { bbox: [34, 19, 57, 42] as Bbox, fill: 0, checked: false, confidence: 1 };
    const words = await readEmptyCells(image, read, [box], pool, ruled);
    expect(words.map((w) => w.text)).not.toContain('2');
    expect(words.find((w) => w.text === '0')?.bbox[0]).toBeGreaterThan(280);
  });
});

describe('emptyCellsAfterDollars on a speck read as an "s" before an amount', () => {
  it('opens no cell after it: a row a speck high is a sliver through the amount beside it', () => {
    // As on a real C.4.b: a speck before the "$" read as an "s", a little above the row's middle.
    const image = draw(700, 100, (ctx) => {
      ctx.font = '28px "DejaVu Sans Mono"';
      ctx.fillText('$', 100, 66);
      ctx.fillText('495,375.00', 170, 66);
      ctx.fillRect(90, 44, 3, 3);
    });
    const words: Word[] = [
      { text: 's', bbox: [90, 44, 93, 47], confidence: 0.52 },
      { text: '$', bbox: [100, 42, 117, 70], confidence: 0.9 },
      { text: '495,375.00', bbox: [170, 44, 338, 66], confidence: 0.39 },
    ];
    expect(emptyCellsAfterDollars(image, words, [])).toEqual([]);
  });
});

describe('readEmptyCells on a dash OCR read as a flat figure', () => {
  it('reads the cell again, the "1" a bar three pixels high at 0.21 being no reading of it', async () => {
    // A real crop at 200 dpi of C.4.a's "Accounting Fees ☐ $ ____-": the page pass left the "$"
    // unread and read the dash as a "1" with a box three pixels high, which the layout drops.
    const image = await fixtureImage('dash-read-as-flat-one.png', 200);
    const read: Word[] = [
      { text: 'Accounting', bbox: [28, 16, 132, 36], confidence: 0.95 },
      { text: 'Fees', bbox: [140, 17, 185, 32], confidence: 0.96 },
      { text: '1', bbox: [1337, 20, 1346, 23], confidence: 0.21 },
    ];
    const box = { bbox: [1096, 14, 1115, 33] as Bbox, fill: 0, checked: false, confidence: 1 };
    const words = await readEmptyCells(image, read, [box], pool);
    expect(words.map((w) => w.text)).toEqual(['Accounting', 'Fees', '$', '-']);
  });
});

describe('readEmptyCells on a cell whose "$" OCR misread', () => {
  /** A check box, its cell's "$" and a dash zero far right in the cell; OCR's word for the "$". */
  const readCell = (sign: Word) => {
    const image = draw(700, 100, (ctx) => {
      ctx.lineWidth = 2;
      ctx.strokeRect(100, 40, 22, 22);
      ctx.font = '22px "DejaVu Serif"';
      ctx.fillText('$', 134, 60);
      ctx.fillRect(560, 50, 14, 3);
    });
    const box = { bbox: [100, 40, 122, 62] as Bbox, fill: 0, checked: false, confidence: 1 };
    return readEmptyCells(image, [sign], [box], pool);
  };

  it('reads the dash after it, the sign read as a figure unsurely ("“3"), or with a "$" in it ("$F")', async () => {
    // As the page pass read the "$" of five C.4.a rows of a real generated page (Nimbus Roman),
    // losing the dash zeros after them.
    for (const [text, confidence] of [
      ['“3', 0.2],
      ['@3', 0.17],
      ["'$", 0.63],
      ['$F', 0],
    ] as const) {
      const sign: Word = { text, bbox: [133, 42, 147, 64], confidence };
      const words = await readCell(sign);
      // The sign as misread gives way to the "$" it is.
      expect(words.map((w) => w.text)).toEqual(['-', '$']);
    }
  });

  it('takes a figure read surely there for an amount, and reads nothing more', async () => {
    const words = await readCell({ text: '3', bbox: [133, 42, 147, 64], confidence: 0.9 });
    expect(words.map((w) => w.text)).toEqual(['3']);
  });
});

describe('processPageImage on dash zeros typed in a thin face', () => {
  it('reads each "-0-" the page pass lost, though OCR reads its faint dashes as nothing or as a piece ("0-")', async () => {
    // A real crop at 200 dpi of C.4.a: "☐ $ -0-" on six rows, two amounts; the page pass read
    // nothing after the "$" of Printing and Accounting.
    const { result } = await processPageImage(await fixtureImage('thin-dash-zero-cells.png', 200), { pool });
    const rows = result.lines.filter((l) => l.text.includes('☐') || l.text.includes('☒'));
    expect(rows.map((l) => readMoneyCells(l.text.slice(l.text.search(/[☐☒]/)), 1)[0]?.cents)).toEqual([
      0, 0, 600_000, 0, 0, 0, 0, 600_000,
    ]);
  });
});

/** A real crop's pixels read as the page stage reads them, its OCR, then its empty cells read. */
async function emptyCellsReadIn(name: string, dpi: number): Promise<Word[]> {
  const page = await fixtureImage(name, dpi);
  const { image, boxes, forOcr } = await readPixels(page, page, 0);
  const { words } = await ocrPage(forOcr, { pool });
  return readEmptyCells(forOcr, words, boxes, pool, image);
}

describe('readEmptyCells on dashes typed low on their underlines', () => {
  it('reads each dash though pieces of its erased underline are left under it', async () => {
    // A real crop of a cleaned page at 300 dpi: C.5's two columns of "☐ $ ____–" on four rows,
    // one amount. The left column's dashes sit low on their lines; erasing a line keeps pieces of
    // it under a dash, and the dash with them is no bar's shape.
    const read = await emptyCellsReadIn('dash-on-line-pieces.png', 300);
    // A dash in each of the left column's four cells; in the right's, three and the amount.
    expect(read.filter((w) => w.text === '-' && w.bbox[0] < 500)).toHaveLength(4);
    expect(read.filter((w) => w.text === '-' && w.bbox[0] > 500)).toHaveLength(3);
  });
});

describe('readEmptyCells on a "$" read as letters with a dash close after it', () => {
  it('reads the sign and the dash apart, where the two make one group of ink', async () => {
    // A real crop of a cleaned page at 200 dpi: C.4.a's "☐ $ –" on five rows and "☐ $ 3,123" on
    // one. OCR reads each "$" as two letters ("BP", "Ph") and drops its dash, which stands closer
    // to the sign than the gap that parts a cell's groups of ink; read as one group, "$-" is no
    // reading.
    const read = await emptyCellsReadIn('dollar-letters-dash-cells.png', 200);
    const row = (w: Word) => Math.round(w.bbox[1] / 70);
    expect(read.filter((w) => w.text === '-').map(row)).toEqual([0, 1, 3, 4, 5]);
    expect(read.filter((w) => w.text === '$').map(row)).toEqual([0, 1, 3, 4, 5]);
    // The letters the signs were read as are gone but on the amount's row, which keeps its figures.
    expect(read.filter((w) => /^(?:BP|BH|Ph|HB)$/.test(w.text)).map(row)).toEqual([2]);
    expect(read.some((w) => w.text === '3,123')).toBe(true);
  });
});

describe('readEmptyCells on zeros typed onto their underlines', () => {
  it('reads a zero whose foot went with the erased underline, looking for its ring on the page as it was', async () => {
    // A real crop of a cleaned page at 200 dpi: "☐ $ ____0" twice a row, each zero's bottom on
    // its underline. Erased with the line, the right column's zeros are open at the bottom, and
    // OCR reads them as nothing.
    const read = await emptyCellsReadIn('underline-zero-cells.png', 200);
    // The left column's zeros are whole; of the right's, the plain one is found (the lower one,
    // its ring crossed by a stroke, is not a ring).
    expect(
      read
        .filter((w) => w.text === '0')
        .map((w) => [Math.round(w.bbox[0] / 100), Math.round(w.bbox[1] / 50)]),
    ).toEqual([
      [3, 0],
      [7, 0],
      [3, 1],
    ]);
  });
});

describe('processPageImage on zeros typed higher than their "$"', () => {
  it('reads the cell again where the page pass read its "$ 0" as a letter or two ("BH", "BL")', async () => {
    // A real crop at 200 dpi of C.4.a: "☐ $ 0" on six rows, the zero dotted and raised above the
    // sign's baseline, and one amount.
    const { result } = await processPageImage(await fixtureImage('raised-zero-cells.png', 200), { pool });
    // Printing, Accounting and Engineering were read "", "BL" and "BH,", and their zeros lost.
    const rows = result.lines.filter((l) => /^(?:Transfer|Printing|Accounting|Engineering)/.test(l.text));
    expect(rows.map((l) => centsAfter(l, '☐', 1)[0])).toEqual([0, 0, 0, 0]);
  });
});

describe('processPageImage on zeros typed with a dot at their centre', () => {
  it('reads each lone "⊙" that OCR reads as nothing as the zero it is', async () => {
    // A real crop at 200 dpi of C.4.a: "☐ $ 0" on eight rows, each zero a ring with a dot inside,
    // which the page pass and the cell's second reading both read as nothing. The page pass read
    // one zero; the rows it read as "☐ Bm" (the "$" and the zero as letters) stay unread.
    const { result } = await processPageImage(await fixtureImage('dotted-zero-cells.png', 200), { pool });
    const rows = result.lines.filter((l) => /(?:Fees|Costs|separately\)|identify\)|Total)\s/.test(l.text));
    expect(rows.length).toBe(8);
    const zeros = rows.map((l) => centsAfter(l, '☐', 1)[0] ?? null);
    expect(zeros.filter((c) => c === 0).length).toBeGreaterThanOrEqual(5);
    expect(zeros.filter((c) => c !== 0 && c !== null)).toEqual([]);
  });
});

describe('processPageImage on zeros in C.5 read unsurely', () => {
  // Real crops of C.5: "☐ $ ___0 ☐ $ ___0" on four rows. At 300 dpi each zero is a ring with a dot
  // inside in a monospaced face: the page pass read some as "A" or nothing, and the cell's second
  // reading gave "0" at no confidence. At 200 dpi the zeros are thin and faint among dot leaders
  // and specks: the page pass read most as specks ("oo", "@"), and the second reading took a
  // speck beside a zero for a separator after it ("0,", "0.").
  it.each([
    ['dotted-zeros-unsure.png', 300],
    ['faint-zeros-specks.png', 200],
  ])('reads every zero of %s', async (name, dpi) => {
    const { result } = await processPageImage(await fixtureImage(name, dpi), { pool });
    const rows = result.lines.filter((l) => /^(?:Salaries|Purchase|Construction)/.test(l.text));
    expect(rows.map((l) => centsAfter(l, '☐', 2))).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
  });
});

describe('readEmptyCells on a faint amount read in part', () => {
  it('keeps no second reading of a cell that ends in a separator after a group of figures ("1,239,")', async () => {
    // A real crop at 200 dpi of C.2's dollar column as OCR sees it: "$ 1,259,684" typed faint and
    // broken, which the page pass read as its "$" alone. The cell's second reading gives its first
    // groups and a comma ("1,239,"): the rest was lost, and no part of an amount is read as one.
    const image = await fixtureImage('faint-amount-cut-short.png', 200);
    const dollar: Word = { text: '$', bbox: [201, 69, 212, 89], confidence: 0.84 };
    const words = await readEmptyCells(image, [dollar], [], pool);
    expect(words.filter((w) => /\d/.test(w.text))).toEqual([]);
  });
});

describe('readTypedOverPrint', () => {
  it("leaves a signature's scrawl above a printed row as read, and reads that row no second time", async () => {
    // A real crop at 200 dpi of D's signature block as OCR sees it, with the page pass's words: the
    // scrawl read as tall unsure words ("(hort", "aloV]") whose foot touches "Title of Signer".
    // Under the scrawl lies print the page pass read already, and no typing.
    const image = await fixtureImage('signature-over-title.png', 200);
    const w = (text: string, confidence: number, bbox: Bbox): Word => ({ text, confidence, bbox });
    const words = [
      w('(vy,', 0.29, [488, 80, 611, 173]),
      w('Signature', 0.96, [205, 74, 308, 95]),
      w('LLC', 0.91, [67, 128, 122, 150]),
      w('(hort', 0.22, [235, 94, 324, 191]),
      w('aloV]', 0.0, [340, 94, 486, 191]),
      w('Title', 0.96, [203, 187, 249, 204]),
      w('of', 0.96, [258, 188, 279, 204]),
      w('Signer', 0.96, [287, 188, 356, 208]),
      w('(Print', 0.96, [364, 188, 421, 207]),
      w('or', 0.96, [429, 192, 451, 204]),
      w('Type)', 0.95, [457, 188, 515, 208]),
      w('Date', 0.96, [758, 76, 807, 92]),
      w('September', 0.95, [774, 129, 904, 158]),
    ];
    const out = await readTypedOverPrint(image, words, pool);
    expect(out.filter((x) => x.text === 'Title')).toHaveLength(1);
    expect(out.filter((x) => /^Sign/.test(x.text))).toHaveLength(2);
  });
});

describe('processPageImage on an amount typed against the print above it', () => {
  it.each([
    ['amount-under-print-bold.png', 392_820_000],
    ['amount-under-print-mono.png', 7_796_316],
  ])('reads apart the amount OCR ran together with the print it touches (%s)', async (name, cents) => {
    // Real crops at 300 dpi of C.4.a's last rows and C.4.b, whose amount is typed so high that
    // its figures touch "adjusted gross proceeds to the issuer.": the page pass read the two rows
    // as one of tall words it was unsure of ("process a 65660", "ihe edad").
    const { result } = await processPageImage(await fixtureImage(name, 300), { pool });
    const words = result.lines.flatMap((l) => l.words ?? []);
    const amount = words.find((w) => parseMoney(w.text) === cents);
    expect(amount).toBeDefined();
    // It stands on a line of its own, under the instruction's.
    const line = result.lines.find((l) => l.words?.includes(amount as Word));
    expect(line?.text).not.toMatch(/proceeds/);
  });

  it('reads an amount whose figures rise to the print and meet its descenders', async () => {
    // A real page at 200 dpi, faint: C.4.b's "$ 631,518" is typed so high that the figures' tops
    // reach the print's baseline and the descenders of "adjusted gross proceeds" reach down between
    // them, so that no row parts the two; the page pass read "gd goss rics" there.
    const { result } = await processPageImage(await fixtureImage('amount-into-print-faint-page.jpg', 200), {
      pool,
    });
    const words = result.lines.flatMap((l) => l.words ?? []);
    const amounts = words.filter((w) => parseMoney(w.text) === 63_151_800);
    // C.5's two totals are read either way; C.4.b's stands under the instruction, at its foot.
    expect(amounts.some((w) => w.bbox[1] > 1380 && w.bbox[3] < 1470)).toBe(true);
  });
});

describe('processPageImage on dashes set low in their cells', () => {
  it("sets each dash read in a cell on its box's row, not on a line of its own", async () => {
    // A real crop at 200 dpi: "☐ $ ___-___ ☐ $ ___-___", the dashes a few pixels high and below
    // the middle of the row.
    const { result } = await processPageImage(await fixtureImage('dash-low-cells.png', 200), { pool });
    expect(result.lines.filter((l) => /^[\s\t-]+$/.test(l.text))).toEqual([]);
    const rows = result.lines.filter((l) => /merger\)|Repayment/.test(l.text));
    expect(rows.map((l) => centsAfter(l, '☐', 2))).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });
});

describe('processPageImage on a table printed without check boxes', () => {
  it('reads the dash after each "$" on its row, where OCR set the dashes on a line of their own', async () => {
    // A real crop of C.1 at 200 dpi: "Debt $ ___-___ $ ___-___", the dashes low on their lines.
    const { result } = await processPageImage(await fixtureImage('dollar-dash-cells.png', 200), { pool });
    expect(result.lines.filter((l) => /^[\s\t-]+$/.test(l.text))).toEqual([]);
    const rows = result.lines.filter((l) => /^(?:Debt|Convertible|Partnership)/.test(l.text));
    expect(rows.map((l) => centsAfter(l, '$', 2))).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
  });
});

describe('processPageImage on a states grid marked with blots', () => {
  it('reads each blotted code as marked, and the blot as no box of the next code', async () => {
    // A real crop at 200 dpi of B.4's grid, eight codes blotted out by a marker.
    const { result } = await processPageImage(await fixtureImage('blotted-states.png', 200), { pool });
    const text = result.lines.map((l) => l.text).join('\n');
    expect([...text.matchAll(/☒\s*\[([A-Z]{2})\]/g)].map((m) => m[1])).toEqual([
      'CO',
      'IN',
      'LA',
      'NV',
      'NY',
      'OK',
      'WA',
      'WI',
    ]);
    expect(text.match(/☒/g)).toHaveLength(8);
  });
});

describe('processPageImage on a page OCR reads badly', () => {
  it('does not read it again turned half round when the ink profile was sure it stands upright', async () => {
    /** Pages OCR'd whole (not a line's crop) through the pool, counted at the worker. */
    let wholePages = 0;
    const counted = new OcrPool({ size: 1 });
    const run = counted.run.bind(counted);
    counted.run = (job) =>
      run((worker) =>
        job(
          new Proxy(worker, {
            get: (target, key) =>
              key === 'recognize'
                ? (image: Buffer, ...rest: unknown[]) => {
                    if (image.length > 1_000_000) wholePages++;
                    return (target.recognize as (...a: unknown[]) => unknown)(image, ...rest);
                  }
                : Reflect.get(target, key),
          }),
        ),
      );
    try {
      // Upright lines blurred and thresholded past reading well: the rows of ink still say which
      // way is up, and OCR reads them at a low confidence.
      const base = textPage(FORM_LINES, { fontSize: 30 }).image;
      const blurred = await toSharp(base).blur(5).threshold(200).extractChannel(0).raw().toBuffer();
      const { result } = await processPageImage({ ...base, data: blurred }, { pool: counted });
      expect(result.meanConfidence).toBeLessThan(0.6);
      expect(result.info.rotation).toBe(0);
      expect(wholePages).toBe(1);
    } finally {
      await counted.close();
    }
  });
});

describe('processPageImage on a first page upside down that the ink profile takes for upright', () => {
  it('reads it again turned half round where OSD, asked after OCR read it badly, says it is turned', async () => {
    // A real generated first page at 200 dpi, scanned upside down: its bold capitals' underlines
    // and boxes put more ink above the lines' cores than below, as an upright page's ascenders do,
    // so OSD was never asked, and OCR read it upside down at 0.36.
    const page = await fixtureImage('upside-down-first-page.jpg', 200);
    const { result } = await processPageImage(page, { pool });
    expect(result.info.rotation).toBe(180);
    expect(result.meanConfidence).toBeGreaterThan(0.8);
    expect(result.lines.some((l) => /UNIFORM LIMITED OFFERING EXEMPTION/.test(l.text))).toBe(true);
  });
});

describe('rereadCombs on the incorporation date and jurisdiction', () => {
  it("reads each comb again with only figures (after Month and Year) or capitals allowed, where OCR's reading made no sense", async () => {
    // A real crop at 200 dpi: Month "0 7", Year "0 0", jurisdiction "W V" in their combs. The page
    // pass read the year "(0 QO"; the jurisdiction is given here as misread "V\\".
    const page = await fixtureImage('date-jurisdiction-combs.png', 200);
    const { combs } = findCheckBoxes(page);
    // As OCR is given the page: the combs' walls erased.
    const image = eraseCombs(page, combs);
    const word = (text: string, bbox: Bbox, confidence = 0.5): Word => ({ text, bbox, confidence });
    const words = [
      word('Month', [157, 39, 228, 56], 0.75),
      word('Q', [251, 36, 266, 59], 0.22),
      word('7', [289, 36, 303, 59], 0.96),
      word('Year', [343, 39, 392, 56], 0.58),
      word('(0', [414, 36, 430, 59], 0.3),
      word('QO', [452, 36, 467, 59], 0.28),
      word('V\\', [477, 136, 542, 160], 0.3),
    ];
    const read = await rereadCombs(image, words, combs, pool);
    const within = (x0: number, x1: number, y: number) =>
      read
        .filter((w) => w.bbox[0] >= x0 - 15 && w.bbox[2] <= x1 + 15 && w.bbox[1] <= y && w.bbox[3] >= y)
        .sort((a, b) => a.bbox[0] - b.bbox[0])
        .map((w) => w.text)
        .join(' ');
    // The month's reading made sense (a Q is a zero to the parser), but the new one is sure.
    expect(within(240, 320, 48)).toBe('0 7');
    expect(within(400, 480, 48)).toBe('0 0');
    expect(within(470, 550, 148)).toBe('W V');
    expect(read.some((w) => w.text === 'Month')).toBe(true);
  });
});
