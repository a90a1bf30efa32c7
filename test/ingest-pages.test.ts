import { crc32, deflateSync } from 'node:zlib';
import {
  concatTransformationMatrix,
  degrees,
  drawObject,
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
} from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  CorruptFileError,
  EmptyFileError,
  EncryptedPdfError,
  ImageTooLargeError,
  UnsupportedFileError,
} from '../src/errors.js';
import { countPages, type PageImage, readPages, readPdfText } from '../src/ingest/pages/index.js';
import { sniffKind } from '../src/ingest/sniff.js';
import { meanOf, textPage, toSharp } from './image-fixtures.js';
import { encryptedPdf } from './pdf-fixtures.js';

async function all(pages: AsyncGenerator<PageImage>): Promise<PageImage[]> {
  const out: PageImage[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

/** A letter page of text at the given dpi, with a black square in its top-left corner as a marker. */
function markedPage(dpi: number): PageImage {
  const scale = dpi / 300;
  const { image } = textPage(['FORM D', 'Total Payments Listed $ 27,701,668.92'], {
    width: Math.round(8.5 * dpi),
    height: Math.round(11 * dpi),
    fontSize: Math.round(42 * scale),
    left: Math.round(200 * scale),
    top: Math.round(300 * scale),
  });
  for (let y = 0; y < 40; y++) image.data.fill(0, y * image.width, y * image.width + 40);
  return image;
}

async function jpegPdf(dpi: number, rotate = 0): Promise<Uint8Array> {
  const page = markedPage(dpi);
  const jpeg = await toSharp(page).jpeg({ quality: 90 }).toBuffer();
  const doc = await PDFDocument.create();
  const image = await doc.embedJpg(jpeg);
  const pdfPage = doc.addPage([612, 792]);
  pdfPage.drawImage(image, { x: 0, y: 0, width: 612, height: 792 });
  if (rotate) pdfPage.setRotation(degrees(rotate));
  return doc.save();
}

/** A page whose image is 1 bit per pixel, Flate-compressed, as fax-style scanners write them. */
async function bilevelPdf(): Promise<Uint8Array> {
  const page = markedPage(200);
  const rowBytes = (page.width + 7) >> 3;
  const packed = Buffer.alloc(rowBytes * page.height);
  for (let y = 0; y < page.height; y++) {
    for (let x = 0; x < page.width; x++) {
      // DeviceGray 1 bit: 1 is white.
      if ((page.data[y * page.width + x] ?? 0) >= 128) packed[y * rowBytes + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  const doc = await PDFDocument.create();
  const pdfPage = doc.addPage([612, 792]);
  const stream = doc.context.flateStream(packed, {
    Type: 'XObject',
    Subtype: 'Image',
    Width: page.width,
    Height: page.height,
    ColorSpace: 'DeviceGray',
    BitsPerComponent: 1,
  });
  const name = pdfPage.node.newXObject('Im', doc.context.register(stream));
  pdfPage.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(612, 0, 0, 792, 0, 0),
    drawObject(name),
    popGraphicsState(),
  );
  return doc.save();
}

/** A PNG that declares 20000 x 20000 pixels but carries almost no data: a decompression bomb. */
function bombPng(): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(20000, 0);
  ihdr.writeUInt32BE(20000, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(20001 * 4))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function randomBytes(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    out[i] = s >> 16;
  }
  return out;
}

describe('sniffKind', () => {
  it('tells PDF, TIFF, PNG, JPEG and text apart by their first bytes', async () => {
    const { image } = textPage(['x'], { width: 64, height: 64 });
    expect(sniffKind(await jpegPdf(100), 'a.pdf')).toBe('pdf');
    expect(sniffKind(await toSharp(image).tiff().toBuffer(), 'a.tif')).toBe('tiff');
    expect(sniffKind(await toSharp(image).png().toBuffer(), 'a.png')).toBe('png');
    expect(sniffKind(await toSharp(image).jpeg().toBuffer(), 'a.jpg')).toBe('jpeg');
    expect(sniffKind(Buffer.from('FORM D\nName of Issuer: Qualys, Inc.\n'), 'a.txt')).toBe('text');
  });

  it('refuses an empty file and random bytes with the error a person can act on', () => {
    expect(() => sniffKind(new Uint8Array(0), 'empty.pdf')).toThrow(EmptyFileError);
    expect(() => sniffKind(randomBytes(4096), 'noise.bin')).toThrow(UnsupportedFileError);
  });
});

describe('readPages on PDFs', () => {
  it('takes a page that is one JPEG scan at its own resolution and says its dpi', async () => {
    const bytes = await jpegPdf(200);
    expect(await countPages(bytes, 'pdf')).toBe(1);
    const [page, ...rest] = await all(readPages(bytes, 'pdf', { fileName: 'scan.pdf' }));
    expect(rest).toHaveLength(0);
    expect(page).toMatchObject({ page: 1, width: 1700, height: 2200, dpi: 200 });
    expect(page!.data.length).toBe(1700 * 2200);
    expect(meanOf(page!, 5, 5, 35, 35)).toBeLessThan(40);
    expect(meanOf(page!, 1600, 2100, 1690, 2190)).toBeGreaterThan(230);
  });

  it('takes a 1-bit scan image with black and white the right way round', async () => {
    const [page] = await all(readPages(await bilevelPdf(), 'pdf'));
    expect(page).toMatchObject({ width: 1700, height: 2200, dpi: 200 });
    expect(meanOf(page!, 5, 5, 35, 35)).toBe(0);
    expect(meanOf(page!, 1600, 2100, 1690, 2190)).toBe(255);
  });

  it('turns the scan as the page shows it when the page has /Rotate 90', async () => {
    const [page] = await all(readPages(await jpegPdf(100, 90), 'pdf'));
    expect(page).toMatchObject({ width: 1100, height: 850, dpi: 100 });
    // The marker in the image's top-left corner is now at the top right.
    expect(meanOf(page!, 1100 - 30, 5, 1100 - 5, 30)).toBeLessThan(60);
  });

  it('renders a page without a scan image at 300 dpi', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([612, 792]).drawText('Name of Issuer', { x: 72, y: 700, size: 14 });
    const [page] = await all(readPages(await doc.save(), 'pdf'));
    expect(page).toMatchObject({ width: 2550, height: 3300, dpi: 300 });
    // Some ink where the text is, white elsewhere.
    expect(meanOf(page!, 300, 3300 - 2917 - 40, 900, 3300 - 2917 + 5)).toBeLessThan(250);
    expect(meanOf(page!, 1500, 2000, 2000, 2500)).toBe(255);
  });

  it('reads a text layer as lines with boxes in 300 dpi pixels and says whether it is substantial', async () => {
    const doc = await PDFDocument.create();
    const pdfPage = doc.addPage([612, 792]);
    const lines = Array.from(
      { length: 12 },
      (_, i) => `Line ${i + 1}: Name of Issuer Qualys, Inc. 1600 Bridge Parkway`,
    );
    lines.forEach((text, i) => {
      pdfPage.drawText(text, { x: 72, y: 700 - i * 20, size: 10 });
    });
    const text = await readPdfText(await doc.save());
    expect(text.substantial).toBe(true);
    const first = text.pages[0]!.lines[0]!;
    expect(first).toMatchObject({ text: lines[0], line: 1, page: 1, confidence: 1 });
    const [x0, y0, x1, y1] = first.bbox!;
    expect(x0).toBeCloseTo(300, -1);
    expect(y1).toBeGreaterThan(3300 - (700 * 300) / 72 - 5);
    expect(y0).toBeGreaterThan(3300 - ((700 + 14) * 300) / 72);
    expect(x1).toBeGreaterThan(x0 + 1000);
    expect(text.pages[0]!.lines.map((l) => l.line)).toEqual(lines.map((_, i) => i + 1));
  });

  it('says a scan without a text layer has no substantial text', async () => {
    const text = await readPdfText(await jpegPdf(100));
    expect(text).toMatchObject({ substantial: false, pages: [{ page: 1, chars: 0, lines: [] }] });
  });

  it('refuses an encrypted PDF as encrypted', async () => {
    await expect(all(readPages(encryptedPdf(), 'pdf', { fileName: 'locked.pdf' }))).rejects.toThrow(
      EncryptedPdfError,
    );
    await expect(countPages(encryptedPdf(), 'pdf')).rejects.toThrow(EncryptedPdfError);
  });

  it('refuses a damaged PDF as corrupt', async () => {
    const garbage = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(randomBytes(2000))]);
    await expect(all(readPages(garbage, 'pdf'))).rejects.toThrow(CorruptFileError);
  });

  it('refuses a PDF whose image is a decompression bomb before decoding it', async () => {
    const doc = await PDFDocument.create();
    const pdfPage = doc.addPage([612, 792]);
    const stream = doc.context.flateStream(Buffer.alloc(1000), {
      Type: 'XObject',
      Subtype: 'Image',
      Width: 20000,
      Height: 20000,
      ColorSpace: 'DeviceGray',
      BitsPerComponent: 8,
    });
    const name = pdfPage.node.newXObject('Im', doc.context.register(stream));
    pdfPage.pushOperators(
      pushGraphicsState(),
      concatTransformationMatrix(612, 0, 0, 792, 0, 0),
      drawObject(name),
      popGraphicsState(),
    );
    await expect(all(readPages(await doc.save(), 'pdf'))).rejects.toThrow(ImageTooLargeError);
  });
});

describe('readPages on images', () => {
  it('yields each page of a multi-page TIFF in order', async () => {
    const w = 300;
    const h = 200;
    const raw = Buffer.alloc(w * h * 3, 255);
    raw.fill(0, w * h, w * h * 2);
    const tiff = await toSharp({ page: 1, width: w, height: h * 3, dpi: null, data: raw })
      .tiff({ xres: 300 / 25.4, yres: 300 / 25.4 })
      .toBuffer();
    // sharp only writes pages when it knows the page height, so the tall strip is declared as three pages.
    const multi = await (await import('sharp'))
      .default(raw, { raw: { width: w, height: h * 3, channels: 1, pageHeight: h } })
      .tiff({ xres: 300 / 25.4, yres: 300 / 25.4 })
      .toBuffer();
    expect(await countPages(tiff, 'tiff')).toBe(1);
    expect(await countPages(multi, 'tiff')).toBe(3);
    const pages = await all(readPages(multi, 'tiff'));
    expect(pages.map((p) => [p.page, p.width, p.height, p.dpi])).toEqual([
      [1, w, h, 300],
      [2, w, h, 300],
      [3, w, h, 300],
    ]);
    expect(pages.map((p) => p.data[0])).toEqual([255, 0, 255]);
  });

  it('reads a colour JPEG as one gray page', async () => {
    const jpeg = await toSharp(markedPage(100)).toColourspace('srgb').jpeg().toBuffer();
    const [page] = await all(readPages(jpeg, 'jpeg'));
    expect(page).toMatchObject({ page: 1, width: 850, height: 1100 });
    expect(page!.data.length).toBe(850 * 1100);
  });

  it('refuses a 20000 x 20000 PNG header before decoding it', async () => {
    await expect(all(readPages(bombPng(), 'png', { fileName: 'bomb.png' }))).rejects.toThrow(
      ImageTooLargeError,
    );
  });

  it('refuses a damaged image as corrupt', async () => {
    const png = await toSharp(markedPage(100)).png().toBuffer();
    const broken = Buffer.concat([png.subarray(0, 40), Buffer.from(randomBytes(200))]);
    await expect(all(readPages(broken, 'png'))).rejects.toThrow(CorruptFileError);
  });
});
