/** What can go wrong in the store, in the project's error classes (src/errors.ts). */
import { FormdError } from '../errors.js';

/** Someone saved the filing after this editor opened it: their change must not be lost. */
export class ConcurrentEditError extends FormdError {
  readonly code = 'concurrent_edit';

  constructor(
    readonly filingId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super(
      'this filing was changed by someone else since you opened it; reload it',
      'Reload the filing to see the other change, then make your correction again.',
    );
  }
}

export class FilingNotFoundError extends FormdError {
  readonly code = 'filing_not_found';

  constructor(readonly filingId: string) {
    super(
      `no filing with id ${filingId} is stored`,
      'Check the id; list the stored filings with formd list.',
    );
  }
}

/** A request the store cannot carry out as asked (a correction to a failure, a bad filter). */
export class InvalidStoreRequestError extends FormdError {
  readonly code = 'invalid_store_request';

  constructor(why: string, hint: string) {
    super(why, hint);
  }
}

/** The store was closed while a stream of its records was still being read. */
export class StoreClosedError extends FormdError {
  readonly code = 'store_closed';

  constructor() {
    super(
      'the store was closed while its records were being streamed',
      'Finish reading the records before closing the store.',
    );
  }
}

/** The configuration asks for a store this build cannot open. */
export class UnsupportedStoreError extends FormdError {
  readonly code = 'unsupported_store';
}
