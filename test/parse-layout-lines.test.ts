/** OCR words and check boxes found in the pixels, laid out as lines. */
import { describe, expect, it } from 'vitest';
import type { CheckBox } from '../src/image/check-boxes.js';
import type { Word } from '../src/ingest/lines.js';
import { layoutLines } from '../src/parse/layout-lines.js';

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

describe('layoutLines', () => {
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
    const at = (text: string, bbox: [number, number, number, number]): Word => ({
      text,
      bbox,
      confidence: 0.9,
    });
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
    expect(lines.map((l) => l.text)).toEqual(['Units . of Limited . : Partnership . Interest\tROCESSE 1995']);
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
});
