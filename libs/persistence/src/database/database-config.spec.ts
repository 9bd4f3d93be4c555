import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { databaseConfigFromEnv } from './database-config';

describe('databaseConfigFromEnv', () => {
  it('embeds a PostgreSQL server in DATA_DIR/postgres by default', () => {
    expect(databaseConfigFromEnv({ DATA_DIR: '/srv/badges' })).toEqual({ kind: 'embedded-postgres', dataDir: resolve('/srv/badges/postgres') });
  });

  it('keeps PGlite in DATA_DIR/pglite when EMBEDDED_DATABASE=pglite', () => {
    expect(databaseConfigFromEnv({ DATA_DIR: '/srv/badges', EMBEDDED_DATABASE: 'pglite' })).toEqual({ kind: 'pglite', dataDir: resolve('/srv/badges/pglite') });
  });

  it('uses the server DATABASE_URL names, whatever EMBEDDED_DATABASE says', () => {
    expect(databaseConfigFromEnv({ DATABASE_URL: 'postgresql://db/badges', EMBEDDED_DATABASE: 'pglite' })).toEqual({ kind: 'postgres', url: 'postgresql://db/badges' });
  });

  it('keeps an installation made on PGlite on PGlite, so its badges are still there', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'badges-config-'));
    try {
      mkdirSync(join(dataDir, 'pglite'));
      expect(databaseConfigFromEnv({ DATA_DIR: dataDir })).toEqual({ kind: 'pglite', dataDir: join(dataDir, 'pglite') });
      expect(databaseConfigFromEnv({ DATA_DIR: dataDir, EMBEDDED_DATABASE: 'postgres' })).toEqual({ kind: 'embedded-postgres', dataDir: join(dataDir, 'postgres') });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses an unknown EMBEDDED_DATABASE with the accepted values', () => {
    expect(() => databaseConfigFromEnv({ EMBEDDED_DATABASE: 'sqlite' })).toThrow('EMBEDDED_DATABASE must be one of postgres, pglite, not "sqlite"');
  });
});
