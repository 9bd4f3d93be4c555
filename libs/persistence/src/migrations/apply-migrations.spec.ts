import { join } from 'node:path';

import { openDatabase } from '../database/open-database';
import { databaseTargets } from '../testing/database-targets';
import { applyMigrations } from './apply-migrations';

const plan = { schema: 'demo', migrationsDir: join(__dirname, '__fixtures__/m') };

describe.each(databaseTargets())('applyMigrations on $name', (target) => {
  it('applies each migration once, in order, and survives a reopen', async () => {
    const scratch = await target.create();
    try {
      const first = await openDatabase(scratch.config);
      expect(await applyMigrations(first, plan)).toEqual(['0001_init', '0002_more']);
      await first.exec(`INSERT INTO "demo"."Widget" (id, name, colour) VALUES ('w1', 'cog', 'red')`);
      await first.close();

      const reopened = await openDatabase(scratch.config);
      expect(await applyMigrations(reopened, plan)).toEqual([]);
      const rows = await reopened.query<{ id: string; colour: string }>(`SELECT id, colour FROM "demo"."Widget"`);
      expect(rows).toEqual([{ id: 'w1', colour: 'red' }]);
      await reopened.close();
    } finally {
      await scratch.dispose();
    }
  });

  it('rolls back a failing migration completely', async () => {
    const scratch = await target.create();
    const database = await openDatabase(scratch.config);
    try {
      const broken = { schema: 'demo', migrationsDir: join(__dirname, '__fixtures__/broken') };
      await expect(applyMigrations(database, broken)).rejects.toThrow();
      const tables = await database.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'demo'`,
      );
      expect(tables).toEqual([]);
    } finally {
      await database.close();
      await scratch.dispose();
    }
  });
});
