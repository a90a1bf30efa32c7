/**
 * Bad input, through ingestBatch and through the built command line: each bad file gets one line
 * saying which file, what is wrong and what to do, and a failed entry in the store; the rest of the
 * batch goes on and nothing stored before changes.
 */
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IngestOutcome, ingestBatch } from '../src/pipeline/ingest-batch.js';
import { type FilingStore, openStore } from '../src/store/index.js';
import { buildCli, formd, STACK_FRAME } from './built-cli.js';

const SEED = 'fixtures/text/qualys-2003-formd.txt';
const isRoot = process.getuid?.() === 0;

let root: string;
let seed: string;
/** The bad files, by kind, and what their line on stderr must say. */
const BAD: Record<string, { name: string; code: string; says: RegExp }> = {
  empty: { name: 'empty.txt', code: 'empty_file', says: /the file is empty.*Check that the file was copied/ },
  garbage: {
    name: 'garbage.bin',
    code: 'unsupported_file',
    says: /not a file formd can read.*formd reads PDF/,
  },
  prose: { name: 'prose.txt', code: 'not_form_d', says: /does not look like a Form D.*Check that the file/ },
  cut: { name: 'cut.txt', code: 'truncated', says: /cut off \(it ends in Part A.*Find a complete copy/ },
};
const MISSING = {
  name: 'missing.txt',
  code: 'unreadable_path',
  says: /cannot be read \(no such file or folder\)/,
};

/** Bytes that are neither a known image nor UTF-8 text, the same on every run. */
function garbageBytes(n: number): Buffer {
  const out = Buffer.alloc(n);
  let x = 0x2545f491;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  out[0] = 0; // a NUL byte is never text
  return out;
}

/** Writes the bad files into a folder; returns their paths by kind. */
async function writeBadFiles(dir: string): Promise<Record<string, string>> {
  await mkdir(dir, { recursive: true });
  const lines = seed.split('\n');
  const contents: Record<string, string | Buffer> = {
    empty: '',
    garbage: garbageBytes(4096),
    prose:
      'The committee met on Tuesday to discuss the spring planting. Tomatoes did well last year; ' +
      'the beans did not. It was agreed that the shed needs a new roof before the rains.\n',
    cut: lines.slice(0, Math.floor(lines.length * 0.4)).join('\n'),
  };
  const paths: Record<string, string> = {};
  for (const [kind, { name }] of Object.entries(BAD)) {
    paths[kind] = join(dir, name);
    await writeFile(paths[kind], contents[kind] ?? '');
  }
  return paths;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'formd-bad-input-'));
  seed = await readFile(SEED, 'utf8');
  await buildCli();
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('bad input through ingestBatch', () => {
  let store: FilingStore;
  let bad: Record<string, string>;
  let seedPath: string;

  beforeAll(async () => {
    const dir = join(root, 'batch');
    bad = await writeBadFiles(join(dir, 'in'));
    seedPath = join(dir, 'in', 'seed.txt');
    await writeFile(seedPath, seed);
    store = await openStore({ dataDir: join(dir, 'data'), env: {} });
  });

  afterAll(async () => {
    await store.close();
  });

  it('stores each bad file as failed with its reason and goes on with the rest of the batch', async () => {
    const outcomes: IngestOutcome[] = [];
    const files = [...Object.values(bad), join(root, MISSING.name), seedPath];
    const summary = await ingestBatch(files, store, { onOutcome: (o) => outcomes.push(o) });
    expect(summary).toMatchObject({ total: 6, ok: 1, failed: 5 });
    expect(outcomes.at(-1)).toMatchObject({ kind: 'ok', file: seedPath });

    for (const [kind, { code, says }] of [...Object.entries(BAD), ['missing', MISSING] as const]) {
      const outcome = outcomes.find((o) => o.file === (bad[kind] ?? join(root, MISSING.name)));
      expect(outcome, kind).toMatchObject({ kind: 'failed', code });
      if (outcome?.kind !== 'failed') continue;
      // Which file, what is wrong, what to do: one line.
      expect(outcome.message.startsWith(outcome.file), kind).toBe(true);
      expect(outcome.message, kind).toMatch(says);
      expect(outcome.message, kind).not.toContain('\n');
      const stored = await store.get(outcome.id);
      expect(stored, kind).toMatchObject({ status: 'failed', record: null, error: { code } });
    }
    const failed = await store.list({ status: 'failed' });
    expect(failed.map((f) => f.errorCode).sort()).toEqual(
      ['empty_file', 'not_form_d', 'truncated', 'unreadable_path', 'unsupported_file'].sort(),
    );
  });

  it('changes nothing stored before when the same batch comes again', async () => {
    const [ok] = await store.list({ status: 'ok' });
    expect(ok).toBeDefined();
    const before = await store.get(ok!.id);
    const summary = await ingestBatch([...Object.values(bad), seedPath], store);
    expect(summary).toMatchObject({ total: 5, ok: 0, duplicate: 1, failed: 4 });
    expect(await store.get(ok!.id)).toEqual(before);
    expect(await store.counts()).toMatchObject({ ok: 1, failed: 5 });
  });

  it.skipIf(isRoot)(
    'fails a file nobody may read (mode 000) as an unreadable path (skipped as root, who may read any file)',
    async () => {
      const locked = join(root, 'batch', 'locked.txt');
      await writeFile(locked, seed.replace('03039478', '03039479'));
      await chmod(locked, 0o000);
      const outcomes: IngestOutcome[] = [];
      await ingestBatch([locked], store, { onOutcome: (o) => outcomes.push(o) });
      expect(outcomes[0]).toMatchObject({ kind: 'failed', code: 'unreadable_path' });
      if (outcomes[0]?.kind === 'failed') expect(outcomes[0].message).toMatch(/permission denied/);
    },
  );
});

describe('bad input through the command line', () => {
  let bad: Record<string, string>;
  const data = (name: string) => join(root, 'cli', name);

  beforeAll(async () => {
    bad = await writeBadFiles(join(root, 'cli', 'in'));
  });

  it('exits 0 when every file was read', async () => {
    const run = await formd(['ingest', SEED, '--data', data('ok')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^1 filings: 1 ok, 1 flagged, 1 to review, 0 failed$/m);
  });

  it('exits 1 for an unknown option or an unknown export format, with no stack trace', async () => {
    const unknownOption = await formd(['ingest', SEED, '--data', data('args'), '--fast']);
    expect(unknownOption.code).toBe(1);
    expect(unknownOption.stderr).toMatch(/unknown option '--fast'/);
    const unknownFormat = await formd(['export', '--format', 'xml', '--data', data('args')]);
    expect(unknownFormat.code).toBe(1);
    expect(unknownFormat.stderr).toMatch(/'xml' is invalid.*jsonl, csv/);
    for (const run of [unknownOption, unknownFormat]) expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  it('exits 3 when nothing could be read, each file with its own line on stderr', async () => {
    const missing = join(root, 'cli', MISSING.name);
    const run = await formd(['ingest', ...Object.values(bad), missing, '--data', data('none')]);
    expect(run.code).toBe(3);
    expect(run.stderr).not.toMatch(STACK_FRAME);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    for (const [kind, { says }] of Object.entries(BAD)) {
      expect(
        lines.filter((l) => l.includes(bad[kind]!)),
        kind,
      ).toEqual([expect.stringMatching(says)]);
    }
    expect(lines.filter((l) => l.includes(missing))).toEqual([expect.stringMatching(MISSING.says)]);
    expect(run.stdout).toMatch(/5 filings: 0 ok, 5 failed/);

    const failed = await formd(['list', '--failed', '--data', data('none')]);
    expect(failed.code).toBe(0);
    for (const path of [...Object.values(bad), missing]) expect(failed.stdout).toContain(path);
  });

  // Five hundred filings read through the command line: a minute on a fast machine, more on a slow
  // one, so the test has its own time.
  it('reads a folder of 500 files with some bad: one line for each bad file, exit 2, nothing stored before changes', async () => {
    const dir = join(root, 'cli', 'folder');
    const dataDir = data('folder-data');
    const badPaths = Object.values(await writeBadFiles(join(dir, 'bad')));
    // Copies of the seed, each with one line changed (the SEC's document number), so none is a duplicate.
    const good = 500 - badPaths.length;
    await Promise.all(
      Array.from({ length: good }, (_, i) =>
        writeFile(join(dir, `copy-${String(i).padStart(3, '0')}.txt`), seed.replace('03039478', `0304${i}`)),
      ),
    );

    // A filing stored before the batch: it must come out of the batch unchanged.
    expect((await formd(['ingest', SEED, '--data', dataDir])).code).toBe(0);
    const before = await formd(['show', SEED, '--json', '--data', dataDir]);

    const run = await formd(['ingest', dir, '--data', dataDir]);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(
      new RegExp(`^500 filings: ${good} ok, ${good} flagged, ${good} to review, 4 failed$`, 'm'),
    );
    expect(run.stderr).not.toMatch(STACK_FRAME);
    const failures = run.stderr.split('\n').filter((l) => l.startsWith('failed'));
    expect(failures).toHaveLength(badPaths.length);
    for (const path of badPaths) expect(failures.filter((l) => l.includes(path))).toHaveLength(1);

    const failed = await formd(['list', '--failed', '--data', dataDir]);
    const failedLines = failed.stdout.trimEnd().split('\n');
    expect(failedLines).toHaveLength(badPaths.length);
    for (const path of badPaths) expect(failedLines.filter((l) => l.includes(path))).toHaveLength(1);

    const after = await formd(['show', SEED, '--json', '--data', dataDir]);
    expect(after.stdout).toBe(before.stdout);
    const all = await formd(['list', '--data', dataDir]);
    expect(all.stderr).toMatch(/^501 filings$/m);
  }, 240_000);
});
