/** One worker process: `formd worker --no-supervise` with the arguments given (its supervisor forks this). */
import { main } from '../src/cli.js';

process.exitCode = await main(['worker', '--no-supervise', ...process.argv.slice(2)]);
