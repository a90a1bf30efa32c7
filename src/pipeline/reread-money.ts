import type { Word } from '../ingest/lines.js';
import type { PageImage } from '../ingest/pages/page-image.js';
import { MONEY_WHITELIST, ocrRegion } from '../ocr/ocr-region.js';
import type { OcrPool } from '../ocr/pool.js';
import { unionBbox } from '../record/bbox.js';
import { parseMoney } from '../record/money.js';
import type { Bbox } from '../record/schema.js';

/** Below this a word that looks like an amount is read again. */
const REREAD_BELOW = 0.85;

/** Digits with the separators, a dollar sign and the letters OCR puts for them. */
const MONEY_LIKE = /^[$sS§_]*[\d,.\-OoIl|:;'’]*\d[\d,.\-OoIl|$_:;'’]*$/;

/**
 * Reads again, as one line with only digits and separators allowed, each amount that OCR read
 * unsurely; the new reading replaces the old only when it is a valid amount read with more
 * confidence. Adjacent pieces of one amount ("1$,41 ,070.99") are read as one.
 */
export async function rereadMoney(image: PageImage, words: readonly Word[], pool: OcrPool): Promise<Word[]> {
  const groups = moneyGroups(words).filter((g) => Math.min(...g.map((w) => w.confidence)) < REREAD_BELOW);
  if (groups.length === 0) return [...words];
  const replaced = new Map<Word, Word[]>();
  for (const group of groups) {
    const box = unionBbox(group.map((w) => w.bbox)) as Bbox;
    const height = box[3] - box[1];
    const wider: Bbox = [
      box[0] - Math.round(height * 0.4),
      box[1],
      box[2] + Math.round(height * 0.4),
      box[3],
    ];
    const before = Math.min(...group.map((w) => w.confidence));
    // First as OCR reads any line, then with only money's characters allowed: tesseract rates a
    // reading it was held to a whitelist for unsurely ("$0.00" at 0.00 where it read it freely at
    // 0.88), so the free reading is tried first.
    for (const whitelist of [undefined, MONEY_WHITELIST]) {
      const again = await ocrRegion(image, wider, { pool, whitelist, singleLine: true, pad: 8 });
      // The crop's margin may take in an underscore or a speck beside the amount: no part of it.
      const kept = again.words.filter((w) => MONEY_LIKE.test(w.text) || w.text === '$');
      if (kept.length === 0) continue;
      const confidence = Math.min(...kept.map((w) => w.confidence));
      const text = kept.map((w) => w.text).join('');
      if (confidence <= before || parseMoney(text.replace(/^[$_]+/, '')) === null) continue;
      group.forEach((w, i) => {
        replaced.set(w, i === 0 ? kept : []);
      });
      break;
    }
  }
  return words.flatMap((w) => replaced.get(w) ?? [w]);
}

/** Runs of money-like words on one baseline with small gaps between them. */
function moneyGroups(words: readonly Word[]): Word[][] {
  const groups: Word[][] = [];
  let current: Word[] = [];
  const flush = () => {
    if (current.length) groups.push(current);
    current = [];
  };
  for (const w of words) {
    if (!MONEY_LIKE.test(w.text)) {
      flush();
      continue;
    }
    const prev = current[current.length - 1];
    const height = Math.max(w.bbox[3] - w.bbox[1], 1);
    const sameRow =
      prev && Math.abs((prev.bbox[1] + prev.bbox[3]) / 2 - (w.bbox[1] + w.bbox[3]) / 2) < height * 0.6;
    if (prev && (!sameRow || w.bbox[0] - prev.bbox[2] > height * 1.2)) flush();
    current.push(w);
  }
  flush();
  return groups;
}
