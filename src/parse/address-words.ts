import { createRequire } from 'node:module';
import { figuresAsLetters, isCommonWord, nearestWord } from './spelling.js';

/** The words of every place name of each state, lower case (the `zipcodes` package's ZIP list). */
let cityWords: Map<string, Set<string>> | null = null;

function wordsOfCities(state: string): Set<string> | undefined {
  if (!cityWords) {
    const require = createRequire(import.meta.url);
    const path = require.resolve('zipcodes/lib/codes.js');
    const { codes } = require(path) as { codes: Record<string, { city: string; state: string }> };
    // The list is dropped once its words are taken: the module cache would keep all of it.
    delete require.cache[path];
    cityWords = new Map();
    for (const { city, state: code } of Object.values(codes)) {
      const set = cityWords.get(code) ?? new Set<string>();
      for (const word of city.toLowerCase().split(/[^a-z]+/)) if (word.length >= 4) set.add(word);
      cityWords.set(code, set);
    }
  }
  return cityWords.get(state);
}

/**
 * Where the city of an address starts, its words read as `tokens` and its state code at `at`: the
 * words after the comma before the one that ends the city, just before the state code (0 when no
 * comma stands before it).
 */
export function cityStart(tokens: readonly string[], at: number): number {
  let from = at - 1;
  while (from > 0 && !/,$/.test(tokens[from - 1] ?? '')) from--;
  return from;
}

/**
 * Whether a city, as its words were read, is a place of the state: each of its words of four
 * letters or more is a word of one of the state's place names, and it has one.
 */
export function isPlaceIn(state: string, city: readonly string[]): boolean {
  const places = wordsOfCities(state);
  const words = city.map((w) => w.replace(/[^\p{L}]/gu, '').toLowerCase()).filter((w) => w.length >= 4);
  return places !== undefined && words.length > 0 && words.every((w) => places.has(w));
}

/** The spelled-out words of a street address. */
const STREET_WORDS = [
  'street',
  'avenue',
  'drive',
  'road',
  'boulevard',
  'parkway',
  'place',
  'court',
  'circle',
  'highway',
  'plaza',
  'square',
  'terrace',
  'trail',
  'center',
  'floor',
  'suite',
  'building',
];

/** The one word of `words` within an edit of `token` (two for words of eight letters or more). */
function nearest(token: string, words: Iterable<string>): string | null {
  return nearestWord(token, words, token.length >= 8 ? 2 : 1);
}

/** `word` in the case `token` was typed in: capitals, or a capital first. */
function inCaseOf(token: string, word: string): string {
  if (token.length > 1 && token === token.toUpperCase()) return word.toUpperCase();
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * Mends the words of an address OCR garbled, where the address itself says what they must be:
 * the city's words are words of a place name in the state its code gives ("St. Louls, MO" is St.
 * Louis, "Des Mpines, IA" Des Moines), and a word of the street that is one letter off a street
 * word is that word ("Avehue", "Driye"). A word a place name of the state has, or a common English
 * word, is left as read. `read` are the address's words, its state code at `at`; a city word OCR
 * split in two comes back whole, so the words returned may be fewer.
 */
export function mendAddressWords(read: string[], at: number): string[] {
  let stateAt = at;
  const state = (read[stateAt] ?? '').replace(/\W/g, '').toUpperCase();
  const places = wordsOfCities(state);
  let cityFrom = cityStart(read, stateAt);
  if (cityFrom <= 0) return read;
  const tokens = [...read];
  // A street's name and its street word joined by a speck read as a hyphen ("Congress-Avenue,"):
  // no street word is typed so.
  for (let k = 0; k < cityFrom; k++) {
    const joined = /^(\p{Lu}\p{L}+)[-~](\p{L}+)([,.]?)$/u.exec(tokens[k] ?? '');
    if (!joined?.[1] || !joined[2] || !STREET_WORDS.includes(joined[2].toLowerCase())) continue;
    tokens.splice(k, 1, joined[1], joined[2] + (joined[3] ?? ''));
    stateAt++;
    cityFrom++;
  }
  // A city word OCR split in two ("Wash Ngton", "Portla d"): the two pieces joined are (or are an
  // edit or two from) a word of the state's place names, where a piece alone is none.
  for (let k = cityFrom; places && k + 1 < stateAt; k++) {
    const [a = '', b = ''] = [tokens[k], tokens[k + 1]];
    const pieces = [a, b].map((t) => t.replace(/[,.]$/, ''));
    if (!pieces.every((t) => /^\p{L}+$/u.test(t))) continue;
    const lower = pieces.map((t) => t.toLowerCase());
    if (lower.every((t) => places.has(t) || isCommonWord(t))) continue;
    const joined = lower.join('');
    const word = joined.length >= 5 ? (places.has(joined) ? joined : nearest(joined, places)) : null;
    if (!word) continue;
    tokens.splice(k, 2, inCaseOf(pieces[0] ?? '', word) + (b.match(/[,.]$/)?.[0] ?? ''));
    stateAt--;
  }
  return tokens.map((token, i) => {
    // A street word may have a speck read in it or after it ("Avenu-,"), or letters read as the
    // figures they look like ("Fl100r"): the letters are the word.
    const figured = i < cityFrom ? /^(\p{L}[\p{L}015]*\d[\p{L}015]*\p{L})([,.]?)$/u.exec(token) : null;
    if (figured?.[1]) {
      const letters = figuresAsLetters(figured[1]).toLowerCase();
      const word = STREET_WORDS.includes(letters) ? letters : nearest(letters, STREET_WORDS);
      if (word) return inCaseOf(figured[1], word) + (figured[2] ?? '');
    }
    const specked = i < cityFrom ? /^(\p{L}{3,})[-~.'’]+(\p{L}*)([,.]?)$/u.exec(token) : null;
    const core = specked
      ? ([specked[0], `${specked[1]}${specked[2]}`, specked[3]] as const)
      : /^(\p{L}+)([,.]?)$/u.exec(token);
    if (i >= stateAt || !core?.[1]) return token;
    const [, letters = '', close = ''] = core;
    const lower = letters.toLowerCase();
    if (specked) {
      const word = STREET_WORDS.includes(lower) ? lower : nearest(lower, STREET_WORDS);
      return word ? inCaseOf(letters, word) + close : token;
    }
    if (i >= cityFrom) {
      if (!places || lower.length < 4 || places.has(lower) || isCommonWord(lower)) return token;
      const word = nearest(lower, places);
      return word ? inCaseOf(letters, word) + close : token;
    }
    if (lower.length < 5 || STREET_WORDS.includes(lower)) return token;
    // A street word that ends the street (before its comma) may be two letters off ("Sueet,").
    const word = close === ',' ? nearestWord(lower, STREET_WORDS, 2) : nearest(lower, STREET_WORDS);
    return word ? inCaseOf(letters, word) + close : token;
  });
}
