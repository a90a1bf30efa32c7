import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { unionBbox } from '../../record/bbox.js';
import type { TextLine, Word } from '../lines.js';
import { RENDER_DPI } from './pdf-pages.js';
import { getPdfPage, loadPdfjs, openPdf } from './pdfjs.js';

/** A page of Form D carries well over this many characters; a scan's stray text layer does not. */
export const MIN_TEXT_CHARS_PER_PAGE = 200;

export interface PdfTextPage {
  page: number;
  /** The page's size in pixels at 300 dpi, the raster the boxes refer to. */
  width: number;
  height: number;
  /** Characters other than white space. */
  chars: number;
  substantial: boolean;
  lines: TextLine[];
}

export interface PdfText {
  pages: PdfTextPage[];
  /** True when most pages carry enough text to read the filing without OCR. */
  substantial: boolean;
}

interface Piece {
  text: string;
  x0: number;
  x1: number;
  baseline: number;
  size: number;
}

/**
 * Reads a PDF's own text layer as lines with boxes in pixels at 300 dpi, numbered in reading order
 * across the document, and says per page whether there is enough of it to stand in for OCR.
 */
export async function readPdfText(bytes: Uint8Array, options: { fileName?: string } = {}): Promise<PdfText> {
  const { Util } = await loadPdfjs();
  const doc = await openPdf(bytes, options);
  const pages: PdfTextPage[] = [];
  let lineNumber = 1;
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await getPdfPage(doc, n, options.fileName);
      try {
        const viewport = page.getViewport({ scale: RENDER_DPI / 72 });
        const content = await page.getTextContent();
        const pieces: Piece[] = [];
        for (const item of content.items) {
          if (!('str' in item) || item.str.trim() === '') continue;
          const t = Util.transform(viewport.transform, (item as TextItem).transform);
          const size = Math.hypot(t[2], t[3]);
          const x0 = t[4];
          pieces.push({ text: item.str, x0, x1: x0 + item.width * viewport.scale, baseline: t[5], size });
        }
        const lines = groupLines(pieces, n, lineNumber);
        lineNumber += lines.length;
        const chars = pieces.reduce((sum, p) => sum + p.text.replace(/\s/g, '').length, 0);
        pages.push({
          page: n,
          width: Math.round(viewport.width),
          height: Math.round(viewport.height),
          chars,
          substantial: chars >= MIN_TEXT_CHARS_PER_PAGE,
          lines,
        });
      } finally {
        page.cleanup();
      }
    }
  } finally {
    await doc.destroy();
  }
  const substantialPages = pages.filter((p) => p.substantial).length;
  return { pages, substantial: substantialPages > 0 && substantialPages * 2 >= pages.length };
}

/** Pieces whose baselines agree within half a font size form a line, read left to right. */
function groupLines(pieces: Piece[], page: number, firstLine: number): TextLine[] {
  const sorted = [...pieces].sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const rows: Piece[][] = [];
  for (const piece of sorted) {
    const row = rows.at(-1);
    const anchor = row?.[0];
    if (row && anchor && Math.abs(piece.baseline - anchor.baseline) <= anchor.size * 0.5) row.push(piece);
    else rows.push([piece]);
  }
  return rows.map((row, i) => {
    row.sort((a, b) => a.x0 - b.x0);
    const words = row.flatMap(wordsOf);
    let text = '';
    let previous: Piece | undefined;
    for (const piece of row) {
      const gap = previous ? piece.x0 - previous.x1 : 0;
      if (previous && gap > piece.size * 0.2 && !text.endsWith(' ') && !piece.text.startsWith(' '))
        text += ' ';
      text += piece.text;
      previous = piece;
    }
    return {
      text: text.replace(/\s+/g, ' ').trim(),
      line: firstLine + i,
      page,
      bbox: unionBbox(words.map((w) => w.bbox)),
      confidence: 1,
      words,
    };
  });
}

/** Splits a piece at spaces, sharing its width among the characters evenly. */
function wordsOf(piece: Piece): Word[] {
  const perChar = (piece.x1 - piece.x0) / Math.max(1, piece.text.length);
  const top = piece.baseline - piece.size * 0.8;
  const bottom = piece.baseline + piece.size * 0.2;
  const words: Word[] = [];
  for (const match of piece.text.matchAll(/\S+/g)) {
    const start = piece.x0 + (match.index ?? 0) * perChar;
    words.push({
      text: match[0],
      bbox: [
        Math.round(start),
        Math.round(top),
        Math.round(start + match[0].length * perChar),
        Math.round(bottom),
      ],
      confidence: 1,
    });
  }
  return words;
}
