import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import {
  cleanPage,
  despeckle,
  estimateSkew,
  linesRunAcross,
  looksUpsideDown,
  normaliseContrast,
  type QuarterTurn,
  quarterTurn,
} from '../src/image/index.js';
import { inkIn } from '../src/image/ink-in.js';
import type { PageImage } from '../src/ingest/pages/page-image.js';
import { OcrPool } from '../src/ocr/index.js';
import { draw, FORM_LINES, fixtureImage, rotateBy, speckle, textPage } from './image-fixtures.js';

const page = textPage(FORM_LINES).image;
const pool = new OcrPool({ size: 1 });
afterAll(() => pool.close());

/** Mean absolute difference between two pages, on 8x8 blocks so anti-aliasing does not count. */
function blockDifference(a: PageImage, b: PageImage): number {
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  const block = 8;
  let total = 0;
  let n = 0;
  for (let by = 0; by + block <= a.height; by += block) {
    for (let bx = 0; bx + block <= a.width; bx += block) {
      let sa = 0;
      let sb = 0;
      for (let y = by; y < by + block; y++) {
        for (let x = bx; x < bx + block; x++) {
          sa += a.data[y * a.width + x]!;
          sb += b.data[y * b.width + x]!;
        }
      }
      total += Math.abs(sa - sb) / (block * block);
      n++;
    }
  }
  return total / n;
}

describe('deskew', () => {
  it.each([2.3, -1.7, 4.2, 0])('measures a page turned %f degrees to within 0.2 degrees', async (angle) => {
    expect(Math.abs((await estimateSkew(await rotateBy(page, angle))) - angle)).toBeLessThanOrEqual(0.2);
  });

  it('levels a skewed page and records the skew it corrected', async () => {
    const { image, info } = await cleanPage(await rotateBy(page, -1.7));
    expect(info.skew).toBeCloseTo(-1.7, 0);
    expect(Math.abs(await estimateSkew(image))).toBeLessThanOrEqual(0.1);
    expect([image.width, image.height]).toEqual([page.width, page.height]);
  });
});

describe('orientation', () => {
  it('tells lines that run across the page from lines that run down it', async () => {
    expect(await linesRunAcross(page)).toBe(true);
    expect(await linesRunAcross(await quarterTurn(page, 90))).toBe(false);
    expect(await looksUpsideDown(page)).toBe(false);
    expect(await looksUpsideDown(await quarterTurn(page, 180))).toBe(true);
  });

  it.each([90, 180, 270] as const)(
    'puts a page turned %i degrees right side up from its pixels alone',
    async (turn) => {
      const turned = await rotateBy(await quarterTurn(page, turn), 0.8);
      const { image, info } = await cleanPage(turned);
      expect(info.rotation).toBe(((360 - turn) % 360) as QuarterTurn);
      expect(info).toMatchObject({ width: page.width, height: page.height });
      expect(blockDifference(image, page)).toBeLessThan(3);
    },
  );

  it.each([0, 90, 180, 270] as const)(
    'puts a page turned %i degrees right side up with tesseract OSD',
    async (turn) => {
      const { image, info } = await cleanPage(await quarterTurn(page, turn), { ocr: pool });
      expect(info.rotation).toBe(((360 - turn) % 360) as QuarterTurn);
      expect(blockDifference(image, page)).toBeLessThan(3);
    },
  );
});

describe('despeckle', () => {
  it('removes isolated specks and leaves text, periods, commas and dot leaders alone', async () => {
    const { image, lines } = textPage(
      [
        'Total Payments Listed $ 27,701,668.92',
        'i. j; a: 1,234.56',
        'hours per response . . . . . . . . . 16.00',
      ],
      { height: 800, top: 150 },
    );
    const speckled = speckle(image, 400);
    const { image: clean, removed } = despeckle(speckled);
    expect(removed).toBeGreaterThan(300);
    // Every pixel inside the lines of text is as it was drawn.
    for (const { box } of lines) {
      for (let y = box[1] - 2; y <= box[3] + 2; y++) {
        for (let x = box[0] - 2; x <= box[2] + 2; x++) {
          const i = y * image.width + x;
          if (speckled.data[i] === image.data[i]) expect(clean.data[i]).toBe(image.data[i]);
        }
      }
    }
    // Away from the text, the paper is white again.
    const far = clean.data.subarray(650 * image.width, 800 * image.width);
    expect(far.every((v) => v === 255)).toBe(true);
  });

  it('whitens faint gray haze away from the ink', () => {
    const { image } = textPage(['Legal Fees $ 50,000.00'], { height: 400 });
    const hazy = { ...image, data: Buffer.from(image.data) };
    for (let i = 350 * image.width; i < 360 * image.width; i += 7) hazy.data[i] = 215;
    const { image: clean } = despeckle(hazy);
    expect(clean.data.subarray(350 * image.width, 360 * image.width).every((v) => v === 255)).toBe(true);
  });

  it("keeps a light typewriter's fill on a form printed in black, blurred by the scan", async () => {
    // A label in black, and a value typed under it in a light ribbon's gray, at 200 dpi.
    const sharpPage = draw(1700, 200, (ctx) => {
      ctx.font = '22px "DejaVu Serif"';
      ctx.fillText('Business or Residence Address (Number and Street, City, State, Zip Code)', 60, 50);
      ctx.fillStyle = '#bcbcbc';
      ctx.font = '24px "DejaVu Sans Mono"';
      ctx.fillText('1620 Research Boulevard, Chicago, IL 60635', 100, 120);
    }).data;
    const blurred = await sharp(sharpPage, { raw: { width: 1700, height: 200, channels: 1 } })
      .blur(0.76)
      .extractChannel(0)
      .raw()
      .toBuffer();
    const scan: PageImage = { page: 1, width: 1700, height: 200, dpi: 200, data: blurred };
    const even = normaliseContrast(scan);
    const typed = (image: PageImage) => {
      let n = 0;
      for (let y = 90; y < 135; y++) for (let x = 90; x < 800; x++) if (image.data[y * 1700 + x]! <= 200) n++;
      return n;
    };
    expect(typed(despeckle(even).image)).toBeGreaterThan(typed(even) * 0.97);
  });

  it('removes nothing from a clean page', () => {
    expect(despeckle(page).removed).toBe(0);
  });

  it('keeps the dashes typed for zero that a faint 200-dpi scan thinned to a line a pixel thick', async () => {
    // A real scan's C.1 rows, "$ –   $ –" in each: each dash is as small as a speck and far from
    // any glyph. A round speck of dirt put in a blank cell goes.
    const scan = await fixtureImage('dash-zero-rows.png', 200);
    const dirty = { ...scan, data: Buffer.from(scan.data) };
    for (let y = 26; y <= 30; y++)
      for (let x = 1200; x <= 1204; x++)
        if ((x - 1202) ** 2 + (y - 28) ** 2 <= 4) dirty.data[y * scan.width + x] = 20;
    const clean = despeckle(normaliseContrast(dirty)).image;
    const ink = (x0: number, y0: number, x1: number, y1: number) => inkIn(clean, [x0, y0, x1, y1], 128);
    for (const y of [28, 70, 112]) {
      for (const x of [1005, 1388]) expect(ink(x, y - 5, x + 30, y + 5)).toBeGreaterThanOrEqual(8);
    }
    expect(ink(1195, 20, 1210, 36)).toBe(0);
  });
});

describe('normaliseContrast', () => {
  it('makes gray paper white and faded ink dark', () => {
    const faded = { ...page, data: Buffer.from(page.data.map((v) => 90 + Math.round((v * 110) / 255))) };
    const { data } = normaliseContrast(faded);
    expect(data[10]).toBe(255);
    expect(data.subarray(0, 600 * page.width).reduce((m, v) => Math.min(m, v), 255)).toBeLessThan(10);
  });
});
