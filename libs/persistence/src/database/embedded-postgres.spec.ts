import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { applyMigrations } from '../migrations/apply-migrations';
import { binariesRunnableBy, embeddedPostgresBinaries, serverUser, startEmbeddedPostgres } from './embedded-postgres-server';
import { postmasterPid, processAlive } from '../testing/embedded-postgres-probe';
import { openDatabase } from './open-database';

const plan = { schema: 'demo', migrationsDir: join(__dirname, '../migrations/__fixtures__/m') };

describe('the embedded PostgreSQL server', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'badges-embedded-pg-'));
    // Run as root, the server runs as the `postgres` user, which must reach the folder.
    chmodSync(root, 0o755);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('initialises a folder, applies migrations, stops on close and keeps the rows for the next start', async () => {
    const dataDir = join(root, 'postgres');
    const first = await openDatabase({ kind: 'embedded-postgres', dataDir });
    expect(first.kind).toBe('postgres');
    expect(await applyMigrations(first, plan)).toEqual(['0001_init', '0002_more']);
    await first.exec(`INSERT INTO "demo"."Widget" (id, name, colour) VALUES ('w1', 'cog', 'red')`);
    const pid = postmasterPid(dataDir);
    await first.close();
    expect(processAlive(pid)).toBe(false);

    const again = await openDatabase({ kind: 'embedded-postgres', dataDir });
    try {
      expect(await applyMigrations(again, plan)).toEqual([]);
      expect(await again.query(`SELECT id, colour FROM "demo"."Widget"`)).toEqual([{ id: 'w1', colour: 'red' }]);
    } finally {
      await again.close();
    }
  }, 60_000);

  it('runs binaries the server user cannot reach (a checkout in a private folder) from a copy it can', () => {
    // The package as a checkout under /root or in a `mktemp -d` folder has it: in a folder only its owner may enter.
    const hidden = mkdtempSync(join(tmpdir(), 'badges-private-checkout-'));
    try {
      const native = dirname(dirname(embeddedPostgresBinaries().initdb));
      cpSync(join(native, '..', 'package.json'), join(hidden, 'package.json'));
      cpSync(native, join(hidden, 'native'), { recursive: true, verbatimSymlinks: true });
      const hiddenBinaries = { initdb: join(hidden, 'native', 'bin', 'initdb'), postgres: join(hidden, 'native', 'bin', 'postgres') };
      const owner = serverUser();
      const runnable = binariesRunnableBy(hiddenBinaries, owner);
      // Not root: the server runs as us, who can reach our own folder, so nothing is copied.
      if (!owner) expect(runnable).toEqual(hiddenBinaries);
      for (const binary of [runnable.initdb, runnable.postgres]) expect(spawnSync(binary, ['--version'], { ...owner, encoding: 'utf8' }).stdout).toMatch(/PostgreSQL\)? \d+/);
    } finally {
      rmSync(hidden, { recursive: true, force: true });
    }
  }, 60_000);

  it('remakes a folder whose initialisation was interrupted', async () => {
    const dataDir = join(root, 'postgres');
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'PG_VERSION'), '18\n');
    writeFileSync(`${dataDir}.initialising`, '12345\n');
    const database = await openDatabase({ kind: 'embedded-postgres', dataDir });
    try {
      expect(existsSync(`${dataDir}.initialising`)).toBe(false);
      expect(await database.query('SELECT 1 AS n')).toEqual([{ n: 1 }]);
    } finally {
      await database.close();
    }
  }, 60_000);

  it('stops a server an earlier run left holding the folder, then starts its own', async () => {
    const dataDir = join(root, 'postgres');
    const leftOver = await startEmbeddedPostgres(dataDir);
    const leftOverPid = postmasterPid(dataDir);
    try {
      const database = await openDatabase({ kind: 'embedded-postgres', dataDir });
      try {
        expect(processAlive(leftOverPid)).toBe(false);
        expect(await database.query('SELECT 1 AS n')).toEqual([{ n: 1 }]);
      } finally {
        await database.close();
      }
    } finally {
      await leftOver.stop();
    }
  }, 60_000);
});
