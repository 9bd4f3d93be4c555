import type { Database, SqlSession } from '@badges/persistence';

import { processedEventTable } from '../outbox/outbox-sql';

export type HandleOnceResult<T> = { handled: true; result: T } | { handled: false };

/**
 * The statement that claims an event for a consumer: 1 row affected the first time, 0 on
 * redelivery. Run it first inside the handler's transaction (with Prisma: `claimEvent`).
 * A concurrent duplicate blocks on the primary key until the first transaction ends: it then
 * sees the row (skips) or, if the first rolled back, claims the event itself.
 */
export function claimEventStatement(schema: string, consumer: string, eventId: string): { sql: string; params: unknown[] } {
  return claimEventsStatement(schema, consumer, [eventId]);
}

/**
 * Claims many events in one statement; RETURNING lists the ids claimed now (those handled before
 * are left out). The ids travel as one JSON parameter, which PGlite and PostgreSQL read alike.
 */
export function claimEventsStatement(schema: string, consumer: string, eventIds: readonly string[]): { sql: string; params: unknown[] } {
  return {
    sql: `INSERT INTO ${processedEventTable(schema)} ("consumer", "eventId") SELECT $1, id::uuid FROM json_array_elements_text($2::json) AS ids(id) ON CONFLICT DO NOTHING RETURNING "eventId"`,
    params: [consumer, JSON.stringify(eventIds)],
  };
}

/**
 * The Prisma form of the claim: run it first inside the handler's interactive transaction
 * (`if (!(await claimEvent(tx, ...))) return;`). False when the event was handled before.
 */
export async function claimEvent(tx: { $executeRawUnsafe(sql: string, ...values: unknown[]): Promise<number> }, schema: string, consumer: string, eventId: string): Promise<boolean> {
  const { sql, params } = claimEventStatement(schema, consumer, eventId);
  return (await tx.$executeRawUnsafe(sql, ...params)) > 0;
}

/**
 * Runs `work` at most once per (consumer, eventId): the claim and the handler's writes commit
 * together, so a crash after the work re-runs neither, and a crash before it re-runs both.
 */
export async function handleOnce<T>(
  database: Database,
  schema: string,
  consumer: string,
  event: { eventId: string },
  work: (tx: SqlSession) => Promise<T>,
): Promise<HandleOnceResult<T>> {
  const { sql, params } = claimEventStatement(schema, consumer, event.eventId);
  return database.withTransaction(async (tx) => {
    const claimed = await tx.query(sql, params);
    if (claimed.length === 0) return { handled: false };
    return { handled: true, result: await work(tx) };
  });
}
