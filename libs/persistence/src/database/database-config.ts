import { resolve } from 'node:path';

/**
 * Where a service keeps its rows. The embedded default is PGlite (Postgres compiled to WASM,
 * in-process); setting DATABASE_URL switches the very same code to a real PostgreSQL server.
 */
export type DatabaseConfig =
  | { kind: 'postgres'; url: string }
  | { kind: 'pglite'; dataDir: string };

export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  if (env.DATABASE_URL) return { kind: 'postgres', url: env.DATABASE_URL };
  const dataDir = resolve(env.DATA_DIR ?? './data');
  return { kind: 'pglite', dataDir: resolve(dataDir, 'pglite') };
}
