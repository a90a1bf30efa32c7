/** OCR words and check boxes found in the pixels, laid out as lines. */
import { describe, expect, it } from 'vitest';
import type { CheckBox } from '../src/image/check-boxes.js';
import type { Word } from '../src/ingest/lines.js';
import { withoutShadowFigures } from '../src/ocr/shadow-readings.js';
import { withoutStackedReadings } from '../src/ocr/stacked-readings.js';
import { layoutLines } from '../src/parse/layout-lines.js';
import { signsReadAsFigures } from '../src/parse/one-glyph-signs.js';
import type { Bbox } from '../src/record/schema.js';

const word = (text: string, x0: number, x1: number, y = 100): Word => ({
  text,
  bbox: [x0, y, x1, y + 30],
  confidence: 0.9,
});
const box = (x0: number, checked: boolean, y = 104): CheckBox => ({
  bbox: [x0, y, x0 + 24, y + 24],
  checked,
  confidence: 0.9,
  fill: checked ? 0.3 : 0,
});
const noRules = { horizontal: [], vertical: [] };
/** A word as OCR gave it: its box and its confidence. */
const read = (text: string, bbox: Bbox, confidence: number): Word => ({ text, bbox, confidence });
/** A word OCR read at a box of a real page. */
const at = (text: string, bbox: [number, number, number, number]): Word => ({ text, bbox, confidence: 0.9 });
type Row = [string, number, number, number, number];
/** The lines of words given as [text, x0, y0, x1, y1], with the unchecked boxes given and no rules. */
const laidOut = (rows: readonly Row[], boxes: ReadonlyArray<[number, number, number, number]> = []) =>
  layoutLines(
    rows.map(([text, ...bbox]) => at(text, bbox)),
    boxes.map((bbox) => ({ bbox, checked: false, confidence: 1, fill: 0 })),
    noRules,
    1,
  ).map((l) => l.text);

describe('layoutLines', () => {
  it('drops a short word read with no confidence round a check box: the box\'s cross and the "$" read as figures', () => {
    // A real row at 200 dpi: "Total Payments Listed (column totals added) ☒ $ 919,340.26", the
    // checked box and its "$" read "15" at 0.00.
    const checked: CheckBox = { bbox: [1009, 485, 1029, 505], checked: true, confidence: 0.9, fill: 0.3 };
    const row = (confidence: number) =>
      layoutLines(
        [
          read('added)', [540, 485, 616, 505], 0.96),
          read('15', [1007, 484, 1055, 510], confidence),
          read('919.340.26', [1070, 480, 1193, 499], 0.41),
        ],
        [checked],
        noRules,
        1,
      ).map((l) => l.text);
    expect(row(0)).toEqual(['added)\t☒ 919.340.26']);
    // Read at all surely, such a word is kept.
    expect(row(0.5)[0]).toContain('15');
  });

  it("puts a box before its label when OCR began the label on the box's outline, read as a quote", () => {
    // A real row at 200 dpi: "☒ Common ☒ Preferred", the first label read "\"Common" from just
    // left of its box.
    const lines = layoutLines(
      [at('"Common', [551, 348, 679, 384]), at('Preferred', [740, 355, 835, 380])],
      [
        { bbox: [558, 353, 583, 378], checked: true, confidence: 1, fill: 0.78 },
        { bbox: [711, 353, 736, 378], checked: true, confidence: 1, fill: 1 },
      ],
      noRules,
      1,
    );
    expect(lines.map((l) => l.text)).toEqual(['☒ Common ☒ Preferred']);
  });

  it("drops letters OCR read in a strip a few pixels high, a dot leader's dots, not text", () => {
    // A real C.1 row at 200 dpi: the leader's dots read "So", "o" and "So", 3 pixels high, which
    // read as a "$0" put a zero before the row's two amounts.
    expect(
      laidOut([
        ['Total...', 134, 581, 238, 595],
        ['So', 363, 592, 430, 595],
        ['o', 699, 592, 727, 595],
        ['So', 842, 592, 904, 595],
        ['s’', 978, 572, 1000, 596],
        ['6,748,400', 1062, 567, 1190, 606],
        ['s', 1304, 580, 1314, 596],
        ['6,748,400', 1389, 571, 1510, 597],
      ]),
    ).toEqual(['Total...\ts’ 6,748,400 s 6,748,400']);
  });

  it("sets a dash for zero typed above the row's middle on its row, not on a line of its own", () => {
    // A real C.5 row at 200 dpi: "☐ $ -" twice, each dash a bar 3 pixels high near the top of its
    // box; the page's text is about 20 pixels high.
    const lines = layoutLines(
      [
        at('Repayment', [110, 311, 215, 333]),
        at('of', [221, 312, 237, 328]),
        at('indebtedness', [244, 311, 367, 328]),
        at('$', [838, 311, 849, 330]),
        at('—', [869, 315, 883, 317]),
        at('$', [1258, 311, 1269, 331]),
        at('-', [1289, 308, 1301, 330]),
      ],
      [
        { bbox: [802, 308, 824, 330], checked: false, confidence: 1, fill: 0 },
        { bbox: [1222, 308, 1244, 330], checked: false, confidence: 1, fill: 0 },
      ],
      noRules,
      1,
    );
    expect(lines.map((l) => l.text)).toEqual(['Repayment of indebtedness\t☐ $ —\t☐ $ -']);
  });

  it("puts a box before an amount that OCR read from the box's left edge on", () => {
    // The amount's word starts where the box does: OCR took the erased box's place into the word.
    const lines = layoutLines(
      [
        word('Purchase', 160, 390),
        word('$', 966, 980),
        word('0', 990, 1010),
        word('$225,297.03', 1228, 1450),
      ],
      [box(931, false), box(1228, true)],
      noRules,
      1,
    );
    expect(lines.map((l) => l.text)).toEqual(['Purchase\t☐ $ 0\t☒ $225,297.03']);
  });

  it('parts words by spaces, not tabs, where OCR read specks inside them', () => {
    // A real line at 200 dpi: "Units of Limited Partnership Interest" typed in a thin monospace,
    // specks read as words over "Units", "Limited" and "Partnership". Measured from a speck's end
    // and by a speck's height, each gap after one was a column's, and the name ended at "Units".
    const lines = layoutLines(
      [
        at('Units', [129, 558, 215, 579]),
        at('.', [172, 557, 174, 560]),
        at('of', [237, 556, 270, 578]),
        at('Limited', [293, 556, 413, 579]),
        at('.', [315, 556, 318, 559]),
        at(':', [352, 554, 354, 557]),
        at('Partnership', [436, 555, 629, 584]),
        at('.', [603, 557, 606, 560]),
        at('Interest', [653, 557, 790, 579]),
        // A stamp beside it, whose tall word makes the row.
        at('ROCESSE', [1249, 503, 1490, 596]),
        at('1995', [1415, 565, 1478, 588]),
      ],
      [],
      noRules,
      1,
    );
    // (The specks wholly inside a word's box are left out as no words of their own.)
    expect(lines.map((l) => l.text)).toEqual(['Units . of Limited : Partnership Interest\tROCESSE 1995']);
  });

  it('reads no word in a sliver of a rule several lines tall, which would pull rows out of order', () => {
    const lines = layoutLines(
      [
        word('Partnership', 160, 390, 100),
        word('$', 918, 930, 100),
        word('0', 1180, 1192, 100),
        word('Other', 160, 230, 150),
        word('$', 918, 930, 150),
        word('23,291,000.00', 955, 1191, 150),
        { text: '“oe', bbox: [1298, 60, 1309, 220], confidence: 0.3 },
      ],
      [],
      noRules,
      1,
    );
    expect(lines.map((l) => l.text)).toEqual(['Partnership\t$\t0', 'Other\t$ 23,291,000.00']);
  });

  it("reads no word in a signature's scribble, which ran on into the typed name beside it", () => {
    // A real row at 300 dpi under "Issuer (Print or Type) <tab> Signature <tab> Date": the scribble
    // read "(Toms" at 0.42, its box five lines tall, on the row of the issuer's name and the date.
    const lines = layoutLines(
      [
        { ...at('Issuer', [226, 1038, 313, 1064]), confidence: 0.96 },
        { ...at('Date', [1797, 1038, 1864, 1064]), confidence: 0.96 },
        at('Westbrook', [245, 1110, 426, 1142]),
        at('Corp.', [437, 1112, 528, 1151]),
        { text: '(Toms', bbox: [1186, 1035, 1645, 1176], confidence: 0.42 },
        at('December', [1818, 1110, 1990, 1142]),
        at('23,', [2000, 1112, 2050, 1149]),
        at('1997', [2065, 1112, 2145, 1142]),
      ],
      [],
      noRules,
      1,
    );
    expect(lines.map((l) => l.text)).toEqual(['Issuer\tDate', 'Westbrook Corp.\tDecember 23, 1997']);
  });

  it('keeps an amount read unsurely with a box three lines tall: figures are typed, no scribble', () => {
    // A real row at 200 dpi: C.1's Total, the offered amount read again from missed ink with the
    // pieces of the underline under its figures in its box.
    const lines = layoutLines(
      [
        at('Total.', [147, 570, 228, 585]),
        { text: '21,340,000.00,', bbox: [990, 546, 1200, 600], confidence: 0.43 },
        at('$', [1283, 570, 1293, 587]),
        at('19,154,887.23', [1322, 566, 1519, 593]),
        at('Answer', [202, 607, 280, 624]),
        at('also', [290, 607, 330, 624]),
      ],
      [],
      noRules,
      1,
    );
    expect(lines[0]?.text).toContain('21,340,000.00,');
  });

  it('reads no word in a hairline OCR took for a dash with no confidence; a dash typed for zero stays', () => {
    // A real page at 200 dpi: a speck two pixels high under C.5's last row, which ran into its
    // amount and cut off the cents read after a gap.
    const lines = layoutLines(
      [
        at('Total', [121, 771, 168, 788]),
        at('$', [1156, 772, 1169, 790]),
        at('41,844,653', [1194, 768, 1379, 795]),
        at('96', [1406, 769, 1437, 791]),
        { text: '-', bbox: [343, 826, 354, 827], confidence: 0 },
        at('Other', [121, 860, 180, 880]),
        at('$', [1156, 860, 1169, 880]),
        { text: '-', bbox: [1200, 868, 1214, 871], confidence: 0.4 },
      ],
      [],
      noRules,
      1,
    );
    expect(lines.map((l) => l.text)).toEqual(['Total\t$ 41,844,653 96', 'Other\t$ -']);
  });

  it("keeps a label's two lines apart where a comb's typed letters stand between them", () => {
    // A real line at 200 dpi: the jurisdiction's label in two lines, its comb "D E" to the right
    // as tall as both, and "two-letter" read with a speck under it. The tall words widened the
    // first line's band over the second, and the two lines' words interleaved, so that no label
    // was found and the code was lost.
    const first: Row[] = [
      ['Jurisdiction', 139, 1479, 219, 1494],
      ['of', 224, 1479, 237, 1493],
      ['Incorporation', 243, 1479, 334, 1497],
      ['or', 340, 1483, 353, 1494],
      ['Organization:', 358, 1479, 451, 1498],
      ['(Enter', 458, 1479, 500, 1497],
      ['two-letter', 505, 1476, 570, 1506],
      ['State:', 833, 1479, 873, 1494],
    ];
    const second: Row[] = [
      ['CN', 140, 1505, 162, 1520],
      ['for', 167, 1505, 185, 1520],
      ['Canada;', 190, 1505, 249, 1521],
      ['foreign', 344, 1505, 391, 1524],
      ['jurisdiction)', 396, 1505, 477, 1524],
    ];
    const comb: Row[] = [
      ['D', 1168, 1483, 1207, 1527],
      ['E', 1207, 1483, 1245, 1527],
    ];
    expect(laidOut([...first, ...second, ...comb])).toEqual([
      'Jurisdiction of Incorporation or Organization: (Enter two-letter\tState:\tD E',
      'CN for Canada;\tforeign jurisdiction)',
    ]);
  });

  it("keeps a label's line apart from the instruction under it where OCR drew a word's box down to it", () => {
    // A real label and instruction at 300 dpi (B.4): "Purchasers" read with a box twice as tall as
    // its letters, down into the instruction's line, beside whose end stands the All States box.
    // Widened by the whole box, the label's band took in the box, and then the instruction's words:
    // the two lines interleaved, no label was found, and they were read as a broker's name.
    const label: Row[] = [
      ['States', 260, 1058, 364, 1084],
      ['in', 380, 1057, 405, 1084],
      ['Which', 420, 1057, 522, 1084],
      ['Person', 538, 1058, 647, 1084],
      ['Listed', 664, 1057, 760, 1084],
      ['Has', 777, 1058, 837, 1084],
      ['Solicited', 852, 1057, 993, 1084],
      ['or', 1008, 1064, 1042, 1084],
      ['Intends', 1056, 1057, 1178, 1084],
      ['to', 1191, 1059, 1223, 1084],
      ['Solicit', 1238, 1057, 1338, 1084],
      ['Purchasers', 1353, 1057, 1536, 1109],
    ];
    const instruction: Row[] = [
      ['(Check', 261, 1096, 375, 1126],
      ['"All', 390, 1096, 442, 1123],
      ['States"', 458, 1097, 577, 1123],
      ['or', 593, 1103, 626, 1123],
      ['check', 638, 1096, 736, 1123],
      ['individual', 751, 1096, 911, 1123],
      ['States)', 927, 1096, 1043, 1126],
      ['All', 2164, 1096, 2203, 1123],
      ['States', 2219, 1097, 2323, 1123],
    ];
    const lines = layoutLines(
      [...label, ...instruction].map(([text, ...bbox]) => at(text, bbox)),
      [{ bbox: [2110, 1089, 2147, 1126], checked: false, confidence: 1, fill: 0 }],
      noRules,
      1,
    ).map((l) => l.text);
    expect(lines).toEqual([
      'States in Which Person Listed Has Solicited or Intends to Solicit Purchasers',
      '(Check "All States" or check individual States)\t☐ All States',
    ]);
  });

  it('sets a value typed high beside its row on that row, where its middle lies above the row', () => {
    // Three real rows of C.4.a at 300 dpi, each "label ☐ $ -0-": the middle row's "-0" typed
    // higher than the others', its middle above the band the box and the label make. It began a
    // row of its own, and the row's cell was read empty.
    const rows: Row[] = [
      ['Transfer', 206, 2087, 326, 2111],
      ["Agent's", 337, 2087, 444, 2118],
      ['Fees', 457, 2088, 527, 2111],
      ['$', 1893, 2087, 1910, 2113],
      ['—0-', 1942, 2075, 2018, 2104],
      ['Printing', 208, 2157, 315, 2188],
      ['and', 328, 2157, 379, 2181],
      ['Engraving', 393, 2156, 537, 2188],
      ['Costs', 550, 2157, 632, 2181],
      ['$s', 1893, 2157, 1910, 2182],
      ['—0', 1942, 2142, 1988, 2171],
      ['Legal', 208, 2227, 284, 2257],
      ['Fees', 298, 2228, 367, 2251],
      ['$s', 1893, 2227, 1910, 2252],
      ['—0-', 1942, 2215, 2018, 2244],
    ];
    const lines = laidOut(rows, [
      [1836, 2079, 1872, 2114],
      [1836, 2149, 1870, 2185],
      [1836, 2219, 1871, 2255],
    ]);
    expect(lines).toEqual([
      "Transfer Agent's Fees\t☐ $ —0-",
      'Printing and Engraving Costs\t☐ $s —0',
      'Legal Fees\t☐ $s —0-',
    ]);
  });

  it("sets a table row's figures typed high among its printed words on that row", () => {
    // A real C.2 at 200 dpi, its print small (the page's words 12 pixels high): "34" and
    // "57,307" typed higher than the row's label and its "$" (read "s"), the amount boxed more
    // than twice the text's height. The figures began a row of their own above the label's.
    const question = Array.from(
      { length: 12 },
      (_, i): Row => ['word', 153 + i * 60, 671, 200 + i * 60, 683],
    );
    const lines = laidOut([
      ...question,
      ['Accredited', 153, 774, 239, 789],
      ['Investors', 246, 775, 316, 788],
      ['34', 1067, 761, 1100, 784],
      ['s', 1308, 774, 1316, 788],
      ['57,307', 1413, 760, 1507, 788],
      ['Non-accredited', 154, 821, 274, 835],
      ['Investors', 281, 822, 352, 835],
      ['30', 1068, 809, 1101, 832],
      ['s', 1308, 821, 1317, 835],
      ['15,141', 1415, 809, 1507, 835],
    ]).slice(1);
    expect(lines).toEqual(['Accredited Investors\t34\ts 57,307', 'Non-accredited Investors\t30\ts 15,141']);
    // Figures typed over the printed words of the line below are no figures of it.
    const over = laidOut([
      ...question,
      ['Accredited', 153, 774, 239, 789],
      ['Investors', 246, 775, 316, 788],
      ['1999', 200, 761, 260, 784],
    ]).slice(1);
    expect(over).toEqual(['1999', 'Accredited Investors']);
  });

  it('sets a "-0-" typed high among a row\'s words on that row, as it does figures', () => {
    // A real C.4.a at 200 dpi: Engineering Fees' "-0-" typed half a line above its label, the
    // row above already holding its own "-0-". It made a line of its own, and the fee was unread.
    const rows: Row[] = [
      ['Accounting', 109, 1448, 219, 1468],
      ['Fees', 229, 1449, 272, 1464],
      ['5', 1282, 1450, 1292, 1464],
      ['-0-', 1442, 1443, 1494, 1461],
      ['Engineering', 110, 1496, 228, 1514],
      ['Fees', 237, 1496, 281, 1511],
      ['s', 1282, 1497, 1292, 1511],
      ['-0-', 1442, 1485, 1493, 1503],
    ];
    const lines = laidOut(rows, [
      [1246, 1445, 1266, 1465],
      [1246, 1492, 1266, 1512],
    ]);
    expect(lines).toEqual(['Accounting Fees\t☐ 5\t-0-', 'Engineering Fees\t☐ s\t-0-']);
  });

  it("sets an amount's first figures that OCR boxed down to their underline on the amount's row, not the label's above", () => {
    // A real C.4.b at 200 dpi: "$ 25,936,172" typed on an underline, a little below the end of
    // the label's last line. OCR boxed "25," down to the underline, twice the text's height, its
    // middle within the label's row: it joined that row before the amount's row was begun, and
    // the amount was read as 936,172.
    const lines = laidOut([
      ['"adjusted', 157, 1649, 227, 1667],
      ['gross', 233, 1653, 274, 1667],
      ['proceeds', 279, 1649, 349, 1667],
      ['to', 354, 1650, 367, 1663],
      ['the', 372, 1649, 395, 1663],
      ['issuer."', 401, 1649, 455, 1663],
      ['$', 1306, 1666, 1316, 1683],
      ['25,', 1355, 1646, 1393, 1687],
      ['93', 1396, 1659, 1427, 1680],
      ['6,', 1430, 1659, 1451, 1683],
      ['172', 1455, 1658, 1502, 1680],
    ]);
    expect(lines).toEqual(['"adjusted gross proceeds to the issuer."', '$ 25, 93 6, 172']);
  });

  it("leaves a speck's letters above a label's row on a line of their own, no value beside the label", () => {
    // A real row at 300 dpi (A.1): the address label, "Co" read in a speck a third of a line high
    // above its row's middle, right of the label; and the address typed under it.
    const rows: Row[] = [
      ['Address', 182, 1443, 305, 1470],
      ['of', 317, 1443, 343, 1470],
      ['Executive', 355, 1443, 497, 1470],
      ['Offices', 509, 1443, 609, 1470],
      ['(Number', 622, 1443, 752, 1477],
      ['and', 762, 1443, 816, 1470],
      ['Street,', 828, 1443, 924, 1474],
      ['City,', 937, 1443, 1001, 1477],
      ['State,', 1015, 1443, 1099, 1474],
      ['Zip', 1112, 1443, 1158, 1477],
      ['Code)', 1170, 1443, 1258, 1477],
      ['Co', 1412, 1438, 1453, 1450],
      ['7', 195, 1492, 216, 1533],
      ['Oak', 228, 1490, 304, 1521],
      ['Street,', 318, 1490, 440, 1528],
      ['Los', 455, 1491, 519, 1521],
      ['Angeles,', 532, 1490, 688, 1528],
      ['CA', 704, 1490, 760, 1521],
      ['90011', 773, 1491, 881, 1521],
    ];
    expect(laidOut(rows)).toEqual([
      'Co',
      'Address of Executive Offices (Number and Street, City, State, Zip Code)',
      '7 Oak Street, Los Angeles, CA 90011',
    ]);
  });

  it("sets a label's second line after its first, though the comb's tall letters beside it rise above both", () => {
    // A real line at 300 dpi: the jurisdiction's label in two lines, its comb "D E" on the second
    // and a pixel or two higher than the first line's top. Ordered by its highest word, the second
    // line came first, before the label the parser looks for the comb after.
    const first: Row[] = [
      ['Jurisdiction', 157, 1277, 248, 1290],
      ['of', 255, 1276, 268, 1290],
      ['Incorporation', 278, 1276, 382, 1294],
      ['Organization:', 410, 1277, 517, 1293],
      ['for', 928, 1275, 949, 1290],
      ['State:', 956, 1276, 998, 1290],
    ];
    const second: Row[] = [
      ['CN', 157, 1301, 183, 1314],
      ['for', 191, 1300, 209, 1314],
      ['Canada;', 218, 1300, 281, 1315],
      ['foreign', 392, 1300, 447, 1317],
      ['jurisdiction)', 453, 1301, 549, 1317],
    ];
    const comb: Row[] = [
      ['D', 1187, 1274, 1225, 1319],
      ['E', 1225, 1274, 1263, 1319],
    ];
    expect(laidOut([...comb, ...second, ...first])).toEqual([
      'Jurisdiction of Incorporation Organization:\tfor State:',
      'CN for Canada;\tforeign jurisdiction)\tD E',
    ]);
  });

  it("gives a comb's tall figures the band of a row that a speck began", () => {
    // A real line at 200 dpi: a speck just above the text began the row, and the year's comb
    // figures, taller than the text, joined it; kept to the speck's band, they made a row of
    // their own and the year was lost.
    const words: Row[] = [
      ['*', 853, 1364, 855, 1366],
      ['9', 918, 1345, 953, 1386],
      ['0', 953, 1345, 988, 1386],
      ['Date', 335, 1363, 374, 1378],
      ['of', 381, 1363, 396, 1378],
      ['Incorporation:', 404, 1363, 518, 1381],
      ['Month', 706, 1358, 759, 1385],
      ['Year', 869, 1363, 908, 1378],
      ['Actual', 1064, 1359, 1121, 1385],
    ];
    expect(laidOut(words)).toEqual(['Date of Incorporation:\tMonth * Year 9 0 Actual']);
  });

  it("keeps a row whole where a stamp's border begins or ends within it", () => {
    // A real page: the border of a "PROCESSED" stamp right of the row, read as a vertical rule
    // ending at y 712, below the box's and "Amendment"'s middles, above the label's.
    const words = [
      at('Type', [126, 706, 170, 725]),
      at('of', [177, 705, 194, 721]),
      at('Filing:', [201, 706, 254, 725]),
      at('New', [312, 697, 353, 731]),
      at('Filing', [360, 706, 408, 725]),
      at('Amendment', [471, 692, 588, 729]),
    ];
    const boxes: CheckBox[] = [
      { bbox: [277, 699, 300, 723], checked: true, confidence: 1, fill: 0.3 },
      { bbox: [441, 700, 464, 723], checked: false, confidence: 1, fill: 0 },
    ];
    for (const rule of [
      { at: 1253, from: 611, to: 712, thickness: 1 },
      { at: 1253, from: 712, to: 900, thickness: 1 },
    ]) {
      const lines = layoutLines(words, boxes, { horizontal: [], vertical: [rule] }, 1).map((l) => l.text);
      expect(lines).toEqual(['Type of Filing: ☒ New Filing ☐ Amendment']);
    }
  });

  it("keeps a row whole where a stamp's border begins a few pixels into it, below its short words' middles", () => {
    // A real page at 300 dpi: the stamp's left border found from y 1207, within the row; it bounded
    // "Filing" and the boxes (taller) and not "Under", "Rule 504" or "ULOE", and the row fell in two.
    const words = [
      at('Filing', [215, 1188, 279, 1220]),
      at('Under', [291, 1188, 366, 1213]),
      at('(Check', [376, 1188, 465, 1221]),
      at('Rule', [798, 1188, 853, 1213]),
      at('504', [863, 1188, 909, 1213]),
      at('ULOE', [1678, 1186, 1751, 1213]),
      at('OCT', [1966, 1182, 2025, 1211]),
      at('05', [2036, 1180, 2067, 1207]),
      at('2000', [2077, 1176, 2141, 1204]),
    ];
    const boxes: CheckBox[] = [
      { bbox: [748, 1185, 779, 1217], checked: false, confidence: 1, fill: 0 },
      { bbox: [1628, 1185, 1660, 1217], checked: false, confidence: 1, fill: 0 },
    ];
    const border = [
      { at: 1847, from: 1207, to: 1404, thickness: 3 },
      { at: 2268, from: 1212, to: 1404, thickness: 3 },
    ];
    const lines = layoutLines(words, boxes, { horizontal: [], vertical: border }, 1).map((l) => l.text);
    expect(lines).toEqual(['Filing Under (Check\t☐ Rule 504\t☐ ULOE', 'OCT 05 2000']);
  });

  it("reads the rows beside a stamp's border in their place among the page's rows, where no rule parts the page", () => {
    // A real page at 300 dpi printed without rules between its boxes: a "PROCESSED" stamp's
    // borders bound the rows beside them from y 871 to 1163, which were read after all the others.
    const words = [
      at('Name', [208, 827, 290, 860]),
      at('Offering', [330, 827, 460, 860]),
      at('Series', [247, 881, 400, 912]),
      at('C', [434, 885, 455, 912]),
      at('"PROCESSED', [1900, 886, 2251, 945]),
      at('Filing', [200, 964, 277, 995]),
      at('Under', [287, 964, 368, 988]),
      at('BASIC', [965, 1113, 1099, 1142]),
      at('THOMSON', [1990, 1029, 2154, 1052]),
      at('Enter', [230, 1190, 320, 1221]),
      at('Issuer', [330, 1238, 430, 1283]),
    ];
    const border = [
      { at: 1887, from: 871, to: 1163, thickness: 6 },
      { at: 2259, from: 878, to: 1168, thickness: 5 },
    ];
    const lines = layoutLines(words, [], { horizontal: [], vertical: border }, 1).map((l) => l.text);
    expect(lines.filter((l) => !/PROCESSED|THOMSON/.test(l))).toEqual([
      'Name Offering',
      'Series C',
      'Filing Under',
      'BASIC',
      'Enter',
      'Issuer',
    ]);
  });

  it('keeps a grid code the page stage marked as one word, mark and code, for the parser to know it from a box found before a code', () => {
    // A row of a grid with no boxes, [IN] circled and its mark read by the page stage.
    expect(
      laidOut([
        ['[IL]', 300, 900, 352, 926],
        ['☒[IN]', 398, 896, 456, 930],
        ['[IA]', 520, 900, 566, 926],
      ]),
    ).toEqual(['[IL] ☒[IN] [IA]']);
  });

  it("leaves out a word OCR read again inside a word it read surely, the foot of an amount's figures", () => {
    // A real row at 200 dpi: C.4.b's "$ 1,180,570", typed on its underline; the page pass read the
    // amount at 0.94 and again, inside its box, the foot of its last figures over the line ("180.")
    // and a speck.
    const sure = (text: string, bbox: [number, number, number, number], confidence: number): Word => ({
      text,
      bbox,
      confidence,
    });
    const label = [
      sure('the', [994, 1394, 1025, 1409], 0.96),
      sure('issuer."', [1034, 1394, 1105, 1409], 0.91),
    ];
    const amount = [
      sure('$', [1263, 1408, 1274, 1429], 0.68),
      sure('1.180.570', [1320, 1411, 1457, 1429], 0.94),
      sure('.', [1338, 1425, 1341, 1429], 0.79),
      sure('180.', [1368, 1421, 1405, 1429], 0.94),
    ];
    const text = layoutLines([...label, ...amount], [], noRules, 1).map((l) => l.text);
    expect(text).toContain('$ 1.180.570');
    // Two lines read as one tall word keep their own words: "remuneration" over "Enter the".
    const merged = layoutLines(
      [
        sure('remuneration', [146, 321, 278, 369], 0.89),
        sure('Enter', [174, 322, 226, 338], 0.96),
        sure('the', [231, 320, 262, 338], 0.96),
        sure('purchasers', [300, 321, 400, 338], 0.96),
        sure('of', [410, 321, 430, 338], 0.96),
      ],
      [],
      noRules,
      1,
    ).map((l) => l.text);
    expect(merged.join(' ')).toContain('Enter the');
    // A word whose box OCR stretched over the words after it keeps them: "Name" over "Name of
    // Offering" (a real page at 200 dpi).
    const stretched = layoutLines(
      [sure('Name', [125, 662, 298, 686], 0.96), sure('Offering', [222, 662, 298, 686], 0.85)],
      [],
      noRules,
      1,
    ).map((l) => l.text);
    expect(stretched.join(' ')).toContain('Offering');
  });
});

describe('a "$" read as two glyphs', () => {
  it('is the "$" where its box is no wider than one glyph of the amount after it', () => {
    // Real OCR words of two generated scans: C.1's Equity row, the sold column's "$" read "13"
    // (8 pixels wide, the amount's glyphs 11) and "$3" (18 wide, the amount's glyphs 23).
    const equity = [
      read('$', [952, 287, 960, 303], 0),
      read('4,484,000.00', [1047, 279, 1186, 300], 0.86),
      read('13', [1301, 287, 1309, 303], 0.61),
      read('1,060,000.00', [1398, 279, 1535, 300], 0.9),
    ];
    expect(signsReadAsFigures(equity).map((w) => w.text)).toEqual(['$', '4,484,000.00', '$', '1,060,000.00']);
    const glued = [
      read('$3', [1907, 553, 1925, 581], 0.51),
      read('775.203.75', [1994, 551, 2222, 582], 0.91),
    ];
    expect(signsReadAsFigures(glued).map((w) => w.text)).toEqual(['$', '775.203.75']);
  });

  it('stays as read where its box holds two glyphs, or no amount follows it', () => {
    // A count of investors before C.2's amount, as wide as two of its figures.
    const count = [
      read('13', [1290, 287, 1313, 303], 0.9),
      read('1,060,000.00', [1398, 279, 1535, 300], 0.9),
    ];
    expect(signsReadAsFigures(count).map((w) => w.text)).toEqual(['13', '1,060,000.00']);
    const alone = [read('13', [1301, 287, 1309, 303], 0.61), read('Total', [1398, 279, 1450, 300], 0.9)];
    expect(signsReadAsFigures(alone).map((w) => w.text)).toEqual(['13', 'Total']);
    // Junk OCR read in a page's heading bar: figures no amount is typed as follow it.
    const junk = [read('10', [302, 96, 318, 133], 0.34), read('007053', [538, 100, 663, 121], 0.45)];
    expect(signsReadAsFigures(junk).map((w) => w.text)).toEqual(['10', '007053']);
  });
});

describe('a second reading of an amount', () => {
  it("is dropped where tesseract read figures again inside the amount's own box", () => {
    // Real OCR words of two generated scans, C.4.b: the amount, and a run of its figures read a
    // second time from the same ink, within its width.
    const typed = [
      read('$', [1252, 1701, 1264, 1722], 0.91),
      read('2,360,638.81', [1288, 1698, 1482, 1717], 0.9),
      read('360,038.', [1323, 1710, 1447, 1719], 0.88),
    ];
    expect(withoutShadowFigures(typed).map((w) => w.text)).toEqual(['$', '2,360,638.81']);
    const serif = [
      read('$', [1290, 1758, 1299, 1773], 0.87),
      read('4.642.475', [1382, 1753, 1517, 1776], 0.89),
      read('649.47', [1408, 1751, 1500, 1774], 0.93),
    ];
    expect(withoutShadowFigures(serif).map((w) => w.text)).toEqual(['$', '4.642.475']);
  });

  it("drops a few characters read again from an amount's cents and its underline, over its box", () => {
    // Real OCR words of a generated scan's C.4.b, "$ 3,935,295.80" on its underline: the line
    // under the first figures read "C2", under the cents ".80,", and a speck between.
    const cells = [
      read('$', [1278, 1604, 1290, 1623], 0.78),
      read('3,935,295.80', [1316, 1601, 1509, 1622], 0.31),
      read('C2', [1298, 1615, 1338, 1627], 0.21),
      read('.', [1400, 1619, 1405, 1624], 0.79),
      read('.80,', [1468, 1618, 1518, 1627], 0.48),
    ];
    expect(withoutShadowFigures(cells).map((w) => w.text)).toEqual(['$', '3,935,295.80']);
  });

  it("keeps an amount's own cents read apart where OCR's box for the amount runs over them", () => {
    // Real OCR words: "182.022.46" read as "182.022" and "46", the first box over the second.
    const apart = [read('182.022', [1345, 325, 1478, 346], 0.91), read('46', [1448, 321, 1482, 354], 0.91)];
    expect(withoutShadowFigures(apart)).toEqual(apart);
  });

  it('keeps amounts side by side, a year and its figure, and figures under an amount on the next line', () => {
    const row = [read('1,000.00', [900, 300, 1000, 320], 0.9), read('2,500.00', [1200, 300, 1300, 320], 0.9)];
    expect(withoutShadowFigures(row)).toEqual(row);
    // A short figure inside a word (a real reading: "5" inside "2005") is no run of figures.
    const year = [read('2005', [1441, 765, 1481, 780], 0.92), read('5', [1477, 772, 1482, 780], 0.96)];
    expect(withoutShadowFigures(year)).toEqual(year);
    const below = [read('1,000.00', [900, 300, 1000, 320], 0.9), read('250.00', [920, 330, 990, 350], 0.9)];
    expect(withoutShadowFigures(below)).toEqual(below);
  });
});

describe('a reading down a column', () => {
  // Real OCR words of a generated scan's C.4 rows: the labels, the column of "$" read down as
  // "wow" over two rows, and the column of zeros after them read down as "ooo" over three.
  const rows = [
    read('Transfer', [119, 1260, 204, 1277], 0.96),
    read("Agent's", [210, 1261, 284, 1281], 0.94),
    read('Fees', [291, 1260, 335, 1277], 0.97),
    read('Printing', [120, 1301, 199, 1321], 0.96),
    read('and', [207, 1301, 242, 1318], 0.96),
    read('Engraving', [250, 1301, 351, 1322], 0.96),
    read('Costs', [359, 1302, 412, 1318], 0.96),
    read('Legal', [120, 1341, 173, 1362], 0.96),
    read('Fees', [182, 1341, 226, 1358], 0.96),
    read('@', [1263, 1261, 1273, 1278], 0),
    read('ooo', [1290, 1256, 1301, 1353], 0.79),
  ];

  it("is dropped: the zeros of three rows read as one word down the column, a glyph's width", () => {
    const texts = withoutStackedReadings(rows).map((w) => w.text);
    expect(texts).not.toContain('ooo');
    expect(texts).toHaveLength(rows.length - 1);
  });

  it('keeps short words whose boxes OCR made as tall as their line, and words read across', () => {
    // Real readings: "of" in a box twice its height; a "$" read as "Ss", as tall; an amount.
    const tall = [
      read('of', [325, 1250, 342, 1283], 0.92),
      read('Ss', [1303, 285, 1317, 321], 0.55),
      read('1,000.00', [1300, 400, 1420, 420], 0.9),
    ];
    expect(withoutStackedReadings([...rows.slice(0, 9), ...tall])).toEqual([...rows.slice(0, 9), ...tall]);
  });
});
