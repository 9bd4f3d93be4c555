import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

import type { Database } from '../database/database';

export interface MigrationPlan {
  /** The Postgres schema the service owns, e.g. "issuer". */
  schema: string;
  /** Folder of `<ordered-name>/migration.sql` files, as written by `prisma migrate diff`. */
  migrationsDir: string;
}

const SCHEMA_NAME = /^[a-z][a-z0-9_]*$/;

/**
 * Applies the committed SQL migrations of one service, each in its own transaction, and records
 * them in `<schema>._schema_migrations`. We run this instead of `prisma migrate deploy` because it
 * needs no CLI at run time, works identically on PGlite, and takes an advisory lock so that two
 * instances of a service starting together do not race (see docs/decisions/0003).
 */
export async function applyMigrations(database: Database, plan: MigrationPlan): Promise<string[]> {
  if (!SCHEMA_NAME.test(plan.schema)) throw new Error(`Invalid schema name: ${plan.schema}`);
  const pending = listMigrations(plan.migrationsDir);
  const applied: string[] = [];
  const lockKey = hashLockKey(plan.schema);

  await database.withTransaction(async (tx) => {
    // A transaction-scoped lock: released by COMMIT/ROLLBACK even if the process dies.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [lockKey]);
    await tx.exec(`CREATE SCHEMA IF NOT EXISTS "${plan.schema}"`);
    await tx.exec(
      `CREATE TABLE IF NOT EXISTS "${plan.schema}"."_schema_migrations" (
         name TEXT PRIMARY KEY,
         applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
       )`,
    );
    const rows = await tx.query<{ name: string }>(`SELECT name FROM "${plan.schema}"."_schema_migrations"`);
    const done = new Set(rows.map((row) => row.name));
    for (const migration of pending) {
      if (done.has(migration.name)) continue;
      await tx.exec(migration.sql);
      await tx.query(`INSERT INTO "${plan.schema}"."_schema_migrations" (name) VALUES ($1)`, [migration.name]);
      applied.push(migration.name);
    }
  });
  return applied;
}

function listMigrations(dir: string): { name: string; sql: string }[] {
  if (!existsSync(dir)) throw new Error(`Migrations folder not found: ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(dir, name, 'migration.sql'), 'utf8') }));
}

function hashLockKey(text: string): number {
  let hash = 0;
  for (const char of text) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}
