import sharp from 'sharp';
import type { PageImage } from '../ingest/pages/page-image.js';

/** A page raster as a PNG file's bytes (for the data folder and the review page). */
export function encodePng(image: PageImage): Promise<Buffer> {
  return sharp(image.data, { raw: { width: image.width, height: image.height, channels: 1 } })
    .png({ compressionLevel: 6 })
    .toBuffer();
}
