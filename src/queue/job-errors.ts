/** How a stage's error becomes a job outcome: bad input fails at once, anything else is retried. */
import { UnrecoverableError } from 'bullmq';
import { describeError, errorCode, FormdError } from '../errors.js';

/** True when another attempt cannot pass: the input itself is bad. */
export function isBadInput(error: unknown): boolean {
  return error instanceof FormdError && !error.retryable;
}

/** The reason a job fails with: `<code>: <file>: <what is wrong>. <what to do>`. */
export function failureReason(error: unknown, file?: string): string {
  return `${errorCode(error)}: ${describeError(error, file)}`;
}

/** The code back out of a failure reason (`transient` for reasons of other origins). */
export function reasonCode(reason: string): string {
  return /^([a-z_]+): /.exec(reason)?.[1] ?? 'transient';
}

export function reasonMessage(reason: string): string {
  return reason.replace(/^[a-z_]+: /, '');
}

/** What a processor throws: BullMQ's UnrecoverableError for bad input, so it is never retried. */
export function jobError(error: unknown, file?: string): Error {
  if (isBadInput(error)) return new UnrecoverableError(failureReason(error, file));
  return error instanceof Error ? error : new Error(String(error));
}
