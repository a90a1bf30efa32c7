import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { registerDrain } from './cli/drain-command.js';
import { registerEval } from './cli/eval-command.js';
import { EXIT } from './cli/exit-codes.js';
import { registerExport } from './cli/export-command.js';
import { registerIngest } from './cli/ingest-command.js';
import { registerList } from './cli/list-command.js';
import { registerRetryFailed } from './cli/retry-failed-command.js';
import { registerReview } from './cli/review-command.js';
import { registerRules } from './cli/rules-command.js';
import { registerServe } from './cli/serve-command.js';
import { registerShow } from './cli/show-command.js';
import { registerStatus } from './cli/status-command.js';
import { registerWorker } from './cli/worker-command.js';
import { describeError, FormdError } from './errors.js';

/** Options every command that touches the store takes. */
export interface StoreOptions {
  data?: string;
}

export function parseThreshold(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('a number from 0 to 1');
  return n;
}

export function buildProgram(): Command {
  const program = new Command('formd')
    .description('Scanned paper-era SEC Form D filings to a clean, checked, reviewed dataset')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  const dataOption = () =>
    new Option('--data <dir>', 'the data folder (default: $FORMD_DATA or ./formd-data)').env('FORMD_DATA');
  registerIngest(program, dataOption);
  registerShow(program, dataOption);
  registerList(program, dataOption);
  registerExport(program, dataOption);
  registerRules(program);
  registerServe(program, dataOption);
  registerReview(program, dataOption);
  registerEval(program);
  registerWorker(program, dataOption);
  registerStatus(program);
  registerRetryFailed(program);
  registerDrain(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.exitCode === 0
        ? EXIT.ok
        : EXIT.badArguments;
    }
    // A user's mistake gets one line, never a stack trace.
    process.stderr.write(`formd: ${describeError(error)}\n`);
    return error instanceof FormdError ? EXIT.badArguments : EXIT.internal;
  }
}
