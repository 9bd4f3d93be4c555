import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';

import type { Database, PrismaAdapterFactory, SqlSession } from './database';

/**
 * Connections one PostgresDatabase may hold in each of its two pools: its own (raw SQL,
 * transactions) and the one the Prisma adapter opens. A process holds at most twice this, which
 * sizes PostgreSQL's max_connections (docs/operations.md, infra/k8s).
 */
export const POSTGRES_POOL_SIZE = 10;

export class PostgresDatabase implements Database {
  readonly kind = 'postgres' as const;
  private readonly pool: Pool;

  /** `afterClose` runs once the pool has ended: the embedded runner stops its own server there. */
  constructor(private readonly url: string, private readonly poolSize = POSTGRES_POOL_SIZE, private readonly afterClose?: () => Promise<void>) {
    this.pool = new Pool({ connectionString: url, max: poolSize });
    // An idle connection dies when the server restarts or an operator terminates it. The pool has
    // already dropped that client and the next query opens a new one; without a listener the
    // 'error' event would crash the whole process.
    this.pool.on('error', () => undefined);
  }

  prismaAdapter(): PrismaAdapterFactory {
    return new PrismaPg({ connectionString: this.url, max: this.poolSize });
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  async query<Row>(sql: string, params: unknown[] = []): Promise<Row[]> {
    const result = await this.pool.query(sql, params);
    return result.rows as Row[];
  }

  async withTransaction<T>(work: (tx: SqlSession) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const session: SqlSession = {
        exec: async (sql) => void (await client.query(sql)),
        query: async <Row>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as Row[],
      };
      const result = await work(session);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
    await this.afterClose?.();
  }
}
