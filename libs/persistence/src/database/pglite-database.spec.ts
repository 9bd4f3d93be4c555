import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { PgliteDatabase } from './pglite-database';

describe('PgliteDatabase', () => {
  it('remakes a folder whose initialisation was interrupted, and keeps a finished one', async () => {
    const root = mkdtempSync(join(tmpdir(), 'badges-pglite-init-'));
    const dataDir = join(root, 'db');
    try {
      // What a process killed mid-initialisation leaves behind: the marker and a partial folder.
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(join(dataDir, 'PG_VERSION'), '17\n');
      writeFileSync(`${dataDir}.initialising`, '12345\n');

      const first = await PgliteDatabase.open(dataDir);
      expect(existsSync(`${dataDir}.initialising`)).toBe(false);
      await first.exec('CREATE TABLE kept (id int)');
      await first.exec('INSERT INTO kept VALUES (7)');
      await first.close();

      const again = await PgliteDatabase.open(dataDir);
      expect(await again.query('SELECT id FROM kept')).toEqual([{ id: 7 }]);
      await again.close();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
