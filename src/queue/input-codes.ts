/** The error codes of bad input (src/errors.ts InputError classes): such a failure is never retried. */
export const INPUT_ERROR_CODES: ReadonlySet<string> = new Set([
  'empty_file',
  'unsupported_file',
  'not_form_d',
  'truncated',
  'encrypted_pdf',
  'corrupt_file',
  'image_too_large',
  'unreadable_path',
]);
