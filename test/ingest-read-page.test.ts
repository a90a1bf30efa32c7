import { degrees, PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  CorruptFileError,
  EncryptedPdfError,
  ImageTooLargeError,
  UnsupportedFileError,
} from '../src/errors.js';
import { type PageImage, readPage, readPages, readPdfText } from '../src/ingest/pages/index.js';
import { meanOf, toSharp } from './image-fixtures.js';

async function all(pages: AsyncGenerator<PageImage>): Promise<PageImage[]> {
  const out: PageImage[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

/** A white page whose black 40-pixel marker sits further right on each page, so pages tell apart. */
function markedPage(n: number, width = 850, height = 1100): PageImage {
  const data = Buffer.alloc(width * height, 255);
  const x0 = 100 * n;
  for (let y = 50; y < 90; y++) data.fill(0, y * width + x0, y * width + x0 + 40);
  return { page: n, width, height, dpi: 100, data };
}

/** Letter pages at 100 dpi, each one JPEG scan with its own marker; page 2 carries /Rotate 90. */
async function scannedPdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let n = 1; n <= pages; n++) {
    const jpeg = await toSharp(markedPage(n)).jpeg({ quality: 90 }).toBuffer();
    const pdfPage = doc.addPage([612, 792]);
    pdfPage.drawImage(await doc.embedJpg(jpeg), { x: 0, y: 0, width: 612, height: 792 });
    if (n === 2) pdfPage.setRotation(degrees(90));
  }
  return doc.save();
}

/** A three-page TIFF, 300 x 200 pixels a page, each page filled with its own gray. */
async function grayTiff(): Promise<{ bytes: Buffer; grays: number[] }> {
  const w = 300;
  const h = 200;
  const grays = [255, 0, 128];
  const raw = Buffer.alloc(w * h * grays.length);
  grays.forEach((g, i) => {
    raw.fill(g, i * w * h, (i + 1) * w * h);
  });
  const bytes = await sharp(raw, { raw: { width: w, height: h * grays.length, channels: 1, pageHeight: h } })
    .tiff({ xres: 300 / 25.4, yres: 300 / 25.4 })
    .toBuffer();
  return { bytes, grays };
}

describe('readPage on PDFs', () => {
  it('gives each page exactly as readPages yields it, turned pages included', async () => {
    const bytes = await scannedPdf(3);
    const pages = await all(readPages(bytes, 'pdf'));
    for (const n of [3, 1, 2]) {
      const page = await readPage(bytes, 'pdf', n, { fileName: 'scan.pdf' });
      const expected = pages[n - 1]!;
      expect(page).toMatchObject({ page: n, width: expected.width, height: expected.height, dpi: 100 });
      expect(page.data.equals(expected.data)).toBe(true);
    }
    // Page 3's marker starts at x = 300; page 2 is on its side (1100 wide).
    expect(meanOf(await readPage(bytes, 'pdf', 3), 305, 55, 335, 85)).toBeLessThan(60);
    expect((await readPage(bytes, 'pdf', 2)).width).toBe(1100);
  });

  it('reads page 2 without decoding page 1, even when page 1 could never be read', async () => {
    const doc = await PDFDocument.create();
    // A 100-inch square page with no scan image: rendering it at 300 dpi is 900 megapixels.
    doc.addPage([7200, 7200]).drawText('Name of Issuer', { x: 72, y: 700, size: 14 });
    const jpeg = await toSharp(markedPage(2)).jpeg({ quality: 90 }).toBuffer();
    doc.addPage([612, 792]).drawImage(await doc.embedJpg(jpeg), { x: 0, y: 0, width: 612, height: 792 });
    const bytes = await doc.save();
    await expect(all(readPages(bytes, 'pdf'))).rejects.toThrow(ImageTooLargeError);
    const page = await readPage(bytes, 'pdf', 2);
    expect(page).toMatchObject({ page: 2, width: 850, height: 1100, dpi: 100 });
    expect(meanOf(page, 205, 55, 235, 85)).toBeLessThan(60);
    await expect(readPage(bytes, 'pdf', 1)).rejects.toThrow(ImageTooLargeError);
  });

  it('reads pages of several PDFs open at once, whatever their page counts', async () => {
    const long = await scannedPdf(3);
    const short = await scannedPdf(1);
    const pages = readPages(long, 'pdf');
    expect((await pages.next()).value?.page).toBe(1);
    // pdfjs 5 keeps one page count for the process: opening a 1-page PDF used to cut the 3-page one short.
    const [other, text] = await Promise.all([readPage(short, 'pdf', 1), readPdfText(short)]);
    expect(other.page).toBe(1);
    expect(text.pages).toHaveLength(1);
    const rest: number[] = [];
    for (let next = await pages.next(); !next.done; next = await pages.next()) rest.push(next.value.page);
    expect(rest).toEqual([2, 3]);
    expect((await readPdfText(long)).pages).toHaveLength(3);
  });

  it('refuses a page number the PDF does not have as the caller mistake it is', async () => {
    const bytes = await scannedPdf(2);
    for (const n of [0, 3, 1.5]) await expect(readPage(bytes, 'pdf', n)).rejects.toThrow(RangeError);
  });

  it('maps encrypted and damaged PDFs to the same errors as readPages', async () => {
    const bytes = Buffer.from(await scannedPdf(1));
    // Cutting the file short after its header leaves pdfjs nothing it can repair.
    const damaged = Buffer.concat([bytes.subarray(0, 9), Buffer.alloc(2000, 0x5a)]);
    await expect(readPage(damaged, 'pdf', 1)).rejects.toThrow(CorruptFileError);
    const encrypted = Buffer.from(
      [
        '%PDF-1.4',
        '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
        '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
        '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj',
        `4 0 obj << /Filter /Standard /V 1 /R 2 /O <${'A1B2C3D4'.repeat(8)}> /U <${'A1B2C3D4'.repeat(8)}> /P -4 >> endobj`,
        'trailer',
        `<< /Size 5 /Root 1 0 R /Encrypt 4 0 R /ID [<${'A1B2C3D4'.repeat(4)}> <${'A1B2C3D4'.repeat(4)}>] >>`,
        '%%EOF',
      ].join('\n'),
      'latin1',
    );
    await expect(readPage(encrypted, 'pdf', 1)).rejects.toThrow(EncryptedPdfError);
  });
});

describe('readPage on images', () => {
  it('gives each page of a multi-page TIFF on its own, in any order', async () => {
    const { bytes, grays } = await grayTiff();
    for (const n of [3, 1, 2]) {
      const page = await readPage(bytes, 'tiff', n);
      expect(page).toMatchObject({ page: n, width: 300, height: 200, dpi: 300 });
      expect(page.data.length).toBe(300 * 200);
      expect(page.data[0]).toBe(grays[n - 1]);
      expect(page.data[page.data.length - 1]).toBe(grays[n - 1]);
    }
    await expect(readPage(bytes, 'tiff', 4)).rejects.toThrow(RangeError);
  });

  it('refuses a TIFF page over the megapixel limit before decoding it', async () => {
    const { bytes } = await grayTiff();
    // Each page is 0.06 megapixels.
    await expect(readPage(bytes, 'tiff', 2, { maxMegapixels: 0.05 })).rejects.toThrow(ImageTooLargeError);
    expect((await readPage(bytes, 'tiff', 2, { maxMegapixels: 0.07 })).page).toBe(2);
  });

  it('gives a PNG or JPEG as page 1 and has no page 2', async () => {
    const image = markedPage(1);
    for (const [kind, bytes] of [
      ['png', await toSharp(image).png().toBuffer()],
      ['jpeg', await toSharp(image).jpeg({ quality: 95 }).toBuffer()],
    ] as const) {
      const page = await readPage(bytes, kind, 1);
      const [expected] = await all(readPages(bytes, kind));
      expect(page).toMatchObject({ page: 1, width: 850, height: 1100 });
      expect(page.data.equals(expected!.data)).toBe(true);
      await expect(readPage(bytes, kind, 2)).rejects.toThrow(RangeError);
    }
  });

  it('refuses a damaged image as corrupt and a text file as having no page images', async () => {
    const png = await toSharp(markedPage(1)).png().toBuffer();
    const broken = Buffer.concat([png.subarray(0, 40), Buffer.alloc(200, 0x33)]);
    await expect(readPage(broken, 'png', 1)).rejects.toThrow(CorruptFileError);
    await expect(readPage(Buffer.from('FORM D'), 'text', 1)).rejects.toThrow(UnsupportedFileError);
  });
});
