/** Reading a form's structure from pixels: check boxes in each marking style, printed rules, broken glyphs. */

import type { SKRSContext2D } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { findCheckBoxes } from '../src/image/check-boxes.js';
import { despeckle } from '../src/image/despeckle.js';
import { removeDotLeaders } from '../src/image/dot-leaders.js';
import { mendDottedZeros } from '../src/image/dotted-zeros.js';
import { eraseCombWalls, eraseThinRules } from '../src/image/erase-rules.js';
import { invertBars } from '../src/image/inverted-bars.js';
import { findMissedInk, strengthenInk } from '../src/image/missed-ink.js';
import { readPixels } from '../src/image/page-pixels.js';
import { findRulings, withoutRulesThroughText } from '../src/image/ruling-lines.js';
import type { Word } from '../src/ingest/lines.js';
import type { PageImage } from '../src/ingest/pages/page-image.js';
import { STATE_GRID } from '../src/parse/part-b.js';
import { readStateGrid } from '../src/pipeline/state-grid.js';
import type { Bbox } from '../src/record/schema.js';
import { draw, fixtureImage, meanOf, textPage } from './image-fixtures.js';

const SIDE = 26;

/** One printed box at (x, y) with its label, and a mark drawn inside by `mark`. */
function boxWith(mark: (ctx: SKRSContext2D, x: number, y: number) => void): PageImage {
  return draw(400, 120, (ctx) => {
    const [x, y] = [60, 40];
    ctx.lineWidth = 2;
    ctx.strokeRect(x, y, SIDE, SIDE);
    ctx.font = '24px "DejaVu Sans"';
    ctx.fillText('Rule 506', x + SIDE + 14, y + SIDE - 4);
    mark(ctx, x, y);
  });
}

const STYLES: Record<string, (ctx: SKRSContext2D, x: number, y: number) => void> = {
  x: (ctx, x, y) => {
    ctx.lineWidth = 4;
    ctx.beginPath();
    ctx.moveTo(x + 2, y + 2);
    ctx.lineTo(x + SIDE - 2, y + SIDE - 2);
    ctx.moveTo(x + SIDE - 2, y + 2);
    ctx.lineTo(x + 2, y + SIDE - 2);
    ctx.stroke();
  },
  tick: (ctx, x, y) => {
    ctx.lineWidth = 4;
    ctx.beginPath();
    ctx.moveTo(x + 3, y + SIDE * 0.5);
    ctx.lineTo(x + SIDE * 0.4, y + SIDE - 3);
    ctx.lineTo(x + SIDE + 6, y - 8);
    ctx.stroke();
  },
  fill: (ctx, x, y) => ctx.fillRect(x + 4, y + 4, SIDE - 8, SIDE - 8),
  scribble: (ctx, x, y) => {
    ctx.lineWidth = 3;
    ctx.beginPath();
    ctx.moveTo(x + 3, y + 5);
    for (let i = 1; i <= 5; i++) ctx.lineTo(x + (i % 2 ? SIDE - 3 : 3), y + 5 + i * 4);
    ctx.stroke();
  },
  'typed X': (ctx, x, y) => {
    ctx.font = '30px "DejaVu Sans Mono"';
    ctx.fillText('X', x + 4, y + SIDE - 2);
  },
};

describe('findCheckBoxes', () => {
  it.each(Object.keys(STYLES))('reads a box marked with %s as checked', (style) => {
    const { checkBoxes } = findCheckBoxes(boxWith(STYLES[style]!));
    expect(checkBoxes).toHaveLength(1);
    expect(checkBoxes[0]).toMatchObject({ checked: true });
    expect(checkBoxes[0]!.confidence).toBeGreaterThan(0.5);
  });

  it('reads an empty box, and one with a speck in it, as unchecked', () => {
    for (const image of [
      boxWith(() => undefined),
      boxWith((ctx, x, y) => ctx.fillRect(x + 12, y + 12, 2, 2)),
    ]) {
      const { checkBoxes } = findCheckBoxes(image);
      expect(checkBoxes).toHaveLength(1);
      expect(checkBoxes[0]).toMatchObject({ checked: false });
    }
  });

  it('reads a box whose wall the scan doubled (a bar inside along one side) as unchecked', () => {
    const { checkBoxes } = findCheckBoxes(
      boxWith((ctx, x, y) => ctx.fillRect(x + SIDE - 7, y + 3, 3, SIDE - 6)),
    );
    expect(checkBoxes).toHaveLength(1);
    expect(checkBoxes[0]).toMatchObject({ checked: false });
  });
});

describe('findCheckBoxes between heavy rules', () => {
  it('finds a row of bold boxes printed between two heavy rules, which lie round them a few pixels off', async () => {
    // A real crop at 200 dpi of B's "Check Box(es) that Apply" row: five bold boxes, General
    // Partner's crossed, the rules above and below them ten pixels off. Looked at for inverted
    // headings, a box there did not stand on paper: the rules ran through the ring round it.
    const { checkBoxes } = findCheckBoxes(await fixtureImage('boxes-between-heavy-rules.png', 200));
    expect(checkBoxes.map((b) => [Math.round(b.bbox[0] / 10), b.checked])).toEqual([
      [29, false],
      [45, false],
      [68, false],
      [91, false],
      [106, true],
    ]);
  });
});

describe('findCheckBoxes on combs', () => {
  it('takes no cell of a comb for a check box, where a scan let a cell be found alone too', async () => {
    // A real crop at 200 dpi: the year comb "0 6", the Actual and Estimated boxes, and the
    // jurisdiction comb "I N", whose cells' edges the scan stepped, so "6" and "N" were found as
    // boxes with their own edges, and read as checked.
    const { checkBoxes, combs } = findCheckBoxes(await fixtureImage('comb-cells.png', 200));
    // Actual (checked) and Estimated (empty), and no cell of either comb.
    expect(checkBoxes.map((b) => [b.bbox[0], b.checked]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual(
      [
        [184, true],
        [301, false],
      ],
    );
    const year = combs.filter((c) => c[0] < 150 && c[1] < 60);
    const jurisdiction = combs.filter((c) => c[0] > 250 && c[1] > 100);
    expect(year.length).toBeGreaterThan(0);
    expect(jurisdiction.length).toBeGreaterThan(0);
  });

  it('takes a bold "D" in a comb\'s cell for a letter, neither a check box nor a cell', async () => {
    // A real crop at 200 dpi: the jurisdiction comb "D E", the D's bowl and stem a box's four sides.
    // As a check box it was erased before OCR (the comb read "E"); as a cell its strokes would be
    // erased as walls.
    const { checkBoxes, combs } = findCheckBoxes(await fixtureImage('comb-with-d.png', 200));
    expect(checkBoxes).toEqual([]);
    expect(combs.length).toBeGreaterThan(0);
    for (const comb of combs) expect(comb[2] - comb[0]).toBeGreaterThan(60);
  });
});

describe('removeDotLeaders', () => {
  it("erases a small label's leader and keeps the label's letters, whose thin strokes a scan broke into dots too", async () => {
    // A real crop at 200 dpi: "Transfer Agent's Fees ......" and "Printing and Engraving Costs ......".
    const image = await fixtureImage('leader-rows.png', 200);
    const { image: cleaned, removed } = removeDotLeaders(image);
    expect(removed).toBeGreaterThan(100);
    // The labels end before x = 160 ("...Fees") and x = 255 ("...Costs"): the first row's label
    // keeps every pixel of ink, and the leaders' stretch is all but blank.
    expect(inkBetween(cleaned, 0, 160)).toBe(inkBetween(image, 0, 160));
    expect(inkBetween(cleaned, 300, image.width)).toBeLessThan(inkBetween(image, 300, image.width) * 0.2);
  });

  it('erases a dense leader whose blurred dots the gray between them joins', async () => {
    // A real crop at 200 dpi: "Salaries and fees ......" and "Purchase of real estate ......", bold
    // labels whose leaders' dots stand closer than their own width. Left there, they made OCR's
    // layout analysis drop the table's labels and amounts with them.
    const image = await fixtureImage('dense-leaders.png', 200);
    const { image: cleaned } = removeDotLeaders(image);
    // The labels end before x = 200; the leaders run from x = 320 on.
    expect(inkBetween(cleaned, 0, 200)).toBe(inkBetween(image, 0, 200));
    expect(inkBetween(cleaned, 320, image.width)).toBeLessThan(inkBetween(image, 320, image.width) * 0.1);
  });

  it('erases a leader printed faint, its gray dots a pixel or two wide', async () => {
    // A real crop at 200 dpi: "Transfer Agent's Fees ......" and "Printing and Engraving Costs
    // ......", the leaders' dots lighter than the ink threshold. OCR saw them all the same, and
    // dropped the whole C.4.a table's labels with them.
    const image = await fixtureImage('faint-leaders.png', 200);
    const { image: cleaned } = removeDotLeaders(image);
    const gray = (img: PageImage, x0: number, x1: number) => {
      let n = 0;
      for (let y = 0; y < img.height; y++)
        for (let x = x0; x < x1; x++) if ((img.data[y * img.width + x] ?? 255) < 200) n++;
      return n;
    };
    // The labels end before x = 230; the leaders run on to the right edge.
    expect(gray(cleaned, 0, 225)).toBe(gray(image, 0, 225));
    expect(gray(image, 300, image.width)).toBeGreaterThan(300);
    expect(gray(cleaned, 300, image.width)).toBeLessThan(gray(image, 300, image.width) * 0.2);
  });

  it("keeps a broken typewriter amount whose figures' feet stand in a row like dots", async () => {
    // A real crop at 200 dpi: "$ 3,261,500.00" typed faint, its strokes broken into dark cores.
    const image = await fixtureImage('broken-figures.png', 200);
    expect(removeDotLeaders(image).removed).toBe(0);
  });
});

/** Pixels of ink in the columns x0..x1 of an image. */
function inkBetween(img: PageImage, x0: number, x1: number): number {
  let n = 0;
  for (let y = 0; y < img.height; y++)
    for (let x = x0; x < x1; x++) if ((img.data[y * img.width + x] ?? 255) < 150) n++;
  return n;
}

describe('findCheckBoxes beside a heading printed white on black', () => {
  it('takes no letter counter of the heading for a filled box, and keeps the box under it', async () => {
    const { checkBoxes } = findCheckBoxes(await fixtureImage('inverted-heading.png', 300));
    // The heading's bar runs from row 20 to 110; the one box stands under it, on paper.
    expect(checkBoxes.map((b) => [b.bbox[1] > 150, b.checked])).toEqual([[true, false]]);
  });
});

describe('findCheckBoxes on real crops of scans', () => {
  it('reads a thin typed "X" that the scan left gray as a mark, and an empty box beside it as empty', async () => {
    // "☐ Promoter ☐ Beneficial Owner ☒ Executive Officer ☒ Director" at 200 dpi: the X's strokes
    // are a pixel wide and gray; few of their pixels are darker than the printed outlines' ink.
    const { checkBoxes } = findCheckBoxes(await fixtureImage('thin-x-marks.png', 200));
    expect(checkBoxes.map((b) => [b.bbox[0], b.checked])).toEqual([
      [21, false],
      [178, false],
      [412, true],
      [646, true],
    ]);
  });

  it('finds a filled box whose fill stops short of its bottom edge', async () => {
    // "Yes ☐ No ■": the fill's last row and the box's top edge looked like a frame too wide to be a box.
    const { checkBoxes } = findCheckBoxes(await fixtureImage('filled-box.png', 200));
    expect(checkBoxes.map((b) => [b.bbox[0], b.checked])).toEqual([
      [108, false],
      [195, true],
    ]);
  });
});

describe('findCheckBoxes on marked boxes whose mark makes an edge of its own', () => {
  // Real crops at 200 dpi of "Month ☐☐ Year ☐☐ ☒ Actual ☐ Estimated", where the marked Actual box
  // was not found and the group read as unanswered.
  it('finds a box filled up to its top edge, not the fill inside it', async () => {
    // The fill's last row is an edge of the fill's width: with the box's top it made a square,
    // solid with ink and too small for the page's boxes; the box's own bottom edge lies below it.
    const { checkBoxes } = findCheckBoxes(await fixtureImage('filled-box-fill-to-top.png', 200));
    expect(checkBoxes.map((b) => [b.bbox[0], b.checked])).toEqual([
      [326, true],
      [439, false],
    ]);
  });

  it("finds a ticked box whose tick crosses it from side to side, not the frame above the tick's stroke", async () => {
    // The tick's stroke across the box is an edge of the box's width: with the box's top it made
    // a frame a little wider than tall, taken for the outline of a comb's cells.
    const { checkBoxes } = findCheckBoxes(await fixtureImage('tick-crossing-box.png', 200));
    expect(checkBoxes.sort((a, b) => a.bbox[0] - b.bbox[0]).map((b) => [b.bbox[0], b.checked])).toEqual([
      [294, true],
      [409, false],
    ]);
  });

  it("finds a ticked box that the tick crowds against its label, measured like the page's other box", async () => {
    // The box beside was measured to the first row of its thick bottom edge, the ticked one to
    // the last: three pixels apart, the crowded box was not the page's size.
    const { checkBoxes } = findCheckBoxes(await fixtureImage('tick-over-thick-box.png', 200));
    expect(checkBoxes.sort((a, b) => a.bbox[0] - b.bbox[0]).map((b) => [b.bbox[0], b.checked])).toEqual([
      [306, true],
      [430, false],
    ]);
  });
});

describe('findCheckBoxes among typed letters', () => {
  it("takes no bowl of a bold typewriter letter for a box: the page's boxes are larger", async () => {
    // A real crop at 200 dpi: "Offering of Limited Partnership Units" typed bold in a wide
    // monospace, over the Rule 504 row and the type of filing. The "O", "o", "e" and "p" were found
    // as boxes a stroke under 1/12 inch a side, and erased before OCR read the name.
    const { checkBoxes } = findCheckBoxes(await fixtureImage('bold-typed-letters.png', 200));
    expect(checkBoxes.filter((b) => b.bbox[1] < 40)).toEqual([]);
    expect(checkBoxes.map((b) => [b.bbox[0], b.checked])).toEqual([
      [376, false],
      [519, false],
      [662, true],
      [805, false],
      [976, false],
      [150, true],
      [306, false],
    ]);
  });

  it('keeps a marked box whose left side is worn gray, and drops the serif "8" and "S"', async () => {
    // A real crop at 200 dpi: a marked Director box whose left side the scan wore to gray (once
    // found only as the square inside it, which the page's box size had to vouch for); the "8"
    // of "8 Summit Avenue" and the "S" of "MS" were read as marked boxes.
    const { checkBoxes } = findCheckBoxes(await fixtureImage('worn-box-serif-letters.png', 200));
    expect(checkBoxes.filter((b) => b.bbox[1] > 200)).toEqual([]);
    expect(checkBoxes.find((b) => b.bbox[0] === 984)?.checked).toBe(true);
  });
});

describe('findCheckBoxes among bold figures', () => {
  it("takes no bold figure of an amount for a box where the figures found outnumber the page's boxes", async () => {
    // A real crop at 200 dpi: C.1's amounts typed in a bold sans ("$ 13,947,800.00"), each "8" and
    // "0" found as a box a little under 1/12 inch, erased before OCR read "13947." of it. The
    // column of estimate boxes below is the page's box size.
    const { checkBoxes } = findCheckBoxes(await fixtureImage('bold-figures-boxes.png', 200));
    expect(checkBoxes.filter((b) => b.bbox[1] < 400)).toEqual([]);
    expect(checkBoxes.map((b) => b.bbox[0])).toEqual(Array(8).fill(632));
  });
});

describe('findCheckBoxes under a stamp', () => {
  it("takes no stamp's border drawn down through a box for a mark", async () => {
    // A real crop at 200 dpi of "Filing Under": the double border of a "PROCESSED" stamp runs down
    // through the empty ULOE box, which read as marked; Rule 506 is marked.
    const { checkBoxes } = findCheckBoxes(await fixtureImage('stamp-through-box.png', 200));
    expect(checkBoxes.map((b) => [b.bbox[0], b.checked])).toEqual([
      [164, false],
      [324, false],
      [483, true],
      [643, false],
      [837, false],
      [67, false],
    ]);
  });
});

describe('findCheckBoxes under a stamp set askew', () => {
  it("takes no stamp's border drawn down through a box at a slant for a mark", async () => {
    // A real crop at 200 dpi of "Filing Under": the double border of a "PROCESSED" stamp, a few
    // degrees off upright, runs down through the empty ULOE box; Rule 506 is marked.
    const { checkBoxes } = findCheckBoxes(await fixtureImage('askew-stamp-through-box.png', 200));
    expect(checkBoxes.filter((b) => b.bbox[1] > 30).map((b) => [b.bbox[0], b.checked])).toEqual([
      [62, false],
      [223, false],
      [383, true],
      [544, false],
      [742, false],
    ]);
  });
});

describe('findCheckBoxes under a stamp with a faint inner border', () => {
  it("takes no stamp's thin border drawn down through a box for a mark, though a gray line is broken in places", async () => {
    // A real crop at 300 dpi of "Filing Under": a "PROCESSED" stamp's thick outer border runs down
    // the ULOE box's left wall, and its thin gray inner border through the box, broken here and
    // there at the ink threshold.
    const { checkBoxes } = findCheckBoxes(await fixtureImage('faint-stamp-line-through-box.png', 300));
    expect(checkBoxes.map((b) => [b.bbox[0], b.checked])).toEqual([
      [83, false],
      [371, false],
    ]);
  });
});

describe("findCheckBoxes on a box a stamp's two gray lines run down through", () => {
  it('takes neither line for a mark: a thick gray one, a thin one beside it', async () => {
    // A real crop at 200 dpi of "Filing Under": a "PROCESSED" stamp's double border, a gray line
    // four pixels thick and a faint one beside it, runs down through the empty ULOE box; the
    // thick line's gray edges, lighter than the ink threshold, were read as a mark (fill 0.12).
    const { checkBoxes } = findCheckBoxes(await fixtureImage('gray-stamp-lines-through-box.png', 200));
    expect(checkBoxes.map((b) => [b.bbox[0], b.checked])).toEqual([
      [43, true],
      [202, false],
      [394, false],
    ]);
  });
});

describe('findCheckBoxes on a row of two boxes', () => {
  it("finds a marked box whose X's arm touches its label, beside the row's one other box", async () => {
    // A real crop at 200 dpi of E.1, "Yes ☐ No ☒": the X runs into the "o" of "No", so the box
    // does not stand apart on both sides, and the page has too few boxes to vouch for its size.
    const { checkBoxes } = findCheckBoxes(await fixtureImage('mark-touching-label.png', 200));
    expect(checkBoxes.map((b) => [b.bbox[0], b.checked])).toEqual([
      [306, false],
      [393, true],
    ]);
  });
});

describe('findCheckBoxes with heavy ticks', () => {
  it("reads a tick whose heavy strokes lie along the box's sides, off its middle, as a mark", async () => {
    // A real crop at 200 dpi of B.1 and B.3, "Yes ☐ No ☑" over "Yes ☑ No ☐", heavy ink. The tick
    // in B.3's Yes box runs along its bottom and right sides: taken for thick walls, it was left
    // out of the inside, and the box read empty.
    const { checkBoxes } = findCheckBoxes(await fixtureImage('heavy-ticks.png', 200));
    const at = (x: number, y: number) => checkBoxes.find((b) => b.bbox[0] === x && b.bbox[1] === y);
    expect(at(72, 145)?.checked).toBe(true);
    expect(at(161, 145)?.checked).toBe(false);
    expect(at(72, 25)?.checked).toBe(false);
  });

  it('reads a tick drawn off the middle, its long arm leaving the box, as a mark', async () => {
    // A real crop at 200 dpi of "Filing Under": ☐ Rule 504 ☐ Rule 505 ☑ Rule 506 ☐ Section 4(6)
    // ☐ ULOE. The tick's short arm lies low in the box and its long arm runs out past the top
    // right corner: its ink reaches half the inside's rows and columns, off the middle.
    const { checkBoxes } = findCheckBoxes(await fixtureImage('offset-tick.png', 200));
    const row = [...checkBoxes].sort((a, b) => a.bbox[0] - b.bbox[0]);
    expect(row.map((b) => b.checked)).toEqual([false, false, true, false, false]);
  });
});

describe('findCheckBoxes under a row rule', () => {
  it("measures the box, not the box with the rule's dash just above it", async () => {
    // Each dash of the rule is a box wide: taken for the top edge, it put the box's own top inside
    // it, and empty boxes read checked.
    const { checkBoxes } = findCheckBoxes(await fixtureImage('rule-over-boxes.png', 200));
    const rows = checkBoxes.sort(
      (a, b) => Math.round(a.bbox[1] / 100) - Math.round(b.bbox[1] / 100) || a.bbox[0] - b.bbox[0],
    );
    expect(rows.map((b) => [b.bbox[0], b.checked])).toEqual([
      [52, false],
      [200, false],
      [416, true],
      [632, false],
      [769, false],
      [52, false],
      [199, false],
      [416, true],
      [632, true],
      [769, false],
    ]);
    // Square, as printed: 22 to 24 pixels a side, ink edge to ink edge (the dash made it 31 tall).
    for (const { bbox } of rows) expect(bbox[3] - bbox[1]).toBeLessThanOrEqual(bbox[2] - bbox[0] + 2);
  });

  it('measures the box under a heavy rule whose lower edge the scan left gray', async () => {
    // A real crop at 200 dpi of a related person's roles: the rule above the row is five pixels
    // thick, its last row half gray, four rows above the boxes. Promoter and Executive Officer were
    // found from the rule down, their own top edges inside, and read as marked.
    const { checkBoxes } = findCheckBoxes(await fixtureImage('heavy-rule-over-boxes.png', 200));
    expect(checkBoxes.map((b) => [b.bbox[0], b.bbox[1], b.checked])).toEqual([
      [41, 42, false],
      [445, 42, false],
      [203, 43, true],
    ]);
  });

  it('takes no box for the box above it and the gap between: boxes stacked a few pixels apart', async () => {
    // Two boxes and their gap are a box's width wide and twice as tall: no one box.
    const { checkBoxes } = findCheckBoxes(await fixtureImage('stacked-boxes.png', 200));
    expect(checkBoxes.map((b) => [b.bbox[1], b.checked]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual(
      [
        [14, true],
        [47, false],
        [79, false],
        [111, false],
        [144, false],
      ],
    );
  });

  it('reads a box whose wall the scan doubled into a bar standing apart inside it as unchecked (a real crop)', async () => {
    const { checkBoxes } = findCheckBoxes(await fixtureImage('doubled-wall-yes-no.png', 300));
    expect(checkBoxes.map((b) => [b.bbox[0], b.checked])).toEqual([
      [68, false],
      [202, true],
    ]);
  });

  it('reads a box whose wall the scan doubled down only part of its side as unchecked (a real crop)', async () => {
    // "business trust" under a marked "corporation": the right wall split into a bar and a thin
    // wall through two thirds of the inside's height, and ran on whole below.
    const { checkBoxes } = findCheckBoxes(await fixtureImage('partly-doubled-wall.png', 300));
    expect(checkBoxes.map((b) => [b.bbox[0], b.bbox[1], b.checked])).toEqual([
      [29, 20, true],
      [595, 20, false],
      [29, 68, false],
      [595, 68, false],
    ]);
  });

  it('finds a box whose side the scan split in two down part of its length (a real crop)', async () => {
    // Two estimate boxes of a C.5 column; the lower one's right side steps a pixel aside and splits
    // in two for a fifth of its height. Not found, its outline was read "O" with the "$ 0" after it
    // ("Oso") and the row's amount put in the wrong column.
    const { checkBoxes } = findCheckBoxes(await fixtureImage('split-wall-box.png', 300));
    expect(checkBoxes.map((b) => [b.bbox[0], b.bbox[1], b.checked])).toEqual([
      [43, 18, false],
      [43, 78, false],
    ]);
  });

  it('measures an empty box stacked under a scribbled one as itself, not with the edge above it', async () => {
    // A real crop: a shape found from the upper box's top to the lower box's bottom is cut at the
    // upper box's bottom edge, then again at the lower box's top.
    const { checkBoxes } = findCheckBoxes(await fixtureImage('scribbled-box-above-empty.png', 300));
    expect(checkBoxes.filter((b) => b.bbox[0] < 100).map((b) => [b.bbox[1], b.bbox[3], b.checked])).toEqual([
      [23, 57, true],
      [68, 102, false],
    ]);
  });
});

describe('findCheckBoxes on a table row', () => {
  it('finds the box that a typed amount runs up against, when it is the size of the other boxes', () => {
    const image = draw(1200, 140, (ctx) => {
      ctx.lineWidth = 2;
      for (const x of [100, 400, 700, 1000]) ctx.strokeRect(x, 50, SIDE, SIDE);
      ctx.font = '30px "DejaVu Sans Mono"';
      // Right-aligned in its cell, the amount's last zero touches the next cell's box.
      const text = '0.00';
      ctx.fillText(text, 700 - ctx.measureText(text).width + 1, 50 + SIDE);
    });
    const { checkBoxes } = findCheckBoxes(image);
    expect(checkBoxes.map((b) => b.bbox[0]).sort((a, b) => a - b)).toEqual([99, 399, 699, 999]);
  });
});

describe('findRulings', () => {
  it('finds a heavy rule whole, even where a short stroke lies beside its end', () => {
    const image = draw(1700, 300, (ctx) => {
      ctx.fillRect(150, 100, 1420, 7);
      // A mark just above the rule's right end (a stamp's edge, a descender) on its own row.
      ctx.fillRect(1400, 98, 160, 1);
    });
    const { horizontal } = findRulings(image);
    expect(horizontal).toHaveLength(1);
    expect(Math.abs(horizontal[0]!.at - 103)).toBeLessThanOrEqual(3);
  });

  it('takes no row through a line of text for a rule, once OCR has read the words it crosses', () => {
    const image = draw(1700, 300, (ctx) => {
      ctx.fillRect(100, 60, 1500, 3);
      // Heavy bars, like a row through bold text: long ink runs with word gaps.
      for (let x = 150; x < 1100; x += 160) ctx.fillRect(x, 150, 145, 4);
    });
    const rulings = findRulings(image);
    expect(rulings.horizontal.map((r) => r.at).sort((a, b) => a - b)).toEqual([61, 152]);
    const words: Word[] = [0, 1, 2].map((i) => ({
      text: 'word',
      bbox: [150 + i * 160, 135, 295 + i * 160, 170],
      confidence: 0.9,
    }));
    expect(withoutRulesThroughText(rulings, words).horizontal.map((r) => r.at)).toEqual([61]);
  });

  it('drops a vertical rule with words on one side only (a dark page edge), and keeps one between columns', () => {
    const word = (x0: number, y0: number): Word => ({
      text: 'word',
      bbox: [x0, y0, x0 + 80, y0 + 20],
      confidence: 0.9,
    });
    const rulings = {
      horizontal: [],
      vertical: [
        { at: 25, from: 400, to: 950 },
        { at: 800, from: 100, to: 600 },
      ],
    };
    const words = [word(100, 500), word(100, 930), word(100, 970), word(300, 200), word(900, 200)];
    expect(withoutRulesThroughText(rulings, words).vertical.map((r) => r.at)).toEqual([800]);
  });
});

describe('the rules readPixels finds', () => {
  it('take no column of ticked boxes for a vertical rule', async () => {
    // Boxes stacked close, as a dollar table's rows set them, each ticked up into the box above:
    // their sides and ticks are one long run of ink in a column, and such a rule would part each
    // row's amount from its label.
    const image = draw(900, 400, (ctx) => {
      ctx.font = '24px "DejaVu Sans"';
      for (let row = 0; row < 5; row++) {
        const y = 60 + row * 34;
        ctx.lineWidth = 2;
        ctx.strokeRect(500, y, SIDE, SIDE);
        ctx.fillText('Purchase of real estate', 60, y + SIDE - 4);
        ctx.fillText('$ 1,171,619.00', 540, y + SIDE - 4);
        STYLES.tick?.(ctx, 500, y);
      }
    });
    const { rulings, boxes } = await readPixels({ page: 1, dpi: 200 }, image, 0);
    expect(boxes).toHaveLength(5);
    expect(rulings.vertical).toEqual([]);
    // The page as it was would have given one.
    expect(findRulings(image).vertical.length).toBeGreaterThan(0);
  });
});

describe('despeckle on a broken-up scan', () => {
  it('keeps the pieces of glyphs that a faint, thresholded scan broke apart', () => {
    const { image } = textPage(['Convertible Securities (including warrants)'], { height: 300, top: 150 });
    // Every fourth column and row of the page goes white: each glyph falls apart into small pieces.
    const broken = Buffer.from(image.data);
    for (let y = 0; y < image.height; y++) {
      for (let x = 0; x < image.width; x++) if (x % 4 === 0 || y % 4 === 0) broken[y * image.width + x] = 255;
    }
    const page = { ...image, data: broken };
    const inkOf = (p: PageImage) => p.data.reduce((n, v) => n + (v < 128 ? 1 : 0), 0);
    const { image: clean } = despeckle(page);
    expect(inkOf(clean)).toBeGreaterThan(inkOf(page) * 0.95);
  });
});

/** Ink pixels (darker than 150) in a box. */
function inkIn(image: PageImage, x0: number, y0: number, x1: number, y1: number): number {
  let n = 0;
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) if ((image.data[y * image.width + x] ?? 255) < 150) n++;
  return n;
}

describe('eraseThinRules', () => {
  /** A typed amount sitting on its blank's underline, which a scan set at a slight slant. */
  const blank = () =>
    draw(900, 200, (ctx) => {
      ctx.font = '30px "DejaVu Sans Mono"';
      ctx.fillText('1,394,000', 120, 121);
      for (let x = 100; x < 700; x += 1) ctx.fillRect(x, 121 + Math.floor((x - 100) / 300), 1, 2);
      // A stroke crossing the line, as a descender does, and a bold word's run-together letters.
      ctx.fillRect(600, 100, 3, 45);
      ctx.font = 'bold 30px "DejaVu Serif"';
      ctx.fillText('Executive', 100, 60);
      // A short bar (an underscore typed in a value) is no rule.
      ctx.fillRect(760, 121, 50, 2);
    });

  it('erases an underline, slant and all, and keeps the typing on it', () => {
    const image = blank();
    const erased = eraseThinRules(image);
    // The line where nothing stands on it is gone.
    expect(inkIn(erased, 350, 115, 590, 130)).toBe(0);
    // The typing keeps its ink, less at most the row of its feet that touched the line.
    expect(inkIn(erased, 120, 90, 290, 119)).toBeGreaterThan(inkIn(image, 120, 90, 290, 119) * 0.95);
    expect(inkIn(erased, 120, 90, 290, 116)).toBe(inkIn(image, 120, 90, 290, 116));
    // The stroke crossing the line keeps the pixels where it crosses.
    expect(inkIn(erased, 600, 119, 603, 125)).toBe(inkIn(image, 600, 119, 603, 125));
  });

  it('keeps the feet of figures typed onto the underline (a real crop)', async () => {
    // 200 dpi: "$ 0.00" and "4,600,283.75" in a monospaced face whose figures' bottoms touch the
    // rule (rows 33 to 36). Erasing a row beside the rule on the figures' side opened the zeros
    // at the bottom, and OCR read them as "A".
    const image = await fixtureImage('figures-on-underline.png', 200);
    const erased = eraseThinRules(image);
    expect(inkIn(erased, 0, 33, image.width, 38)).toBe(0);
    const feet = (img: PageImage) => inkIn(img, 0, 30, img.width, 32);
    expect(feet(erased)).toBeGreaterThan(feet(image) * 0.85);
  });

  it('leaves text and short bars alone', () => {
    const image = blank();
    const erased = eraseThinRules(image);
    expect(inkIn(erased, 90, 25, 400, 70)).toBe(inkIn(image, 90, 25, 400, 70));
    expect(inkIn(erased, 760, 119, 810, 125)).toBe(inkIn(image, 760, 119, 810, 125));
  });
});

describe('eraseCombWalls', () => {
  /** A two-cell comb at 200 dpi with a digit typed to fill each cell, touching the walls. */
  const comb = () =>
    draw(200, 100, (ctx) => {
      ctx.lineWidth = 3;
      ctx.strokeRect(40, 30, 64, 36);
      ctx.fillRect(71, 30, 3, 36);
      ctx.font = 'bold 38px "DejaVu Sans Mono"';
      ctx.fillText('0', 44, 63);
      ctx.fillText('8', 76, 63);
    });

  it("erases the walls and leaves the digits' strokes where they touch them", () => {
    const image = comb();
    const erased = { ...image, data: Buffer.from(image.data) };
    eraseCombWalls(erased, [39, 29, 105, 67]);
    // The walls above and below the digits, and the sides, are gone.
    expect(inkIn(erased, 36, 26, 110, 31)).toBe(0);
    expect(inkIn(erased, 36, 66, 110, 70)).toBe(0);
    expect(inkIn(erased, 36, 33, 41, 62)).toBe(0);
    expect(inkIn(erased, 103, 33, 108, 62)).toBe(0);
    // The digits keep nearly all their ink.
    const digits = (img: PageImage) => inkIn(img, 44, 34, 70, 62) + inkIn(img, 76, 34, 102, 62);
    const typed = draw(200, 100, (ctx) => {
      ctx.font = 'bold 38px "DejaVu Sans Mono"';
      ctx.fillText('0', 44, 63);
      ctx.fillText('8', 76, 63);
    });
    expect(digits(erased)).toBeGreaterThan(digits(typed) * 0.9);
  });
});

describe('readStateGrid', () => {
  /** B.4's states grid at 200 dpi, the codes in `circled` circled by hand, and OCR's words for it. */
  const grid = (
    circled: readonly string[],
    blotted: readonly string[] = [],
    ticked: readonly string[] = [],
    crossed: readonly string[] = [],
    pen = 3,
  ) => {
    const words: Word[] = [];
    // With codes crossed out, a second, blank copy of the grid below, as the form prints several.
    const copies = crossed.length ? 2 : 1;
    const image = draw(1700, 260 * copies, (ctx) => {
      ctx.font = '20px "DejaVu Serif"';
      [...STATE_GRID, ...(copies > 1 ? STATE_GRID : [])].forEach((code, k) => {
        const i = k % STATE_GRID.length;
        const copy = Math.floor(k / STATE_GRID.length);
        const cx = 150 + (i % 13) * 110;
        const base = 60 + Math.floor(i / 13) * 48 + copy * 260;
        const text = `[${code}]`;
        const w = ctx.measureText(text).width;
        ctx.fillText(text, cx - w / 2, base);
        const bbox: [number, number, number, number] = [
          Math.round(cx - w / 2),
          base - 16,
          Math.round(cx + w / 2),
          base + 4,
        ];
        // A small square pressed on the code's first letter, which OCR still reads plainly.
        if (blotted.includes(code)) ctx.fillRect(Math.round(cx - w / 2) + 6, base - 18, 11, 11);
        if (ticked.includes(code)) {
          // A tick over the code, its long arm rising above it; OCR reads the code as junk.
          ctx.lineWidth = 3;
          ctx.beginPath();
          ctx.moveTo(cx - 14, base - 10);
          ctx.lineTo(cx - 4, base + 2);
          ctx.lineTo(cx + 18, base - 30);
          ctx.stroke();
          words.push({ text: '[KX', bbox, confidence: 0.4 });
          return;
        }
        if (copy === 0 && crossed.includes(code)) {
          // An X drawn within the code's own box; OCR reads the code as junk.
          ctx.lineWidth = pen;
          ctx.beginPath();
          ctx.moveTo(cx - 14, base - 16);
          ctx.lineTo(cx + 14, base + 3);
          ctx.moveTo(cx + 14, base - 16);
          ctx.lineTo(cx - 14, base + 3);
          ctx.stroke();
          words.push({ text: '[XN', bbox, confidence: 0.4 });
          return;
        }
        if (circled.includes(code)) {
          ctx.lineWidth = 1.5;
          ctx.beginPath();
          ctx.ellipse(cx, base - 7, 46, 16, 0.1, 0, Math.PI * 2);
          ctx.stroke();
          // OCR reads a circled code as junk, with a box the circle's size.
          words.push({ text: '(HDD)', bbox: [cx - 47, base - 24, cx + 47, base + 10], confidence: 0.3 });
        } else {
          words.push({ text, bbox, confidence: 0.95 });
        }
      });
    });
    return { image, words };
  };

  /** OCR's words for a real crop, each as [text, x0, y0, x1, y1, confidence]. */
  type OcrRow = [string, number, number, number, number, number];
  const ocrWords = (rows: readonly OcrRow[]): Word[] =>
    rows.map(([text, x0, y0, x1, y1, confidence]) => ({ text, bbox: [x0, y0, x1, y1], confidence }));

  /** The codes read as marked, in order. */
  const marksOf = (read: readonly Word[]) =>
    read
      .filter((w) => w.text.startsWith('☒'))
      .map((w) => w.text)
      .sort();

  it('reads the codes circled on the grid, and only those, from the ink around them', () => {
    const { image, words } = grid(['DE', 'IA', 'RI', 'VA']);
    const read = readStateGrid(image, words).words;
    expect(marksOf(read)).toEqual(['☒[DE]', '☒[IA]', '☒[RI]', '☒[VA]']);
    // The junk read in the circles is gone; the plain codes stay.
    expect(read.some((w) => w.text === '(HDD)')).toBe(false);
    expect(read.filter((w) => /^\[[A-Z]{2}\]$/.test(w.text))).toHaveLength(STATE_GRID.length - 4);
  });

  it("reads a row whose circles left too few codes read plainly by the grid's other rows", () => {
    // Ten of row two's thirteen codes circled: its three plain ones fit no columns of their own.
    const row = ['IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MD', 'MA', 'MI'];
    const { image, words } = grid([...row, 'DE']);
    const read = readStateGrid(image, words).words;
    expect(marksOf(read)).toEqual([...row, 'DE'].map((code) => `☒[${code}]`).sort());
  });

  it("reads the codes marked with a small blot, solid through half the code's height", () => {
    const { image, words } = grid([], ['AZ', 'KY', 'OH', 'OR', 'WI']);
    const read = readStateGrid(image, words).words;
    expect(marksOf(read)).toEqual(['☒[AZ]', '☒[KY]', '☒[OH]', '☒[OR]', '☒[WI]']);
  });

  it('reads the codes ticked over, which OCR could not read for the tick', () => {
    const { image, words } = grid([], [], ['AR', 'KS', 'NV', 'OK', 'SD']);
    const read = readStateGrid(image, words).words;
    expect(marksOf(read)).toEqual(['☒[AR]', '☒[KS]', '☒[NV]', '☒[OK]', '☒[SD]']);
  });

  it('reads the codes crossed out within their own box, against the same codes in a blank copy of the grid', () => {
    const { image, words } = grid([], [], [], ['AK', 'IN', 'NJ', 'WY']);
    const read = readStateGrid(image, words).words;
    expect(marksOf(read)).toEqual(['☒[AK]', '☒[IN]', '☒[NJ]', '☒[WY]']);
  });

  it('reads no stroke through a code where a circle round the code under it crosses its foot', async () => {
    // A real crop at 200 dpi of B.4's grid, ME, MA, NC, OK and TX circled by hand, the rows close
    // enough that the circles round NC and OK cross the feet of MD and MN above them; and OCR's
    // words for it (text, box, confidence).
    const image = await fixtureImage('states-grid-circles-close.png', 200);
    const read: OcrRow[] = [
      ['[AL]', 57, 33, 97, 61, 0.7],
      ['[AK]', 220, 33, 265, 61, 0.87],
      ['[AZ]', 385, 12, 429, 71, 0.79],
      ['[AR]', 549, 33, 596, 61, 0.9],
      ['[CA]', 715, 33, 760, 61, 0.69],
      ['[CO]', 878, 33, 927, 61, 0.48],
      ['[CT]', 1045, 12, 1090, 71, 0.57],
      ['[DE]', 1210, 12, 1255, 71, 0.86],
      ['[oc]', 1374, 33, 1421, 61, 0.65],
      ['[FL]', 1543, 33, 1582, 61, 0.79],
      ['[GA]', 1704, 33, 1752, 61, 0.71],
      ['[HI', 1875, 33, 1911, 61, 0.72],
      ['[0]', 2040, 33, 2076, 61, 0.6],
      ['(i', 62, 80, 92, 108, 0.5],
      ['[IN]', 224, 80, 260, 108, 0.39],
      ['[1A]', 390, 80, 424, 108, 0.72],
      ['[KS]', 551, 60, 594, 117, 0.84],
      ['[KY]', 715, 80, 760, 108, 0.79],
      ['ta', 881, 80, 924, 108, 0.46],
      ['CED', 997, 64, 1138, 119, 0.49],
      ['vo)', 1208, 80, 1258, 108, 0.52],
      ['[MI]', 1543, 60, 1582, 117, 0.59],
      ['[MN]', 1703, 80, 1753, 108, 0.61],
      ['[MS]', 1869, 60, 1917, 117, 0.75],
      ['MO]', 2032, 80, 2084, 108, 0.71],
      ['[MT]', 53, 128, 101, 156, 0.45],
      ['INE]', 219, 128, 265, 156, 0.56],
      ['NV]', 384, 128, 430, 156, 0.72],
      ['NH]', 549, 128, 596, 156, 0.64],
      ['NJ]', 717, 128, 758, 156, 0.69],
      ['NM]', 878, 128, 927, 156, 0.73],
      ['nw', 1045, 128, 1090, 156, 0.3],
      ['Ce', 1161, 111, 1304, 167, 0.44],
      ['ml', 1374, 128, 1421, 156, 0.4],
      ['[OH]', 1539, 128, 1587, 156, 0.81],
      ['[OR]', 1868, 128, 1918, 156, 0.92],
      ['[PA]', 2037, 128, 2079, 156, 0.73],
      ['[AI', 59, 175, 95, 203, 0.61],
      ['[sc]', 219, 175, 265, 203, 0.85],
      ['[sD]', 384, 175, 430, 203, 0.5],
      ['mr', 550, 175, 595, 203, 0.27],
      ['CX', 666, 159, 809, 214, 0.47],
      ['wl', 880, 175, 925, 203, 0.66],
      ['VT]', 1045, 175, 1090, 203, 0.52],
      ['[VA]', 1211, 175, 1254, 203, 0.64],
      ['[Wa]', 1372, 175, 1423, 203, 0.59],
      ['[WV]', 1536, 175, 1589, 203, 0.7],
      ['(WI', 1707, 175, 1749, 203, 0.58],
      ['[WY]', 1866, 175, 1919, 203, 0.5],
      ['[PR]', 2035, 175, 2081, 203, 0.89],
      ['MA]', 1363, 70, 1431, 117, 0.78],
      ['[OK]', 1701, 118, 1761, 165, 0.94],
    ];
    const words = ocrWords(read);
    expect(marksOf(readStateGrid(image, words).words)).toEqual(['☒[MA]', '☒[ME]', '☒[NC]', '☒[OK]', '☒[TX]']);
  });

  it('reads the codes scribbled over against their copies in a blank copy of the grid, however OCR read them', async () => {
    // A real crop at 300 dpi of two copies of B.4's grid on one page (their first two rows each):
    // AL, AZ, IN and MD scribbled over in the first, the second blank; and OCR's words for it
    // (text, box, confidence). OCR read AL and AZ plainly, IN and MD as junk, and the scribbles add
    // too little ink to tell from the codes' own.
    const image = await fixtureImage('states-grid-scribbled.png', 300);
    const read: OcrRow[] = [
      ['[AL]', 15, 16, 67, 63, 0.44],
      ['[AK]', 182, 20, 240, 51, 0.96],
      ['[AZ]', 352, 16, 408, 64, 0.6],
      ['[AR]', 520, 20, 580, 51, 0.96],
      ['[CA]', 690, 20, 748, 51, 0.94],
      ['[CO]', 858, 20, 920, 51, 0.73],
      ['[CT]', 1030, 19, 1087, 52, 0.94],
      ['[DE]', 1198, 15, 1257, 64, 0.96],
      ['[DC]', 1367, 19, 1428, 52, 0.93],
      ['[FL]', 1541, 19, 1592, 51, 0.96],
      ['[GA]', 1706, 19, 1766, 52, 0.9],
      ['[HI]', 1883, 19, 1929, 52, 0.58],
      ['[ID]', 2052, 19, 2098, 52, 0.71],
      ['[IL]', 21, 71, 61, 102, 0.71],
      ['[i=]', 187, 67, 234, 115, 0.11],
      ['[1A]', 358, 71, 402, 102, 0.79],
      ['[KS]', 522, 71, 578, 102, 0.89],
      ['[KY]', 690, 67, 749, 115, 0.9],
      ['[LA]', 862, 71, 916, 102, 0.93],
      ['[ME]', 1027, 66, 1089, 115, 0.96],
      ['[&D]', 1196, 67, 1260, 115, 0.0],
      ['[MA]', 1366, 71, 1428, 103, 0.92],
      ['MI]', 1542, 67, 1592, 115, 0.58],
      ['[MN]', 1704, 71, 1768, 102, 0.96],
      ['[MS]', 1874, 70, 1937, 102, 0.69],
      ['[MO]', 2042, 71, 2108, 102, 0.83],
      ['[AL]', 15, 130, 67, 161, 0.96],
      ['[AK]', 182, 130, 240, 161, 0.96],
      ['[AZ]', 352, 130, 408, 161, 0.96],
      ['[AR]', 520, 130, 580, 161, 0.96],
      ['[CA]', 690, 130, 748, 162, 0.96],
      ['[CO]', 858, 130, 920, 162, 0.86],
      ['[CT]', 1030, 130, 1087, 162, 0.89],
      ['[DE]', 1198, 130, 1257, 162, 0.96],
      ['[DC]', 1367, 130, 1428, 161, 0.9],
      ['[FL]', 1541, 130, 1592, 162, 0.95],
      ['[GA]', 1706, 130, 1766, 161, 0.96],
      ['[HI]', 1883, 130, 1929, 162, 0.87],
      ['[ID]', 2052, 130, 2098, 162, 0.87],
      ['[IL', 21, 181, 61, 212, 0.58],
      ['[IN]', 187, 181, 234, 213, 0.95],
      ['[1A]', 358, 180, 402, 212, 0.77],
      ['[KS]', 522, 181, 578, 212, 0.95],
      ['[KY]', 690, 181, 749, 212, 0.94],
      ['[LA]', 862, 180, 916, 212, 0.96],
      ['[ME]', 1027, 180, 1089, 212, 0.96],
      ['[MD]', 1196, 180, 1260, 213, 0.96],
      ['[MA]', 1366, 181, 1428, 213, 0.96],
      ['[MI]', 1542, 176, 1592, 217, 0.66],
      ['[MN]', 1704, 181, 1768, 212, 0.96],
      ['[MS]', 1874, 180, 1937, 213, 0.95],
      ['[MO]', 2042, 180, 2108, 213, 0.94],
    ];
    const words = ocrWords(read);
    expect(marksOf(readStateGrid(image, words).words)).toEqual(['☒[AL]', '☒[AZ]', '☒[IN]', '☒[MD]']);
  });

  it("reads a row that OCR read one code of plainly, in its circle's box, at the grid's height", async () => {
    // A real crop at 300 dpi of B.4's grid on a page that prints it three times: the last two rows
    // of the first copy, TX, VT, WA, WV and WI circled, and the whole second copy, blank (the
    // labels between the copies left out of OCR's words). OCR read WA in its circle as "WA]" with
    // the circle's box, and the rest of the row as junk; the row borrows its columns from the row
    // above, and is as tall as that row, not as the circle.
    const image = await fixtureImage('states-grid-circled-row-read-once.png', 300);
    const read: OcrRow[] = [
      ['MT]', 50, 11, 112, 59, 0.73],
      ['[NE]', 218, 15, 276, 46, 0.82],
      ['INV]', 384, 11, 443, 59, 0.7],
      ['[NH]', 550, 15, 610, 46, 0.9],
      ['NJ]', 719, 15, 774, 46, 0.48],
      ['NM]', 880, 15, 945, 46, 0.55],
      ['NY]', 1050, 15, 1109, 46, 0.37],
      ['INC]', 1215, 15, 1276, 46, 0.69],
      ['[ND]', 1382, 15, 1442, 46, 0.91],
      ['[OH]', 1547, 15, 1610, 46, 0.94],
      ['[OK]', 1714, 11, 1776, 59, 0.93],
      ['[OR]', 1881, 15, 1943, 46, 0.95],
      ['[PA]', 2050, 15, 2106, 46, 0.95],
      ['ry', 58, 73, 104, 104, 0.32],
      ['sc)', 218, 73, 276, 104, 0.25],
      ['sop', 384, 73, 443, 104, 0.56],
      ['Np', 551, 73, 609, 104, 0.19],
      ['Cx', 674, 57, 818, 114, 0.46],
      ['wn', 884, 73, 942, 104, 0.61],
      ['QUID', 1008, 57, 1151, 114, 0.55],
      ['vA)', 1218, 73, 1274, 104, 0.45],
      ['Cv', 1508, 55, 1650, 116, 0.33],
      ['CWI', 1673, 57, 1817, 114, 0],
      ['wy]', 1878, 73, 1945, 104, 0.62],
      ['[PRI', 2049, 73, 2107, 104, 0.62],
      ['[AL]', 54, 654, 107, 696, 0.96],
      ['[AK]', 218, 654, 276, 696, 0.96],
      ['[AZ]', 386, 659, 441, 690, 0.96],
      ['[AR]', 551, 659, 609, 690, 0.96],
      ['[CA]', 717, 659, 776, 690, 0.96],
      ['[CO]', 882, 659, 944, 690, 0.94],
      ['[CT]', 1051, 659, 1108, 690, 0.92],
      ['[DE]', 1217, 654, 1274, 695, 0.96],
      ['[DC]', 1383, 654, 1442, 696, 0.93],
      ['[FL]', 1553, 659, 1605, 690, 0.96],
      ['[GA]', 1715, 659, 1775, 690, 0.96],
      ['[HI]', 1888, 659, 1935, 690, 0.94],
      ['[ID]', 2055, 659, 2101, 690, 0.83],
      ['[IL]', 60, 717, 101, 748, 0.92],
      ['[IN]', 224, 717, 270, 748, 0.96],
      ['[IA]', 391, 717, 436, 748, 0.72],
      ['[KS]', 551, 717, 609, 748, 0.93],
      ['[KY]', 717, 717, 775, 748, 0.89],
      ['[LA]', 886, 717, 940, 748, 0.96],
      ['[ME]', 1048, 717, 1110, 748, 0.96],
      ['[MD]', 1214, 717, 1278, 748, 0.95],
      ['[MA]', 1381, 717, 1444, 748, 0.95],
      ['[MI]', 1554, 717, 1604, 748, 0.79],
      ['[MN]', 1713, 717, 1778, 748, 0.96],
      ['[MS]', 1880, 712, 1943, 754, 0.96],
      ['[MO]', 2045, 717, 2112, 748, 0.94],
      ['MT]', 50, 771, 112, 819, 0.75],
      ['[NE]', 218, 775, 276, 806, 0.91],
      ['INV]', 384, 775, 443, 806, 0.76],
      ['[NH]', 550, 775, 610, 806, 0.89],
      ['NJ]', 719, 775, 774, 806, 0.51],
      ['[NM]', 880, 775, 946, 806, 0.5],
      ['[NY]', 1050, 771, 1109, 819, 0.62],
      ['[NC]', 1215, 775, 1276, 806, 0.83],
      ['[ND]', 1382, 775, 1442, 806, 0.94],
      ['[OH]', 1547, 775, 1610, 806, 0.94],
      ['[OK]', 1715, 771, 1776, 819, 0.95],
      ['[OR]', 1880, 771, 1943, 819, 0.94],
      ['[PA]', 2050, 775, 2107, 806, 0.95],
      ['[RI]', 58, 833, 104, 864, 0.74],
      ['[SC]', 218, 833, 276, 864, 0.94],
      ['[SD]', 384, 833, 442, 864, 0.96],
      ['[TN]', 551, 833, 609, 864, 0.96],
      ['[TX]', 718, 833, 774, 864, 0.96],
      ['[UT]', 884, 833, 942, 864, 0.96],
      ['[VT]', 1052, 833, 1107, 864, 0.94],
      ['[VA]', 1218, 833, 1274, 864, 0.95],
      ['[WA]', 1379, 833, 1445, 864, 0.96],
      ['[WV]', 1546, 833, 1611, 864, 0.96],
      ['(wij', 1719, 828, 1772, 870, 0.7],
      ['[WY]', 1879, 828, 1945, 870, 0.87],
      ['[PR]', 2049, 833, 2107, 864, 0.95],
      ['WA]', 1369, 62, 1455, 111, 0.72],
    ];
    const words = ocrWords(read);
    expect(marksOf(readStateGrid(image, words).words)).toEqual(['☒[TX]', '☒[VT]', '☒[WA]', '☒[WI]', '☒[WV]']);
  });

  it('reads no mark on two blank copies of the grid whose rows OCR read with boxes of uneven height', async () => {
    // A real crop at 300 dpi of B.4's grid printed on a page for each of three brokers, the first
    // two copies here, every code blank (the labels between the copies left out of OCR's words).
    // OCR read some codes with boxes a few pixels taller than the rest, which raised their rows'
    // tops: laid over each other by the rows' tops, the copies' codes stood too far apart to be
    // matched, and whole rows were read as struck.
    const image = await fixtureImage('states-grids-blank.png', 300);
    const read: OcrRow[] = [
      ['[AL]', 48, 24, 111, 66, 0.96],
      ['[AK]', 212, 24, 278, 66, 0.95],
      ['[AZ]', 380, 24, 442, 66, 0.96],
      ['[AR]', 545, 24, 609, 66, 0.96],
      ['[CA]', 710, 24, 775, 66, 0.95],
      ['[CO]', 877, 28, 941, 57, 0.67],
      ['ICT]', 1020, 28, 1105, 57, 0],
      ['[DE]', 1209, 28, 1271, 57, 0.96],
      ['[DC]', 1374, 24, 1438, 66, 0.86],
      ['[FL]', 1544, 24, 1600, 67, 0.96],
      ['[GA]', 1705, 28, 1771, 57, 0.96],
      ['[HI]', 1877, 24, 1930, 66, 0.69],
      ['[ID]', 2043, 28, 2096, 57, 0.92],
      ['[IL]', 55, 66, 104, 119, 0.51],
      ['[IN]', 219, 66, 272, 119, 0.79],
      ['[1A]', 385, 66, 438, 119, 0.9],
      ['[Ks]', 547, 66, 607, 119, 0.68],
      ['[KY]', 710, 66, 776, 119, 0.9],
      ['[LA]', 877, 66, 940, 119, 0.95],
      ['[ME]', 1041, 66, 1108, 119, 0.64],
      ['[MD]', 1205, 66, 1276, 119, 0.86],
      ['[MA]', 1370, 66, 1442, 118, 0.94],
      ['[M1]', 1542, 66, 1601, 119, 0.72],
      ['[MN]', 1702, 67, 1773, 119, 0.9],
      ['[Ms]', 1871, 67, 1936, 119, 0.93],
      ['[MO]', 2034, 80, 2105, 108, 0.82],
      ['[MT]', 46, 116, 113, 169, 0.85],
      ['[NE]', 214, 116, 276, 169, 0.95],
      ['NV]', 378, 130, 444, 158, 0.57],
      ['[NH]', 544, 116, 610, 169, 0.89],
      ['(NI)', 715, 129, 770, 158, 0.42],
      ['[NM]', 873, 116, 944, 169, 0.73],
      ['[NY]', 1041, 116, 1107, 169, 0.87],
      ['[NC]', 1208, 130, 1272, 158, 0.88],
      ['IND]', 1373, 129, 1439, 158, 0.87],
      ['[OH]', 1539, 130, 1605, 158, 0.61],
      ['[OK]', 1704, 116, 1770, 169, 0.87],
      ['[OR]', 1871, 129, 1936, 159, 0.94],
      ['[PA]', 2040, 129, 2098, 158, 0.87],
      ['[RI]', 53, 166, 105, 219, 0.8],
      ['[SC]', 216, 173, 275, 208, 0.55],
      ['[SD]', 381, 179, 442, 208, 0.88],
      ['[TN]', 546, 179, 608, 208, 0.9],
      ['[TX]', 711, 179, 774, 208, 0.71],
      ['[ut]', 877, 166, 940, 219, 0.39],
      ['[vT]', 1043, 166, 1106, 219, 0.6],
      ['[VA]', 1209, 180, 1271, 208, 0.92],
      ['[wa]', 1371, 179, 1441, 208, 0.62],
      ['wv]', 1535, 180, 1608, 208, 0.72],
      ['wi]', 1707, 166, 1768, 219, 0.63],
      ['WY]', 1867, 179, 1940, 209, 0.76],
      ['[PRI', 2040, 179, 2099, 208, 0.8],
      ['[AL]', 48, 707, 111, 754, 0.95],
      ['[AK]', 212, 707, 278, 754, 0.95],
      ['[AZ]', 380, 707, 442, 754, 0.88],
      ['[AR]', 545, 707, 609, 754, 0.96],
      ['[CA]', 710, 707, 775, 754, 0.92],
      ['[co]', 876, 711, 941, 740, 0.94],
      ['[CT]', 1044, 711, 1105, 740, 0.87],
      ['[DEY', 1209, 709, 1281, 740, 0.87],
      ['[DC]', 1374, 707, 1438, 753, 0.86],
      ['[FL]', 1544, 707, 1600, 753, 0.95],
      ['[GA]', 1705, 711, 1770, 740, 0.87],
      ['[k)', 1877, 711, 1930, 740, 0],
      ['[ID]', 2043, 711, 2096, 740, 0.42],
      ['[mw]', 55, 757, 104, 804, 0.66],
      ['[IN]', 219, 757, 272, 804, 0.87],
      ['[1A]', 384, 757, 438, 804, 0.89],
      ['[Ks]', 547, 757, 607, 804, 0.8],
      ['[KY]', 710, 757, 776, 804, 0.81],
      ['[LA]', 877, 757, 940, 804, 0.7],
      ['[ME]', 1041, 757, 1108, 804, 0.88],
      ['MD]', 1205, 762, 1275, 790, 0.85],
      ['[MA]', 1370, 756, 1441, 803, 0.8],
      ['[mi]', 1542, 757, 1601, 803, 0.62],
      ['[MN]', 1702, 757, 1773, 804, 0.31],
      ['[Ms]', 1871, 757, 1936, 804, 0.78],
      ['Mo]', 2034, 761, 2105, 790, 0.78],
      ['[MT]', 45, 807, 116, 854, 0.81],
      ['[NE]', 214, 807, 276, 854, 0.84],
      ['[NV]', 378, 807, 444, 854, 0.59],
      ['[NH]', 544, 807, 610, 854, 0.87],
      ['NJ}', 715, 811, 770, 840, 0.62],
      ['[NM]', 873, 807, 944, 854, 0.9],
      ['[NY]', 1041, 807, 1107, 854, 0.85],
      ['INC]', 1208, 811, 1272, 840, 0.67],
      ['[ND]', 1373, 807, 1439, 854, 0.88],
      ['[OH]', 1539, 812, 1605, 840, 0.82],
      ['[OK]', 1704, 811, 1771, 840, 0.93],
      ['[OR]', 1871, 807, 1936, 854, 0.94],
      ['[PA]', 2040, 811, 2098, 840, 0.91],
    ];
    expect(marksOf(readStateGrid(image, ocrWords(read)).words)).toEqual([]);
  });

  it("reads a row by the grid's other rows' columns where the codes it read plainly stand together at one end", async () => {
    // Three real copies of the grid on a page at 300 dpi (the rest of the page left out), eight
    // codes circled in the first. OCR (and the page stage's second readings, "DE]" in its circle)
    // read its row one's codes plainly only from [AZ] to [DE]: the columns fitted to those stood
    // off at the row's far end, and [FL], [GA] and [ID], which OCR could not read, were measured
    // off their codes, unlike their copies, and read as struck.
    const image = await fixtureImage('states-grid-row-read-at-one-end.png', 300);
    const read: OcrRow[] = [
      ['(a', 60, 38, 116, 66, 0.57],
      ['CIAKT', 226, 38, 285, 66, 0.0],
      ['[AZ]', 394, 38, 453, 66, 0.59],
      ['[AR]', 561, 38, 621, 66, 0.69],
      ['[CA]', 729, 38, 789, 66, 0.66],
      ['[CO]', 895, 38, 958, 66, 0.7],
      ['[CTI', 1066, 38, 1123, 66, 0.65],
      ['cl', 1399, 38, 1461, 66, 0.41],
      ['(Fd', 1572, 38, 1624, 66, 0.11],
      ['[eA]', 1735, 38, 1797, 66, 0.41],
      ['(THILD', 1861, 25, 2006, 78, 0.0],
      ['[iD]', 2076, 38, 2127, 66, 0.31],
      ['[iL', 66, 86, 110, 114, 0.37],
      ['[iN]', 231, 86, 280, 114, 0.76],
      ['[KS]', 562, 86, 620, 114, 0.56],
      ['[KY]', 731, 86, 787, 114, 0.69],
      ['[LA]', 899, 86, 955, 114, 0.61],
      ['[ME]', 1063, 86, 1126, 114, 0.57],
      ['[MD]', 1229, 86, 1296, 114, 0.53],
      ['[MA]', 1398, 86, 1463, 114, 0.55],
      ['[MI]', 1571, 86, 1625, 114, 0.11],
      ['[MN]', 1733, 86, 1799, 114, 0.57],
      ['[MS]', 1902, 86, 1965, 114, 0.63],
      ['[MO]', 2068, 86, 2135, 114, 0.65],
      ['[MT]', 56, 135, 119, 163, 0.8],
      ['[NE]', 226, 135, 286, 163, 0.7],
      ['vi', 393, 135, 454, 163, 0.54],
      ['CHD', 532, 115, 659, 181, 0.54],
      ['Cu', 697, 115, 818, 181, 0.0],
      ['vw', 893, 135, 960, 163, 0.28],
      ['CID', 1022, 122, 1167, 174, 0.28],
      ['Incl', 1232, 135, 1293, 163, 0.4],
      ['IND]', 1398, 135, 1462, 163, 0.79],
      ['[OH]', 1566, 135, 1630, 163, 0.64],
      ['[OK]', 1735, 135, 1797, 163, 0.8],
      ['[OR]', 1902, 135, 1965, 163, 0.93],
      ['[PA]', 2074, 135, 2129, 163, 0.73],
      ['[RI]', 64, 183, 112, 211, 0.52],
      ['[SC]', 226, 183, 285, 211, 0.87],
      ['[SD]', 393, 183, 454, 211, 0.92],
      ['[TN]', 562, 183, 621, 211, 0.95],
      ['[TX]', 730, 183, 788, 211, 0.92],
      ['[UT]', 897, 183, 956, 211, 0.94],
      ['[VT]', 1066, 179, 1123, 223, 0.93],
      ['[VA]', 1234, 183, 1291, 211, 0.96],
      ['[WA]', 1397, 183, 1464, 211, 0.96],
      ['[WV]', 1564, 183, 1632, 211, 0.61],
      ['[wij', 1737, 179, 1794, 223, 0.73],
      ['[wy]', 1900, 184, 1967, 211, 0.92],
      ['[PR]', 2073, 183, 2130, 211, 0.96],
      ['[AL]', 60, 725, 116, 753, 0.96],
      ['[AK]', 226, 725, 285, 753, 0.96],
      ['[AZ]', 394, 725, 453, 753, 0.96],
      ['[AR]', 561, 725, 621, 753, 0.96],
      ['[CA]', 729, 725, 789, 753, 0.96],
      ['[CO]', 895, 725, 958, 753, 0.95],
      ['[CT]', 1066, 725, 1123, 753, 0.85],
      ['[DE]', 1232, 725, 1293, 753, 0.95],
      ['[DC]', 1399, 725, 1461, 753, 0.96],
      ['[FL]', 1572, 725, 1624, 753, 0.96],
      ['[GA]', 1735, 725, 1797, 753, 0.96],
      ['[HI]', 1909, 725, 1959, 753, 0.92],
      ['[ID]', 2076, 725, 2127, 753, 0.95],
      ['[IL]', 66, 774, 110, 802, 0.84],
      ['[IN]', 231, 774, 280, 802, 0.95],
      ['[1A]', 400, 774, 447, 802, 0.82],
      ['[KS]', 563, 774, 620, 802, 0.95],
      ['[KY]', 731, 770, 787, 813, 0.95],
      ['[LA]', 899, 774, 955, 802, 0.95],
      ['[ME]', 1063, 774, 1126, 802, 0.96],
      ['[MD]', 1229, 774, 1296, 802, 0.96],
      ['[MA]', 1398, 774, 1463, 802, 0.96],
      ['[Mi]', 1571, 774, 1625, 802, 0.72],
      ['[MN]', 1733, 774, 1799, 802, 0.95],
      ['[MS]', 1902, 774, 1965, 802, 0.91],
      ['[MO]', 2068, 774, 2135, 802, 0.89],
      ['[MT]', 57, 818, 119, 862, 0.74],
      ['[NE]', 226, 822, 286, 850, 0.96],
      ['[NV]', 393, 822, 454, 850, 0.87],
      ['[NH]', 560, 822, 623, 850, 0.91],
      ['[NJ]', 734, 818, 784, 863, 0.78],
      ['[NM]', 893, 822, 960, 850, 0.96],
      ['[NY]', 1065, 822, 1124, 850, 0.91],
      ['[NC]', 1232, 822, 1293, 850, 0.91],
      ['[ND]', 1398, 822, 1462, 850, 0.96],
      ['[OH]', 1566, 822, 1630, 850, 0.94],
      ['[OK]', 1735, 818, 1797, 862, 0.95],
      ['[OR]', 1902, 822, 1965, 850, 0.94],
      ['[PA]', 2074, 822, 2129, 850, 0.96],
      ['[RI]', 64, 871, 112, 899, 0.87],
      ['[SC]', 226, 871, 285, 899, 0.9],
      ['[SD]', 393, 871, 454, 899, 0.94],
      ['[TN]', 562, 871, 621, 899, 0.95],
      ['[TX]', 730, 871, 788, 899, 0.94],
      ['[UT]', 897, 871, 956, 899, 0.96],
      ['[VT]', 1066, 867, 1123, 910, 0.94],
      ['[VA]', 1234, 871, 1291, 899, 0.95],
      ['[WA]', 1397, 871, 1464, 899, 0.95],
      ['[wv]', 1564, 871, 1632, 899, 0.74],
      ['[wi]', 1737, 871, 1794, 899, 0.67],
      ['[Wy]', 1900, 868, 1967, 910, 0.72],
      ['[PR]', 2073, 871, 2130, 899, 0.96],
      ['[AL]', 60, 1413, 116, 1441, 0.96],
      ['[AK]', 226, 1413, 285, 1441, 0.96],
      ['[AZ]', 394, 1413, 453, 1441, 0.96],
      ['[AR]', 561, 1413, 621, 1441, 0.96],
      ['[CA]', 729, 1413, 789, 1441, 0.96],
      ['[CO]', 895, 1413, 958, 1441, 0.96],
      ['[CT]', 1066, 1413, 1123, 1441, 0.82],
      ['[DE]', 1232, 1413, 1293, 1441, 0.95],
      ['[DC]', 1399, 1413, 1461, 1441, 0.95],
      ['[FL]', 1572, 1413, 1624, 1441, 0.96],
      ['[GA]', 1735, 1413, 1797, 1441, 0.96],
      ['[HI]', 1909, 1413, 1959, 1441, 0.92],
      ['[ID]', 2076, 1413, 2127, 1441, 0.95],
      ['[IL]', 66, 1462, 110, 1490, 0.84],
      ['[IN]', 231, 1462, 280, 1490, 0.95],
      ['[1A]', 400, 1462, 447, 1490, 0.83],
      ['[KS]', 563, 1462, 620, 1490, 0.93],
      ['[KY]', 731, 1458, 787, 1501, 0.96],
      ['[LA]', 898, 1458, 955, 1501, 0.95],
      ['[ME]', 1063, 1462, 1126, 1490, 0.96],
      ['[MD]', 1229, 1462, 1296, 1490, 0.96],
      ['[MA]', 1398, 1462, 1463, 1490, 0.96],
      ['[MI]', 1571, 1462, 1625, 1490, 0.73],
      ['[MN]', 1733, 1462, 1799, 1490, 0.95],
      ['[MS]', 1902, 1459, 1965, 1501, 0.96],
      ['[MO]', 2068, 1462, 2135, 1490, 0.86],
      ['[MT]', 57, 1510, 119, 1538, 0.91],
      ['[NE]', 226, 1510, 286, 1538, 0.94],
      ['[NV]', 393, 1510, 454, 1538, 0.91],
      ['[NH]', 560, 1510, 623, 1538, 0.95],
      ['[NJ]', 734, 1510, 784, 1540, 0.91],
      ['[NM]', 893, 1510, 960, 1538, 0.94],
      ['[NY]', 1065, 1510, 1124, 1538, 0.95],
      ['[NC]', 1232, 1510, 1293, 1538, 0.8],
      ['[ND]', 1398, 1510, 1462, 1538, 0.96],
      ['[OH]', 1566, 1510, 1630, 1538, 0.94],
      ['[OK]', 1735, 1506, 1797, 1549, 0.93],
      ['[OR]', 1902, 1511, 1965, 1538, 0.96],
      ['[PA]', 2074, 1510, 2129, 1538, 0.96],
      ['[RI]', 64, 1559, 112, 1587, 0.87],
      ['[SC]', 226, 1559, 285, 1587, 0.9],
      ['[SD]', 393, 1559, 454, 1587, 0.93],
      ['[TN]', 562, 1559, 621, 1587, 0.96],
      ['[TX]', 730, 1559, 788, 1587, 0.95],
      ['[UT]', 897, 1559, 956, 1587, 0.96],
      ['[VT]', 1066, 1555, 1123, 1598, 0.92],
      ['[VA]', 1234, 1559, 1291, 1587, 0.95],
      ['[WA]', 1397, 1559, 1464, 1587, 0.96],
      ['[wv]', 1564, 1559, 1632, 1587, 0.81],
      ['[wij', 1737, 1559, 1794, 1587, 0.63],
      ['[WY]', 1900, 1559, 1967, 1587, 0.94],
      ['[PR]', 2073, 1559, 2130, 1587, 0.96],
      ['DE]', 1234, 28, 1302, 75, 0.84],
      ['TIA]', 389, 76, 457, 123, 0.79],
    ];
    expect(marksOf(readStateGrid(image, ocrWords(read)).words)).toEqual(
      ['AK', 'DE', 'HI', 'IN', 'IA', 'NH', 'NJ', 'NY'].map((code) => `☒[${code}]`).sort(),
    );
  });

  it('reads a row by its codes boxed as tall as a code, where OCR boxed others twice as tall', async () => {
    // A real copy of the grid at 300 dpi, eight codes circled. OCR boxed three of row two's five
    // codes it read plainly ("[IN]", "[KS]", "[KY]") 59 pixels high, among codes of 30 with nothing
    // round them: the row reached into the rows above and below, their codes were taken for
    // strokes over its own, and seven codes not marked were read as struck.
    const image = await fixtureImage('states-grid-tall-code-boxes.png', 300);
    const read: OcrRow[] = [
      ['[AL]', 72, 35, 122, 64, 0.47],
      ['[AK]', 234, 34, 289, 64, 0.91],
      ['[AZ]', 400, 35, 453, 64, 0.76],
      ['[AR]', 563, 34, 620, 64, 0.63],
      ['[CA', 729, 34, 777, 64, 0.76],
      ['[co]', 892, 34, 951, 64, 0.65],
      ['[CT]', 1059, 34, 1113, 64, 0.75],
      ['[DE]', 1223, 34, 1279, 64, 0.8],
      ['[DC]', 1387, 33, 1445, 64, 0.38],
      ['[FU', 1557, 34, 1605, 63, 0.78],
      ['[HI]', 1889, 34, 1933, 63, 0.82],
      ['(ID)', 2054, 33, 2098, 63, 0.42],
      ['i', 77, 88, 116, 117, 0.33],
      ['[IN]', 235, 67, 284, 126, 0.5],
      ['1A]', 405, 88, 448, 117, 0.58],
      ['[KS]', 560, 67, 618, 126, 0.85],
      ['[KY]', 724, 67, 785, 126, 0.62],
      ['a', 895, 87, 948, 117, 0.63],
      ['CED', 1014, 71, 1158, 127, 0.28],
      ['Mp', 1220, 87, 1282, 117, 0.34],
      ['CIMA', 1345, 70, 1487, 127, 0.0],
      ['(MI', 1557, 87, 1605, 116, 0.46],
      ['[MN]', 1715, 86, 1777, 117, 0.52],
      ['[Ms]', 1880, 87, 1941, 116, 0.56],
      ['[MO]', 2044, 86, 2108, 116, 0.52],
      ['nm', 67, 140, 126, 169, 0.53],
      ['CED', 191, 124, 332, 180, 0.45],
      ['NV', 397, 140, 454, 169, 0.41],
      ['INH', 562, 139, 620, 169, 0.58],
      ['I', 730, 139, 782, 169, 0.66],
      ['NM', 890, 139, 952, 169, 0.43],
      ['Ny]', 1057, 139, 1114, 169, 0.38],
      ['NGI', 1179, 125, 1322, 179, 0.02],
      ['IND', 1386, 138, 1445, 169, 0.49],
      ['[OH]', 1551, 139, 1611, 169, 0.68],
      ['[OK]', 1716, 138, 1775, 169, 0.67],
      ['[OR]', 1880, 139, 1942, 168, 0.64],
      ['[PA]', 2049, 138, 2102, 168, 0.64],
      ['[RI]', 74, 173, 118, 232, 0.72],
      ['sci', 233, 192, 289, 222, 0.49],
      ['(sb', 355, 186, 454, 224, 0.0],
      ['[TN]', 564, 192, 618, 222, 0.49],
      ['mg', 729, 192, 783, 222, 0.56],
      ['Um', 851, 176, 991, 233, 0.12],
      ['vi', 1059, 192, 1113, 222, 0.19],
      ['[VA]', 1225, 172, 1281, 231, 0.93],
      ['WA]', 1385, 191, 1447, 222, 0.74],
      ['[WV]', 1549, 192, 1613, 222, 0.63],
      ['(wij', 1720, 172, 1771, 231, 0.54],
      ['WY]', 1878, 192, 1943, 221, 0.63],
      ['[PR]', 2048, 191, 2101, 221, 0.84],
    ];
    expect(marksOf(readStateGrid(image, ocrWords(read)).words)).toEqual(
      ['CA', 'GA', 'ME', 'MA', 'NE', 'NC', 'SD', 'UT'].map((code) => `☒[${code}]`).sort(),
    );
  });

  it('reads the codes crossed out with a fine pen, which adds less ink', () => {
    const { image, words } = grid([], [], [], ['AK', 'IN', 'NJ', 'WY'], 2);
    const read = readStateGrid(image, words).words;
    expect(marksOf(read)).toEqual(['☒[AK]', '☒[IN]', '☒[NJ]', '☒[WY]']);
  });

  it('reads no mark on a blank grid', () => {
    const { image, words } = grid([]);
    expect(readStateGrid(image, words).words).toEqual(words);
  });
});

describe('invertBars', () => {
  /** A section heading white on a black bar, a line of text under it, and a copier's dark top edge. */
  const page = () =>
    draw(1700, 400, (ctx) => {
      ctx.fillRect(0, 0, 1700, 22);
      ctx.fillRect(100, 100, 1500, 44);
      ctx.fillStyle = '#fff';
      ctx.font = 'bold 30px "DejaVu Serif"';
      ctx.fillText('A. BASIC IDENTIFICATION DATA', 580, 133);
      ctx.fillStyle = '#000';
      ctx.font = '24px "DejaVu Serif"';
      ctx.fillText('1. Enter the information requested about the issuer', 100, 200);
      // A thick rule is no bar.
      ctx.fillRect(100, 260, 1500, 5);
    });

  it('turns white letters on a black bar into black letters on white', () => {
    const image = page();
    const inverted = invertBars(image);
    // The bar's ground is paper now; its letters are ink, as many as were white before.
    expect(inkIn(inverted, 110, 104, 560, 140)).toBe(0);
    const letters = inkIn(inverted, 580, 104, 1200, 140);
    expect(letters).toBeGreaterThan(500);
    const white = (1200 - 580) * 36 - inkIn(image, 580, 104, 1200, 140);
    expect(Math.abs(letters - white)).toBeLessThan(white * 0.15);
  });

  it("leaves the text, a thick rule and the page's dark edge as they are", () => {
    const image = page();
    const inverted = invertBars(image);
    expect(inkIn(inverted, 0, 0, 1700, 22)).toBe(inkIn(image, 0, 0, 1700, 22));
    expect(inkIn(inverted, 90, 170, 1700, 290)).toBe(inkIn(image, 90, 170, 1700, 290));
    const ruled = draw(1700, 400, (ctx) => ctx.fillRect(100, 260, 1500, 5));
    expect(invertBars(ruled)).toBe(ruled);
  });

  it("turns a bar beside a copier's dark side edge, and leaves the edge", () => {
    // The edge runs down the page's side past the bar: the bar's band of rows is ink from the
    // edge to the bar's end, but the edge is no part of the bar.
    const edged = draw(1700, 400, (ctx) => {
      ctx.fillRect(0, 0, 14, 400);
      ctx.fillRect(100, 100, 1500, 44);
      ctx.fillStyle = '#fff';
      ctx.font = 'bold 30px "DejaVu Serif"';
      ctx.fillText('C. OFFERING PRICE, NUMBER OF INVESTORS', 480, 133);
    });
    const inverted = invertBars(edged);
    expect(inkIn(inverted, 110, 104, 460, 140)).toBe(0);
    expect(inkIn(inverted, 480, 104, 1200, 140)).toBeGreaterThan(500);
    expect(inkIn(inverted, 0, 0, 14, 400)).toBe(inkIn(edged, 0, 0, 14, 400));
  });
});

describe('findMissedInk', () => {
  const page = () =>
    draw(1000, 200, (ctx) => {
      ctx.font = '28px "DejaVu Sans"';
      ctx.fillText('Legal Fees', 40, 100);
      // A faint typed amount, which OCR's page pass dropped.
      ctx.fillStyle = '#b4b4b4';
      ctx.font = '28px "DejaVu Sans Mono"';
      ctx.fillText('4,750.00', 600, 100);
    });

  it('finds the line of marks no word covers, and not the words OCR read', () => {
    const image = page();
    const regions = findMissedInk(image, [[38, 75, 190, 108]]);
    expect(regions).toHaveLength(1);
    const [x0, y0, x1, y1] = regions[0]!;
    expect(x0).toBeGreaterThanOrEqual(595);
    expect(x1).toBeLessThanOrEqual(780);
    expect(y0).toBeGreaterThan(70);
    expect(y1).toBeLessThan(110);
    // Once a word covers it, nothing is missed.
    expect(
      findMissedInk(image, [
        [38, 75, 190, 108],
        [595, 75, 780, 108],
      ]),
    ).toEqual([]);
  });

  it('finds a lone figure on a row of words read, apart from them; no lone mark off the row or beside a word', async () => {
    // A real crop at 300 dpi of C.1's Debt row: "Debt ... $ 0   $ 0", the second "$ 0" dropped by
    // the page pass. Its "$" and its "0" stand a column apart, each one mark.
    const image = await fixtureImage('lone-zero-cell.png', 300);
    const read: Bbox[] = [
      [14, 32, 69, 53],
      [1211, 31, 1223, 54],
      [1511, 20, 1529, 50],
    ];
    const regions = findMissedInk(image, read).sort((a, b) => a[0] - b[0]);
    expect(regions.map((r) => r[0])).toEqual([1722, 2022]);
    // With no word read on the row, a lone mark is no line of typing (the label and its leader are).
    expect(findMissedInk(image, []).filter((r) => r[0] > 1500)).toEqual([]);
    // Nor is one just beside a word read (a speck between a label's words, a word's last letter
    // its box left out: "Full |N Name", "electronic S").
    const beside: Bbox[] = [...read, [1990, 20, 2015, 50]];
    expect(findMissedInk(image, beside).map((r) => r[0])).toEqual([1722]);
  });

  it('darkens faint typing for a second reading', () => {
    const image = page();
    const faint = meanOf(image, 600, 78, 740, 102);
    const crop = { ...image, data: Buffer.from(image.data) };
    const strong = strengthenInk(crop);
    expect(meanOf(strong, 600, 78, 740, 102)).toBeLessThan(faint - 40);
    expect(inkIn(strong, 600, 78, 740, 102)).toBeGreaterThan(inkIn(image, 600, 78, 740, 102) + 100);
  });
});

describe('mendDottedZeros', () => {
  const word = (text: string, bbox: Word['bbox']): Word => ({ text, bbox, confidence: 0.9 });

  it('reads as zeros the dotted zeros OCR read as 6, 8 or 9, and leaves the other figures as read', async () => {
    // A real crop at 200 dpi, heavy monospaced typing: "$ 31,505,300.00", each zero a ring with a
    // dot in the middle that the gray of the ink joins to it. OCR read "31,565," surely (0.94).
    const image = await fixtureImage('dotted-zero-amount.png', 200);
    const [first, second] = mendDottedZeros(image, [
      word('31,565,', [46, 7, 160, 32]),
      word('389.86', [168, 8, 270, 32]),
    ]);
    expect(first?.text).toBe('31,505,');
    // Each figure is matched to its glyph: the 3 stays, the zeros read otherwise are put back.
    expect(second?.text).toBe('300.00');
  });

  it('leaves a 6, an 8 and a 9 alone: none has ink alone in the middle of one hole through its height', async () => {
    // A real crop of the same filing: "16,867,652.00", its 6s and 8 plain, its zeros dotted.
    const image = await fixtureImage('mono-figures-689.png', 200);
    const read = word('16,867,652.00', [16, 7, 239, 34]);
    expect(mendDottedZeros(image, [read])).toEqual([read]);
    // A word whose figures do not match its glyphs one to one is left as read ("16,867,652.000").
    const extra = word('16,867,652.008', [16, 7, 239, 34]);
    expect(mendDottedZeros(image, [extra])).toEqual([extra]);
  });

  it('reads as a zero a lone dotted zero OCR read as a letter, and leaves a letter that is no such ring', async () => {
    // A real crop at 300 dpi of a C.5 cell: "$ ____0", the zero a ring with a dot inside in a
    // monospaced face, which OCR read "A" (0.78); its "$" read "S".
    const image = await fixtureImage('dotted-zero-read-a.png', 300);
    const [dollar, zero] = mendDottedZeros(image, [
      word('S', [16, 16, 28, 41]),
      word('A', [308, 21, 330, 45]),
    ]);
    expect(dollar?.text).toBe('S');
    expect(zero?.text).toBe('0');
    // A letter made a zero is no sure reading.
    expect(zero?.confidence).toBeLessThanOrEqual(0.6);
  });

  it("leaves the letters typed in a comb's cells: a cell is no ring, nor a faint letter's last speck its dot", async () => {
    // A real crop at 300 dpi of a jurisdiction comb: "D C", faint, each in its square cell.
    const image = await fixtureImage('comb-letters-dc.png', 300);
    const read = [word('D', [23, 23, 73, 82]), word('C', [73, 23, 122, 82])];
    expect(mendDottedZeros(image, read)).toEqual(read);
  });

  it('reads as zeros the 6s that are barred rings on a page whose zeros are so, and leaves its 6s, 8s and 9s', async () => {
    // A real crop at 200 dpi of C.5's last rows, heavy monospaced typing: each zero's dot ran into
    // its ring's sides ("θ"), two holes like an 8's. OCR read "1,027,936" as "1,627,936" and
    // "187,506" as "187,566"; the "-θ-" beside them it read as zeros, an 8 and a 9.
    const image = await fixtureImage('barred-zeros-heavy-mono.png', 200);
    const zeros = [
      word('-0-', [74, 8, 116, 31]),
      word('-8-', [372, 8, 414, 30]),
      word('-9-', [74, 55, 116, 78]),
      word('-8-', [372, 53, 414, 75]),
      word('-0-', [74, 97, 116, 120]),
      word('-0-', [74, 143, 116, 166]),
    ];
    const amounts = [
      word('1,627,936', [270, 96, 417, 125]),
      word('391,369', [303, 140, 417, 166]),
      word('187,566', [6, 185, 119, 214]),
      word('2,583,238', [269, 184, 417, 213]),
    ];
    const mended = mendDottedZeros(image, [...zeros, ...amounts]).slice(zeros.length);
    expect(mended.map((w) => w.text)).toEqual(['1,027,936', '391,369', '187,506', '2,583,238']);
    // A 6 made a zero has an 8's shape too: no sure reading.
    expect(mended[0]?.confidence).toBeLessThanOrEqual(0.75);
    // Without the page's zeros to say they are barred, the amounts are left as read.
    expect(mendDottedZeros(image, amounts)).toEqual(amounts);
  });

  it('leaves a 9 alone where a threshold broke the glyphs so that a zero fell on it', async () => {
    // A real crop at 200 dpi: "395,900.00", its zeros dotted. At the darkest threshold the glyphs
    // still number eight, but the 9 after the comma falls on a zero's place and the last zero on
    // none with a dot: a threshold whose glyphs put a zero read plainly on no dot is not used.
    const image = await fixtureImage('dotted-zeros-after-nine.png', 200);
    const read = word('395,900.00', [14, 8, 191, 32]);
    expect(mendDottedZeros(image, [read])).toEqual([read]);
  });
});
