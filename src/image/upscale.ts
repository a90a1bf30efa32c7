import sharp from 'sharp';
import type { PageImage } from '../ingest/pages/page-image.js';

/** Tesseract reads typed text best at about this resolution. */
export const OCR_DPI = 300;

/**
 * Brings a page scanned below 250 dpi up to 300 dpi: tesseract misreads the small glyphs of a
 * 200 dpi typewriter fill ("Ayenve" for Avenue) that it reads right once they are larger.
 */
export async function upscaleForOcr(image: PageImage): Promise<PageImage> {
  const dpi = image.dpi;
  if (dpi === null || dpi >= 250) return image;
  const scale = OCR_DPI / dpi;
  const width = Math.round(image.width * scale);
  const height = Math.round(image.height * scale);
  const data = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 1 } })
    .resize(width, height, { kernel: 'lanczos3' })
    .grayscale()
    .raw()
    .toBuffer();
  return { ...image, width, height, dpi: OCR_DPI, data };
}
