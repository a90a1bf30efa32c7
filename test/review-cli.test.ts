import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli.js';
import { SEED_FILE } from './review-fixtures.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'formd-review-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(args: string[], env: Record<string, string | undefined> = {}) {
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
  try {
    process.exitCode = undefined;
    return { code: await main(args), stderr };
  } finally {
    spy.mockRestore();
    out.mockRestore();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    process.exitCode = undefined;
  }
}

describe('formd serve and formd export from the command line', () => {
  it('refuses to serve on another address than loopback without FORMD_TOKEN', async () => {
    const r = await run(['serve', '--data', dir, '--host', '0.0.0.0'], { FORMD_TOKEN: undefined });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/refusing to serve on 0\.0\.0\.0 without a login\. Set FORMD_TOKEN/);
  });

  it('writes the SEC tables to the folder given, and asks for one when it is missing', async () => {
    expect((await run(['ingest', '--data', dir, SEED_FILE])).code).toBe(0);
    const missing = await run(['export', '--data', dir, '--format', 'sec-tsv']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/writes a folder of tables\. Give the folder with --out DIR/);
    const out = join(dir, 'sec');
    const ok = await run([
      'export',
      '--data',
      dir,
      '--format',
      'sec-tsv',
      '--out',
      out,
      '--status',
      'needs_review',
    ]);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toContain(`1 filings exported to ${out}`);
    expect((await readdir(out)).sort()).toEqual(
      [
        'FLAGS.tsv',
        'FORMDSUBMISSION.tsv',
        'ISSUERS.tsv',
        'LEGACY_EXPENSES.tsv',
        'LEGACY_OFFERING.tsv',
        'LEGACY_USEOFPROCEEDS.tsv',
        'OFFERING.tsv',
        'PROVENANCE.tsv',
        'README.md',
        'RECIPIENTS.tsv',
        'RELATEDPERSONS.tsv',
        'SIGNATURES.tsv',
      ].sort(),
    );
    const none = await run([
      'export',
      '--data',
      dir,
      '--format',
      'parquet',
      '--out',
      join(dir, 'pq'),
      '--reviewed-only',
    ]);
    expect(none.stderr).toContain('0 filings exported');
    const bad = await run(['export', '--data', dir, '--format', 'jsonl', '--since', 'last week']);
    expect(bad.code).toBe(1);
  });
});
