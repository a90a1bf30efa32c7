import type { PageImage } from '../ingest/pages/page-image.js';
import type { Bbox, PageInfo } from '../record/schema.js';
import { type CheckBox, findCheckBoxes } from './check-boxes.js';
import { evenOut, turnUpright } from './clean-page.js';
import { removeDotLeaders } from './dot-leaders.js';
import { eraseCombWalls, eraseThinRules } from './erase-rules.js';
import { invertBars } from './inverted-bars.js';
import { osdImage, surelyUpright } from './orientation.js';
import type { QuarterTurn } from './quarter-turn.js';
import { findRulings, type Rulings } from './ruling-lines.js';

/** A page evened out, and the image OSD is to read of it. */
export interface EvenPage {
  image: PageImage;
  /** Null when the ink profile is sure the page stands upright: OSD need not read it. */
  osd: Buffer | null;
}

/** What the page stage reads from a page's pixels before OCR. */
export interface PagePixels {
  /** The cleaned page: the raster every bbox refers to. */
  image: PageImage;
  info: PageInfo;
  boxes: CheckBox[];
  /** The combs of typed-in fields (Month "0 6", jurisdiction "D E"), whole or a cell at a time. */
  combs: Bbox[];
  rulings: Rulings;
  /**
   * The cleaned page less what OCR misreads (dot leaders, box outlines, comb walls, thin rules),
   * with headings printed white on black turned black on white.
   */
  forOcr: PageImage;
}

/** The page stage's pixel work before OSD: contrast, specks, and OSD's input where OSD is needed. */
export async function evenPage(page: PageImage): Promise<EvenPage> {
  const image = evenOut(page);
  return { image, osd: (await surelyUpright(image)) ? null : await osdImage(image) };
}

/**
 * The page stage's pixel work after OSD: the page turned upright and levelled, its check boxes
 * and printed rules found, and what OCR misreads erased.
 */
export async function readPixels(
  page: Pick<PageImage, 'page' | 'dpi'>,
  even: PageImage,
  osd: QuarterTurn | null,
): Promise<PagePixels> {
  const { image, info } = await turnUpright(page, even, osd);
  const { checkBoxes: boxes, combs } = findCheckBoxes(image);
  // Dot leaders go first: a row of dots is not a rule, and OCR reads dots as letters.
  const dotless = removeDotLeaders(image).image;
  const boxless = eraseBoxes(dotless, boxes);
  // Rules are found with the boxes gone: a column of boxes whose ticks rise into the box above
  // draws a run of ink as long as a rule, and its rule would cut the rows' amounts off their labels.
  const rulings = findRulings(boxless);
  const forOcr = eraseThinRules(invertBars(eraseCombs(boxless, combs)));
  return { image, info, boxes, combs, rulings, forOcr };
}

/** Check boxes are read from the pixels; OCR would only read their outlines as letters. */
function eraseBoxes(image: PageImage, boxes: readonly CheckBox[]): PageImage {
  if (boxes.length === 0) return image;
  const data = Buffer.from(image.data);
  for (const { bbox } of boxes) {
    const pad = 3;
    for (let y = Math.max(0, bbox[1] - pad); y <= Math.min(image.height - 1, bbox[3] + pad); y++) {
      data.fill(
        255,
        y * image.width + Math.max(0, bbox[0] - pad),
        y * image.width + Math.min(image.width, bbox[2] + pad + 1),
      );
    }
  }
  return { ...image, data };
}

/**
 * The cells of a typed-in comb ("0 6", "D E"): OCR skips characters walled in by lines, so the walls
 * go, as rules are erased: a digit typed to fill its cell touches the walls, and keeps its strokes.
 */
export function eraseCombs(image: PageImage, combs: readonly Bbox[]): PageImage {
  if (combs.length === 0) return image;
  const erased = { ...image, data: Buffer.from(image.data) };
  for (const comb of combs) eraseCombWalls(erased, comb);
  return erased;
}
