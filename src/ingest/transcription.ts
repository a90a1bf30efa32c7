import { normalizeCheckMarks } from '../parse/check-marks.js';
import type { TextLine } from './lines.js';

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&apos;': "'",
  '&nbsp;': ' ',
};

/**
 * Reads a text transcription of a filing into lines. Converters mark typed-in values in bold
 * (`**Qualys, Inc.**`), often glued to the labels around them, so bold markers split a line into
 * separate segments; each segment keeps the number of the line it came from.
 */
export function readTranscription(text: string): TextLine[] {
  const out: TextLine[] = [];
  const rawLines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  rawLines.forEach((raw, index) => {
    // Most lines have no entity, escape or heading mark: skip the rewrites for them.
    const unescaped = /[&\\#]/.test(raw)
      ? raw
          .replace(/&(?:amp|lt|gt|quot|apos|nbsp|#39);/g, (e) => ENTITIES[e] ?? e)
          .replace(/\\([$_*#[\]()|-])/g, '$1')
          .replace(/^\s*#{1,6}\s+/, '')
      : raw;
    const cleaned = normalizeCheckMarks(unescaped);
    for (const segment of cleaned.split(/\*\*|__/)) {
      const textOfSegment = segment.replace(/[ \u00a0]+/g, ' ').trim();
      if (textOfSegment === '') continue;
      out.push({ text: textOfSegment, line: index + 1, page: null, bbox: null, confidence: 1 });
    }
  });
  return out;
}
