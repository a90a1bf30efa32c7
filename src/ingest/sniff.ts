import { EmptyFileError, UnsupportedFileError } from '../errors.js';

export type FileKind = 'pdf' | 'tiff' | 'png' | 'jpeg' | 'text';

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  return magic.every((b, i) => bytes[at + i] === b);
}

/** A PDF header may follow junk bytes; readers accept it within the first kilobyte. */
function findPdfHeader(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024));
  return head.indexOf('%PDF-') !== -1;
}

function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Tells the kind of a file from its first bytes; the name is only used in errors. */
export function sniffKind(bytes: Uint8Array, fileName?: string): FileKind {
  if (bytes.length === 0) throw new EmptyFileError(fileName);
  if (findPdfHeader(bytes)) return 'pdf';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]))
    return 'tiff';
  // BigTIFF (version 43) is rare for scans but libtiff reads it.
  if (startsWith(bytes, [0x49, 0x49, 0x2b, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2b]))
    return 'tiff';
  if (startsWith(bytes, PNG_MAGIC)) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (isUtf8Text(bytes)) return 'text';
  throw new UnsupportedFileError('unrecognised file type', fileName);
}
