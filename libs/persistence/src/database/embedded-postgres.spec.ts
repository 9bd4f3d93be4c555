import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { applyMigrations } from '../migrations/apply-migrations';
import { startEmbeddedPostgres } from './embedded-postgres-server';
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
