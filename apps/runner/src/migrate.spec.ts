import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import { databaseTargets, openDatabase, type Database, type ScratchDatabase } from '@badges/persistence';

import { main, migrateDatabaseConfig, migrateServices, MigrateUsageError, servicesToMigrate, servicesWithMigrations } from './migrate';

/** The committed migrations of a service, as the folders under apps/<service>/prisma/migrations. */
function committedMigrations(service: string): string[] {
  return readdirSync(join(__dirname, '..', '..', service, 'prisma', 'migrations'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

describe('migrate: the migrations-only entry (the Kubernetes Job)', () => {
  it('knows every service that owns a schema, and only those', () => {
    expect(servicesWithMigrations()).toEqual(['issuer', 'notification', 'endorsement', 'passport', 'gateway']);
  });

  it('takes service names, all of them when none is named, and refuses an unknown or storeless one by name', () => {
    expect(servicesToMigrate([])).toEqual(servicesWithMigrations());
    expect(servicesToMigrate(['gateway', 'issuer'])).toEqual(['issuer', 'gateway']);
    expect(() => servicesToMigrate(['issuer', 'verification', 'isuer'])).toThrow(
      new MigrateUsageError('migrate: no migrations for verification, isuer; name some of issuer, notification, endorsement, passport, gateway (or none for all)'),
    );
  });

  it('needs DATABASE_URL: an embedded database belongs to the process that runs it', () => {
    expect(() => migrateDatabaseConfig({})).toThrow('migrate: DATABASE_URL is required (the PostgreSQL server the services use)');
    expect(migrateDatabaseConfig({ DATABASE_URL: 'postgresql://db/badges' })).toEqual({ kind: 'postgres', url: 'postgresql://db/badges' });
  });

  it('refuses a bad command line before it opens any database', async () => {
    await expect(main(['nope'], { DATABASE_URL: 'postgresql://127.0.0.1:1/unreachable' }, () => undefined)).rejects.toThrow(/no migrations for nope/);
  });

  describe.each(databaseTargets())('on $name', (target) => {
    let scratch: ScratchDatabase;
    let database: Database;

    beforeAll(async () => {
      scratch = await target.create();
      database = await openDatabase(scratch.config);
    });

    afterAll(async () => {
      await database?.close();
      await scratch?.dispose();
    });

    it('applies every committed migration of every service once, then finds nothing to do', async () => {
      const first = await migrateServices(database, servicesWithMigrations());
      expect(first.map(({ service, schema }) => [service, schema])).toEqual([
        ['issuer', 'issuer'],
        ['notification', 'notification'],
        ['endorsement', 'endorsement'],
        ['passport', 'passport'],
        ['gateway', 'gateway'],
      ]);
      for (const { service, schema, applied } of first) {
        expect(applied).toEqual(committedMigrations(service));
        const recorded = await database.query<{ name: string }>(`SELECT name FROM "${schema}"."_schema_migrations" ORDER BY name`);
        expect(recorded.map((row) => row.name)).toEqual(committedMigrations(service));
      }

      const again = await migrateServices(database, servicesWithMigrations());
      expect(again.map(({ applied }) => applied)).toEqual([[], [], [], [], []]);
    });
  });
});
