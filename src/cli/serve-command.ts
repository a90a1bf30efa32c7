import { userInfo } from 'node:os';
import { type Command, InvalidArgumentError, type Option } from 'commander';
import { parseThreshold } from '../cli.js';
import { FormdError } from '../errors.js';
import type { QueueBoard } from '../review/queue-board.js';
import { openStore, resolveDataDir } from '../store/index.js';

/** A refusal to listen as asked: another address without a login. */
export class UnsafeServeError extends FormdError {
  readonly code = 'unsafe_serve';
  override describe(): string {
    return `${this.message}. ${this.hint}`;
  }
}

const LOOPBACK = /^(?:127(?:\.\d{1,3}){3}|localhost|::1|\[::1\])$/;

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port number, 0-65535');
  return n;
}

export function registerServe(program: Command, dataOption: () => Option): void {
  program
    .command('serve')
    .description('the review web page: the queue of filings to review, each filing with its page and fields')
    .addOption(dataOption())
    .option('--port <port>', 'the port to listen on', parsePort, 3000)
    .option(
      '--host <address>',
      'the address to listen on (another than loopback needs FORMD_TOKEN)',
      '127.0.0.1',
    )
    .option('--threshold <confidence>', 'values read below this confidence need attention', parseThreshold)
    .action(async (opts: { data?: string; port: number; host: string; threshold?: number }) => {
      const token = process.env.FORMD_TOKEN || undefined;
      if (!LOOPBACK.test(opts.host) && !token) {
        throw new UnsafeServeError(
          `refusing to serve on ${opts.host} without a login`,
          'Set FORMD_TOKEN to a long random secret (reviewers sign in with it), or serve on 127.0.0.1.',
        );
      }
      // The web server and its app load only for this command: the others start faster.
      const [{ serve }, { createReviewApp }] = await Promise.all([
        import('@hono/node-server'),
        import('../review/app.js'),
      ]);
      const dataDir = resolveDataDir(opts.data);
      const store = await openStore({ dataDir });
      let board: QueueBoard | undefined;
      if (process.env.REDIS_URL) {
        const { openQueueBoard } = await import('../review/queue-board.js');
        board = await openQueueBoard(process.env.REDIS_URL, process.env.FORMD_QUEUE_PREFIX || 'formd');
      }
      const app = createReviewApp({
        store,
        dataDir,
        token,
        localReviewer: userInfo().username,
        ...(opts.threshold !== undefined ? { confidenceThreshold: opts.threshold } : {}),
        ...(board ? { mount: (a) => board?.mount(a) } : {}),
      });
      const server = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }, (info) => {
        process.stderr.write(
          `formd review: http://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${info.port}/\n`,
        );
      });
      await new Promise<void>((resolve) => {
        const stop = () => {
          server.close(() => resolve());
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await board?.close();
      await store.close();
    });
}
