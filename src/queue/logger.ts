/** Structured logs (pino, JSON lines on stderr): every line about a filing carries its id and page. */
import { pino } from 'pino';

export type Logger = pino.Logger;

export function createLogger(bindings: Record<string, unknown> = {}): Logger {
  return pino(
    { level: process.env.FORMD_LOG_LEVEL ?? 'info', base: { pid: process.pid, ...bindings } },
    pino.destination(2),
  );
}
