/**
 * Finds the declared sizes of the image XObjects in a PDF's bytes without decoding anything.
 * A stream's dictionary is never inside a compressed object stream, so every image dictionary
 * is readable as plain bytes; this lets a decompression bomb be refused before pdfjs decodes it.
 */
export function largestPdfImagePixels(bytes: Uint8Array): number {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const needle = Buffer.from('/Image');
  let largest = 0;
  for (let at = buf.indexOf(needle); at !== -1; at = buf.indexOf(needle, at + needle.length)) {
    const next = buf[at + needle.length];
    // "/ImageB", "/ImageC", "/ImageI" and "/ImageMask" are other names.
    if (next !== undefined && isNameChar(next)) continue;
    const dict = enclosingDictionary(buf, at);
    const width = integerEntry(dict, 'Width');
    const height = integerEntry(dict, 'Height');
    if (width !== null && height !== null) largest = Math.max(largest, width * height);
  }
  return largest;
}

function isNameChar(byte: number): boolean {
  return /[A-Za-z0-9#_.-]/.test(String.fromCharCode(byte));
}

/** The text between the object header before `at` and the stream keyword after it. */
function enclosingDictionary(buf: Buffer, at: number): string {
  const window = 4096;
  const start = Math.max(0, at - window);
  const before = buf.toString('latin1', start, at);
  const objAt = before.lastIndexOf(' obj');
  const after = buf.toString('latin1', at, Math.min(buf.length, at + window));
  const streamAt = after.search(/stream|endobj/);
  return before.slice(objAt === -1 ? 0 : objAt) + after.slice(0, streamAt === -1 ? after.length : streamAt);
}

function integerEntry(dict: string, key: string): number | null {
  const match = new RegExp(`/${key}\\s+(\\d+)(?!\\s+\\d+\\s+R)`).exec(dict);
  return match?.[1] === undefined ? null : Number(match[1]);
}
