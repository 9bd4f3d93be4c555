import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';

import type { Database, PrismaAdapterFactory, SqlSession } from './database';

/**
 * PGlite allows one instance per data folder per process, so every service in the embedded
 * runner shares this instance (each keeps to its own Postgres schema). PGlite serialises
 * queries and transactions internally, which makes the sharing safe.
 */
const openInstances = new Map<string, { pglite: Promise<PGlite>; users: number }>();

export class PgliteDatabase implements Database {
  readonly kind = 'pglite' as const;
  private closed = false;

  private constructor(private readonly dataDir: string, private readonly pglite: PGlite) {}

  static async open(dataDir: string): Promise<PgliteDatabase> {
    let entry = openInstances.get(dataDir);
    if (!entry) {
      entry = { pglite: openInitialised(dataDir), users: 0 };
      openInstances.set(dataDir, entry);
    }
    entry.users += 1;
    try {
      return new PgliteDatabase(dataDir, await entry.pglite);
    } catch (error) {
      openInstances.delete(dataDir);
      throw error;
    }
  }

  prismaAdapter(): PrismaAdapterFactory {
    return new PrismaPGlite(this.pglite);
  }

  async exec(sql: string): Promise<void> {
    await this.pglite.exec(sql);
  }

  async query<Row>(sql: string, params: unknown[] = []): Promise<Row[]> {
    const result = await this.pglite.query<Row>(sql, params);
    return result.rows;
  }

  async withTransaction<T>(work: (tx: SqlSession) => Promise<T>): Promise<T> {
    return this.pglite.transaction(async (tx) =>
      work({
        exec: async (sql) => void (await tx.exec(sql)),
        query: async <Row>(sql: string, params: unknown[] = []) => (await tx.query<Row>(sql, params)).rows,
      }),
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const entry = openInstances.get(this.dataDir);
    if (!entry) return;
    entry.users -= 1;
    if (entry.users <= 0) {
      openInstances.delete(this.dataDir);
      await this.pglite.close();
    }
  }
}

/**
 * A process killed while PGlite initialises a fresh folder can leave it unusable. A marker file
 * says "initialisation not finished": if it is still there at the next start, the folder is
 * half-made and is wiped and made again (it cannot hold data yet: nothing is served before the
 * marker is removed). Initialising in place saves a close and reopen on the first start.
 */
async function openInitialised(dataDir: string): Promise<PGlite> {
  const marker = `${dataDir}.initialising`;
  if (existsSync(marker) || !existsSync(join(dataDir, 'PG_VERSION'))) {
    mkdirSync(dirname(dataDir), { recursive: true });
    writeFileSync(marker, `${process.pid}\n`);
    rmSync(dataDir, { recursive: true, force: true });
    const fresh = await PGlite.create(dataDir);
    rmSync(marker, { force: true });
    return fresh;
  }
  return PGlite.create(dataDir);
}
