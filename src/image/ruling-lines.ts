import type { Word } from '../ingest/lines.js';
import type { PageImage } from '../ingest/pages/page-image.js';

/** A printed rule of the form: horizontal (y fixed) or vertical (x fixed), in page pixels. */
export interface Rule {
  /** y of a horizontal rule, x of a vertical one. */
  at: number;
  from: number;
  to: number;
  /** Rows (or columns) the rule covers. */
  thickness?: number;
}

export interface Rulings {
  horizontal: Rule[];
  vertical: Rule[];
}

/** Darker than this is ink. */
const INK = 140;

/**
 * Finds the long printed rules that divide a form into boxes. A run of ink may have small gaps
 * (scan damage); horizontal rules must span nearly half the page, vertical ones half an inch, so
 * that no stroke of a letter or side of a check box counts.
 */
export function findRulings(image: PageImage): Rulings {
  const dpi = image.dpi ?? (image.width / 8.5 > 150 ? image.width / 8.5 : 300);
  const maxGap = Math.max(3, Math.round(dpi / 20));
  // A rule broken by scan damage is several runs on one row: join them, then keep the long ones.
  // Underlines of blanks ("Other (Specify ____)", signature lines) are shorter than the rules between boxes.
  // A printed rule is a few pixels thick (more in heavy ink); a black heading band is not a rule.
  const thickest = Math.max(5, Math.round(dpi / 20));
  const horizontal = joinCollinear(
    mergeRules(runs(image, 'horizontal', Math.round(dpi / 3), maxGap)).filter(
      (r) => (r.thickness ?? 0) <= thickest,
    ),
    Math.round(image.width * 0.04),
  )
    .filter((r) => r.to - r.from >= image.width * 0.45)
    // The rules between a form's boxes run across the whole form; a damaged one is read whole.
    .map((r) => ({ at: r.at, from: 0, to: image.width - 1 }));
  const vertical = mergeRules(runs(image, 'vertical', Math.round(dpi / 2), maxGap));
  return { horizontal, vertical };
}

/**
 * The rules that OCR's words do not straddle. A row through a line of heavy bold text can look
 * like a broken rule; a printed rule runs between lines of text, never through their middle. A
 * vertical rule with no word on one side of it along its length (a scan's dark page edge) divides
 * nothing, and is dropped too: words past its ends would fall into other cells than their
 * neighbours beside it.
 */
export function withoutRulesThroughText(rulings: Rulings, words: readonly Word[]): Rulings {
  const horizontal = rulings.horizontal.filter((rule) => {
    let crossed = 0;
    for (const { bbox, confidence } of words) {
      if (confidence < 0.6) continue;
      const height = bbox[3] - bbox[1];
      if (rule.at > bbox[1] + height * 0.25 && rule.at < bbox[3] - height * 0.25) crossed++;
      if (crossed >= 2) return false;
    }
    return true;
  });
  const beside = (rule: Rule, side: -1 | 1) =>
    words.some(({ bbox }) => {
      const cy = (bbox[1] + bbox[3]) / 2;
      return cy >= rule.from && cy <= rule.to && (side < 0 ? bbox[2] <= rule.at : bbox[0] >= rule.at);
    });
  const vertical = rulings.vertical.filter((rule) => beside(rule, -1) && beside(rule, 1));
  return { horizontal, vertical };
}

function runs(
  image: PageImage,
  direction: 'horizontal' | 'vertical',
  minLength: number,
  maxGap: number,
): Rule[] {
  const { width, height, data } = image;
  const out: Rule[] = [];
  const outer = direction === 'horizontal' ? height : width;
  const inner = direction === 'horizontal' ? width : height;
  for (let a = 0; a < outer; a++) {
    let start = -1;
    let lastInk = -1;
    let inked = 0;
    for (let b = 0; b <= inner; b++) {
      const ink =
        b < inner && (data[direction === 'horizontal' ? a * width + b : b * width + a] ?? 255) < INK;
      if (ink) {
        if (start < 0) {
          start = b;
          inked = 0;
        }
        lastInk = b;
        inked++;
      } else if (start >= 0 && b - lastInk > maxGap) {
        const length = lastInk - start + 1;
        // A rule is mostly ink even where damage broke it; a row through text is not.
        if (length >= minLength && inked >= length * 0.75) out.push({ at: a, from: start, to: lastInk });
        start = -1;
      }
    }
  }
  return out;
}

/** Rows (or columns) of one thick rule are one rule, at their middle. */
function mergeRules(raw: Rule[]): Rule[] {
  const merged: Array<Rule & { last: number; first: number }> = [];
  for (const r of raw) {
    const near = merged.find(
      (m) => r.at - m.last <= 2 && overlap(m, r) > 0.5 * Math.min(m.to - m.from, r.to - r.from),
    );
    if (near) {
      near.last = r.at;
      near.from = Math.min(near.from, r.from);
      near.to = Math.max(near.to, r.to);
    } else {
      merged.push({ ...r, first: r.at, last: r.at });
    }
  }
  return merged.map((m) => ({
    at: Math.round((m.first + m.last) / 2),
    from: m.from,
    to: m.to,
    thickness: m.last - m.first + 1,
  }));
}

/** Runs on (nearly) the same row with a short break between them are one rule. */
function joinCollinear(rules: Rule[], maxBreak: number): Rule[] {
  const sorted = [...rules].sort((a, b) => a.at - b.at || a.from - b.from);
  const out: Rule[] = [];
  for (const r of sorted) {
    const prev = out.find((o) => Math.abs(o.at - r.at) <= 3 && r.from - o.to <= maxBreak && r.to > o.to);
    if (prev) {
      // The longer piece says where the rule lies: a stub beside it may be a stroke of text.
      if (r.to - r.from > prev.to - prev.from) prev.at = r.at;
      prev.from = Math.min(prev.from, r.from);
      prev.to = r.to;
    } else if (!out.some((o) => Math.abs(o.at - r.at) <= 3 && r.from >= o.from && r.to <= o.to))
      out.push({ ...r });
  }
  return out;
}

function overlap(a: { from: number; to: number }, b: { from: number; to: number }): number {
  return Math.max(0, Math.min(a.to, b.to) - Math.max(a.from, b.from));
}
