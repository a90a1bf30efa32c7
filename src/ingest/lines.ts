import type { Bbox } from '../record/schema.js';

/** A word as OCR read it, in pixels of its page's stored raster. */
export interface Word {
  text: string;
  bbox: Bbox;
  /** 0..1 */
  confidence: number;
  /** Offset of the word in its line's text, where the line was built from words. */
  start?: number;
}

/**
 * One line of text, the unit every parser reads: a transcription's line, or an OCR line with its
 * page, box and words. The same label matching runs over both.
 */
export interface TextLine {
  text: string;
  /** 1-based position in the document's reading order (the line number of a transcription). */
  line: number;
  /** 1-based page; null for a transcription without pages. */
  page: number | null;
  bbox: Bbox | null;
  /** 0..1; 1 for text read from a transcription. */
  confidence: number;
  words?: Word[];
}
