import type { PageImage } from '../ingest/pages/page-image.js';
import type { OcrPool } from '../ocr/pool.js';
import type { PageInfo } from '../record/schema.js';
import { estimateSkew, rotateLevel } from './deskew.js';
import { despeckle } from './despeckle.js';
import { normaliseContrast } from './normalise.js';
import { linesRunAcross, looksUpsideDown, osdRotation } from './orientation.js';
import { type QuarterTurn, quarterTurn } from './quarter-turn.js';

export interface CleanPageOptions {
  /** With a pool, tesseract's OSD helps decide which way up the page is. */
  ocr?: OcrPool;
  /** Skip removing specks (for clean born-digital renders). */
  despeckle?: boolean;
}

export interface CleanedPage {
  image: PageImage;
  info: PageInfo;
}

/** Below this the rotation would only blur the page. */
const MIN_SKEW = 0.05;

/**
 * Puts a scanned page in shape for OCR: contrast stretched, specks removed, turned right side up,
 * and levelled. The result is the raster every bbox of the record refers to.
 */
export async function cleanPage(page: PageImage, options: CleanPageOptions = {}): Promise<CleanedPage> {
  const image = evenOut(page, options);
  // OSD, when it is sure, settles all four turns at once; otherwise profiles pick the axis first.
  const osd = options.ocr ? await osdRotation(image, options.ocr) : null;
  return turnUpright(page, image, osd);
}

/** The first half of `cleanPage`, before OSD: contrast stretched and specks removed. */
export function evenOut(page: PageImage, options: Pick<CleanPageOptions, 'despeckle'> = {}): PageImage {
  const image = normaliseContrast(page);
  return options.despeckle !== false ? despeckle(image).image : image;
}

/** The second half of `cleanPage`: an evened-out page turned by OSD's answer (or the profiles'), then levelled. */
export async function turnUpright(
  page: Pick<PageImage, 'page' | 'dpi'>,
  image: PageImage,
  osd: QuarterTurn | null,
): Promise<CleanedPage> {
  const axis: QuarterTurn = osd ?? ((await linesRunAcross(image)) ? 0 : 90);
  image = await quarterTurn(image, axis);
  const skew = await estimateSkew(image);
  if (Math.abs(skew) >= MIN_SKEW) image = await rotateLevel(image, skew);
  // Which way up is judged on the levelled page, where each line's bands are sharp.
  const flip = osd === null && (await looksUpsideDown(image)) === true;
  if (flip) image = await quarterTurn(image, 180);
  const rotation = ((axis + (flip ? 180 : 0)) % 360) as QuarterTurn;
  return {
    image,
    info: {
      page: page.page,
      width: image.width,
      height: image.height,
      rotation,
      skew: Math.abs(skew) >= MIN_SKEW ? skew : 0,
      dpi: page.dpi,
    },
  };
}
