import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type Migration,
  runMigrations,
  SqliteFilingStore,
  StoreClosedError,
  sqliteMigrations,
} from '../src/store/index.js';
import { filingId, sampleRecord } from './store-fixtures.js';

describe('the SQLite filing store', () => {
  let dir: string;
  let path: string;
  const stores: SqliteFilingStore[] = [];
  const open = () => {
    const store = new SqliteFilingStore(path);
    stores.push(store);
    return store;
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'formd-sqlite-'));
    path = join(dir, 'formd.sqlite');
  });

  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('runs each migration once: reopening the store applies nothing again', async () => {
    const first = open();
    await first.saveRecord(sampleRecord('kept'), 'kept.pdf');
    await first.close();
    const db = new Database(path);
    const appliedBefore = db.prepare('SELECT version, name, applied_at FROM schema_migrations').all();

    open();

    expect(runMigrations(db)).toEqual([]);
    expect(db.prepare('SELECT version, name, applied_at FROM schema_migrations').all()).toEqual(
      appliedBefore,
    );
    expect(appliedBefore).toEqual([
      { version: 1, name: 'filings and audit', applied_at: expect.any(Number) },
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM filings').get()).toEqual({ n: 1 });
    db.close();
  });

  it('applies new migrations in order and rolls back one that fails, recording nothing for it', () => {
    const db = new Database(join(dir, 'migrations.sqlite'));
    const later: Migration[] = [
      ...sqliteMigrations,
      { version: 3, name: 'third', sql: 'ALTER TABLE filings ADD COLUMN third TEXT' },
      { version: 2, name: 'second', sql: 'ALTER TABLE filings ADD COLUMN second TEXT' },
    ];
    expect(runMigrations(db, later)).toEqual([1, 2, 3]);

    const broken: Migration[] = [
      ...later,
      { version: 4, name: 'broken', sql: 'CREATE TABLE half_done (x); SELECT * FROM no_such_table' },
    ];
    expect(() => runMigrations(db, broken)).toThrow(/no such table/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").all()).toEqual([]);
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual([
      1, 2, 3,
    ]);
    db.close();
  });

  it('opens the file in WAL mode with a busy timeout, for several worker processes', () => {
    open();
    const db = new Database(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    const store = new SqliteFilingStore(path, { busyTimeoutMs: 2500 });
    stores.push(store);
    expect(store.path).toBe(path);
  });

  it('refuses a stored record that no longer matches the schema when it is read', async () => {
    const store = open();
    const record = sampleRecord('tampered');
    await store.saveRecord(record, 'tampered.pdf');
    const db = new Database(path);
    db.prepare("UPDATE filings SET record = json_set(record, '$.offering.expenses.legal', 0.125)").run();
    db.close();

    await expect(store.get(record.id)).rejects.toThrow(/at most two decimals/);
  });

  it('ends an open stream with an error when the store is closed', async () => {
    const store = open();
    await store.saveMany(['a', 'b'].map((name) => ({ record: sampleRecord(name), file: `${name}.pdf` })));
    const stream = store.iterateRecords()[Symbol.asyncIterator]();
    await stream.next();

    await store.close();

    await expect(stream.next()).rejects.toBeInstanceOf(StoreClosedError);
  });

  it('loses nothing when two processes write to one file at the same time', async () => {
    const seed = open();
    const counter = sampleRecord('counter');
    counter.offering.investors.accredited.count = 0;
    await seed.saveRecord(counter, 'counter.pdf');

    const children = [writer(path, 'records'), writer(path, 'failures')];
    await Promise.all(children.map((child) => child.ready));
    for (const child of children) child.process.stdin?.write('go\n');
    const exits = await Promise.all(children.map((child) => child.done));

    expect(exits).toEqual([
      { code: 0, stderr: '' },
      { code: 0, stderr: '' },
    ]);
    // Each process stored 300 records of its own; the 100 shared files end up ok whichever came first.
    expect(await seed.counts()).toMatchObject({ total: 701, ok: 701, failed: 0 });
    const final = await seed.get(counter.id);
    expect(final?.record?.offering.investors.accredited.count).toBe(50);
    expect(final?.version).toBe(51);
    expect(await seed.audit(counter.id)).toHaveLength(50);
    expect((await seed.get(filingId('shared 99')))?.status).toBe('ok');
  });
});

/**
 * A child process that opens the store on its own and, on "go", writes: 300 records of its own,
 * 100 shared files (records in one process, failures in the other), and 25 optimistic increments
 * of one counter, retrying when the other process got there first.
 */
function writer(path: string, role: 'records' | 'failures') {
  const url = (file: string) => pathToFileURL(resolve(file)).href;
  const script = `
    import { createInterface } from 'node:readline';
    const { SqliteFilingStore, ConcurrentEditError } = await import(${JSON.stringify(url('src/store/index.ts'))});
    const { sampleRecord, filingId } = await import(${JSON.stringify(url('test/store-fixtures.ts'))});
    const role = process.env.ROLE;
    const store = new SqliteFilingStore(process.env.DB_PATH);
    const records = Array.from({ length: 300 }, (_, i) => sampleRecord(role + ' ' + i));
    const shared = Array.from({ length: 100 }, (_, i) => sampleRecord('shared ' + i));
    process.stdout.write('ready\\n');
    await new Promise((go) => createInterface({ input: process.stdin }).once('line', go));
    let increments = 0;
    for (let i = 0; i < 300; i++) {
      await store.saveRecord(records[i], 'own.pdf');
      if (i < 100) {
        if (role === 'records') await store.saveRecord(shared[i], 'shared.pdf');
        else await store.saveFailure(shared[i].id, 'shared.pdf', { code: 'transient', message: 'crashed' });
      }
      if (i % 12 === 0 && increments < 25) {
        for (;;) {
          const current = await store.get(filingId('counter'));
          const record = current.record;
          const old = record.offering.investors.accredited.count;
          record.offering.investors.accredited.count = old + 1;
          try {
            await store.updateRecord(record.id, record, { expectedVersion: current.version,
              audit: [{ who: role, path: 'offering.investors.accredited.count', oldValue: old, newValue: old + 1 }] });
            increments++;
            break;
          } catch (error) {
            if (!(error instanceof ConcurrentEditError)) throw error;
          }
        }
      }
    }
    await store.close();
    process.stdin.destroy();
  `;
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script],
    {
      env: { ...process.env, ROLE: role, DB_PATH: path },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const ready = new Promise<void>((resolveReady, reject) => {
    child.stdout?.on('data', (chunk) => {
      if (String(chunk).includes('ready')) resolveReady();
    });
    child.once('exit', () => reject(new Error(`the ${role} writer exited before it was ready: ${stderr}`)));
  });
  const done = new Promise<{ code: number | null; stderr: string }>((resolveDone) => {
    child.once('exit', (code) => resolveDone({ code, stderr }));
  });
  return { process: child, ready, done };
}
