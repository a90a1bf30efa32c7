import { CHECKED, UNCHECKED } from './check-marks.js';

/** Stamps and office marks that land beside typed values on scans and transcriptions. */
const STAMP_LINE =
  /^(?:processed|received|thomson|financial|thomson financial|sec use only|prefix|serial|date received|omb approval|attention)$/i;

/** The form's page footer ("SEC 1972 (6/02)", misread "SEC 1672", "3 of 7") that OCR puts after the last value of a page. */
const FOOTER_LINE = /^(?:SEC\s*1\S72\b.*|(?:page\s*)?\d{1,2}\s*[o0]f\s*\d{1,2})$/i;

/**
 * Removes a leading printed instruction in parentheses ("(Number and Street, City, State, Zip
 * Code)"), which may span lines, but keeps a value that starts with one ("(650) 801-6135").
 */
export function stripLeadingInstruction(text: string): string {
  let rest = text.replace(/^[\s:.;,_-]+/, '');
  // OCR often misreads the opening parenthesis of an instruction ("Od check if this is ...)", "fim] check ...)").
  const garbled = /^\S{1,5}\s+((?:\p{L}+[\s,.]+){3,}[^()\n]*)\)/u.exec(rest);
  if (garbled && !rest.startsWith('(')) rest = rest.slice(garbled[0].length).replace(/^[\s:.;,_-]+/, '');
  while (rest.startsWith('(')) {
    let depth = 0;
    let end = -1;
    for (let i = 0; i < rest.length; i++) {
      if (rest[i] === '(') depth++;
      else if (rest[i] === ')' && --depth === 0) {
        end = i;
        break;
      }
    }
    // A misread bracket ("((] check if ...)") leaves it unbalanced: the line's last ")" closes it.
    if (end < 0) end = rest.split('\n')[0]?.lastIndexOf(')') ?? -1;
    const inner = end >= 0 ? rest.slice(1, end) : rest.slice(1);
    if ((inner.match(/\p{L}{2,}/gu) ?? []).length < 2) break;
    rest = end >= 0 ? rest.slice(end + 1).replace(/^[\s:.;,_-]+/, '') : '';
  }
  return rest;
}

/** The lines of a value: instructions, check marks, stamps and blank lines removed. */
export function valueLines(text: string): string[] {
  const lines = stripLeadingInstruction(text).split('\n');
  // The tail of a label's instruction wrapped onto the next line ("Code)") is not the value.
  const firstText = lines.findIndex((l) => l.trim() !== '');
  if (firstText >= 0 && /^[^()]{1,30}\)\s*$/.test(lines[firstText] ?? '')) lines.splice(firstText, 1);
  return (
    lines
      // A wide gap (a tab) ends a value: what follows is another column, a stamp or a note.
      .map((l) => l.split('\t').find((part) => part.trim() !== '') ?? '')
      .map((l) => l.replaceAll(CHECKED, ' ').replaceAll(UNCHECKED, ' ').replace(/\s+/g, ' ').trim())
      .map((l) => l.replace(/^[:.;,_\s-]+/, '').replace(/[\s_]+$/, ''))
      .filter(
        (l) =>
          l !== '' &&
          !STAMP_LINE.test(l) &&
          !FOOTER_LINE.test(l) &&
          !/^[({].*[)}]$/.test(l) &&
          !/^_+$/.test(l),
      )
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

/** "N/A", "None" and lone punctuation in a text box mean nothing was written. */
function cleanBlank(value: string): string | null {
  const v = value.trim();
  if (v === '' || /^(?:n\/?a|none|not applicable|-+)$/i.test(v)) return null;
  return v;
}
