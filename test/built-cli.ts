/**
 * The command line as users run it: `./bin/formd.js` over the built `dist/`. Test files that use it
 * build once each; a lock keeps two files from building into `dist/` at the same time.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const REPO = resolve(import.meta.dirname, '..');
const LOCK = join(tmpdir(), `formd-build-${REPO.replace(/[^\w]+/g, '_')}.lock`);

/** Runs `npm run build`, or waits for the build another test file started. */
export async function buildCli(): Promise<void> {
  for (;;) {
    try {
      mkdirSync(LOCK);
    } catch {
      // A lock older than two minutes belongs to a run that died.
      const age = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 120_000) rmSync(LOCK, { recursive: true, force: true });
      else {
        while (statSync(LOCK, { throwIfNoEntry: false })) await sleep(200);
        return;
      }
      continue;
    }
    try {
      const build = spawnSync('npm', ['run', 'build'], { cwd: REPO, encoding: 'utf8' });
      if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
      return;
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of a user with no FORMD_DATA or DATABASE_URL: the store is SQLite under --data. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.FORMD_DATA;
  delete env.DATABASE_URL;
  delete env.DATABASE_SCHEMA;
  return env;
}

/** `formd <args>` with its output piped, as in a script. */
export function formd(args: readonly string[], cwd = REPO): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(REPO, 'bin/formd.js'), ...args], { cwd, env: cleanEnv() });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** Stack frames ("    at f (file:1:2)"): never shown for a user's mistake. */
export const STACK_FRAME = /^\s{4}at /m;
