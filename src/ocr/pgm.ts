import type { PageImage } from '../ingest/pages/page-image.js';

/** A binary PGM: Leptonica reads it without decompressing anything, so it is the cheapest hand-over. */
export function toPgm(image: PageImage): Buffer {
  return Buffer.concat([Buffer.from(`P5\n${image.width} ${image.height}\n255\n`, 'latin1'), image.data]);
}
