/** The command line's exit codes, as the README lists them. */
export const EXIT = {
  ok: 0,
  badArguments: 1,
  someFailed: 2,
  nothingRead: 3,
  /** A fault of formd's own, not of the input: please report it. */
  internal: 4,
} as const;
