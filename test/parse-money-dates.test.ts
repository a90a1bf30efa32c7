/** Dollar boxes and dates as filers typed them, to integer cents and ISO dates. */
import { describe, expect, it } from 'vitest';
import { readCount, readMoneyCells } from '../src/parse/money-cells.js';
import { parseDate } from '../src/record/dates.js';
import { parseMoney } from '../src/record/money.js';

describe('parseMoney reads a dollar box into integer cents', () => {
  it.each([
    ['$ 27,701,668.92', 2_770_166_892],
    ['27,701,668.92', 2_770_166_892],
    ['$ 28,634,072.04', 2_863_407_204],
    ['$ 50,000', 5_000_000],
    ['$0', 0],
    ['0.00', 0],
    ['-0-', 0],
    ['None', 0],
    ['none', 0],
  ])('%j is %i cents', (raw, cents) => {
    expect(parseMoney(raw)).toBe(cents);
  });

  it.each([
    ['22.260,000.00', 2_226_000_000],
    ['18,267.144.07', 1_826_714_407],
    ['27.701.668,92', 2_770_166_892],
    ['1.000.000', 100_000_000],
  ])('reads %j by where its separators stand, as OCR swaps commas and periods', (raw, cents) => {
    expect(parseMoney(raw)).toBe(cents);
  });

  it('keeps cents exact where floating-point dollars would not (0.29 * 100 is 28.999...)', () => {
    expect(parseMoney('$ 1,000,000.29')).toBe(100_000_029);
    expect(parseMoney('17,599,071.96')! + parseMoney('11,035,000.08')!).toBe(parseMoney('28,634,072.04'));
  });

  it.each([
    ['', 'a blank box'],
    ['   ', 'a box of spaces'],
    [null, 'no box at all'],
    ['N/A', 'not applicable'],
    ['n/a', 'not applicable, lower case'],
    ['$', 'a dollar sign alone'],
    ['27,7O1,668.92', 'a letter O read for a zero'],
    ['$ 1.2.3', 'two decimal points'],
    ['12,34', 'a comma that is not a thousands separator'],
    ['illegible', 'a word'],
  ])('%j (%s) is null, never a guess', (raw, _why) => {
    expect(parseMoney(raw)).toBeNull();
  });
});

describe('readMoneyCells splits a table row into dollar cells', () => {
  it('reads each cell after a "$" with the estimate box just before it', () => {
    const cells = readMoneyCells('☐ $ 0.00 ☒ $11,035,000.08');
    expect(cells.map((c) => [c.cents, c.estimated])).toEqual([
      [0, false],
      [1_103_500_008, true],
    ]);
    expect(cells[1]?.raw).toBe('$ 11,035,000.08');
  });

  it('takes a zero read as a few dollars ("0.60", "6.08", "$ 4") for the zero it was, and marks it unsure', () => {
    const cells = readMoneyCells('$ 0.60\t$ 6.08\t$ 8.00\t$ 9.50\t$ 60.00');
    expect(cells.map((c) => [c.cents, c.readable])).toEqual([
      [0, false],
      [0, false],
      [0, false],
      // No Form D amount is a few dollars: 9.50 is a zero misread too; 60.00 is over ten dollars,
      // and a small fee may be real.
      [0, false],
      [6000, true],
    ]);
  });

  it('reads an amount with a letter just before its figures, or begun by a separator, unsurely', () => {
    // Real OCR readings of C.4.a totals: "22,928.00" with its first 2 read as an "N" apart from
    // the rest, and "4.800" with its 4 read as a speck.
    expect(readMoneyCells('☐ S$ N 2,928.00')).toMatchObject([{ cents: 292_800, readable: false }]);
    expect(readMoneyCells('☐ $\t.800')).toMatchObject([{ cents: 80_000, readable: false }]);
    // Specks before the figures leave it sure.
    expect(readMoneyCells('☐ $ _ 2,928.00')).toMatchObject([{ cents: 292_800, readable: true }]);
  });

  it('closes gaps in an amount grouped by points, but not after its first figures read twice', () => {
    // Real OCR readings of C.4.a rows and C.5's column total.
    expect(readMoneyCells('☒ $ 1 3.534.00')).toMatchObject([{ cents: 1_353_400, estimated: true }]);
    expect(readMoneyCells('☒ $ 24.5 19.00')).toMatchObject([{ cents: 2_451_900 }]);
    expect(readMoneyCells('-\t“ ☐ s\t-\t38.6 38.682.586.00', 2).map((c) => c.cents)).toEqual([
      0, 3_868_258_600,
    ]);
    // A "$" read as a letter and an "s" ("Zs") is no figure of the amount.
    expect(readMoneyCells('☐ $ 0.00\tZs 8.439.072.86').map((c) => c.cents)).toEqual([0, 843_907_286]);
  });

  it('reads a lone 3, 5 or 8 between two cells of a table printed without boxes as the second cell\'s "$"', () => {
    // Real OCR readings of C.1 rows typed "$ ___ - $ ___ -": the second "$" read "3" or "5".
    expect(readMoneyCells('S\t- 3\t-', 2).map((c) => c.cents)).toEqual([0, 0]);
    // The first zero lost: the first cell is unread, the second still zero.
    expect(readMoneyCells('S\t5\t-', 2).map((c) => c.cents)).toEqual([null, 0]);
    expect(readMoneyCells('$ -0- 8 42,879,507', 2).map((c) => c.cents)).toEqual([0, 4_287_950_700]);
  });

  it('reads a letter or two after a cell of a table printed without boxes as the next cell\'s "$"', () => {
    // Real OCR readings of C.1 rows: the second "$" read "ow" between two amounts, and after a zero
    // whose twin OCR lost.
    expect(readMoneyCells('S 42,879,507 ow 40,926,168', 2).map((c) => c.cents)).toEqual([
      4_287_950_700, 4_092_616_800,
    ]);
    expect(readMoneyCells('S\t- ow', 2).map((c) => c.cents)).toEqual([0, null]);
  });

  it('reads a first group with a gap after its comma whole, whatever figure the next group starts with', () => {
    // A real OCR reading of a C.5 row typed "$ 2,296,740.93": its first group is no figure read twice.
    expect(readMoneyCells('☐ $\t-0- ☐ $ 2, 296,740.93', 2).map((c) => c.cents)).toEqual([0, 229_674_093]);
    expect(readMoneyCells('☐ $ 3, 340,000')).toMatchObject([{ cents: 334_000_000 }]);
  });

  it('closes gaps in an amount whose first group lost its comma, read with separators of both kinds', () => {
    // Real OCR readings of C.1 sold and C.5's total, typed 4,215,900.00, one "1" read as a "|".
    expect(readMoneyCells('S 4.642.000.00 $ 42 1 5 ,900.00').map((c) => c.cents)).toEqual([
      464_200_000, 421_590_000,
    ]);
    expect(readMoneyCells('☒ S 4,2 | 5.900.00')).toMatchObject([{ cents: 421_590_000, readable: false }]);
    // A "$" read as a figure and a letter apart before a whole amount is no figure of it.
    expect(readMoneyCells('☒ 3g 54,535,985')).toMatchObject([{ cents: 5_453_598_500, readable: false }]);
    // Five figures after the last separator, a gap among them, are a group and the cents (a real
    // OCR reading of C.4.b typed 26,682,005.48).
    expect(readMoneyCells('$ 26 y 682 . 005 48')).toMatchObject([{ cents: 2_668_200_548 }]);
    // Figures after the cents and a gap are no part of the amount.
    expect(readMoneyCells('\t31,206.83 s\t31,206.83', 2).map((c) => c.cents)).toEqual([3_120_683, 3_120_683]);
  });

  it('drops an empty cell where a row has more cells than columns: a "$" read twice round a box', () => {
    // A real OCR reading of a C.5 row: "☐ S -0- <tab> $ ☒ $ 1.389.633.69".
    const cells = readMoneyCells('☐ S -0-\t$ ☒ $ 1.389.633.69', 2);
    expect(cells.map((c) => [c.cents, c.estimated])).toEqual([
      [0, false],
      [138_963_369, true],
    ]);
    // An empty first column is kept where the row has no more cells than columns.
    expect(readMoneyCells('$\t☐ $ 5,000', 2).map((c) => c.cents)).toEqual([null, 500_000]);
  });

  it('reads a lone "s" between groups as a comma where the row has fewer columns than cells', () => {
    // A real OCR reading of C.2's accredited row, 213,505.24 with its comma a speck read "s".
    expect(readMoneyCells('\t110\t$ 213 s 505.24', 1)).toMatchObject([
      { cents: 21_350_524, raw: '$ 213,505.24' },
    ]);
    // Where the row has the columns, the "s" is the next column's "$".
    expect(readMoneyCells('$ 213 s 505.24', 2).map((c) => c.cents)).toEqual([21_300, 50_524]);
  });

  it('reads a gap, or a "+" standing apart, where the last comma was in an amount with a gap inside a group', () => {
    // A real OCR reading of C.5's total payments listed, 2,124,994.00.
    expect(readMoneyCells('☐ $ 2,12 4 + 994.00', 1)).toMatchObject([
      { cents: 212_499_400, raw: '$ 2,124,994.00', readable: false },
    ]);
    expect(readMoneyCells('☐ $ 2,12 4 994.00', 1)).toMatchObject([{ cents: 212_499_400 }]);
    // A "+" glued to a comma is a figure misread: the amount is broken.
    expect(readMoneyCells('s 2 +, 000')).toMatchObject([{ cents: null, readable: false }]);
  });

  it('reads a figure or two, a mark and more figures as a broken amount, not a few dollars', () => {
    // A real OCR reading of B.2's minimum investment, 25,000, its 5 read as a "+".
    expect(readMoneyCells('s 2 +, 000')).toMatchObject([{ cents: null, readable: false }]);
  });

  it('reads "n/a" read with a gap in it and glued to its "$" as no amount, not a zero', () => {
    // A real OCR reading of B.2's minimum investment typed "$ n/a".
    expect(readMoneyCells('$n /a')).toMatchObject([{ cents: null, raw: '$ n/a' }]);
    // Or with its stroke read as a letter ("$ nla"), which is no "019".
    expect(readMoneyCells('$ nla')).toMatchObject([{ cents: null, raw: '$ n/a' }]);
    expect(readMoneyCells('$ nIa')).toMatchObject([{ cents: null, raw: '$ n/a' }]);
    // Its "$" read as an S glued to it ("SN /a"), which is no "$0" and a speck.
    expect(readMoneyCells('SN /a')).toMatchObject([{ cents: null, raw: '$ n/a' }]);
    // Typed without the stroke ("NA"): the cell holds it, and takes no figure from the line below.
    expect(readMoneyCells('$ NA')).toMatchObject([{ cents: null, raw: '$ n/a' }]);
    expect(readMoneyCells('$ NA 3.1Does')).toMatchObject([{ cents: null, raw: '$ n/a' }]);
    expect(readMoneyCells('$n')).toMatchObject([{ cents: 0 }]);
  });

  it('reads an amount with a gap just before a separator unsurely: a figure may have stood there', () => {
    // A real OCR reading of C.2's accredited amount typed 98,368.00.
    expect(readMoneyCells('$\t9 ,368.00')).toMatchObject([{ cents: 936_800, readable: false }]);
    // A gap inside a group, or after a separator, is OCR's spacing.
    expect(readMoneyCells('$ 3 4,400.00')).toMatchObject([{ cents: 3_440_000, readable: true }]);
    expect(readMoneyCells('$ 4, 178,000')).toMatchObject([{ cents: 417_800_000, readable: true }]);
  });

  it('reads groups parted by commas but the last by a point as whole dollars, unsurely', () => {
    // A comma read as a point, or the cents lost after the last group (26,682,005.48).
    expect(readMoneyCells('$ 26,682.005')).toMatchObject([{ cents: 2_668_200_500, readable: false }]);
    expect(readMoneyCells('$ 26.682.005')).toMatchObject([{ cents: 2_668_200_500, readable: true }]);
    expect(readMoneyCells('$ 26,682,005')).toMatchObject([{ cents: 2_668_200_500, readable: true }]);
  });

  it('reads two figures after a group and a comma as the cents, unsurely: a figure may be lost', () => {
    // A real OCR reading of a C.5 row typed 6,987,390.
    expect(readMoneyCells('☐ $ 6,987,39')).toMatchObject([{ cents: 698_739, readable: false }]);
    expect(readMoneyCells('$ 44 , 118, 91')).toMatchObject([{ cents: 4_411_891, readable: false }]);
    expect(readMoneyCells('$ 6,987.39')).toMatchObject([{ cents: 698_739, readable: true }]);
  });

  it('reads an amount with specks read after it (a real OCR reading of C.4.b)', () => {
    expect(readMoneyCells('$ 9 77,975.95 ’ .')).toMatchObject([{ cents: 97_797_595, readable: true }]);
    expect(readMoneyCells('$ 2,000 .\t$ -0-').map((c) => c.cents)).toEqual([200_000, 0]);
  });

  it('reads a row typed without dollar signs', () => {
    expect(readMoneyCells('28,684,072.04   27,701,668.92').map((c) => c.cents)).toEqual([
      2_868_407_204, 2_770_166_892,
    ]);
    // Its "$" read as a mark and the amount broken at gaps, a piece of it no amount of its own
    // (C.4.b as read on a generated scan): one amount, unsurely.
    expect(readMoneyCells('; 96 0, 051.00').map((c) => [c.cents, c.readable])).toEqual([[96_005_100, false]]);
    // Whole amounts side by side stay apart, and so do a count and a "$" read as a 5 before an
    // amount broken at its cents' point (C.2's row as read on a generated scan: 3 investors, $
    // 607,147.09), which is no break at a separator.
    expect(readMoneyCells('0.00 24,500.00').map((c) => c.cents)).toEqual([0, 2_450_000]);
    expect(readMoneyCells('3 5 607,147 09').map((c) => c.cents)).not.toContain(3_560_714_709);
  });

  it('reads an empty "$" box as a blank (null) cell', () => {
    expect(readMoneyCells('☐ $ 0.00 ☒ $').map((c) => c.cents)).toEqual([0, null]);
  });

  it('reads "-0-" whose zero OCR read as a letter between doubled dashes ("—-n-", "—-N-—")', () => {
    expect(readMoneyCells('\t☐ $ —0-\t☐ $ —-n-', 2).map((c) => c.cents)).toEqual([0, 0]);
    expect(readMoneyCells(') ☐ $ —-N-—\t☐ $ 164.025.14', 2).map((c) => c.cents)).toEqual([0, 16_402_514]);
  });

  it('reads "-0-" whose first dash OCR read as an underscore, a quote or a tilde ("_o-", "“o-", "_0—", "~o-")', () => {
    // Real OCR rows of a thin typewriter face.
    expect(readMoneyCells('☐ $\t_o-', 1).map((c) => c.cents)).toEqual([0]);
    expect(readMoneyCells('\t—0—\t$\t“o-', 2).map((c) => c.cents)).toEqual([0, 0]);
    // Or as a tilde: C.1's Debt row read on a generated scan.
    expect(readMoneyCells('$\t—0-\t$\t~o-', 2).map((c) => c.cents)).toEqual([0, 0]);
    expect(readMoneyCells('☐ ph\t_0- ☒ $ 10,752.28', 2).map((c) => c.cents)).toEqual([0, 1_075_228]);
  });

  it('reads a zero between a box and the "$" of an amount as the box\'s wall in a row of one cell ("☒ 0 $ 342,068.00")', () => {
    // A real OCR row of C.4.a's Total at 300 dpi: the heavy right wall of the marked box read "0".
    expect(readMoneyCells('\t. ☒ 0 $ 342,068.00', 1).map((c) => c.cents)).toEqual([34_206_800]);
    // Where the row has two cells, the zero is the first one's amount, its "$" lost.
    expect(readMoneyCells('\t☐ 0 $ 5,000', 2).map((c) => c.cents)).toEqual([0, 500_000]);
  });

  it('reads "-0-" whose zero OCR read as a "C", or its last dash as a tilde, its "$" as letters ("-C-", "rg —0~")', () => {
    // Real OCR rows at 200 dpi: C.1's Other, and C.4.a's Other Expenses.
    expect(readMoneyCells('\t$ -C-\t$ -0-', 2).map((c) => c.cents)).toEqual([0, 0]);
    expect(readMoneyCells('\t☐ rg —0~', 1).map((c) => c.cents)).toEqual([0]);
  });

  it('reads a 3, 5 or 8 with a speck read as a point after it, between two amounts, as the "$"', () => {
    expect(readMoneyCells('\t$ -0-\t8. =0-', 2).map((c) => c.cents)).toEqual([0, 0]);
  });

  it('reads a dash alone in a dollar box as the zero it stands for, as OCR reads it ("-", "=", "—")', () => {
    expect(readMoneyCells('Debt ..\ts\t-\t$\t-', 2).map((c) => c.cents)).toEqual([0, 0]);
    expect(readMoneyCells('☐ $\t=\t☐ $ —\t☐ $ 1,500').map((c) => [c.cents, c.readable])).toEqual([
      [0, true],
      [0, true],
      [150_000, true],
    ]);
  });

  it('takes a lone 3, 5, 8, I, |, or H between a box and an amount for the "$" it is, and -N- for -0-', () => {
    expect(readMoneyCells('☐ I\t0.00 ☐ 3\t989.423', 2).map((c) => c.cents)).toEqual([0, 98_942_300]);
    expect(readMoneyCells('☐ _\t3\t0.00 ☐ _$\t0.00', 2).map((c) => c.cents)).toEqual([0, 0]);
    expect(readMoneyCells('☐ 5\t170,781', 1).map((c) => c.cents)).toEqual([17_078_100]);
    expect(readMoneyCells('☐ H\t-0-\t☐ H\t-N-', 2).map((c) => c.cents)).toEqual([0, 0]);
    expect(readMoneyCells('\t☐ UE 0.00\t☐ s 15,454,050.61', 2).map((c) => c.cents)).toEqual([
      0, 1_545_405_061,
    ]);
  });

  it('reads a dotted zero alone in its box, read as its ring\'s sides ("[c]", "[}"), as an unsure zero', () => {
    expect(readMoneyCells('$\t[c] $\t[}', 2).map((c) => [c.cents, c.readable])).toEqual([
      [0, false],
      [0, false],
    ]);
    // Between the accountant's dashes, read as a quote and a dash (a real reading of "-0-").
    expect(readMoneyCells('☐ $\t“()- ☐ $\t-0-', 2).map((c) => [c.cents, c.readable])).toEqual([
      [0, false],
      [0, true],
    ]);
  });

  it('reads a zero alone in a box-less cell read as a capital or small O as an unsure zero', () => {
    // C.1's Debt row as read on a generated scan: "$ 0 <tab> $ O".
    expect(readMoneyCells('$ 0\t$ O', 2).map((c) => [c.cents, c.readable])).toEqual([
      [0, true],
      [0, false],
    ]);
    expect(readMoneyCells('$\to', 1).map((c) => [c.cents, c.readable])).toEqual([[0, false]]);
  });

  it('reads amounts whose commas OCR read as letters with a tail ("3 y 759 ,000.00")', () => {
    expect(readMoneyCells('$ 3 y 759 ,000 .00').map((c) => c.cents)).toEqual([375_900_000]);
    expect(readMoneyCells('☐ S$ 9 f 677 f 000.00').map((c) => c.cents)).toEqual([967_700_000]);
    expect(readMoneyCells('☐ g\t0\t☐ s 9,437,992.00', 2).map((c) => c.cents)).toEqual([0, 943_799_200]);
    expect(readMoneyCells('$\t83 r 000').map((c) => c.cents)).toEqual([8_300_000]);
    expect(readMoneyCells('☐ $\t-0- ☐ $ 22 Y 921.76', 2).map((c) => c.cents)).toEqual([0, 2_292_176]);
    expect(readMoneyCells('☐ $ 36 v 670.22', 1).map((c) => c.cents)).toEqual([3_667_022]);
  });

  it('reads one "$" read twice a space apart before its amount as one, and a tab between them as two columns', () => {
    expect(readMoneyCells('$ $ 172,553.32', 1).map((c) => c.cents)).toEqual([17_255_332]);
    expect(readMoneyCells('$\t$ 172,553.32', 2).map((c) => c.cents)).toEqual([null, 17_255_332]);
  });

  it('reads a last group of five figures as a group and the cents, the point lost ("9.983.94542")', () => {
    expect(readMoneyCells('$s 9.983.94542', 1).map((c) => c.cents)).toEqual([998_394_542]);
    expect(readMoneyCells('$ 12,34567', 1).map((c) => c.cents)).toEqual([1_234_567]);
  });

  it('reads a comma OCR read as a quote or an "x", and a group of six figures as two groups', () => {
    expect(readMoneyCells('$ 591 ’ 960 . 36').map((c) => c.cents)).toEqual([59_196_036]);
    // With a gap in the group after it too (a real OCR reading of C.4.b's 37,800).
    expect(readMoneyCells('$\t37 ’ 8 00').map((c) => c.cents)).toEqual([3_780_000]);
    expect(readMoneyCells('☐ $ 725 x 228 .51').map((c) => c.cents)).toEqual([72_522_851]);
    expect(readMoneyCells('☐ ~~ $ 7.154820').map((c) => c.cents)).toEqual([715_482_000]);
    // A comma lost after the first group, the second read as a point (a real OCR reading of C.4.b).
    expect(readMoneyCells('s 10381.679').map((c) => c.cents)).toEqual([1_038_167_900]);
    expect(readMoneyCells('$ 1038,679.00').map((c) => c.cents)).toEqual([103_867_900]);
    expect(readMoneyCells('$ 12345.67').map((c) => c.cents)).toEqual([1_234_567]);
    expect(readMoneyCells('☐ $ 2 ) 000 , 237.96').map((c) => c.cents)).toEqual([200_023_796]);
    // A mark after cents stands between two amounts, not inside one.
    expect(readMoneyCells('☐ $ 0.00 x 100 ☐ $ 5,000').map((c) => c.cents)).toEqual([0, 500_000]);
  });

  it('reads an amount cut short by a gap, with more figures after it, as unreadable', () => {
    // Real OCR rows: "138,074.57" with its comma read as a point and its 7 lost, "25,651,940" with
    // its 6 read as an "A".
    const read = (text: string) => readMoneyCells(text, 2).map((c) => [c.cents, c.readable]);
    expect(read('☐ $\t0.00 ☐ $ 138.0 4.57')).toEqual([
      [0, true],
      [null, false],
    ]);
    expect(read('☐ $ 25 A51.940')).toEqual([[null, false]]);
    // A "$" read as a figure before the next box, and the next line's figures, are no part of it.
    expect(read('☐ $\t-0-\t8 ☐\t-0-')).toEqual([
      [0, true],
      [0, true],
    ]);
    expect(read('☐ s 97,250.00\n8, Ere ho')).toEqual([[9_725_000, true]]);
  });

  it('reads an accountant\'s zero with its zero or last dash misread ("-8-", "-0.") as its own cell', () => {
    expect(readMoneyCells('☐\t-8-\t☐ $\t-0-', 2).map((c) => c.cents)).toEqual([0, 0]);
    expect(readMoneyCells('☐\t-0.\t☐ $\t-0-', 2).map((c) => c.cents)).toEqual([0, 0]);
  });

  it('opens an empty cell at a box whose "$" was read as letters before the next cell\'s box', () => {
    // "☐ PH ☐ $ 29,927.50": the amount is the second column's, the first cell's dash lost.
    expect(readMoneyCells('☐ PH\t☐ $\t29,927.50', 2).map((c) => c.cents)).toEqual([null, 2_992_750]);
    expect(readMoneyCells('☐ Common ☐ $ 1,000', 2).map((c) => c.cents)).toEqual([100_000]);
    expect(readMoneyCells('☐ n.oo ☐ $ 73.178.90', 2).map((c) => c.cents)).toEqual([0, 7_317_890]);
    // "$ 0.00" read as a few short marks: the column total is the second column's, not the first's.
    expect(readMoneyCells('\t☐ w\t@ 00 ☐ $ 11,041,563', 2).map((c) => c.cents)).toEqual([0, 1_104_156_300]);
    // "$ 0.00" read as a letter and a zero with letters for its figures: the same.
    expect(readMoneyCells('☐ N\tG.00 ☐ S\t4,412,112', 2).map((c) => c.cents)).toEqual([0, 441_211_200]);
    expect(readMoneyCells('☐ N\tc.0o0 ☐ SN\t0.00', 2).map((c) => c.cents)).toEqual([null, 0]);
  });

  it('reads a column that lost its "$" when the row\'s next line runs on after it', () => {
    // Real OCR rows: Equity's amounts with the Common and Preferred boxes below them, C.1's Total
    // with the note under it.
    expect(readMoneyCells('s -0-\tg -0-\n☐ Common ☐ Preferred', 2).map((c) => c.cents)).toEqual([0, 0]);
    expect(
      readMoneyCells(
        '$ 966,366\t212,167.99\nAnswer also in Appendix, Column 3, if filing under ULOE.',
        2,
      ).map((c) => c.cents),
    ).toEqual([96_636_600, 21_216_799]);
  });

  it('reads an amount grouped by periods with a cents figure lost as its likeliest, unsurely', () => {
    expect(readMoneyCells('☐ $0\t☐ $ 9.575.622.0', 2).map((c) => [c.cents, c.readable])).toEqual([
      [0, true],
      [957_562_200, false],
    ]);
  });

  it('reads an amount with gaps round its separators and its point read as a comma', () => {
    expect(readMoneyCells('☐ $\t0\t☐ $ 44 , 118, 91', 2).map((c) => c.cents)).toEqual([0, 4_411_891]);
  });

  it('reads "$s" before its box, an "s" for the "$" with a speck after it, and a dash zero with a comma after it', () => {
    // Real OCR rows of C.5.
    expect(readMoneyCells('☐ s\t-0- $s ☒ 1.358,252.20,', 2).map((c) => [c.cents, c.estimated])).toEqual([
      [0, false],
      [135_825_220, true],
    ]);
    expect(readMoneyCells('☐ Ss.\t-n- ☐ s.\t=-0-,', 2).map((c) => c.cents)).toEqual([0, 0]);
    // An "s" glued to a zero's cents is no "$": "s.0C" stays the first cell's.
    expect(readMoneyCells('☐ s\ts.0C ☐ Ss\t0.0', 2)).toHaveLength(2);
  });

  it('reads an amount that begins with a zero before a figure as a zero misread, or, whole, as unsure', () => {
    // Real OCR readings: "06.080" and "0560" in cells of zeros; "07,985.04" for 407,985.04.
    const read = (cell: string) => readMoneyCells(cell).map((c) => [c.cents, c.readable]);
    expect(read('$ 06.080')).toEqual([[0, false]]);
    expect(read('$ 0560')).toEqual([[0, false]]);
    expect(read('$ 07,985.04')).toEqual([[798_504, false]]);
    expect(read('$ 0.00')).toEqual([[0, true]]);
  });

  it('reads "0.060" as a zero with a speck for a third figure of its cents, unsurely', () => {
    expect(readMoneyCells('$\t0.00 $\t0.060', 2).map((c) => [c.cents, c.readable])).toEqual([
      [0, true],
      [0, false],
    ]);
  });

  it('reads a "$" read as an 8 glued to the dash zero after it', () => {
    // A real OCR row: Debt's leader read as words, its first "$ -0-" as "8-0-".
    expect(readMoneyCells('.\tme\tem\tee\tme\two. 8-0-\t$s —0-', 2).map((c) => c.cents)).toEqual([0, 0]);
  });

  it('reads a "$" read as an "s" glued to a zero read as an "O" and its point, the cents apart, as $0.00', () => {
    // A real OCR row: C.5's salaries, the second "$ 0.00" read "sO. 00", its last zero faint.
    expect(readMoneyCells('☐ s 0.00\t☐ sO. 00', 2).map((c) => c.cents)).toEqual([0, 0]);
    expect(readMoneyCells('☐ $O.00', 1).map((c) => c.cents)).toEqual([0]);
  });

  it('reads cents with a figure read as a letter and a speck read as a comma after them ("0.n0,")', () => {
    // A real OCR row: C.5's construction, "$ 0.00" in both columns, each with a speck after it.
    const cells = readMoneyCells('☐ S$.\t0.n0, ☐ $\t0.00,', 2);
    expect(cells.map((c) => c.cents)).toEqual([0, 0]);
    // The figure read as a letter leaves the first unsure.
    expect(cells.map((c) => c.readable)).toEqual([false, true]);
  });

  it('reads a column of "$0" alone read "sO" as a cell, a dot leader\'s speck before it', () => {
    // A real OCR row: C.1's Debt, "$0 <tab> $0" read with a speck of its leader before them.
    expect(readMoneyCells('.\tsO\ts0', 2).map((c) => c.cents)).toEqual([0, 0]);
  });

  it('reads a column\'s "$0" read "50" or "5 ()" as zero, never as fifty dollars or a count', () => {
    // Real OCR rows of one page whose "$" read as a 5: C.1's Equity and Partnership Interests,
    // C.2's non-accredited investors (a count of 0, then the amount).
    expect(readMoneyCells('\t50\t50', 2).map((c) => c.cents)).toEqual([0, 0]);
    expect(readMoneyCells('\t50\t5 ()', 2).map((c) => c.cents)).toEqual([0, 0]);
    expect(readMoneyCells('\t0\t50', 1).map((c) => c.cents)).toEqual([0]);
    // C.2's accredited investors of the same page: 50 of them, then their purchases.
    expect(readMoneyCells('\t50\t5 1,902,000', 1).map((c) => c.cents)).toEqual([190_200_000]);
    // Fifty dollars after a "$" read as itself stays so.
    expect(readMoneyCells('$\t50', 1).map((c) => c.cents)).toEqual([5000]);
  });

  it('reads a letter standing apart before a zero at a column\'s start as its "$", never a figure', () => {
    // Real OCR rows: the Amount Already Sold column's "$" read as a "g" (C.1's Debt and Equity,
    // the Common and Preferred boxes on the line under Equity's amounts).
    const read = (text: string) => readMoneyCells(text, 2).map((c) => [c.cents, c.readable]);
    expect(read('3 0	g 0')).toEqual([
      [0, true],
      [0, true],
    ]);
    expect(read('$0	g 0\n☐ Common ☐ Preferred')).toEqual([
      [0, true],
      [0, true],
    ]);
    expect(read('$ 0	g -0-')).toEqual([
      [0, true],
      [0, true],
    ]);
    // A figure the letter could be keeps its place before an amount that is not a zero.
    expect(read('$ 0	l 234,567.00')).toEqual([
      [0, true],
      [123_456_700, false],
    ]);
  });

  it('reads a round letter alone in a dollar cell as a zero, unsurely', () => {
    // Real OCR rows: a typewriter's "0" read as "n" in its own column.
    const read = (text: string) => readMoneyCells(text, 1).map((c) => [c.cents, c.readable]);
    expect(read('☐ $\tn')).toEqual([[0, false]]);
    expect(read('☐ $\tu')).toEqual([[0, false]]);
    expect(read('$ c')).toEqual([[0, false]]);
    // A real OCR row: a dotted zero read "e" (0.62), its neighbour's zero read plainly.
    expect(readMoneyCells('☐ $\te ☐ $\t0', 2).map((c) => [c.cents, c.readable])).toEqual([
      [0, false],
      [0, true],
    ]);
  });

  it('reads any other letter alone in a dollar cell as unreadable, not as an empty cell', () => {
    const read = (text: string) => readMoneyCells(text, 1).map((c) => [c.cents, c.readable]);
    expect(read('☐ $\tG')).toEqual([[null, false]]);
    expect(read('$ k')).toEqual([[null, false]]);
  });

  it('reads a count of investors after a speck of the leader as a count, not an amount', () => {
    // A real OCR row: the leader's last speck read "~", a "$" misread in other rows.
    const row = 'Accredited Investors...\t.\tLo\t.\t.\t~\t2\t$ 217.310.85';
    expect(readMoneyCells(row, 1).map((c) => c.cents)).toEqual([21_731_085]);
    // And where the amount's "$" was read "s" too.
    expect(readMoneyCells('Non-sccredited Investors\t~\t30\ts 15,141', 1).map((c) => c.cents)).toEqual([
      1_514_100,
    ]);
  });

  it('reads a box the pixels did not find and its "$", read as letters ("Cs", "ms"), as a cell\'s opening', () => {
    // Real OCR rows of C.5's Working capital.
    expect(readMoneyCells("Cs\t0 ☒ '$ 56.405.13", 2).map((c) => c.cents)).toEqual([0, 5_640_513]);
    expect(readMoneyCells('☐ sO\tms 47,365.61', 2).map((c) => c.cents)).toEqual([0, 4_736_561]);
    // A box's "$" read as junk before a dash zero ("☐ ee -"), and a "$" read twice with a speck ("S$.").
    expect(readMoneyCells('☐ ee -', 1).map((c) => c.cents)).toEqual([0]);
    expect(readMoneyCells('\t$\t-\tS$.\t-', 2).map((c) => c.cents)).toEqual([0, 0]);
    // A "$" read twice ("Ss", "ss") opens one cell, not two.
    expect(readMoneyCells(')\tSs 506,315\tSs 441,485', 2).map((c) => c.cents)).toEqual([
      50_631_500, 44_148_500,
    ]);
    expect(readMoneyCells(')\t$s -0-\tss -0-', 2).map((c) => c.cents)).toEqual([0, 0]);
  });

  it('reads the cents after a comma where the underline stands between the "$" and the amount', () => {
    // A real OCR row of C.1's Equity at 200 dpi, the points read as commas.
    expect(readMoneyCells('\t-\t$_45,588,000,00\t$_27,446,800,00', 2).map((c) => c.cents)).toEqual([
      4_558_800_000, 2_744_680_000,
    ]);
  });

  it('reads a dash zero after an "S" read for the "$", its underline and a speck between them', () => {
    // A real OCR row of C.1's Other at 200 dpi: "$ -0-" twice, the second "$ -0-" read "S___ . =0-,".
    expect(readMoneyCells('\t$\t-0-.\tS___ . =0-,', 2).map((c) => c.cents)).toEqual([0, 0]);
  });

  it('reads a separator read twice with a gap before the cents as the decimal point ("9,349,914 ,.88")', () => {
    // A real OCR row of C.5's Total Payments Listed at 200 dpi.
    expect(readMoneyCells('\t☐ $ 9,349,914 ,.88', 1).map((c) => c.cents)).toEqual([934_991_488]);
  });

  it("reads a quote among an amount's figures as a speck, after a comma or inside a group", () => {
    // Real OCR readings of C.4.b at 200 dpi: 198,656 and 11,752,114.26.
    expect(readMoneyCells('\t$\t198, ’ 656', 1).map((c) => c.cents)).toEqual([19_865_600]);
    expect(readMoneyCells('\t$ 11,7 ’ 5 2,114.26 .', 1).map((c) => c.cents)).toEqual([1_175_211_426]);
  });

  it('reads a box\'s "$" read as letters with its underline read in pieces after it ("☐ Cs __ _=0-")', () => {
    // A real OCR row of C.5's Repayment of indebtedness at 200 dpi, a scan with streaks.
    expect(readMoneyCells('\t☐ Cs __ _=0-\t☐ Tv -0-', 2).map((c) => c.cents)).toEqual([0, 0]);
  });

  it('reads a "$" OCR read twice as "S$" before a dash zero as one "$"', () => {
    // A real OCR row of C.1: Convertible Securities "$ - <tab> S$ -".
    expect(readMoneyCells('\t$ -\tS$ -', 2).map((c) => c.cents)).toEqual([0, 0]);
  });

  it('reads an "s" after two letters OCR made of the box\'s edge as the "$" ("☒ Tos 21.751")', () => {
    expect(readMoneyCells('☐ $ -\t☒ Tos 21.751', 2).map((c) => [c.cents, c.estimated])).toEqual([
      [0, false],
      [2_175_100, true],
    ]);
  });

  it('reads any lone figure between an estimate box and an amount as the "$"', () => {
    // A real OCR row: C.5's Total Payments Listed, its "$" read as a 4 at confidence 0.50.
    expect(readMoneyCells('☐ 4 1.219.488.92').map((c) => [c.cents, c.readable])).toEqual([
      [121_948_892, true],
    ]);
    expect(readMoneyCells('☐ 7 0.00\t☐ 1 -0-', 2).map((c) => c.cents)).toEqual([0, 0]);
  });

  it('reads a "$" misread as a 3 after the closing bracket of "Other (Specify ___)"', () => {
    expect(readMoneyCells('Trust Certificates\t) 3 54.000\t$ 54.000', 2).map((c) => c.cents)).toEqual([
      5_400_000, 5_400_000,
    ]);
  });

  it('reads the same amount twice in one cell, grouped by periods, as two cells', () => {
    expect(readMoneyCells('- s 729.318 729.318', 2).map((c) => c.cents)).toEqual([72_931_800, 72_931_800]);
  });

  it('reads the cents after a gap when the "$" was read twice ("$s 49,828,866 23")', () => {
    expect(readMoneyCells('$s 49,828,866 23').map((c) => c.cents)).toEqual([4_982_886_623]);
    expect(readMoneyCells('$s 1,344 869 00').map((c) => c.cents)).toEqual([134_486_900]);
  });

  it('reads a "$" read as a 5 after its box before an amount read with gaps round its separators', () => {
    // Never 52,000,237.96: nothing but the "$" stands between the box and the amount.
    expect(readMoneyCells('☐ $ -\t☐ 5 2 , 000 ’ 237.96', 2).map((c) => c.cents)).toEqual([0, 200_023_796]);
  });

  it('reads a "$" read as a lone figure between dash zeros, or after a stray quote, and "os" as 0 $', () => {
    expect(readMoneyCells('$\t-\t4\t-', 2).map((c) => c.cents)).toEqual([0, 0]);
    expect(readMoneyCells("☐ $\t-0- ☐ 'S\t-0-", 2).map((c) => c.cents)).toEqual([0, 0]);
    expect(readMoneyCells(')\t$\tos\t0', 2).map((c) => c.cents)).toEqual([0, 0]);
    expect(readMoneyCells('\t3\t1.768.600 $\t1.768.600', 2).map((c) => c.cents)).toEqual([
      176_860_000, 176_860_000,
    ]);
    expect(readMoneyCells('\t3\t0.00 $\t0.00', 2).map((c) => c.cents)).toEqual([0, 0]);
  });

  it("reads a cell's dash past specks before the next box, and a comma read as a colon", () => {
    expect(readMoneyCells('☐ s\t-\tCs ☒ 615,614 45', 2).map((c) => c.cents)).toEqual([0, 61_561_445]);
    expect(readMoneyCells('☐ $s\t-\t☐ s\t-', 2).map((c) => c.cents)).toEqual([0, 0]);
    expect(readMoneyCells('☐ $0\t☒ _ % 3:502.152.00', 2).map((c) => [c.cents, c.estimated])).toEqual([
      [0, false],
      [350_215_200, true],
    ]);
    // A zero read as letters is the cell's only reading: it stays.
    expect(readMoneyCells('☐ $\tQa ☐ $\t0', 2).map((c) => c.cents)).toEqual([0, 0]);
  });

  it('reads "$0" with its zero read as a letter glued to it, and "-0-" with doubled dashes', () => {
    expect(readMoneyCells('☐ Sn\t☐ $C', 2).map((c) => c.cents)).toEqual([0, 0]);
    expect(readMoneyCells('\t$0\t$n', 2).map((c) => c.cents)).toEqual([0, 0]);
    expect(readMoneyCells('s —-0-\ts —0-', 2).map((c) => c.cents)).toEqual([0, 0]);
    // A ring after an "s" the "$" was read twice as is an unsure zero.
    expect(readMoneyCells('☐ $9\t☐ $s @', 2).map((c) => [c.cents, c.readable])).toEqual([
      [0, false],
      [0, false],
    ]);
  });

  it('reads a "$" read as a letter and a mark, or as a dash before grouped thousands', () => {
    // A box the pixels did not find read as an "l" before the "$" read as an "s", and a speck
    // before the amount (C.4.a's printing costs as read on a generated scan): read, unsurely.
    expect(readMoneyCells('ls .5,600').map((c) => [c.cents, c.readable])).toEqual([[560_000, false]]);
    // A zero read as two round letters after it: C.4.a's total as read on a generated scan.
    expect(readMoneyCells('☐ 4 oO', 1).map((c) => c.cents)).toEqual([0]);
    expect(readMoneyCells('☐ S\t0.00 ☐ i” 3.263.886.00', 2).map((c) => c.cents)).toEqual([0, 326_388_600]);
    expect(readMoneyCells('☐ - 15.000.00', 1).map((c) => c.cents)).toEqual([1_500_000]);
    // A lone letter between an amount's cents and the next amount (C.1's Equity row as read on a
    // generated scan); after a group of three it is no "$".
    expect(readMoneyCells('$ 17,207,700.00 g 17,207,700.00', 2).map((c) => c.cents)).toEqual([
      1_720_770_000, 1_720_770_000,
    ]);
    // A "$" read as a quote before an amount whose comma, typed below the line, OCR lost to a gap
    // (C.4.a's accounting fees as read on a generated scan).
    expect(readMoneyCells('☒ “ 13 554.00', 1).map((c) => [c.cents, c.estimated])).toEqual([
      [1_355_400, true],
    ]);
    expect(readMoneyCells('☐ $\t-\t☒ -— 117,417.00', 2).map((c) => [c.cents, c.estimated])).toEqual([
      [0, false],
      [11_741_700, true],
    ]);
    // Before anything else a dash is the accountant's zero.
    expect(readMoneyCells('☐ -\t☐ $ 0', 2).map((c) => [c.cents, c.raw])).toEqual([
      [0, '$ -'],
      [0, '$ 0'],
    ]);
  });

  it('reads cents after a comma and a gap, and an amount with no "$" grouped by periods', () => {
    expect(readMoneyCells('$ 49,900,901, 32 $ 49,885,920.71', 2).map((c) => c.cents)).toEqual([
      4_990_090_132, 4_988_592_071,
    ]);
    expect(readMoneyCells('1,137.713.45', 1).map((c) => c.cents)).toEqual([113_771_345]);
  });

  it('reads an amount with periods for commas before the row\'s first "$" as the first cell', () => {
    expect(readMoneyCells('725.228.51 s 725,228.51', 2).map((c) => c.cents)).toEqual([
      72_522_851, 72_522_851,
    ]);
    // The second "$" read "5s" (a real reading at 200 dpi).
    expect(readMoneyCells('\t204,100.00 5s 26,976.00', 2).map((c) => c.cents)).toEqual([
      20_410_000, 2_697_600,
    ]);
  });

  it('reads a figure standing apart before the row\'s first amount as its "$", not a figure of it', () => {
    // A real OCR row: C.1's Partnership Interests, "$ 349,375.00 $ 84,000.00" with the first "$"
    // read "5" and the second "s", no tab between the columns. The 5 as a figure would be a comma
    // lost to a gap as well as a "$" lost: two misreadings, not one.
    expect(readMoneyCells('\t5 349,375.00 s 84,000.00', 2).map((c) => c.cents)).toEqual([
      34_937_500, 8_400_000,
    ]);
  });

  it('reads a bold zero OCR read "@" before its cents, its "$" read "@" too', () => {
    expect(readMoneyCells('☐ @\t@ .00\t☐ $\t83,000', 2).map((c) => c.cents)).toEqual([0, 8_300_000]);
    // The "$" alone read "@" before an amount keeps its column.
    expect(readMoneyCells('☐ @\t16,533.00 ☐ $\t117,090.05', 2).map((c) => c.cents)).toEqual([
      1_653_300, 11_709_005,
    ]);
  });

  it('reads a second "$" read "8" after an amount without cents', () => {
    expect(readMoneyCells('$ 3.185.000 8 2,436,000', 2).map((c) => c.cents)).toEqual([
      318_500_000, 243_600_000,
    ]);
  });

  it('reads a row whose second "$" OCR lost or misread ("os -0-", a bracket, two amounts in one column)', () => {
    expect(readMoneyCells('Debt\ts -O-\tos -0-', 2).map((c) => c.cents)).toEqual([0, 0]);
    expect(readMoneyCells('Equity\ts 33.804,004.76 11,897,800.00', 2).map((c) => c.cents)).toEqual([
      3_380_400_476, 1_189_780_000,
    ]);
    expect(readMoneyCells('Equity\t$\t.\t179,663\t179,663', 2).map((c) => c.cents)).toEqual([
      17_966_300, 17_966_300,
    ]);
    expect(readMoneyCells('Total\ts 33,804.004.76 11,897.,800.00', 2).map((c) => c.cents)).toEqual([
      3_380_400_476, 1_189_780_000,
    ]);
    expect(readMoneyCells('Investments\t) I ☐ )\t0.00 ☐ _\t8\t562.236', 2).map((c) => c.cents)).toEqual([
      0, 56_223_600,
    ]);
  });

  it('reads a decimal point OCR read as a colon or a comma after a zero, or lost to a gap', () => {
    expect(readMoneyCells('$ 0:00 $ 0,00 $ 2,172;00 ☐ s 0, 00').map((c) => c.cents)).toEqual([
      0, 0, 217_200, 0,
    ]);
    expect(readMoneyCells('☐ $ 219048 00 ☒ $ 1,344 869 00').map((c) => c.cents)).toEqual([
      21_904_800, 134_486_900,
    ]);
    expect(readMoneyCells('$ 4.109 900 00').map((c) => c.cents)).toEqual([410_990_000]);
  });

  it('takes an amount under a dollar ("0:20") for a zero misread, and marks it unsure', () => {
    expect(readMoneyCells('$ 0.00 $ 0:20').map((c) => [c.cents, c.readable])).toEqual([
      [0, true],
      [0, false],
    ]);
  });

  it('takes a lone "S" column for the "$" that opens the next cell, not a figure of the amount before', () => {
    expect(readMoneyCells('.\t.\t$\t0\tS\t0', 2).map((c) => [c.cents, c.readable])).toEqual([
      [0, true],
      [0, true],
    ]);
    expect(readMoneyCells('\t5\t0\tS\t0', 2).map((c) => c.cents)).toEqual([0, 0]);
  });

  it('reads no amount from the figures before a letter or a separator OCR put inside it ("91g, 000")', () => {
    const [cell] = readMoneyCells('\tS\t91g, 000\t5\t5.3,000', 2);
    expect(cell?.cents).toBeNull();
    expect(cell?.readable).toBe(false);
  });

  it('reads a "$" with a quote or a tilde OCR made of a speck before it', () => {
    expect(readMoneyCells('☐ $ 0.00 ☒ “5 1,344,869.00').map((c) => [c.cents, c.estimated])).toEqual([
      [0, false],
      [134_486_900, true],
    ]);
    expect(readMoneyCells('☐ $ 0.00 ☒ “s 4,109,900.00').map((c) => c.cents)).toEqual([0, 410_990_000]);
  });

  it('reads separators OCR doubled with gaps or read as underscores ("94. , 000.00", "1.273 _580_82")', () => {
    expect(readMoneyCells('$ 94. , 000.00 .').map((c) => c.cents)).toEqual([9_400_000]);
    expect(readMoneyCells('\t$ 1.273 _580_82 $ 331,000.00', 2).map((c) => c.cents)).toEqual([
      127_358_082, 33_100_000,
    ]);
  });

  it('reads a heavy dotted zero the pixels took for a filled box as the zero it is', () => {
    expect(readMoneyCells('\ts 712, ☒ 23.63\t$.712, ☒ 23.63', 2).map((c) => [c.cents, c.estimated])).toEqual([
      [71_202_363, false],
      [71_202_363, false],
    ]);
    expect(readMoneyCells('\ts 0.00\ts ☒ .00', 2).map((c) => c.cents)).toEqual([0, 0]);
    // Thousands separated by periods as OCR read them.
    expect(readMoneyCells('\ts 712.023.63\t$s 712. ☒ 23.63', 2).map((c) => c.cents)).toEqual([
      71_202_363, 71_202_363,
    ]);
    // A checked box between two amounts that make no amount together stays a box.
    expect(readMoneyCells('☐ 0.00 ☒ 3,000').map((c) => [c.cents, c.estimated])).toEqual([
      [0, false],
      [300_000, true],
    ]);
    // Nor does a zero and an amount after it, whose "$" OCR lost: an amount starts with no zero.
    expect(readMoneyCells('☐ $\t0 ☒ 3,394,235.44', 2).map((c) => [c.cents, c.estimated])).toEqual([
      [0, false],
      [339_423_544, true],
    ]);
  });

  it('reads a zero typed alone in its cell and read as the letter o, or as "0,0" or "-n—"', () => {
    expect(readMoneyCells('\t☐ or\to', 1).map((c) => c.cents)).toEqual([0]);
    expect(readMoneyCells('\t☐\too', 1).map((c) => c.cents)).toEqual([0]);
    expect(readMoneyCells('\t☐ $\t0,0 .\t☐ $\t-n—', 2).map((c) => c.cents)).toEqual([0, 0]);
  });

  it('reads a decimal point read as a hyphen, or as a comma after grouped thousands', () => {
    expect(readMoneyCells('☐ $ 1,914,877-80 ☐ S$ 3,335,92').map((c) => c.cents)).toEqual([
      191_487_780, 333_592,
    ]);
  });

  it('reads a whole amount before the row\'s first "$" as its first cell, and a zero read "oo 00"', () => {
    expect(readMoneyCells('\t1,512,000.00 $ 1,470,000.00', 2).map((c) => c.cents)).toEqual([
      151_200_000, 147_000_000,
    ]);
    expect(readMoneyCells('\t31,206.83 s\t31,206.83', 2).map((c) => c.cents)).toEqual([3_120_683, 3_120_683]);
    // A count of investors before the "$" stays a count.
    expect(readMoneyCells('\t20\t$ 1,000.00', 1).map((c) => c.cents)).toEqual([100_000]);
    expect(readMoneyCells('\t☐ oo 00\t☐ 186,720.31', 2).map((c) => c.cents)).toEqual([0, 18_672_031]);
    // After a gap that ends a label's lines with figures of their own (a real OCR reading of
    // C.4.b, its "$" set on the line after the amount).
    const c4b =
      ' in response to Part C -\nQuestion 4.a. This difference is the "adjusted gross proceeds to the issuer.”\t4,245,969.84\n$\n';
    expect(readMoneyCells(c4b)[0]?.cents).toBe(424_596_984);
  });

  it('takes an "So" among a dot leader\'s dots for the leader\'s, not for "$0"', () => {
    expect(readMoneyCells('\t.\tSo\t.\t.\t.\t$ 724,500\ts 308,594', 2).map((c) => c.cents)).toEqual([
      72_450_000, 30_859_400,
    ]);
    expect(readMoneyCells('☐ so ☐ $ 5,000').map((c) => c.cents)).toEqual([0, 500_000]);
  });

  it('takes one letter between a box and an amount for the "$" ("☐ Y -0-")', () => {
    expect(readMoneyCells('\t☐ Y -0-\t☐ 1,277,062.00', 2).map((c) => c.cents)).toEqual([0, 127_706_200]);
  });

  it('reads "N-" for "-0-", a lone 3 between two amounts as the "$", and a lone Q as an unsure zero', () => {
    expect(readMoneyCells('\t☐\tN-\t☐ H\t-0-', 2).map((c) => c.cents)).toEqual([0, 0]);
    expect(readMoneyCells('\tSs\t0.00 3\t0.00', 2).map((c) => c.cents)).toEqual([0, 0]);
    expect(readMoneyCells('\t☐ Ss\tQ\t☐ s\t0', 2).map((c) => [c.cents, c.readable])).toEqual([
      [0, false],
      [0, true],
    ]);
  });

  it('takes a lone H column before an amount for the "$" it is', () => {
    expect(readMoneyCells('\tH\t0.00 $\t*0.00', 2).map((c) => c.cents)).toEqual([0, 0]);
  });

  it('reads amounts whose commas OCR read as periods', () => {
    expect(readMoneyCells('$ 19.428.713.46 $ 7.310.408.80 ☐ $ 1.559.297').map((c) => c.cents)).toEqual([
      1_942_871_346, 731_040_880, 155_929_700,
    ]);
  });

  it('reads a column holding only an amount as a cell, on a laid-out row whose "$" OCR lost', () => {
    expect(readMoneyCells('\t$\t0.00\t0.00').map((c) => c.cents)).toEqual([0, 0]);
    expect(readMoneyCells('\t$ 0.00\tB® 0.00').map((c) => c.cents)).toEqual([0, 0]);
    // A count stands before the first dollar cell: it is no amount.
    expect(readMoneyCells('\t35\t$ 366,143.63').map((c) => c.cents)).toEqual([36_614_363]);
  });

  it('opens, up to the row\'s number of columns, a column whose "$" OCR lost entirely', () => {
    expect(readMoneyCells('\t184,117\ts 32,400', 2).map((c) => c.cents)).toEqual([18_411_700, 3_240_000]);
    // One money column: the count before it stays a count.
    expect(readMoneyCells('\t35\t100,000.00', 1).map((c) => c.cents)).toEqual([10_000_000]);
    // A lone "5" is the "$" misread, not an amount.
    expect(readMoneyCells('\t5\t14,383,000', 2).map((c) => c.cents)).toEqual([1_438_300_000]);
    // The first column's box and "$" read as one word ("as"): no sign its amount already has.
    expect(readMoneyCells('\tas\t0.00\t☐ $\t0.00', 2).map((c) => c.cents)).toEqual([0, 0]);
    // The second column's "$" read at the end of the first, whose own "$" was lost.
    expect(readMoneyCells('\t0.00 $\t0.00', 2).map((c) => c.cents)).toEqual([0, 0]);
  });

  it('leaves a column after an open cell with no amount yet in that cell ("☐ $ <tab> - <tab> 0.00")', () => {
    expect(readMoneyCells('\t☐ $\t-\t0.00\t☐ $', 2).map((c) => c.cents)).toEqual([0, null]);
  });

  it('marks an amount with one digit of cents ("3,629,852.0") unsure: a digit was lost', () => {
    const [cell] = readMoneyCells('$ 3,629,852.0');
    expect(cell).toMatchObject({ cents: 362_985_200, readable: false });
    expect(readMoneyCells('$ 3,629,852.01')[0]?.readable).toBe(true);
  });

  it('reads a space for a lost comma, and spaces around the decimal point', () => {
    expect(readMoneyCells('☐ $\t14, 329 . 97').map((c) => c.cents)).toEqual([1_432_997]);
    expect(readMoneyCells('☐ s 22,670 133.03').map((c) => c.cents)).toEqual([2_267_013_303]);
    expect(readMoneyCells('\t$ 4 , 680 ,901.00').map((c) => c.cents)).toEqual([468_090_100]);
  });

  it('reads the row\'s first "$" read as a figure before an amount that cannot take it, and "-()-" as a zero', () => {
    // C.1's Total row, "$ 21,340,000.00 $ 19,154,887.23": the first amount had taken the second's column.
    expect(readMoneyCells('Total.\t5 21,340,000.00, $s 19,154,887.23', 2).map((c) => c.cents)).toEqual([
      2_134_000_000, 1_915_488_723,
    ]);
    expect(readMoneyCells('Partnership Interests\t$\t-()-\t$\t-()-', 2).map((c) => c.cents)).toEqual([0, 0]);
  });

  it('closes gaps OCR put inside an amount ("3 4,400.00", "4, 1 78,000") where the digits then group as typed', () => {
    expect(readMoneyCells('$\t3 4,400.00').map((c) => c.cents)).toEqual([3_440_000]);
    expect(readMoneyCells('$ 12 3,456.78').map((c) => c.cents)).toEqual([12_345_678]);
    expect(readMoneyCells('$\t4, 1 78,000').map((c) => c.cents)).toEqual([417_800_000]);
    expect(readMoneyCells('☐ $\t1 4, 866').map((c) => c.cents)).toEqual([1_486_600]);
    expect(readMoneyCells('$ 48 283 03 0').map((c) => c.cents)).toEqual([4_828_303_000]);
    // Between the cents' two figures: C.4.a's printing costs as read on a generated scan.
    expect(readMoneyCells('☐ $\t0.0 0').map((c) => [c.cents, c.readable])).toEqual([[0, true]]);
    expect(readMoneyCells('☐ $ 1,234.5 6').map((c) => c.cents)).toEqual([123_456]);
    // Two cells stay two cells.
    expect(readMoneyCells('$ 15 $ 6,000.00').map((c) => c.cents)).toEqual([1500, 600_000]);
  });

  it("reads figures a font's look-alike letters stood for ('n.on', '35a 0nn_nn'), marked unsure", () => {
    const cells = readMoneyCells('$\tn.on\t$\t35a 0nn_nn', 2);
    expect(cells.map((c) => [c.cents, c.readable])).toEqual([
      [0, false],
      [35_900_000, false],
    ]);
    // A "$" read twice is no figure; words are no amount.
    expect(readMoneyCells('$s 25,000').map((c) => c.cents)).toEqual([2_500_000]);
    expect(readMoneyCells('$ none').map((c) => c.cents)).toEqual([0]);
    expect(readMoneyCells('$ see note').map((c) => c.cents)).toEqual([null]);
    // A real OCR reading of C.5's total payments listed, 8,245,820: its 8 read "B", its second
    // comma lost.
    expect(readMoneyCells('☐ s B,245820', 1).map((c) => [c.cents, c.readable])).toEqual([
      [824_582_000, false],
    ]);
    // A real reading of C.1's amount sold, 187,388.52, at 200 dpi: an 8 broken at its lower left
    // read "R".
    expect(readMoneyCells('$ 187.38R.52', 1).map((c) => [c.cents, c.readable])).toEqual([
      [18_738_852, false],
    ]);
  });

  it('reads a lone 5 between an estimate box and an amount as the "$" it was', () => {
    expect(readMoneyCells('☐ $ -0- ☐ 5\t170.781', 2).map((c) => c.cents)).toEqual([0, 17_078_100]);
    expect(readMoneyCells('☐ 5\t0.00\t☐ 5\t0.00', 2).map((c) => c.raw)).toEqual(['$ 0.00', '$ 0.00']);
    expect(readMoneyCells('☐ 8 -0-', 1).map((c) => c.cents)).toEqual([0]);
  });

  it('reads a "$" OCR read as "s" with underscores of the box after it ("s__ 30,024.00")', () => {
    expect(readMoneyCells('$ 43,000.00\ts__ 30,024.00', 2).map((c) => c.cents)).toEqual([
      4_300_000, 3_002_400,
    ]);
  });

  it('opens a cell at an estimate box whose "$" OCR lost', () => {
    const cells = readMoneyCells('☐ 0 ☒ $ 1,250.00');
    expect(cells.map((c) => [c.cents, c.estimated])).toEqual([
      [0, false],
      [125_000, true],
    ]);
    // A box with a word after it (Common / Preferred) is no dollar cell.
    expect(readMoneyCells('$ 0 $ 0 ☐ Common ☒ Preferred').map((c) => c.cents)).toEqual([0, 0]);
  });

  it('keeps a cell whose amount OCR lost at its box, so the next amount stays in its own column', () => {
    // The first column's "$" and amount both lost: the box alone stands for the cell.
    const lost = readMoneyCells('\t☒\t☐ $ 6,795,175.60', 2);
    expect(lost.map((c) => [c.cents, c.estimated])).toEqual([
      [null, true],
      [679_517_560, false],
    ]);
    // The "$" lost, the accountant's dash for zero read.
    expect(readMoneyCells('\t☐\t-\t☐ $ 9,342,002.74', 2).map((c) => c.cents)).toEqual([0, 934_200_274]);
    // A "$" with its box, then the next box with the amount.
    expect(readMoneyCells('\t☐ $\t☐ 1,372,308.18', 2).map((c) => c.cents)).toEqual([null, 137_230_818]);
    // A box printed just after its own "$" is that cell's, not the next one's.
    expect(readMoneyCells('$ ☐ 1,000 $ ☒ 2,000').map((c) => [c.cents, c.estimated])).toEqual([
      [100_000, false],
      [200_000, true],
    ]);
  });

  it('reads "-0-" typed or read with long dashes ("—0—"), also where OCR lost its "$"', () => {
    expect(readMoneyCells('\t☐ —0—\t☒ $4,496,973.00', 2).map((c) => [c.cents, c.estimated])).toEqual([
      [0, false],
      [449_697_300, true],
    ]);
    expect(readMoneyCells('\t☐ s –0-\t☐ $—0—', 2).map((c) => c.cents)).toEqual([0, 0]);
    // Its first dash read as a bracket or a sign: C.1's Equity row, "s <0- s -0-".
    expect(readMoneyCells('Equity\ts <0-\ts -0-', 2).map((c) => c.cents)).toEqual([0, 0]);
    expect(readMoneyCells('\t$ =0-\t$ ~0-', 2).map((c) => c.cents)).toEqual([0, 0]);
  });

  it('reads a mark between a box and its amount as the "$" ("\\", a quote), so each amount keeps its column', () => {
    // C.5 rows: with the first "$" read as "\\" or "“", the zero after it was no cell, and the
    // payment to others took the affiliates' column.
    expect(readMoneyCells('Salaries and fees\t☐ \\\t0 ☐ 5 13.263.00', 2).map((c) => c.cents)).toEqual([
      0, 1_326_300,
    ]);
    expect(
      readMoneyCells('Construction\t☐ “\t0.00 ☒ $ 1,147,306.46', 2).map((c) => [c.cents, c.estimated]),
    ).toEqual([
      [0, false],
      [114_730_646, true],
    ]);
  });

  it('reads a "$" read as a mark alone in its column, or as a figure after an amount, in a row without boxes', () => {
    // C.1 rows: "~" for the first "$" (the row had read as one cell), "\\" and "5" for the two.
    expect(readMoneyCells('Convertible Securities\t~\t83.000.00 s 83.000.00', 2).map((c) => c.cents)).toEqual(
      [8_300_000, 8_300_000],
    );
    expect(readMoneyCells('Other (Specify\t|\t\\\t0\t5\t0', 2).map((c) => c.cents)).toEqual([0, 0]);
  });

  it('reads a "$" misread as figures or letters beside a zero, not as figures of the amount', () => {
    // "3s", "5" before a zero read as a letter, after the box.
    expect(readMoneyCells('\t☐ 3s\t0').map((c) => c.cents)).toEqual([0]);
    expect(readMoneyCells('\t☐ 5\tQ').map((c) => c.cents)).toEqual([0]);
    // Glued to the zero after its box: no Form D amount is fifty dollars.
    expect(readMoneyCells('\t☐ 50.00').map((c) => c.cents)).toEqual([0]);
    // Glued as an "s" to the amount before it: the next cell's "$".
    expect(readMoneyCells('$\t0s\t0', 2).map((c) => c.cents)).toEqual([0, 0]);
    // A "$" read as itself leaves fifty dollars fifty dollars.
    expect(readMoneyCells('☐ $ 50.00').map((c) => c.cents)).toEqual([5000]);
  });

  it('reads a figure glued to the "$" or to a letter like it after a box as the sign misread, not a cell of its own', () => {
    // C.4.a's total: "☐ 3$ 6,900"; nothing is printed between a box and its "$".
    expect(readMoneyCells('Total\t☐ 3$ 6,900', 1).map((c) => c.cents)).toEqual([690_000]);
    expect(readMoneyCells('\t☐ 5$ 0.00\t☐ 3$ 1,250.00', 2).map((c) => c.cents)).toEqual([0, 125_000]);
    // The sign read as itself with a figure glued to it, the amount apart (real readings); a comma
    // lost to a gap leaves a group of three after the figure, and the figure stays.
    expect(readMoneyCells('Blue sky fees\t) ☐ $8\t8,210', 1).map((c) => c.cents)).toEqual([821_000]);
    expect(readMoneyCells('☒ — $8 7.507.955.10', 1).map((c) => c.cents)).toEqual([750_795_510]);
    expect(readMoneyCells('☐ $3 500,000', 1).map((c) => c.cents)).toEqual([350_000_000]);
    // The sign read as a figure and a letter ("8B"), a tab before the amount.
    expect(readMoneyCells('Purchase of real estate\t☐ $\t0.00\t☐ 8B\t0.00', 2).map((c) => c.cents)).toEqual([
      0, 0,
    ]);
  });

  it('reads a "$" read twice ("$$") as one', () => {
    expect(readMoneyCells('\t☐\t-\t☐ $$ 22,467,312.24', 2).map((c) => c.cents)).toEqual([0, 2_246_731_224]);
  });
});

describe('parseDate reads a date as filers wrote it into YYYY-MM-DD', () => {
  it.each([
    ['11/28/03', '2003-11-28'],
    ['November 28, 2003', '2003-11-28'],
    ['11-28-2003', '2003-11-28'],
    ['11/28/2003', '2003-11-28'],
    ['Nov. 28, 2003', '2003-11-28'],
    ['28 November 2003', '2003-11-28'],
    ['2003-11-28', '2003-11-28'],
    ['02/29/2004', '2004-02-29'],
    ['6/1/97', '1997-06-01'],
  ])('%j is %s', (raw, iso) => {
    expect(parseDate(raw)).toBe(iso);
  });

  it.each([
    ['02/30/2003', 'February has no 30th'],
    ['02/29/2003', '2003 is not a leap year'],
    ['13/01/2003', 'there is no month 13'],
    ['November 31, 2003', 'November has 30 days'],
    ['00/00/00', 'all zeros'],
    ['', 'a blank line'],
    ['yesterday', 'a word'],
  ])('%j is null (%s)', (raw, _why) => {
    expect(parseDate(raw)).toBeNull();
  });
});

describe('readCount reads the number of investors before the first dollar cell', () => {
  it.each([
    ['\t20)\t$ 7.310.408.80', 20],
    ['\t35\t$ 366,143.63', 35],
    ['.. l0 $ 1,000.00', 10],
    ['\t5}\t-0-', 5],
    ['\t[0}\t$\t-0-', 0],
    [' Q $ 0.00', 0],
    ['Non-accredited Investors\tn\t$0', 0],
    ['Non-accredited Investors\tn\t$\t-0-', 0],
    // A speck before it read as a point (a real reading).
    ['Non-accredited Investors\t.0\t$\t-0--', 0],
    ['\t$ 0.00', null],
    // A point after it, and a typed 7 read as a T beside a figure (real readings).
    ['Accredited Investors\t32.\t$ 5,469,843.00', 32],
    ['Accredited Investors\tT7\t$ 1.086.732.75', 77],
    // A word of capitals alone is no count.
    ['Accredited Investors\tTBS\t$ 1.086.732.75', null],
  ])('reads %j as %j', (text, count) => {
    expect(readCount(text).count).toBe(count);
  });
});
