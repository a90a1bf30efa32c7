/**
 * OCR speed and memory (issue 4): scanned filings through processDocument, pages in to record,
 * with one OCR pool sized to the cores and as many filings at a time as workers; the peak RSS of
 * this process (tesseract.js workers are threads in it); then the same page images through
 * tesseract.js alone (ocrPage, formd's pool and settings) and through the native `tesseract`
 * command, as many runs at a time as cores, for the formd/native ratio and where the gap is.
 *
 *   npx tsx scripts/bench-ocr.ts [--dir DIR] [--count 6] [--seed bench-ocr] [--json] [--keep]
 *     [--native-data formd|system]
 *
 * Without --dir, COUNT mixed-damage filings at 200 dpi are generated with scripts/make-fixtures.ts
 * into a temp folder (not timed). --native-data formd (default) runs native tesseract on formd's
 * own model (4.0.0_best_int), so the ratio compares engines, not models; `system` uses the
 * distribution's eng.traineddata. Targets: 15 pages/min or more, peak RSS 1.5 GB or less, ratio 0.8 or more.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';
import sharp from 'sharp';
import { describeError } from '../src/errors.js';
import { encodePng } from '../src/image/png.js';
import { countPages, type PageImage, readPages } from '../src/ingest/pages/index.js';
import { sniffKind } from '../src/ingest/sniff.js';
import { ocrPage } from '../src/ocr/ocr-page.js';
import { OcrPool } from '../src/ocr/pool.js';
import { ENG_LANG_PATH } from '../src/ocr/tesseract-data.js';
import { processDocument } from '../src/pipeline/process-document.js';

const REPO = resolve(import.meta.dirname, '..');
const SCAN_EXTENSIONS = new Set(['.pdf', '.tif', '.tiff', '.png', '.jpg', '.jpeg']);
const TARGETS = { pagesPerMinute: 15, peakRssMB: 1536, ratio: 0.8 };
const INSTALL = 'sudo apt-get install -y tesseract-ocr';

const { values: opts } = parseArgs({
  options: {
    dir: { type: 'string' },
    count: { type: 'string', default: '6' },
    seed: { type: 'string', default: 'bench-ocr' },
    json: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'native-data': { type: 'string', default: 'formd' },
  },
});
const count = Number(opts.count);
if (!Number.isInteger(count) || count < 1) throw new Error('--count takes a positive whole number');
if (opts['native-data'] !== 'formd' && opts['native-data'] !== 'system') {
  throw new Error('--native-data takes formd or system');
}
const cores = availableParallelism();

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** The 1-minute load average, sampled every 5 s while a phase runs. */
class LoadSampler {
  readonly samples: number[] = [];
  #timer: NodeJS.Timeout;
  constructor() {
    this.samples.push(loadavg()[0] ?? 0);
    this.#timer = setInterval(() => this.samples.push(loadavg()[0] ?? 0), 5000);
  }
  stop(): { start: number; max: number; mean: number; end: number } {
    clearInterval(this.#timer);
    this.samples.push(loadavg()[0] ?? 0);
    const round = (n: number) => Math.round(n * 100) / 100;
    return {
      start: round(this.samples[0] ?? 0),
      max: round(Math.max(...this.samples)),
      mean: round(this.samples.reduce((a, b) => a + b, 0) / this.samples.length),
      end: round(this.samples[this.samples.length - 1] ?? 0),
    };
  }
}

/** Peak resident memory in MB from the kernel's own high-water mark; null off Linux. */
async function vmHwmMB(): Promise<number | null> {
  try {
    const status = await readFile('/proc/self/status', 'utf8');
    const kb = /^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb === undefined ? null : Number(kb) / 1024;
  } catch {
    return null;
  }
}

/** CPU seconds of this process, all threads (tesseract.js workers included). */
function ownCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** CPU seconds of this process's exited children (native tesseract runs), from /proc; null off Linux. */
async function childCpuSeconds(): Promise<number | null> {
  try {
    const stat = await readFile('/proc/self/stat', 'utf8');
    // Fields after the command name's closing parenthesis start at field 3; cutime and cstime are 16 and 17.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(rest[13]) + Number(rest[14])) / clockTicks();
  } catch {
    return null;
  }
}

function clockTicks(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

/** Runs `work` over the items with at most `limit` at once. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) await work(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

async function scans(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((n) => SCAN_EXTENSIONS.has(extname(n).toLowerCase()));
  return names.sort().map((n) => join(dir, n));
}

async function formdPhase(files: readonly string[]) {
  const pool = new OcrPool({ size: cores });
  let peakRss = process.memoryUsage().rss;
  const rssTimer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  const load = new LoadSampler();
  const failed: string[] = [];
  let pages = 0;
  const cpuStart = ownCpuSeconds();
  const started = performance.now();
  // One filing reads its pages in turn, so as many filings as workers keep every worker busy.
  await eachLimited(files, pool.size, async (file) => {
    const bytes = await readFile(file);
    const t = performance.now();
    try {
      const record = await processDocument(bytes, file, { pool });
      pages += record.source.pages;
      log(`formd  ${file}: ${record.source.pages} pages in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    } catch (error) {
      const counted = await countPages(bytes, sniffKind(bytes, file)).catch(() => 0);
      pages += counted;
      failed.push(describeError(error, file));
      log(`formd  failed: ${describeError(error, file)}`);
    }
  });
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = ownCpuSeconds() - cpuStart;
  clearInterval(rssTimer);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const hwm = await vmHwmMB();
  await pool.close();
  return {
    filings: files.length,
    failed,
    pages,
    seconds,
    pagesPerMinute: pages / (seconds / 60),
    cpuSecondsPerPage: cpuSeconds / pages,
    peakRssMB: peakRss / 2 ** 20,
    vmHwmMB: hwm,
    load: load.stop(),
  };
}

function nativeTesseract(): string | null {
  try {
    return execFileSync('tesseract', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
      .split('\n')[0]
      ?.trim() as string;
  } catch {
    return null;
  }
}

/** Runs native tesseract once on a page; resolves with its wall time in ms. */
function runTesseract(png: string, dpi: number, tessdata: string | null): Promise<number> {
  const args = [png, '-', '--oem', '1', '--psm', '3', '-l', 'eng', '--dpi', String(dpi)];
  if (tessdata) args.push('--tessdata-dir', tessdata);
  args.push('-c', 'preserve_interword_spaces=1', 'tsv');
  const started = performance.now();
  return new Promise((done, fail) => {
    // One thread a run, as a tesseract.js worker has: the parallelism is the runs side by side.
    const child = spawn('tesseract', args, {
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', fail);
    child.on('close', (code) => {
      if (code === 0) done(performance.now() - started);
      else fail(new Error(`tesseract ${png} exited ${code}: ${stderr.trim().slice(0, 300)}`));
    });
  });
}

interface PagePng {
  png: string;
  dpi: number;
}

/** The page rasters formd starts from, as PNG files for the engines run alone. */
async function writePageImages(files: readonly string[], dir: string): Promise<PagePng[]> {
  await mkdir(dir, { recursive: true });
  const pages: PagePng[] = [];
  for (const [i, file] of files.entries()) {
    const bytes = await readFile(file);
    for await (const page of readPages(bytes, sniffKind(bytes, file), { fileName: file })) {
      const png = join(dir, `${i}-${page.page}.png`);
      await writeFile(png, await encodePng(page));
      pages.push({ png, dpi: page.dpi ?? 300 });
    }
  }
  return pages;
}

/** tesseract.js alone on the raw pages, same pool and settings as formd's page OCR: the engine's share. */
async function tesseractJsPhase(pngs: readonly PagePng[]) {
  const images: PageImage[] = [];
  for (const [i, { png, dpi }] of pngs.entries()) {
    const { data, info } = await sharp(png).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
    images.push({ page: i + 1, width: info.width, height: info.height, dpi, data });
  }
  const pool = new OcrPool({ size: cores });
  // Workers started before the clock, so this phase times reading only.
  const blank: PageImage = { page: 1, width: 64, height: 64, dpi: 300, data: Buffer.alloc(64 * 64, 255) };
  await Promise.all(Array.from({ length: pool.size }, () => ocrPage(blank, { pool })));
  const load = new LoadSampler();
  const cpuStart = ownCpuSeconds();
  const started = performance.now();
  await eachLimited(images, pool.size, async (image) => {
    await ocrPage(image, { pool });
  });
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = ownCpuSeconds() - cpuStart;
  await pool.close();
  return {
    pages: images.length,
    seconds,
    pagesPerMinute: images.length / (seconds / 60),
    cpuSecondsPerPage: cpuSeconds / images.length,
    load: load.stop(),
  };
}

async function nativePhase(pngs: readonly PagePng[], work: string) {
  const version = nativeTesseract();
  if (version === null) {
    log(`native tesseract not found: install it with \`${INSTALL}\` to measure the ratio`);
    return { available: false as const, install: INSTALL };
  }
  let tessdata: string | null = null;
  if (opts['native-data'] === 'formd') {
    tessdata = join(work, 'tessdata');
    await mkdir(tessdata, { recursive: true });
    await pipeline(
      createReadStream(join(ENG_LANG_PATH, 'eng.traineddata.gz')),
      createGunzip(),
      createWriteStream(join(tessdata, 'eng.traineddata')),
    );
  }
  const load = new LoadSampler();
  const cpuStart = await childCpuSeconds();
  const started = performance.now();
  let runMs = 0;
  await eachLimited(pngs, cores, async ({ png, dpi }) => {
    // Awaited first: `runMs += await ...` would read runMs before the other lane adds to it.
    const ms = await runTesseract(png, dpi, tessdata);
    runMs += ms;
  });
  const seconds = (performance.now() - started) / 1000;
  const cpuEnd = await childCpuSeconds();
  return {
    available: true as const,
    version,
    data: tessdata ? `formd's ${ENG_LANG_PATH}` : 'the system tessdata',
    pages: pngs.length,
    seconds,
    meanSecondsPerPage: runMs / 1000 / pngs.length,
    pagesPerMinute: pngs.length / (seconds / 60),
    cpuSecondsPerPage: cpuStart === null || cpuEnd === null ? null : (cpuEnd - cpuStart) / pngs.length,
    load: load.stop(),
  };
}

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'formd-bench-ocr-'));
  let dir = opts.dir ? resolve(opts.dir) : join(work, 'filings');
  if (!opts.dir) {
    log(`generating ${count} mixed-damage filings at 200 dpi into ${dir}`);
    execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(REPO, 'scripts/make-fixtures.ts'),
        ...['--out', dir, '--count', String(count), '--seed', opts.seed ?? 'bench-ocr'],
        ...['--damage', 'mixed', '--dpi', '200', '--quiet'],
      ],
      { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] },
    );
  }
  dir = resolve(dir);
  const files = await scans(dir);
  if (files.length === 0) throw new Error(`no scans (PDF, TIFF, PNG, JPEG) in ${dir}`);

  const formd = await formdPhase(files);
  const pngs = await writePageImages(files, join(work, 'pages'));
  const tesseractJs = await tesseractJsPhase(pngs);
  const native = await nativePhase(pngs, work);
  const ratio = native.available ? formd.pagesPerMinute / native.pagesPerMinute : null;
  // CPU per page hardly depends on what else the machine runs, so this ratio is the steadier one.
  const cpuRatio =
    native.available && native.cpuSecondsPerPage !== null
      ? native.cpuSecondsPerPage / formd.cpuSecondsPerPage
      : null;
  const report = {
    cores,
    dir,
    formd,
    tesseractJs,
    native,
    ratio,
    cpuRatio,
    targets: TARGETS,
    met: {
      pagesPerMinute: formd.pagesPerMinute >= TARGETS.pagesPerMinute,
      peakRss: Math.max(formd.peakRssMB, formd.vmHwmMB ?? 0) <= TARGETS.peakRssMB,
      ratio: ratio === null ? null : ratio >= TARGETS.ratio,
    },
  };
  if (!opts.keep) await rm(work, { recursive: true, force: true });
  else log(`kept ${work}`);

  if (opts.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const mark = (ok: boolean | null) => (ok === null ? 'n/a' : ok ? 'yes' : 'NO');
  const f1 = (n: number) => n.toFixed(1);
  const f2 = (n: number) => n.toFixed(2);
  const load = (l: { start: number; max: number; mean: number; end: number }) =>
    `${l.start} / ${l.mean} / ${l.max} / ${l.end}`;
  const rows = [
    ['measure', 'value', 'target', 'met'],
    ['filings (failed)', `${formd.filings} (${formd.failed.length})`, '', ''],
    ['pages', String(formd.pages), '', ''],
    ['formd seconds', f1(formd.seconds), '', ''],
    [
      'formd pages/min',
      f1(formd.pagesPerMinute),
      `>= ${TARGETS.pagesPerMinute}`,
      mark(report.met.pagesPerMinute),
    ],
    ['formd CPU s/page', f2(formd.cpuSecondsPerPage), '', ''],
    ['peak RSS MB (sampled)', f1(formd.peakRssMB), `<= ${TARGETS.peakRssMB}`, mark(report.met.peakRss)],
    ['VmHWM MB', formd.vmHwmMB === null ? 'n/a' : f1(formd.vmHwmMB), `<= ${TARGETS.peakRssMB}`, ''],
    ['load 1m start/mean/max/end (formd)', load(formd.load), '', ''],
  ];
  rows.push(
    ['tesseract.js alone pages/min', f1(tesseractJs.pagesPerMinute), '', ''],
    ['tesseract.js alone CPU s/page', f2(tesseractJs.cpuSecondsPerPage), '', ''],
    ['load 1m start/mean/max/end (tesseract.js)', load(tesseractJs.load), '', ''],
  );
  if (native.available) {
    rows.push(
      ['native pages/min', f1(native.pagesPerMinute), '', ''],
      ['native s/page (one run)', f2(native.meanSecondsPerPage), '', ''],
      ['native CPU s/page', native.cpuSecondsPerPage === null ? 'n/a' : f2(native.cpuSecondsPerPage), '', ''],
      [
        'ratio formd/native (pages/min)',
        (ratio ?? 0).toFixed(2),
        `>= ${TARGETS.ratio}`,
        mark(report.met.ratio),
      ],
      ['ratio formd/native (CPU per page)', cpuRatio === null ? 'n/a' : cpuRatio.toFixed(2), '', ''],
      ['load 1m start/mean/max/end (native)', load(native.load), '', ''],
    );
  } else {
    rows.push(
      ['native pages/min', `not measured: ${INSTALL}`, '', ''],
      ['ratio formd/native', 'n/a', '', ''],
    );
  }
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ')} |`;
  const out = [line(rows[0] ?? []), line(widths.map((w) => '-'.repeat(w))), ...rows.slice(1).map(line)];
  process.stdout.write(`${out.join('\n')}\n`);
  process.stdout.write(
    `${cores} cores; OCR pool of ${cores}, ${cores} filings at a time; native: ${native.available ? `${native.version}, ${native.data}, ${cores} runs at a time, OMP_THREAD_LIMIT=1` : 'absent'}\n`,
  );
  for (const failure of formd.failed) process.stdout.write(`failed: ${failure}\n`);
}

await main();
