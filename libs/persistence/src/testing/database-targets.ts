import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Client } from 'pg';

import type { DatabaseConfig } from '../database/database-config';

export interface ScratchDatabase {
  name: string;
  config: DatabaseConfig;
  dispose(): Promise<void>;
}

/**
 * The storage back ends a persistence test must pass on: always PGlite, and the real PostgreSQL
 * named by DATABASE_URL when it is set (CI sets it). Each target is a fresh, empty database.
 */
export function databaseTargets(env: NodeJS.ProcessEnv = process.env): { name: string; create(): Promise<ScratchDatabase> }[] {
  const targets = [{ name: 'pglite', create: createScratchPglite }];
  const url = env.DATABASE_URL;
  if (url) targets.push({ name: 'postgres', create: () => createScratchPostgres(url) });
  return targets;
}

async function createScratchPglite(): Promise<ScratchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'badges-pglite-'));
  return {
    name: 'pglite',
    config: { kind: 'pglite', dataDir: join(dir, 'db') },
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Creates a throw-away database on the server of `baseUrl`, so tests never share rows. */
export async function createScratchPostgres(baseUrl: string): Promise<ScratchDatabase> {
  const name = `badges_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    name: 'postgres',
    config: { kind: 'postgres', url: url.toString() },
    dispose: async () => {
      const cleanup = new Client({ connectionString: baseUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
