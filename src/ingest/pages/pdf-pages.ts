import { createRequire } from 'node:module';
import type { PageViewport, PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { bitsToGray, colourToGray } from '../../image/grayscale.js';
import { type QuarterTurn, quarterTurn } from '../../image/quarter-turn.js';
import {
  assertPageNumber,
  assertPageSize,
  DEFAULT_MAX_MEGAPIXELS,
  type PageImage,
  type ReadPagesOptions,
} from './page-image.js';
import { largestPdfImagePixels } from './pdf-image-sizes.js';
import { getPdfPage, loadPdfjs, openPdf, pdfError } from './pdfjs.js';

/** The resolution pages without a single scan image are rendered at. */
export const RENDER_DPI = 300;

/**
 * The canvas package pdfjs itself loads: its Path2D objects are only accepted by its own contexts,
 * and pdfjs may carry a different version of @napi-rs/canvas than the project.
 */
const pdfjsRequire = createRequire(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs'));
const { createCanvas } = pdfjsRequire('@napi-rs/canvas') as typeof import('@napi-rs/canvas');

/** A scan image must cover this share of the page to stand for the whole page. */
const MIN_COVERAGE = 0.85;

type Matrix = [number, number, number, number, number, number];

interface DecodedImage {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
}

interface Placement {
  name: string;
  ctm: Matrix;
}

export async function countPdfPages(bytes: Uint8Array, options: ReadPagesOptions = {}): Promise<number> {
  const doc = await openPdf(bytes, { fileName: options.fileName });
  try {
    return doc.numPages;
  } finally {
    await doc.destroy();
  }
}

/**
 * Yields a PDF's pages one at a time: a page that is one scan image gives that image at its own
 * resolution; any other page is rendered at 300 dpi. Page resources are released after each page.
 */
export async function* readPdfPages(
  bytes: Uint8Array,
  options: ReadPagesOptions = {},
): AsyncGenerator<PageImage> {
  const doc = await openChecked(bytes, options);
  try {
    for (let n = 1; n <= doc.numPages; n++) yield await pageImageOf(doc, n, options);
  } finally {
    await doc.destroy();
  }
}

/** Page n (1-based) of a PDF alone, as `readPdfPages` gives it, without decoding the pages before it. */
export async function readPdfPage(
  bytes: Uint8Array,
  n: number,
  options: ReadPagesOptions = {},
): Promise<PageImage> {
  const doc = await openChecked(bytes, options);
  try {
    assertPageNumber(n, doc.numPages, options.fileName);
    return await pageImageOf(doc, n, options);
  } finally {
    await doc.destroy();
  }
}

/** Opens the PDF after refusing any image in it that is over the size limit. */
function openChecked(bytes: Uint8Array, options: ReadPagesOptions): Promise<PDFDocumentProxy> {
  const maxMegapixels = options.maxMegapixels ?? DEFAULT_MAX_MEGAPIXELS;
  assertPageSize(largestPdfImagePixels(bytes), 1, maxMegapixels, options.fileName);
  return openPdf(bytes, { fileName: options.fileName, maxImagePixels: Math.floor(maxMegapixels * 1e6) });
}

async function pageImageOf(doc: PDFDocumentProxy, n: number, options: ReadPagesOptions): Promise<PageImage> {
  const { fileName } = options;
  const page = await getPdfPage(doc, n, fileName);
  try {
    return (
      (await scanImageOf(page, n)) ??
      (await renderPage(page, n, options.maxMegapixels ?? DEFAULT_MAX_MEGAPIXELS, fileName))
    );
  } finally {
    page.cleanup();
  }
}

/** The page's one full-page scan image, turned as the page shows it; null when it is not such a page. */
async function scanImageOf(page: PDFPageProxy, n: number): Promise<PageImage | null> {
  const { OPS } = await loadPdfjs();
  const ops = await page.getOperatorList();
  const placements: Placement[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let textMode = 0;
  let visibleText = false;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args?.[0])) ctm = multiply(ctm, args[0] as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.setTextRenderingMode) textMode = Number(args?.[0] ?? 0);
    else if (fn === OPS.showText || fn === OPS.showSpacedText || fn === OPS.nextLineShowText) {
      // Modes 3 and 7 draw nothing: the hidden OCR layer of a scanned PDF.
      if (textMode !== 3 && textMode !== 7) visibleText = true;
    } else if (fn === OPS.paintImageXObject) placements.push({ name: String(args?.[0]), ctm });
    else if (fn === OPS.paintImageMaskXObject || fn === OPS.paintInlineImageXObject) return null;
  }
  const placement = placements[0];
  if (placements.length !== 1 || visibleText || placement === undefined) return null;

  const viewport = page.getViewport({ scale: 1 });
  const corner = (x: number, y: number) => viewport.convertToViewportPoint(...apply(placement.ctm, x, y));
  const topLeft = corner(0, 1);
  const topRight = corner(1, 1);
  const bottomLeft = corner(0, 0);
  if (coverage(viewport, topLeft, topRight, bottomLeft) < MIN_COVERAGE) return null;

  const decoded = await getImage(page, placement.name);
  const gray = toGray(decoded);
  if (gray === null) return null;

  const ex = [topRight[0] - topLeft[0], topRight[1] - topLeft[1]] as const;
  const ey = [bottomLeft[0] - topLeft[0], bottomLeft[1] - topLeft[1]] as const;
  const mirrored = ex[0] * ey[1] - ex[1] * ey[0] < 0;
  const ax = mirrored ? ([-ex[0], -ex[1]] as const) : ex;
  const turn: QuarterTurn =
    Math.abs(ax[0]) >= Math.abs(ax[1]) ? (ax[0] >= 0 ? 0 : 180) : ax[1] >= 0 ? 90 : 270;
  const dpiX = decoded.width / (Math.hypot(...ex) / 72);
  const dpiY = decoded.height / (Math.hypot(...ey) / 72);
  const image: PageImage = {
    page: n,
    width: decoded.width,
    height: decoded.height,
    dpi: Math.round((dpiX + dpiY) / 2),
    data: gray,
  };
  return quarterTurn(image, turn, { horizontal: mirrored });
}

function getImage(page: PDFPageProxy, name: string): Promise<DecodedImage> {
  // Images shared between pages live in the document's common objects, named "g_…".
  const objs = name.startsWith('g_') ? page.commonObjs : page.objs;
  return new Promise((resolve) => objs.get(name, (obj: DecodedImage) => resolve(obj)));
}

function toGray(image: DecodedImage): Buffer | null {
  const { width, height, kind, data } = image;
  if (data === undefined) return null;
  const pixels = width * height;
  // pdfjs ImageKind: 1 packed bits with 1 = white, 2 RGB, 3 RGBA; gray and JPEG arrive as RGB.
  if (kind === 1) return bitsToGray(data, width, height, true);
  if (kind === 2) return colourToGray(data, pixels, 3);
  if (kind === 3) return colourToGray(data, pixels, 4);
  return null;
}

async function renderPage(
  page: PDFPageProxy,
  n: number,
  maxMegapixels: number,
  fileName?: string,
): Promise<PageImage> {
  const viewport = page.getViewport({ scale: RENDER_DPI / 72 });
  const width = Math.round(viewport.width);
  const height = Math.round(viewport.height);
  assertPageSize(width, height, maxMegapixels, fileName);
  const canvas = createCanvas(width, height);
  try {
    await page.render({ canvas: canvas as unknown as HTMLCanvasElement, viewport }).promise;
  } catch (error) {
    throw pdfError(error, fileName);
  }
  const rgba = canvas.getContext('2d').getImageData(0, 0, width, height).data;
  return { page: n, width, height, dpi: RENDER_DPI, data: colourToGray(rgba, width * height, 4) };
}

function multiply(m: Matrix, t: Matrix): Matrix {
  // PDF concatenation: the new matrix t applies first, then the current m.
  return [
    t[0] * m[0] + t[1] * m[2],
    t[0] * m[1] + t[1] * m[3],
    t[2] * m[0] + t[3] * m[2],
    t[2] * m[1] + t[3] * m[3],
    t[4] * m[0] + t[5] * m[2] + m[4],
    t[4] * m[1] + t[5] * m[3] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** Share of the page covered by the image's parallelogram, measured by its clipped bounding box. */
function coverage(viewport: PageViewport, a: number[], b: number[], c: number[]): number {
  const d = [b[0]! + c[0]! - a[0]!, b[1]! + c[1]! - a[1]!];
  const xs = [a[0]!, b[0]!, c[0]!, d[0]!];
  const ys = [a[1]!, b[1]!, c[1]!, d[1]!];
  const x0 = Math.max(0, Math.min(...xs));
  const x1 = Math.min(viewport.width, Math.max(...xs));
  const y0 = Math.max(0, Math.min(...ys));
  const y1 = Math.min(viewport.height, Math.max(...ys));
  if (x1 <= x0 || y1 <= y0) return 0;
  return ((x1 - x0) * (y1 - y0)) / (viewport.width * viewport.height);
}
