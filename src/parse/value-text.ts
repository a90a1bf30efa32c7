import { LevenshteinDistance } from 'natural/lib/natural/distance/index.js';
import { US_POSTAL_CODES } from '../rules/state-code.js';
import { cityStart, isPlaceIn, mendAddressWords } from './address-words.js';
import { CHECKED, UNCHECKED } from './check-marks.js';
import { lookalikeCode } from './lookalike-letters.js';
import {
  editDistanceWithin,
  figuresAsLetters,
  isCommonWord,
  joinSplitWords,
  nearestWord,
  wordWithLetterBetween,
} from './spelling.js';
import { stateOfZip } from './zip-states.js';

/** Stamps and office marks that land beside typed values on scans and transcriptions. */
const STAMP_LINE =
  /^(?:processed|received|thomson|financial|thomson financial|sec use only|prefix|serial|date received|omb approval|attention)$/i;

/**
 * A received stamp's date on a line of its own ("AUG 11 2000", "SEP. 10, 2000", "AUG 08 2 000",
 * and "MA R 18 2005" once its month's letters are joined), or its year lost ("MAR 01"): a value
 * line is never a month's short name and a day, and a year, and nothing else.
 */
const STAMP_DATE_LINE =
  /^(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)\.?\s*\d{1,2}(?:,?\s+[12](?:\s?\d){3})?$/i;

/** A month's short name OCR read in two at a gap among its letters ("MA R 18 2005"). */
const SPLIT_MONTH = /^(\p{L}{1,3}) (\p{L}{1,3})(?=\.?\s*\d)/u;

/** The office stamps' words long enough that a garbled copy is still known ("ROCESSE", "PROCESSE-"). */
const STAMP_WORDS = ['processed', 'received'];

/**
 * A line that is a stamp's word with a letter or two lost or misread, or, in the stamp's capitals,
 * a garbled part of it where the stamp's edge or a fold cut it ("RUCESSE", "VUCESS E D").
 */
function garbledStamp(line: string): boolean {
  if (line.length > 16) return false;
  const letters = line.toLowerCase().replace(/[^a-z]/g, '');
  if (letters.length < 6) return false;
  if (STAMP_WORDS.some((word) => LevenshteinDistance(letters, word) <= 2)) return true;
  if (/\p{Ll}/u.test(line)) return false;
  return STAMP_WORDS.some((word) =>
    [0, 1, 2].some((from) => LevenshteinDistance(letters, word.slice(from, from + letters.length)) <= 2),
  );
}

/**
 * The form's number and page count in its page footer ("SEC 1972 (6/02)", misread "SEC 1672", "3 of
 * 7", its figures read as the letters they look like: "Sof6", "I of 4", or its "of" as figures,
 * "4016" for "4 of 6", or as an "o" alone, "4o5").
 */
export const FORM_FOOTER_LINE =
  /^[^\p{L}\d]{0,2}(?:[S58$][EF][CG]\.?\s*1\S72.*|(?:page\s*)?(?=.*\d)[\dSIlOB]{1,2}\s*[o0]f\s*[\dSIlOB]{1,2}|[1-9][o0][1l][1-9]|[1-9]\s?o\s?[1-9])$/iu;

/** The form's page footer, or a page number alone ("- 3 -"), that OCR puts after the last value of a page. */
const FOOTER_LINE = (line: string) => FORM_FOOTER_LINE.test(line) || /^[-–\s]*\d{1,3}[-–\s]*$/.test(line);

/**
 * The note the form prints under the related persons and the sales compensation blocks, "(Use
 * blank sheet, or copy and use additional copies of this sheet, as necessary)", with its bracket
 * often misread or cut off.
 */
const ADDITIONAL_SHEET_NOTE = /^\S?\s*use blank sheet\b|\badditional copies of this sheet\b/i;

/** The note's own words, which no name or address has four of. */
const NOTE_WORDS = ['blank', 'sheet', 'copy', 'additional', 'copies', 'this', 'necessary'];

/**
 * The additional-sheet note, also where a degraded scan garbled it past the pattern ("Ure Blank
 * chert or copy and Las addon. copies of thes sheet as Pecessary"): four of its words, each
 * read with a letter or two wrong, or three with "sheet" and "necessary" ("Use slang sheet. or copy
 * and se adam enzies of is sheet. as necessary") or with "sheet" and "copies" ("thsehish sot vad ee
 * ada copies ob ths sheets eoesan").
 */
export function isAdditionalSheetNote(line: string): boolean {
  if (ADDITIONAL_SHEET_NOTE.test(line)) return true;
  const words = line.toLowerCase().match(/\p{L}{3,}/gu) ?? [];
  const found = NOTE_WORDS.filter((note) =>
    words.some((word) => LevenshteinDistance(word, note) <= (note.length <= 5 ? 1 : 2)),
  );
  // Three will do where "sheet" and "necessary", or "sheet" and "copies", are two: no value has
  // both (a copy shop's name may have "Sheet" and "Copy").
  const pair = found.includes('sheet') && (found.includes('necessary') || found.includes('copies'));
  return found.length >= 4 || (found.length >= 3 && pair);
}

/**
 * Removes a leading printed instruction in parentheses ("(Number and Street, City, State, Zip
 * Code)"), which may span lines, but keeps a value that starts with one ("(650) 801-6135").
 */
export function stripLeadingInstruction(text: string): string {
  let rest = text.replace(/^[\s:.;,_-]+/, '');
  // OCR often misreads the opening parenthesis of an instruction ("Od check if this is ...)", "fim]
  // check ...)"), also of a second one after the first ("(Number and Street, ...) ait different trom
  // Eaceutive Offices)").
  const withoutGarbled = () => {
    // Not past a column's gap: a stamp's bracket beside a value is no instruction's end.
    const garbled = /^\S{1,5}[ \n]+((?:\p{L}+[ \n,.]+){3,}[^()\n\t]*)\)/u.exec(rest);
    if (garbled && !rest.startsWith('(')) rest = rest.slice(garbled[0].length).replace(/^[\s:.;,_-]+/, '');
  };
  withoutGarbled();
  // Its opening bracket may be read as a brace or a square one ("{Number and Street, ...)").
  while (/^(?:\(|[{[](?=\p{L}))/u.test(rest)) {
    let depth = 1;
    let end = -1;
    for (let i = 1; i < rest.length; i++) {
      if (rest[i] === '(') depth++;
      else if (rest[i] === ')' && --depth === 0) {
        end = i;
        break;
      }
    }
    // A misread bracket ("((] check if ...)") leaves it unbalanced: the line's last ")" closes it,
    // or a closing bracket misread ("(Last name first. if individual}"); failing those, the line's end.
    const first = rest.split('\n')[0] ?? '';
    if (end < 0) end = Math.max(first.lastIndexOf(')'), first.lastIndexOf('}'), first.lastIndexOf(']'));
    if (end < 0) end = first.length;
    const inner = rest.slice(1, end);
    if ((inner.match(/\p{L}{2,}/gu) ?? []).length < 2 && !instructionCutShort(inner)) break;
    rest = rest.slice(end + 1).replace(/^[\s:.;,_-]+/, '');
    withoutGarbled();
  }
  return rest;
}

/** The form's instructions in parentheses after a label, word by word. */
const INSTRUCTIONS = [
  ['number', 'and', 'street', 'city', 'state', 'zip', 'code'],
  ['last', 'name', 'first', 'if', 'individual'],
  ['including', 'area', 'code'],
  ['print', 'or', 'type'],
];

/**
 * An instruction's first words, the rest of it lost to the scan's damage ("(Print" of "(Print or
 * Type)", its label's line cut there): one word or more, each the instruction's next.
 */
function instructionCutShort(inner: string): boolean {
  const words = inner.toLowerCase().match(/\p{L}+/gu) ?? [];
  return (
    words.length > 0 &&
    INSTRUCTIONS.some((instruction) => words.every((w, i) => w === instruction[i] && w.length >= 2))
  );
}

/**
 * A line that is a printed instruction with both its brackets lost or misread ("1 Number and
 * Street, City, State, Zip Codey"): most of the instruction's words, each a letter off at most,
 * and little else.
 */
function isPrintedInstruction(line: string): boolean {
  const words = line.toLowerCase().match(/\p{L}+/gu) ?? [];
  return INSTRUCTIONS.some((instruction) => {
    const found = instruction.filter((w) =>
      words.some((word) => editDistanceWithin(word, w, 2) <= (w.length >= 4 ? 1 : 0)),
    );
    return found.length >= Math.ceil(instruction.length * 0.7) && words.length <= instruction.length + 1;
  });
}

/** A street's number, alone ("2835", "12B"). */
const HOUSE_NUMBER = /^\s*\d{1,6}[A-Za-z]?\s*$/;

/** The lines of a value: instructions, check marks, stamps and blank lines removed. */
export function valueLines(text: string): string[] {
  // The additional-sheet note closes a block: after it come the page's footer and its page
  // number, however OCR garbled them ("Jot 7" for 2 of 7).
  const raw = text.split('\n');
  const note = raw.findIndex(isAdditionalSheetNote);
  const lines = stripLeadingInstruction((note >= 0 ? raw.slice(0, note) : raw).join('\n')).split('\n');
  // The tail of a label's instruction wrapped onto the next line ("Code)"), its closing bracket
  // alone (misread "}"), or the whole instruction with its opening bracket lost or misread
  // ("Number and Street. City. Slate. Zip Code)", "iNumber and ..."), is not the value.
  const firstText = lines.findIndex((l) => /[\p{L}\d]/u.test(l));
  // (A bracket after a column's gap is another column's: a stamp's edge read beside the value.)
  const firstColumn = (lines[firstText] ?? '').split('\t')[0] ?? '';
  if (firstText >= 0 && (/^[^()]{0,60}[)}\]]\s*$/.test(firstColumn) || isPrintedInstruction(firstColumn)))
    lines.splice(firstText, 1);
  return (
    lines
      // A wide gap (a tab) ends a value: what follows is another column, a stamp or a note. But a
      // house number alone before the gap is the start of a street whose next word OCR dropped
      // ("2835 [Old] Middlefield Way"): the street goes on after the gap.
      .map((l) => {
        const [first = '', next = ''] = l.split('\t').filter((part) => part.trim() !== '');
        return HOUSE_NUMBER.test(first) && /^\s*\p{L}/u.test(next) ? `${first.trim()} ${next.trim()}` : first;
      })
      // A label's own box set on a line of its own, with a letter or two of the label OCR read
      // beside it ("☐ f" of "check if this is an amendment"), is no value.
      .map((l) => (/[☐☒]/.test(l) && l.replace(/[☐☒\s]/g, '').length <= 2 ? '' : l))
      .map((l) => l.replaceAll(CHECKED, ' ').replaceAll(UNCHECKED, ' ').replace(/\s+/g, ' ').trim())
      // Specks after the value, read as marks standing apart ("Financing . .", "Incorporated |").
      .map((l) =>
        l
          .replace(/^[:.;,_\s-]+/, '')
          .replace(/(?:\s+[.,'’‘`|])+$/u, '')
          .replace(/[\s_]+$/, ''),
      )
      .filter(
        (l) =>
          l !== '' &&
          // A speck may cling to a stamp's word ("*THOMSON").
          !STAMP_LINE.test(l.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, '')) &&
          !garbledStamp(l) &&
          !STAMP_DATE_LINE.test(l.replace(SPLIT_MONTH, '$1$2')) &&
          !FOOTER_LINE(l) &&
          !/^[({].*[)}]$/.test(l) &&
          !/^_+$/.test(l),
      )
      // Specks after the value ("’") are no more of it, nor before it ("*" after the label); specks
      // alone are no value, which the caller judges. Nor is a lone letter before the value's line:
      // left on the label's line (its closing bracket misread: "... indicate change. f"), or a
      // stamp's letter set on a line of its own ("D" of "PROCESSED").
      .filter((l, i, all) => (i === 0 && all.length === 1) || /[\p{L}\d]/u.test(l))
      .filter((l, i, all) => !(i === 0 && all.length > 1 && /^\p{L}$/u.test(l)))
  );
}

/** A one-line value (a name, a title): the first line, or null when blank. */
export function singleLine(text: string): string | null {
  const line = valueLines(text)[0];
  return line ? cleanBlank(line) : null;
}

/** A value that may run over lines (an address): joined with ", ". */
export function multiLine(text: string, maxLines = 3): string | null {
  const lines = valueLines(text).slice(0, maxLines);
  return lines.length ? cleanBlank(lines.join(', ').replace(/,\s*,/g, ',')) : null;
}

/**
 * "N/A", "None" and lone punctuation in a text box mean nothing was written; so do "Not
 * Applicable" with a letter or two misread or lost to a gap ("Not Applicab e"), and "None" and
 * "N/A" with one ("Nore", "Mone", "N/R").
 */
function cleanBlank(value: string): string | null {
  const v = value.trim();
  if (v === '' || /^(?:n\/?a|none|not applicable|-+)$/i.test(v)) return null;
  const letters = v.toLowerCase().replace(/[^a-z]/g, '');
  if (/^not\s?\S/i.test(v) && letters.length >= 10 && LevenshteinDistance(letters, 'notapplicable') <= 2)
    return null;
  // Or "None" with a letter misread ("Nore", "Mone"): no name is that one word, unless it is a
  // word of the language ("Zone", "Tone").
  const lower = v.toLowerCase();
  if (
    /^\p{L}{4}$/u.test(v) &&
    LevenshteinDistance(lower, 'none') <= 1 &&
    (lower.startsWith('no') || !isCommonWord(lower))
  )
    return null;
  // Or "N/A" with one of its letters misread ("N/R", "M/A").
  if (/^(?:n\/\p{L}|\p{L}\/a)$/iu.test(v)) return null;
  return v;
}

/** Short words a Title Case value leaves in lower case. */
const LOWER_WORDS = new Set([
  'a',
  'an',
  'and',
  'at',
  'by',
  'de',
  'del',
  'der',
  'di',
  'du',
  'for',
  'in',
  'la',
  'le',
  'of',
  'on',
  'or',
  'the',
  'to',
  'van',
  'von',
  'y',
]);

/** A token that is a ZIP code (five figures, or ZIP+4), a mark after it or none. */
const ZIP_TOKEN = /^\d{5}(?:-\d{4})?\W?$/;

/**
 * A state's code and its ZIP code read as one token, the space between them lost or read as a
 * point ("AZ.85052", "R102931" for RI 02931), after the city's comma or a point read for it, as
 * two; and a mark read after a code before its ZIP code ("NI= 68107") left out. What the two
 * tokens are is mended after, against the ZIP code's state.
 */
function codeAndZip(token: string, i: number, tokens: readonly string[]): string[] {
  const glued = /^(\p{Lu}[\p{Lu}1])[.,]?(\d{5}(?:-\d{4})?\W?)$/u.exec(token);
  if (glued?.[1] && glued[2] && /[,.]$/.test(tokens[i - 1] ?? '')) return [glued[1], glued[2]];
  const marked = /^(\p{Lu}{2})[=~_|'"`]$/u.exec(token);
  if (marked?.[1] && /,$/.test(tokens[i - 1] ?? '') && ZIP_TOKEN.test(tokens[i + 1] ?? ''))
    return [marked[1]];
  return [token];
}

/**
 * Mends what OCR does to typed names and addresses, one token at a time and only where the token
 * itself shows it: a digit among letters is the letter it looks like ("01d" Old), a letter among
 * digits the digit ("1O5" 105), "Ill" beside capitals the numeral III, a lone lower-case word in a
 * Title Case value its capital ("26 State street"), and a comma that ends the value a period after
 * an initial or abbreviation ("Charles T,").
 */
export function mendOcrText(value: string): string {
  // Commas read as periods are put back first: the address's parts are found by its commas.
  const tokens = joinSplitWords(withoutSpecks(periodsAsCommas(value)).split(' ')).flatMap(codeAndZip);
  const words = tokens.filter((t) => /^\p{L}{3,}/u.test(t) && !LOWER_WORDS.has(t.toLowerCase()));
  // A name written last name first ("King, Patricia", "O'Brien, Wei") is Title Case however short.
  const lastNameFirst = /^\p{Lu}[\p{L}'’-]+,\s\p{L}{3,}/u.test(value);
  // In an address, a word starting with a letter whose capital differs only in size ("street",
  // "stamford") may have been typed with its capital.
  const sizeless = (t: string) => /^\d/.test(value) && /^[cosvwxz]/.test(t);
  // A typed value starts with a capital; OCR's lower-case first letter shows beside capitals after
  // it, or where it is a letter whose capital differs only in size ("outsourced payroll ...").
  const capitalStart = /\p{Lu}/u.test(value.slice(1)) || /^[cosvwxz]\p{Ll}{2,}(?=[\s,]|$)/u.test(value);
  // The first word takes its capital as the value's start, so it counts as one.
  const capital = (t: string) => /^\p{Lu}/u.test(t) || sizeless(t) || (t === tokens[0] && capitalStart);
  // A value typed in sentence case shows it by a word read small whose capital differs in shape
  // ("networking"); a capital read on a later word there is a small letter of the same shape read
  // large ("Storage networking Software"), where every such capital is of that kind.
  const later = words.filter((t) => t !== tokens[0]);
  const largeRead = later.filter((t) => /^\p{Lu}/u.test(t));
  const sentenceCase =
    !/^\d/.test(value) &&
    later.some((t) => /^\p{Ll}/u.test(t) && !/^[cosvwxz]/.test(t)) &&
    largeRead.length > 0 &&
    largeRead.every((t) => /^[COSVWXZ]\p{Ll}+/u.test(t));
  const titleCase =
    !sentenceCase && (words.length >= 3 || lastNameFirst) && words.filter(capital).length >= words.length - 1;
  const mended = tokens.map((token, i) => {
    const core = /^([("']*)(.*?)([)"',.;:]*)$/u.exec(token);
    if (!core) return token;
    let [, open = '', body = '', close = ''] = core;
    // A 1 read as an opening bracket with no closing one, before the figures of a suite, a floor
    // or a building ("Suite (4,").
    if (
      open === '(' &&
      /^\d+$/.test(body) &&
      !close.includes(')') &&
      /^(?:suite|ste|unit|floor|room|building|bldg|apt)\.?$/i.test(tokens[i - 1] ?? '')
    ) {
      open = '';
      body = `1${body}`;
    }
    // "El" of a place's name read with a figure for its l ("E1 Camino Real"), the next word's
    // capital read small too ("E1 camino Real"): the name's case is mended after.
    if (body === 'E1' && close === '' && /^\p{L}\p{Ll}/u.test(tokens[i + 1] ?? '')) body = 'El';
    const letters = (body.match(/\p{L}/gu) ?? []).length;
    const digits = (body.match(/\d/g) ?? []).length;
    if (/^\d+(?:st|nd|rd|th)$/i.test(body)) {
      // An ordinal ("1st Avenue", "5th Floor") is figures and letters as typed.
    } else if (letters >= 2 && digits > 0 && digits < letters && /^[\p{L}015]+$/u.test(body)) {
      const upper = body === body.toUpperCase();
      body = [...body]
        .map((ch, i) => {
          if (ch === '0') return upper || i === 0 ? 'O' : 'o';
          if (ch === '1') return upper || i === 0 ? 'I' : 'l';
          if (ch === '5') return upper || i === 0 ? 'S' : 's';
          return ch;
        })
        .join('');
    } else if (
      letters > 0 &&
      digits > 0 &&
      body.length >= 3 &&
      /^[\p{L}015]+$/u.test(body) &&
      isCommonWord(asLetters(body))
    ) {
      // Figures among fewer letters that spell a common word with their look-alike letters ("01d"
      // Old): a word, capitalised where its first letter was a figure.
      const word = asLetters(body);
      body = /^[015\p{Lu}]/u.test(body) ? word.charAt(0).toUpperCase() + word.slice(1) : word;
    } else if (digits >= 2 && letters > 0 && letters < digits && /^[\dOoIl|-]+$/.test(body)) {
      body = lookalikeDigits(body);
    } else if (
      /^\d{2,}[CDQ]\d+$/.test(body) &&
      /^(?:suite|ste|unit|floor|room|building)$/i.test(tokens[i - 1] ?? '')
    ) {
      // A zero of a suite's or a floor's number read as a round letter inside its figures
      // ("Floor 35C0"): a letter that ends such a number is typed ("Suite 12C"), one inside it not.
      body = body.replace(/[CDQ]/, '0');
    } else if (
      /^\p{L}{2,}[:;!|]\p{L}{2,}$/u.test(body) ||
      /^(?=(?:\P{L}*\p{L}){6})\p{L}+\.\.\p{L}+$/u.test(body)
    ) {
      // A letter read as a mark inside a word ("Pa:tners"), or as two points ("P..rtnership"): the
      // one common word a letter there makes.
      body = letterForMark(body) ?? body;
    } else if (/^I[Il]+$/.test(body)) {
      body = body.replace(/l/g, 'I');
    } else if (
      /^\p{Lu}\p{Ll}+[COSUVWXZ]\p{Ll}*$/u.test(body) &&
      (isCommonWord(body.toLowerCase()) || /^\p{Lu}\p{Ll}{2,}[COSVWXZ]$/u.test(body))
    ) {
      // A small letter whose capital differs only in size, read as the capital after small ones
      // ("CoX", "GateWay"), in a common word: names of the kind ("McCormick", "LaSalle") are no
      // common words, and begin a part of the name; a capital that ends a word begins none
      // ("LouiS").
      body = body.charAt(0) + body.slice(1).toLowerCase();
    } else if (capitalStart && body === '0' && close.startsWith('.')) {
      // A middle initial O read as a zero ("Edward 0. Adams").
      body = 'O';
    }
    // "St." read small before a name ("9 Franklin Street, st. Louis").
    if (body === 'st' && close === '.' && i > 0 && /^\p{Lu}/u.test(tokens[i + 1] ?? '')) body = 'St';
    // Its period read as a comma where it begins a city's name after the street ("880 Pine Street,
    // St, Louis"): a street's own "St," ends the street, never follows one.
    if (
      /^st$/i.test(body) &&
      close === ',' &&
      /,$/.test(tokens[i - 1] ?? '') &&
      /^\p{Lu}\p{Ll}/u.test(tokens[i + 1] ?? '')
    ) {
      body = 'St';
      close = '.';
    }
    // A speck read as a point after a comma ("Miami,. FL").
    if (close === ',.') close = ',';
    if (sentenceCase && i > 0 && /^[COSVWXZ]\p{Ll}+$/u.test(body) && words.includes(token))
      body = body.charAt(0).toLowerCase() + body.slice(1);
    if (
      /^\p{Ll}{2,}$/u.test(body) &&
      ((i === 0 && capitalStart && open === '') || (titleCase && body.length >= 3 && !LOWER_WORDS.has(body)))
    ) {
      body = body.charAt(0).toUpperCase() + body.slice(1);
    }
    return open + body + close;
  });
  // A state's postal code before a ZIP code is typed in capitals ("Boston, Ma 02128"), and is a
  // real one: a letter misread makes the code it resembles ("Miami, FI, 33153"). One letter off
  // the state the ZIP code is in, it is that state ("Bethesda, MP 20899" is MD, though MP is a code).
  for (let i = 0; i + 1 < mended.length; i++) {
    let code = mended[i] ?? '';
    // A state code with a letter read as the figure it looks like ("Providence, R1 102916"): the
    // code the letter makes, where the ZIP code after it (or the last five of six figures, a
    // speck or the code's letter read again before it) lies in that state.
    // The city's comma before it may be read as a point ("Des Moines. 1A 50360").
    const figured = /^(\p{Lu}\d|\d\p{Lu})([,.]?)$/u.exec(code);
    const city = mended[i - 1] ?? '';
    if (figured?.[1] && /\p{L}{2},$|\p{L}{3}\.$/u.test(city)) {
      const letters = figured[1].replace(/\d/, (d) => CAPITAL_FOR_FIGURE[d] ?? d);
      const figures = /^\d{5,6}(?=\W?$|-)/.exec(mended[i + 1] ?? '')?.[0] ?? '';
      if (US_POSTAL_CODES.has(letters) && stateOfZip(figures.slice(-5)) === letters) {
        code = letters + (figured[2] ?? '');
        mended[i] = code;
        mended[i - 1] = city.replace(/\.$/, ',');
      }
    }
    // A ZIP code with a figure read as the letter it looks like ("NJ C7166", "VT 0546p") is the
    // one the figures make, where it lies in the state named before it.
    const zip = /^([\p{L}\d|!$@[\]]{5})(\W?)$/u.exec(mended[i + 1] ?? '');
    if (
      zip?.[1] &&
      /^\p{Lu}{2}$/u.test(code) &&
      /\D/.test(zip[1]) &&
      (zip[1].match(/\d/g) ?? []).length >= 3
    ) {
      const figures = [...zip[1]].map((ch) => ZIP_FIGURE_LOOKALIKES[ch] ?? ch).join('');
      if (/^\d{5}$/.test(figures) && stateOfZip(figures) === code) mended[i + 1] = figures + (zip[2] ?? '');
    }
    if (i > 0 && /,$/.test(mended[i - 1] ?? '')) {
      // A speck read before the ZIP code as a figure ("NH 103116"): the last five figures are a
      // ZIP code of the state the code names, the first five are not.
      const six = /^\d(\d{5})(\W?)$/.exec(mended[i + 1] ?? '');
      const upper = code.slice(0, 2).toUpperCase();
      if (six && stateOfZip(six[1] ?? '') === upper && stateOfZip(mended[i + 1] ?? '') !== upper) {
        mended[i + 1] = (six[1] ?? '') + (six[2] ?? '');
      }
      // A state code garbled past reading ("Portland, E 04168", "Boulder, (1 80324", "Boise, 1D
      // 83750") is the state of the ZIP code after it, where the city before it is a place of
      // that state.
      const zipState = stateOfZip(mended[i + 1] ?? '');
      if (
        ZIP_TOKEN.test(mended[i + 1] ?? '') &&
        /^(?:[^\d\s]\S?|\d\p{L})[,.]?$/u.test(code) &&
        !US_POSTAL_CODES.has(upper) &&
        zipState &&
        isPlaceIn(zipState, mended.slice(cityStart(mended, i), i))
      ) {
        mended[i] = zipState;
        code = zipState;
      }
    }
    // The comma before a state's code lost, or read as an "s" ("Salt Lake Citys UT 84105"), in an
    // address whose other parts have theirs: the city is a place of that state.
    const before = mended[i - 1] ?? '';
    if (
      US_POSTAL_CODES.has(code) &&
      ZIP_TOKEN.test(mended[i + 1] ?? '') &&
      /\p{Ll}$/u.test(before) &&
      mended.slice(0, i - 1).some((t) => /,$/.test(t))
    ) {
      const city = mended.slice(cityStart(mended, i), i);
      const lessS = [...city.slice(0, -1), before.slice(0, -1)];
      if (isPlaceIn(code, city)) mended[i - 1] = `${before},`;
      else if (before.endsWith('s') && isPlaceIn(code, lessS)) mended[i - 1] = `${before.slice(0, -1)},`;
    }
    if (
      /^\p{L}{2}[,.]?$/u.test(code) &&
      ZIP_TOKEN.test(mended[i + 1] ?? '') &&
      /,$/.test(mended[i - 1] ?? '')
    ) {
      const upper = code.slice(0, 2).toUpperCase();
      const zipState = stateOfZip(mended[i + 1] ?? '');
      mended[i] =
        zipState && zipState !== upper && (zipState[0] === upper[0] || zipState[1] === upper[1])
          ? zipState
          : US_POSTAL_CODES.has(upper)
            ? upper
            : (lookalikeCode(upper, (c) => US_POSTAL_CODES.has(c)) ?? upper);
      const whole = mendAddressWords(mended, i);
      i -= mended.length - whole.length;
      mended.splice(0, mended.length, ...whole);
      // An address ends at its ZIP code: a speck or two read after it, or a stamp's figures and
      // letters mixed ("20t7"), are no part of it.
      // A word in small letters is no country or place after the ZIP code ("02196, for A)").
      const junk = (t: string) => {
        const core = t.replace(/\W/g, '');
        return (
          core.length <= 2 ||
          (core.length <= 5 && /\d/.test(core) && /\p{L}/u.test(core)) ||
          /^\p{Ll}{1,4}$/u.test(core)
        );
      };
      if (mended.slice(i + 2).every(junk) && mended.length - i - 2 <= 2) {
        mended.splice(i + 2);
        mended[i + 1] = (mended[i + 1] ?? '').replace(/,$/, '');
      }
    }
  }
  const last = mended.length - 1;
  const end = mended[last] ?? '';
  // A value never ends in a comma: after an initial or an abbreviation it was a period.
  if (/^(?:\p{Lu}|\p{L}{1,3}\.)*\p{L}{1,3},$/u.test(end) || /^\p{Lu}\.?,$/u.test(end)) {
    mended[last] = `${end.slice(0, -1)}.`;
  } else if (lastNameFirst && last >= 2 && /^\p{Lu}$/u.test(end)) {
    // A middle initial ends with its period ("Roberts, John C"): OCR lost it as a speck.
    mended[last] = `${end}.`;
  }
  return entitySuffix(periodsAsCommas(initialsRead(mended.join(' '))));
}

/**
 * A signer's title is typed in Title Case ("Chief Operating Officer"): its first word has a capital,
 * and where every word that shows its case has one, a word OCR read small whose first letter is
 * the same shape in both sizes ("Chief operating officer") takes its capital too. Words a title
 * leaves small ("and", "of") stay.
 */
export function mendTitleCase(value: string): string {
  // A title begins with a capital, however OCR read its size ("president"); an abbreviation's
  // letters that are the same shape in both sizes are capitals like the others ("cEo", "CFo").
  const words = value
    .replace(/^\p{Ll}/u, (c) => c.toUpperCase())
    .split(' ')
    .map((w) =>
      /^\p{L}{2,4}$/u.test(w) &&
      /[A-Z]/.test(w.replace(/[COSVWXZ]/g, '')) &&
      [...w].every((ch) => ch === ch.toUpperCase() || SIZELESS.includes(ch))
        ? w.toUpperCase()
        : w,
    );
  const shows = words.filter((w) => /^\p{L}{2,}/u.test(w) && !LOWER_WORDS.has(w.toLowerCase()));
  const sizeless = (w: string) => SIZELESS.includes(w.charAt(0));
  const unsure = shows.filter((w) => /^\p{Ll}/u.test(w) && sizeless(w));
  const sure = shows.filter((w) => !unsure.includes(w));
  if (unsure.length === 0 || sure.length === 0 || sure.some((w) => /^\p{Ll}/u.test(w)))
    return words.join(' ');
  return words.map((w) => (unsure.includes(w) ? w.charAt(0).toUpperCase() + w.slice(1) : w)).join(' ');
}

/** The words signers' titles are made of, small. */
const TITLE_WORDS = [
  'administrative',
  'assistant',
  'associate',
  'board',
  'business',
  'chairman',
  'chairperson',
  'chief',
  'cofounder',
  'company',
  'compliance',
  'controller',
  'corporate',
  'counsel',
  'development',
  'director',
  'executive',
  'finance',
  'financial',
  'founder',
  'general',
  'investment',
  'legal',
  'limited',
  'manager',
  'managing',
  'marketing',
  'member',
  'officer',
  'operating',
  'operations',
  'partner',
  'president',
  'principal',
  'secretary',
  'senior',
  'technology',
  'treasurer',
  'trustee',
  'vice',
];

/**
 * A signer's title with each word OCR garbled put back as the one title word it was ("Srenident"
 * President, "Chiet" Chief): words of five letters or more, one letter off a title word (two for
 * words of eight letters or more), in the case they were read.
 */
export function mendTitleWords(value: string): string {
  // "and" between two title words with its "a" lost ("Vice President nd Secretary"), or its "n"
  // ("a d").
  return (
    value
      .replace(/(?<=\p{L} )(?:nd|a d)(?= \p{L})/gu, 'and')
      // A chief officer's last letter, the O, read as a round letter or a zero ("CEC", "CF0").
      .replace(/(?<![\p{L}\d])(C[EFOT])[C0DQ](?![\p{L}\d])/gu, '$1O')
      .replace(SPECK_BY_TITLE_WORD, (token: string, word: string, comma: string) =>
        TITLE_WORDS.includes(word.toLowerCase()) || isCommonWord(word.toLowerCase()) ? word + comma : token,
      )
      .replace(/\p{L}{5,}/gu, (token) => {
        const lower = token.toLowerCase();
        if (TITLE_WORDS.includes(lower)) return token;
        const word = nearestWord(lower, TITLE_WORDS, lower.length >= 8 ? 2 : 1);
        if (!word) return token;
        return /^\p{Lu}/u.test(token) ? word.charAt(0).toUpperCase() + word.slice(1) : word;
      })
  );
}

/**
 * A mark stuck to the end of a word of five letters or more, a comma after it or none ("General]
 * Counsel", "Vice President, Finance."): a speck, where the word is a whole title word or a
 * common one, which no abbreviation's period ends ("Pres.", "Treas." stay).
 */
const SPECK_BY_TITLE_WORD = /(?<=^|\s)(\p{L}{5,})[\][|}{@.]+(,?)(?=\s|$)/gu;

/** A Roman numeral of two letters or more from 2 to 39, in either case ("ii", "Vii", "XIV"). */
const ROMAN_NUMERAL = /^(?=[ivx]{2})x{0,3}(?:ix|iv|v?i{0,3})$/i;

/** Letters whose capital is the small letter drawn larger: OCR reads their case by their size. */
const SIZELESS = 'cosvwxzku';

/** Beginnings of surnames that keep a capital after them ("McKenzie", "DeSoto", "VanHorn"). */
const SURNAME_PREFIXES = new Set(['mc', 'mac', 'de', 'da', 'di', 'du', 'la', 'le', 'van', 'von', 'st']);

/**
 * The case OCR misread in a name (a person's, or an entity's) or an address, where only the case
 * of a letter that is the same shape in both sizes could be wrong: a name's words start with a
 * capital ("Hiroshi white", "Richard I. clark"), an initial is a capital ("Giovanni o."), and one
 * of those letters read large inside a word is small ("JackSon", "VenroCk", "ESchelbeck",
 * "ExecUtive Drive"), unless a surname's prefix stands before it ("McKenzie"), or, in an
 * entity's name or an address, the word is two words joined ("PeopleSoft"). Words a Title Case
 * name leaves small ("of", "and", "van") stay small; an address's words are left as read but for
 * the capitals inside them. A person's middle initial read twice or as a bar ("QQ.", "|."), and an
 * O read as a zero before an apostrophe ("0'Brien"), are put right too.
 */
export function mendNameCase(value: string, kind: 'person' | 'entity' | 'address'): string {
  // An address's parts are parted by commas: a semicolon is one misread ("Boulevard; Unit 2300");
  // and a typed address has no accents, which OCR reads in specks over a letter ("Camino Réal").
  const typed =
    kind === 'address'
      ? value
          .replace(/;(?= )/g, ',')
          .normalize('NFD')
          .replace(/\p{M}/gu, '')
          .normalize('NFC')
      : value;
  return typed
    .split(' ')
    .map((token, i, tokens) => {
      // A speck read inside a suffix's initials ("L.L-.C.").
      if (kind !== 'address' && /^[A-Z.-]+$/.test(token) && (token.match(/\./g) ?? []).length >= 2)
        return token.replaceAll('-', '');
      // A middle initial with a speck before it read as a figure ("Ward, Hiroshi 8S."): no name
      // has a figure in it.
      if (kind === 'person' && i > 0 && /^\d\p{Lu}\.$/u.test(token)) return token.slice(1);
      // A middle initial read twice ("Lisa QQ."), or an I read as a bar ("Andrew |."): no initial
      // is two letters, nor a mark.
      if (kind === 'person' && i > 0 && /^(\p{Lu})\1\.$/u.test(token)) return token.slice(1);
      if (kind === 'person' && i > 0 && /^[|!]\.$/.test(token)) return 'I.';
      // An O of a name read as a zero before its apostrophe ("0'Brien"): no name has a figure.
      if (kind === 'person' && /^0['’]\p{Lu}\p{Ll}/u.test(token)) return `O${token.slice(1)}`;
      const core = /^([("'‘]*)(\p{L}[\p{L}'’-]*)(.*)$/u.exec(token);
      if (!core) return token;
      const [, open = '', word = '', close = ''] = core;
      if (kind !== 'address' && word.length === 1 && close.startsWith('.'))
        return open + word.toUpperCase() + close;
      // A middle initial read twice, large and small ("Eric Vv."): a letter the same shape in both
      // sizes, read as both.
      if (
        kind === 'person' &&
        i > 0 &&
        close.startsWith('.') &&
        word.length === 2 &&
        SIZELESS.includes(word.charAt(1)) &&
        word.charAt(0) === word.charAt(1).toUpperCase()
      )
        return open + word.charAt(0) + close;
      // A middle initial with a speck before it read as an I ("Williams, Alex ID."): no initial is
      // two letters, and an I before another capital is no roman numeral but IV and IX.
      if (kind === 'person' && i > 1 && close.startsWith('.') && /^I[A-HJ-UWYZ]$/.test(word))
        return open + word.charAt(1) + close;
      // A middle initial between a person's names has its period, lost as a speck ("Linda U Gutierrez").
      if (
        kind === 'person' &&
        i > 0 &&
        i < tokens.length - 1 &&
        /^\p{Lu}$/u.test(word) &&
        close === '' &&
        open === ''
      )
        return `${word}.`;
      // A middle initial's period read as a comma or a dash ("Jason K, Eschelbeck", "Sharon V-"):
      // a person's name has a comma only after the last name that comes first.
      if (kind === 'person' && i > 0 && /^\p{Lu}[,_-]$/u.test(`${word}${close}`))
        return `${open + word.charAt(0)}.`;
      // A street number 1 read as a letter ("L Borregas Avenue"), where no street is named by it.
      const next = tokens[i + 1] ?? '';
      if (kind === 'address' && i === 0 && /^[LlI|]$/.test(token) && /^\p{Lu}\p{Ll}/u.test(next)) {
        if (!STREET_WORD.test(next.replace(/[,.]$/, ''))) return '1';
      }
      // A partnership's or company's suffix is capitals ("Clearwater Gp, L.L.C.").
      if (kind !== 'address' && /^(?:gp|lp|llc|llp)$/i.test(word)) return open + word.toUpperCase() + close;
      // A fund's or a person's number after the name is a Roman numeral in capitals ("Accel
      // Partners vii", "John Smith iii"), read small where its letters are the same shape in both.
      if (kind !== 'address' && i > 0 && ROMAN_NUMERAL.test(word)) return open + word.toUpperCase() + close;
      // A word's second letter read large before small ones ("EMeryville"): no name is typed so.
      if (/^\p{Lu}\p{Lu}\p{Ll}{3,}$/u.test(word))
        return open + word.charAt(0) + word.charAt(1).toLowerCase() + word.slice(2) + close;
      // Each letter is judged after the ones before it were mended ("AsSociateS").
      let mended = [...word].reduce((done, ch, k) => {
        const next = word[k + 1] ?? '';
        const lower = ch.toLowerCase();
        // One that ends a word after three small letters or more is small too ("AssociateS").
        const last = k === word.length - 1 && /\p{Ll}{3}$/u.test(done);
        if (k === 0 || ch === lower || !SIZELESS.includes(lower) || !(/\p{Ll}/u.test(next) || last))
          return done + ch;
        // The letters before it: lower case or the word's first capital.
        if (!/^\p{Lu}?\p{Ll}*$/u.test(done)) return done + ch;
        if (SURNAME_PREFIXES.has(done.toLowerCase())) return done + ch;
        const joined = kind !== 'person' && done.length >= 3 && word.length - k >= 3;
        return (
          done +
          (joined && isCommonWord(done.toLowerCase()) && isCommonWord(word.slice(k).toLowerCase())
            ? ch
            : lower)
        );
      }, '');
      const small = /^\p{Ll}[\p{Ll}'’-]*$/u.test(mended);
      if (kind !== 'address' && small && mended.length >= 2 && (i === 0 || !LOWER_WORDS.has(mended))) {
        mended = mended.charAt(0).toUpperCase() + mended.slice(1);
      }
      // Each of an address's parts after a comma starts with a capital ("Unit 700, Pittsburgh"),
      // where OCR read the first letter small ("unit 700, pittsburgh").
      if (kind === 'address' && small && mended.length >= 3 && /,$/.test(tokens[i - 1] ?? '')) {
        mended = mended.charAt(0).toUpperCase() + mended.slice(1);
      }
      return open + mended + close;
    })
    .join(' ');
}

/**
 * Specks OCR read among a value's words: one before the first word, stuck to it or apart; a lone
 * "|", "<", ">", "=", "~", "*", "+", bullet or double quote, or a row of stops, between words; a
 * quote after the last word with none before it, or stuck to the front of a later word with none
 * after it; a period stuck to the front of a capitalised word ("Keystone .Income Fund"), a colon or
 * semicolon ending the value; a bracket before a ZIP code; a semicolon, or after a last name a
 * colon, for a comma; an abbreviation's period read as a dash or a comma at the value's end ("Co-",
 * "L.P,"); a one-letter abbreviation's letter read small after a capital one ("L.p." for L.P.) or
 * its period read as a comma ("L,P."); a comma splitting a word after its capital ("St. L,ouis"), a
 * mark no typed value holds stuck to a word's end ("Boca@"); and a roman numeral's I read as 1
 * ("Ventures 1X", "Partners 11, L.P."). "Inc." with its I read as a point (".nc.") is put back.
 */
function withoutSpecks(value: string): string {
  return (
    value
      // A speck before the value's first letter or figure ("‘9 Center Street", "+9675 Bridge
      // Parkway"), and a quote or a closing bracket stuck to a street number ("3122\" Broadway",
      // "2250) Gateway Boulevard").
      .replace(/^[‘’'"`+*«»]+(?=[\p{L}\d])/u, '')
      // Or standing apart before it ("~ 6834 Gateway Boulevard").
      .replace(/^[~*+•·‘’'"`] +(?=[\p{Lu}\d])/u, '')
      // A bracket or a stop read before a ZIP code ("NH (03188", "PA .15225"), and a semicolon for a
      // comma before a word ("Robinson; Jennifer J.", "Partners II; L.P."): no name or address is
      // typed so.
      .replace(/(?<=\b\p{Lu}{2},? )[([{.,'’`](?=\d{5}(?:-\d{4})?\W?$)/u, '')
      .replace(/(?<=\p{L}\.?);(?= \p{Lu})/gu, ',')
      // So is a colon after a last name written first ("Brook: Sarah").
      .replace(/^(\p{Lu}[\p{L}'’-]+):(?= \p{Lu}\p{Ll})/u, '$1,')
      .replace(/^(\d+)["”’)\]}]+(?=\s)/u, '$1')
      // A speck read as a comma after a street number ("3130, Center Street"), as a point after
      // a street's name before its kind ("2 Borregas. Avenue"), or a gap before a comma
      // ("Washington Street , Suite 1600"): no address is typed so.
      .replace(/^(\d+),(?= \p{Lu}\p{Ll})/u, '$1')
      .replace(
        /(?<=\p{Ll}{3})\. (?=(?:Street|Avenue|Road|Drive|Lane|Boulevard|Parkway|Place|Court|Circle|Highway|Plaza|Square|Terrace|Way|Trail)\b)/gu,
        ' ',
      )
      .replace(/(?<=[\p{L}\d.]) ,(?= )/gu, ',')
      // Or a speck read as a point between a street number and the street's name ("3.Peachtree").
      .replace(/^(\d+)[.,](?=\p{Lu}\p{Ll}{2})/u, '$1 ')
      .replace(/ [|<>=~*+•"“”] (?=\p{L})/gu, ' ')
      // A speck stuck to the word after a comma ("Third Street,-San Jose"), or to the comma
      // itself before the next word ("Commerce Drive,” Building").
      .replace(/,[-~_*+•]+(?=\p{Lu})/gu, ', ')
      // "Inc." after a name, its I read as a point or a mark (".nc."), is the suffix, no speck.
      .replace(/(?<=\p{L}[.,]? )[.,'‘’|!]nc\.(?=[\s,]|$)/gu, 'Inc.')
      // A speck read as a comma after a word's capital, splitting the word ("St. L,ouis").
      .replace(/(?<=(?:^|\s)\p{Lu}),(?=\p{Ll}{2,})/gu, '')
      // A speck read as a mark no typed value holds, stuck to a word's end ("Boca@ Raton").
      .replace(/(?<=\p{L}{2})[@©®™¢]+(?=[\s,]|$)/gu, '')
      .replace(/(?<=\p{L}),[’'`"”]+(?= \p{Lu})/gu, ',')
      // A quote stuck to the front of a later word, with none after it ("El ‘camino Real").
      .replace(/(?<= )[‘’'`"“]+(?=\p{L}{2})/gu, (quote, at: number, all: string) =>
        /[’'`"”]/.test(all.slice(at + quote.length)) ? quote : '',
      )
      // An abbreviation that ends the value with its period read as a dash ("Cowen & Co-").
      .replace(/(?<=\b(?:Co|Inc|Corp|Ltd))[-–]$/u, '.')
      // A dash after any other capitalised last word, ending the value ("Van Dyke, Brian-"):
      // no name or address ends so.
      .replace(/(?<=\p{Lu}\p{Ll}{2,})[-–—]$/u, '')
      // A dash read after a comma, alone or stuck to the capital after it ("Avenue, - Menlo Park",
      // "Floor 1400, -Salt Lake City"): no part of a name or an address begins so.
      .replace(/(?<=, )[-–—~] ?(?=\p{Lu})/gu, '')
      // A quote after the ZIP code that ends an address ("PA 15220\"").
      .replace(/(?<=\b\d{5}(?:-\d{4})?)[’'`"”]+$/u, '')
      // A double quote stuck to a word's end with none before it ("Sprout” Group, L.P."): a single
      // one may be a plural's apostrophe ("Founders’ Fund").
      .replace(/(?<=\p{L}{2})["”]+(?=[\s,])/gu, (quote, at: number, all: string) =>
        /["“”]/.test(all.slice(0, at)) ? quote : '',
      )
      // A quote after the last word with none before it ("Stock Financing’").
      .replace(/(?<=\p{L}{2})[’'`"”]+$/u, (quote, at: number, all: string) =>
        /[‘’'`"“”]/.test(all.slice(0, at)) ? quote : '',
      )
      // A stop standing apart after the last word is a speck ("Thomas M. Robinson ."), or an
      // abbreviation's period the typing left a gap before ("Cowen & Co .").
      .replace(/(?<=\p{L}) [.·]$/u, (_, at: number, all: string) =>
        /\b(?:Inc|Co|Corp|Ltd|Jr|Sr|L\.P|L\.L\.C|L\.L\.P)$/.test(all.slice(0, at)) ? '.' : '',
      )
      // A speck read as a point between two words with no gap ("405 Gateway.Boulevard"): after
      // five small letters it ends no abbreviation.
      .replace(/(?<=\p{Ll}{5})\.(?=\p{Lu}\p{Ll})/gu, ' ')
      // Specks read as stops between words ("Units . of Limited . : Partnership"), or between a
      // word and a number ("Suite . 29"; a word of two letters may be an abbreviation, "No . 5").
      .replace(/(?<=\p{L}) (?:[.:;·'`] )+(?=\p{L})/gu, ' ')
      .replace(/(?<=\p{L}{3}) (?:[.:;·'`] )+(?=\d)/gu, ' ')
      .replace(/(^| )\.(?=\p{L}\p{Ll})/gu, '$1')
      .replace(/[:;]+$/, '')
      .replace(/\b(\p{Lu})\.(\p{Ll})\.(?=\s|,|$)/gu, (_, a: string, b: string) => `${a}.${b.toUpperCase()}.`)
      // "L,P." is L.P.; a numeral before it ends with the comma a period was read for ("II. L.P.").
      // So is ".P." after a comma, its L lost ("Caufield & Byers, .P.").
      .replace(/\bL,P\./g, 'L.P.')
      .replace(/(?<=, )\.P\.$/, 'L.P.')
      // Its last period read as a comma at the value's end ("Fund IT1, L.P,").
      .replace(/\b(L\.P|L\.L\.C|L\.L\.P|Inc|Co|Corp|Ltd),$/, '$1.')
      .replace(/\b([IVX]+)\. (?=L\.P\.|LLC\b|L\.L\.C\.)/g, '$1, ')
      // A roman numeral's I read as the figure 1 ("Ventures 1X"), or its Is all read as 1s before
      // an entity's suffix ("Partners 11, L.P."): a fund's number there is a roman numeral.
      .replace(/(?<=\s)[IVX1[]*[VX][IVX1]*(?=[\s,.]|$)/g, (numeral) => numeral.replace(/[1[]/g, 'I'))
      // So is one with its middle or last I read as a T there ("Fund ITI, L.P.", "IT1", "IIT"), or
      // its V as a small y ("Partners yIII, L.P."), or its Is as letters or marks like them, the
      // first too ("Fund IIL, L.P.", "Fund Ili", "Partners Ll", "Partners !l", "Ventures Vill",
      // "VIIL"): no word is spelt so.
      .replace(
        /(?<=\p{L}{2} )(?:[1I!|lL][1IilL!|]{1,2}|[1I]T+[1I]|[1I]{2}T|[yV][1IilL]{1,3})(?=,? (?:L\.P\.|L\.L\.C\.|L\.L\.P\.|LLC|LLP|LP)(?:\.|,)?(?:\s|$))/gu,
        (numeral) => (/^[yV]/.test(numeral) ? 'V' : 'I') + 'I'.repeat(numeral.length - 1),
      )
  );
}

/** The one common word a word with a mark inside it makes with a letter there, cased as read; or null. */
function letterForMark(body: string): string | null {
  const [head = '', tail = ''] = body.toLowerCase().split(/[:;!|]|\.\./);
  const word = wordWithLetterBetween(head, tail);
  if (!word) return null;
  return /^\p{Lu}/u.test(body) ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

/** Words a street address spells out, which take no period. */
const STREET_WORDS =
  'street|avenue|road|drive|lane|boulevard|parkway|place|court|circle|highway|plaza|square|terrace|way|trail|center|floor|suite';

/** A street word standing alone ("L Street", "I Street" are streets). */
const STREET_WORD = new RegExp(`^(?:${STREET_WORDS})$`, 'i');

/** Abbreviations that end in a period and may stand first in a name ("Mt. Vernon Partners"). */
const NAME_ABBREVIATIONS = new Set([
  'inc',
  'corp',
  'ltd',
  'bros',
  'assoc',
  'intl',
  'natl',
  'gen',
  'mfg',
  'mgmt',
  'dept',
]);

/** The capitals OCR reads as figures (a middle initial, a state's code), each figure's capital. */
const CAPITAL_FOR_FIGURE: Record<string, string> = {
  '0': 'O',
  '1': 'I',
  '2': 'Z',
  '5': 'S',
  '6': 'G',
  '8': 'B',
};

/**
 * A person's middle initial read as the figure it looks like ("Sharon 1." for Sharon I., "Kevin 2,
 * Torres" for Kevin Z. Torres): a name of words alone, a last name first or last, with one figure
 * and its stop between or after them.
 */
function initialsRead(value: string): string {
  const capital = (figure: string) => CAPITAL_FOR_FIGURE[figure] ?? figure;
  return value
    .replace(
      /^(\p{Lu}\p{Ll}+[.,]? \p{Lu}\p{Ll}+) ([012568])[.,]?$/u,
      (_, name: string, figure: string) => `${name} ${capital(figure)}.`,
    )
    .replace(
      /^(\p{Lu}\p{Ll}+) ([012568])[.,] (\p{Lu}\p{Ll}+)$/u,
      (_, first: string, figure: string, last: string) => `${first} ${capital(figure)}. ${last}`,
    );
}

/**
 * A comma that OCR read as a period, where the form's way of typing shows it: before a state's
 * code and ZIP ("White Plains. NY 10647"), after a spelled-out street word or a number ahead of
 * the city ("Hamilton Avenue. Charlotte", "Suite 27. Madison"), and after the last name of a name
 * written last name first ("Reyes. Donald", "Bell. Linda S.").
 */
function periodsAsCommas(value: string): string {
  let out = value
    .replace(/(\p{L}{2,})\. (\p{Lu}{2} \d{5}(?:-\d{4})?\b)/gu, '$1, $2')
    .replace(new RegExp(`\\b((?:${STREET_WORDS})|\\d+)\\. (?=\\p{Lu}\\p{Ll})`, 'giu'), '$1, ')
    // Before the city that a state's code and ZIP code follow, after any word ("Avenue of the
    // Stars. Bellevue, WA 98039").
    .replace(/(\p{L}{4,})\. (?=(?:\p{Lu}\p{Ll}+ ){0,2}\p{Lu}\p{Ll}+, \p{Lu}{2} \d{5}\b)/gu, '$1, ')
    // An abbreviation's period read twice for its comma ("Oppenheimer & Co.. Inc.").
    .replace(/(\p{L})\.\.(?= \p{L})/gu, '$1.,');
  const name = /^(\p{Lu}\p{Ll}{2,})\. (\p{Lu}\p{Ll}+(?: \p{Lu}\.?)?)$/u.exec(out);
  if (name?.[1] && !NAME_ABBREVIATIONS.has(name[1].toLowerCase())) out = `${name[1]}, ${name[2]}`;
  return out;
}

/** Letters and marks OCR reads for the figures of a ZIP code, each with its figure. */
const ZIP_FIGURE_LOOKALIKES: Record<string, string> = {
  O: '0',
  o: '0',
  C: '0',
  c: '0',
  D: '0',
  Q: '0',
  U: '0',
  u: '0',
  p: '0',
  I: '1',
  l: '1',
  i: '1',
  '|': '1',
  '!': '1',
  Z: '2',
  z: '2',
  S: '5',
  s: '5',
  $: '5',
  G: '6',
  b: '6',
  T: '7',
  B: '8',
  g: '9',
  q: '9',
  '@': '0',
  // A typewriter's dotted zero.
  e: '0',
  '[': '1',
  ']': '1',
};

/** Digits that OCR read as their look-alike letters (O or o for 0; I, l or | for 1) put back. */
export function lookalikeDigits(text: string): string {
  return text.replace(/[Oo]/g, '0').replace(/[Il|]/g, '1');
}

/** Letters, digits and check marks in lower case: readings equal under this differ only in case, spaces or punctuation. */
export function squeezeValue(text: string): string {
  return text.replace(/[^\p{L}\p{N}☒☐]+/gu, '').toLowerCase();
}

/** Letters OCR reads for the capitals of an entity's suffix, each mapped to the capital. */
const SUFFIX_LOOKALIKES: Record<string, string> = {
  '1': 'L',
  I: 'L',
  l: 'L',
  '|': 'L',
  _: 'L',
  T: 'L',
  '[': 'L',
  L: 'L',
  '2': 'P',
  p: 'P',
  F: 'P',
  R: 'P',
  D: 'P',
  P: 'P',
  '(': 'C',
  '{': 'C',
  G: 'C',
  C: 'C',
};

/** An entity's suffixes by their capitals: typed with periods or without. */
const SUFFIXES: Record<string, [string, string]> = {
  LP: ['L.P.', 'LP'],
  LLC: ['L.L.C.', 'LLC'],
  LLP: ['L.L.P.', 'LLP'],
};

/**
 * The suffix that ends an entity's name, where OCR misread its capitals ("Mayfield Fund, 1.2.",
 * "Ironwood Management, LL.C", "Silver Advisors, _LC", "Trident Capital VILL TP."): a last token of
 * look-alikes of L, P and C only, after a comma or a roman numeral, whose capitals spell a suffix,
 * is that suffix, with periods if it was read with any. A numeral before it read with L or 1 for
 * I is put back ("VILL" VIII), with the comma that parts it from the suffix. The words before must
 * be a name of two words or more: "Smith, T.P." is a person's initials.
 */
function entitySuffix(value: string): string {
  // "Inc", "Corp", "Ltd" and "Co" end a name with their period, which OCR loses as a speck (typed
  // after a comma, or after a name of two words or more: "Nano Communications Co").
  const abbreviated = /^(.*\p{L}.*, (?:Inc|Corp|Ltd|Co)|\p{Lu}\S*(?: \S+)+ (?:Inc|Corp|Ltd|Co))$/u.exec(
    value,
  );
  if (abbreviated?.[1]) return `${abbreviated[1]}.`;
  // The comma before a suffix read as a period ("Blue GP. L.L.C.", "Apex. Inc."), after a word no
  // abbreviation.
  const period = /^(.*\s|)(\p{L}+)\. (L\.L\.C\.|L\.P\.|LLC|LP|L\.L\.P\.|LLP|Inc\.)$/u.exec(value);
  if (
    period?.[2] &&
    (period[2] === period[2].toUpperCase() || period[2].length >= 4) &&
    !NAME_ABBREVIATIONS.has(period[2].toLowerCase())
  ) {
    return `${period[1]}${period[2]}, ${period[3]}`;
  }
  const m = /^(.*?)(,?) ([^\s,]{2,6})$/u.exec(value);
  if (!m) return value;
  const [, before = '', comma = '', read = ''] = m;
  // A speck read as a letter before a suffix typed with its periods ("IL.P."): no period follows
  // it, where one follows each of the suffix's letters.
  const token = /^[^.,-][^.,-][.,-](?:[^.,-][.,-])+$/.test(read) ? read.slice(1) : read;
  // Its periods may be read as commas or hyphens ("L-P.").
  const capitals = [...token.replace(/[.,-]/g, '')].map((ch) => SUFFIX_LOOKALIKES[ch] ?? '?').join('');
  const suffix = SUFFIXES[capitals];
  if (!suffix || (before.match(/\p{L}{2,}/gu) ?? []).length < 2) return value;
  const typed = /[.,-]/.test(token) ? suffix[0] : suffix[1];
  const numeral = /^(.*\s)([IVXL1]+)[.,]?$/u.exec(before);
  if (!comma && !numeral) return value;
  if (numeral?.[2] && !comma) {
    const fixed = numeral[2].replace(/[L1]/g, 'I');
    if (!/^(?:X{0,2})(?:IX|IV|V?I{0,3})$/.test(fixed)) return value;
    return `${numeral[1]}${fixed}, ${typed}`;
  }
  return `${before}${comma} ${typed}`;
}

/** A token's figures read as the letters they look like, in lower case ("01d" old). */
function asLetters(token: string): string {
  return figuresAsLetters(token.toLowerCase());
}
