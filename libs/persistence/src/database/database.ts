import type { PrismaPg } from '@prisma/adapter-pg';
import type { PrismaPGlite } from 'pglite-prisma-adapter';

export type PrismaAdapterFactory = PrismaPg | PrismaPGlite;

/**
 * The one handle a service gets on its storage. Prisma clients are built from `prismaAdapter()`;
 * migrations and health checks use `exec`/`query` so they work the same on PGlite and Postgres.
 */
export interface Database {
  readonly kind: 'postgres' | 'pglite';
  prismaAdapter(): PrismaAdapterFactory;
  exec(sql: string): Promise<void>;
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs `work` with exclusive use of one connection inside BEGIN/COMMIT. */
  withTransaction<T>(work: (tx: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface SqlSession {
  exec(sql: string): Promise<void>;
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
}
