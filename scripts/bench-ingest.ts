/**
 * Ingest throughput: copies the seed transcription N times (each with one byte changed, so none is
 * a duplicate) into a temp folder, then times `formd ingest` on the folder through the built CLI,
 * output piped, into a fresh data folder. Prints filings per second and the peak RSS.
 *
 *   npx tsx scripts/bench-ingest.ts [--count 1000] [--profile] [--no-build] [--keep]
 *
 * --profile runs the CLI under `node --cpu-prof` and prints where the time went (self time).
 * Target: 200 filings per second or more.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const REPO = resolve(import.meta.dirname, '..');
const SEED = join(REPO, 'fixtures/text/qualys-2003-formd.txt');
const TARGET = 200;

const { values: opts } = parseArgs({
  options: {
    count: { type: 'string', default: '1000' },
    profile: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const count = Number(opts.count);
if (!Number.isInteger(count) || count < 1) throw new Error('--count takes a positive whole number');

if (!opts['no-build']) {
  const build = spawnSync('npm', ['run', 'build'], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) process.exit(1);
}

const work = await mkdtemp(join(tmpdir(), 'formd-bench-'));
const inputs = join(work, 'in');
const dataDir = join(work, 'data');
const profileDir = join(work, 'profile');
const rssFile = join(work, 'max-rss');

// The SEC's document number on the cover page: changing it changes the bytes and nothing the parser reads.
const seed = await readFile(SEED, 'utf8');
if (!seed.includes('03039478')) throw new Error('the seed no longer has its document number 03039478');
await mkdir(inputs);
for (let i = 0; i < count; i++) {
  const name = join(inputs, `filing-${String(i).padStart(6, '0')}.txt`);
  await writeFile(name, seed.replace('03039478', String(i).padStart(8, '0')));
}

// The child reports its own peak RSS as it exits.
const reporter = join(work, 'report-rss.mjs');
await writeFile(
  reporter,
  `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));\n`,
);

const nodeArgs = ['--import', reporter];
if (opts.profile) nodeArgs.push('--cpu-prof', '--cpu-prof-dir', profileDir);
const started = process.hrtime.bigint();
const child = spawn(
  process.execPath,
  [...nodeArgs, join(REPO, 'bin/formd.js'), 'ingest', inputs, '--data', dataDir],
  {
    cwd: work,
    env: { ...process.env, FORMD_DATA: '', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  },
);
let stdout = '';
let stderrLines = 0;
child.stdout.setEncoding('utf8').on('data', (d: string) => {
  stdout += d;
});
child.stderr.setEncoding('utf8').on('data', (d: string) => {
  stderrLines += d.split('\n').length - 1;
});
const code: number | null = await new Promise((done) => child.on('close', done));
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const maxRssKb = Number(await readFile(rssFile, 'utf8').catch(() => 'NaN'));

const rate = count / seconds;
console.log(`formd ingest of ${count} transcriptions (piped): exit ${code}, ${stdout.trim()}`);
console.log(`  ${seconds.toFixed(2)} s, ${rate.toFixed(0)} filings/s (target ${TARGET}/s)`);
console.log(`  peak RSS ${(maxRssKb / 1024).toFixed(0)} MB; ${stderrLines} progress lines on stderr`);
if (!stdout.includes(`${count} filings: ${count} ok`)) console.log('  NOT every filing was stored ok');

if (opts.profile) {
  const [file] = (await readdir(profileDir)).filter((f) => f.endsWith('.cpuprofile'));
  if (file) printHotSpots(JSON.parse(await readFile(join(profileDir, file), 'utf8')) as CpuProfile);
}

if (opts.keep) console.log(`  kept ${work}`);
else await rm(work, { recursive: true, force: true });
process.exitCode = code === 0 && rate >= TARGET ? 0 : 1;

interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }>;
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function and per source file, the largest first. */
function printHotSpots(profile: CpuProfile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const perFunction = new Map<string, number>();
  const perFile = new Map<string, number>();
  for (const [id, us] of self) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const where = frame.url ? relative(REPO, frame.url.replace(/^file:\/\//, '')) : '(native)';
    const name = `${frame.functionName || '(anonymous)'}  ${where}:${frame.lineNumber + 1}`;
    perFunction.set(name, (perFunction.get(name) ?? 0) + us);
    const fileKey = where.replace(/^node_modules\/([^/]+).*/, 'node_modules/$1');
    perFile.set(fileKey, (perFile.get(fileKey) ?? 0) + us);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(
        ([k, us]) =>
          `    ${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`,
      )
      .join('\n');
  console.log(`  CPU profile: ${(total / 1e6).toFixed(2)} s sampled`);
  console.log(`  self time by file:\n${top(perFile, 15)}`);
  console.log(`  self time by function:\n${top(perFunction, 25)}`);
}
