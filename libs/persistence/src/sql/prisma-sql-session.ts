import type { SqlSession } from '../database/database';

/** The raw-SQL surface every Prisma client and interactive transaction has. */
export interface PrismaRawSql {
  $queryRawUnsafe<T = unknown>(sql: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(sql: string, ...values: unknown[]): Promise<number>;
}

/**
 * A Prisma client or transaction seen as a SqlSession, so a repository's hand-written SQL is
 * written once and runs both inside a Prisma transaction and on the Database handle. The bulk
 * hot path uses the Database handle directly: Prisma 6.19's client engine spends about ten times
 * the CPU of `pg` on a large JSON parameter (decision 0015).
 */
export function prismaSqlSession(prisma: PrismaRawSql): SqlSession {
  return {
    exec: async (sql) => void (await prisma.$executeRawUnsafe(sql)),
    query: <Row>(sql: string, params: unknown[] = []) => prisma.$queryRawUnsafe<Row[]>(sql, ...params),
  };
}
