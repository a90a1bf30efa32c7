import sharp from 'sharp';
import type { PageImage } from '../ingest/pages/page-image.js';

export type QuarterTurn = 0 | 90 | 180 | 270;

/** Turns a page clockwise by a multiple of 90 degrees, and mirrors it when asked. */
export async function quarterTurn(
  image: PageImage,
  degrees: QuarterTurn,
  mirror: { horizontal?: boolean; vertical?: boolean } = {},
): Promise<PageImage> {
  if (degrees === 0 && !mirror.horizontal && !mirror.vertical) return image;
  let pipeline = sharp(image.data, { raw: { width: image.width, height: image.height, channels: 1 } });
  if (mirror.horizontal) pipeline = pipeline.flop();
  if (mirror.vertical) pipeline = pipeline.flip();
  // sharp applies rotate before flip/flop in one pipeline, so the turn goes in a second one.
  if (degrees !== 0 && (mirror.horizontal || mirror.vertical)) {
    const flipped = await pipeline.raw().toBuffer();
    pipeline = sharp(flipped, { raw: { width: image.width, height: image.height, channels: 1 } });
  }
  const { data, info } = await pipeline
    .rotate(degrees)
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { ...image, width: info.width, height: info.height, data };
}
