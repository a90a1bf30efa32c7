import { join } from 'node:path';
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import sharp from 'sharp';
import { colourToGray } from '../src/image/grayscale.js';
import type { PageImage } from '../src/ingest/pages/page-image.js';

/** Lines of a Form D page, enough text for projection profiles and OSD to work on. */
export const FORM_LINES = [
  'FORM D  NOTICE OF SALE OF SECURITIES',
  'PURSUANT TO REGULATION D, SECTION 4(6),',
  'AND/OR UNIFORM LIMITED OFFERING EXEMPTION',
  'Name of Offering: Series B Preferred Stock Financing',
  'Filing Under: Rule 504  Rule 505  Rule 506  Section 4(6)',
  'Type of Filing: New Filing  Amendment',
  'A. BASIC IDENTIFICATION DATA',
  '1. Enter the information requested about the issuer',
  'Name of Issuer: Qualys, Inc.',
  'Address of Executive Offices: 1600 Bridge Parkway',
  'Redwood Shores, CA 94065  Telephone (650) 801-6135',
  'Brief Description of Business: network security audits',
  'Type of Business Organization: corporation',
  'Total Payments Listed  $ 27,701,668.92',
  'Adjusted gross proceeds  $ 28,634,072.04',
  'Legal Fees  $ 50,000.00',
];

export interface TextPageOptions {
  width?: number;
  height?: number;
  fontSize?: number;
  left?: number;
  top?: number;
  lineGap?: number;
}

export interface RenderedLine {
  text: string;
  /** The line's ink box, [x0, y0, x1, y1]. */
  box: [number, number, number, number];
}

/** A white letter page at 300 dpi (2550 x 3300 by default) with black DejaVu Sans lines of text. */
export function textPage(
  lines: string[],
  options: TextPageOptions = {},
): { image: PageImage; lines: RenderedLine[] } {
  const { width = 2550, height = 3300, fontSize = 42, left = 200, top = 300, lineGap = 2.2 } = options;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000000';
  ctx.font = `${fontSize}px "DejaVu Sans"`;
  ctx.textBaseline = 'alphabetic';
  const rendered: RenderedLine[] = lines.map((text, i) => {
    const baseline = top + i * fontSize * lineGap;
    ctx.fillText(text, left, baseline);
    const m = ctx.measureText(text);
    return {
      text,
      box: [
        left,
        Math.round(baseline - m.actualBoundingBoxAscent),
        Math.round(left + m.width),
        Math.round(baseline + m.actualBoundingBoxDescent),
      ],
    };
  });
  const rgba = ctx.getImageData(0, 0, width, height).data;
  return {
    image: { page: 1, width, height, dpi: 300, data: colourToGray(rgba, width * height, 4) },
    lines: rendered,
  };
}

/** Rotates a page by any angle (degrees, clockwise) on a white background, keeping its size. */
export async function rotateBy(image: PageImage, degrees: number): Promise<PageImage> {
  const turned = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 1 } })
    .rotate(degrees, { background: '#ffffff' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { data, info } = await sharp(turned.data, {
    raw: { width: turned.info.width, height: turned.info.height, channels: turned.info.channels },
  })
    .extract({
      left: Math.floor((turned.info.width - image.width) / 2),
      top: Math.floor((turned.info.height - image.height) / 2),
      width: image.width,
      height: image.height,
    })
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { ...image, width: info.width, height: info.height, data };
}

export function toSharp(image: PageImage) {
  return sharp(image.data, { raw: { width: image.width, height: image.height, channels: 1 } });
}

/** Adds salt-and-pepper specks, deterministic for a seed. */
export function speckle(image: PageImage, count: number, seed = 1): PageImage {
  const data = Buffer.from(image.data);
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s;
  };
  for (let i = 0; i < count; i++) {
    const x = next() % image.width;
    const y = next() % image.height;
    data[y * image.width + x] = 0;
  }
  return { ...image, data };
}

/** The mean gray of a rectangle of a page: 0 all ink, 255 all paper. */
export function meanOf(image: PageImage, x0: number, y0: number, x1: number, y1: number): number {
  let sum = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) sum += image.data[y * image.width + x] ?? 0;
  return sum / ((x1 - x0) * (y1 - y0));
}

/** A 200 dpi strip with drawings on it, as a grayscale page: paper white, ink black to start with. */
export function draw(width: number, height: number, paint: (ctx: SKRSContext2D) => void): PageImage {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000';
  ctx.strokeStyle = '#000';
  paint(ctx);
  const rgba = ctx.getImageData(0, 0, width, height).data;
  return { page: 1, width, height, dpi: 200, data: colourToGray(rgba, width * height, 4) };
}

/** A committed crop of a real scan (fixtures/images), as a grayscale page at its resolution. */
export async function fixtureImage(name: string, dpi: number): Promise<PageImage> {
  const { data, info } = await sharp(join(import.meta.dirname, '..', 'fixtures', 'images', name))
    .grayscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { page: 1, width: info.width, height: info.height, dpi, data };
}
