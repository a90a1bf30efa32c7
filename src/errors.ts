/**
 * One error class per kind of failure (after OCRmyPDF's exceptions.py). Each says what went wrong
 * with which file and what the user can do. `retryable` tells the queue whether another attempt
 * may pass; bad input never does.
 */
export abstract class FormdError extends Error {
  abstract readonly code: string;
  readonly retryable: boolean = false;

  constructor(
    message: string,
    /** What the user can do about it, one sentence. */
    readonly hint: string,
    readonly file?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** One line for a person: which file, what is wrong, what to do. */
  describe(): string {
    return `${this.file ?? '(input)'}: ${this.message}. ${this.hint}`;
  }
}

/** Bad input: the file itself can never be read as a Form D; retrying will not help. */
export abstract class InputError extends FormdError {}

export class EmptyFileError extends InputError {
  readonly code = 'empty_file';
  constructor(file?: string) {
    super('the file is empty (0 bytes)', 'Check that the file was copied or downloaded completely.', file);
  }
}

export class UnsupportedFileError extends InputError {
  readonly code = 'unsupported_file';
  constructor(what: string, file?: string) {
    super(
      `not a file formd can read (${what})`,
      'formd reads PDF, TIFF, PNG and JPEG scans and UTF-8 text transcriptions.',
      file,
    );
  }
}

export class NotFormDError extends InputError {
  readonly code = 'not_form_d';
  constructor(why: string, file?: string) {
    super(
      `this does not look like a Form D filing (${why})`,
      'Check that the file is a Form D notice.',
      file,
    );
  }
}

export class TruncatedFilingError extends InputError {
  readonly code = 'truncated';
  constructor(why: string, file?: string) {
    super(
      `the filing is cut off (${why})`,
      'Find a complete copy of the filing; the parts that are missing cannot be read.',
      file,
    );
  }
}

export class EncryptedPdfError extends InputError {
  readonly code = 'encrypted_pdf';
  constructor(file?: string) {
    super(
      'the PDF is encrypted (password-protected)',
      'Remove the password (for example with qpdf --decrypt) and ingest it again.',
      file,
    );
  }
}

export class CorruptFileError extends InputError {
  readonly code = 'corrupt_file';
  constructor(what: string, file?: string) {
    super(`the file is damaged (${what})`, 'Find an undamaged copy of the file.', file);
  }
}

export class ImageTooLargeError extends InputError {
  readonly code = 'image_too_large';
  constructor(megapixels: number, limit: number, file?: string) {
    super(
      `a page image has ${megapixels.toFixed(0)} megapixels, over the limit of ${limit}`,
      'Scan at 300 dpi or less, or split the image; very large images are refused as decompression bombs.',
      file,
    );
  }
}

export class UnreadablePathError extends InputError {
  readonly code = 'unreadable_path';
  constructor(why: string, file?: string) {
    super(`the path cannot be read (${why})`, 'Check that the path exists and that you may read it.', file);
  }
}

/** Something outside the input failed (a worker crashed, a store was busy): may pass next time. */
export class TransientError extends FormdError {
  readonly code = 'transient';
  override readonly retryable = true;
}

/** A readable message for any thrown value, without a stack trace. */
export function describeError(error: unknown, file?: string): string {
  if (error instanceof FormdError) return error.describe();
  const message = error instanceof Error ? error.message : String(error);
  return `${file ?? '(input)'}: ${message}`;
}

export function errorCode(error: unknown): string {
  return error instanceof FormdError ? error.code : 'internal';
}

/** A filing asked for by id or file is not in the store. */
export class NotFoundError extends FormdError {
  readonly code = 'not_found';
}
