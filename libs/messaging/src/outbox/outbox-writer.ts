import { parseEvent, type BadgeEvent } from '@badges/events';
import type { SqlSession } from '@badges/persistence';

import { outboxTable } from './outbox-sql';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One outbox row; the field names match the Prisma `OutboxEvent` model, for `createMany`. */
export interface OutboxRow {
  eventId: string;
  topic: string;
  key: string;
  envelope: { [key: string]: JsonValue };
}

/**
 * Rows for the outbox, after checking each event against its contract once more (an event
 * built without createEvent must not reach the bus). Use inside the transaction of the change:
 * `await tx.outboxEvent.createMany({ data: outboxRows(events) })`.
 */
export function outboxRows(events: readonly BadgeEvent[]): OutboxRow[] {
  return events.map((event) => {
    const checked = parseEvent(JSON.parse(JSON.stringify(event)));
    return {
      eventId: checked.eventId,
      topic: checked.type,
      key: checked.aggregateId,
      envelope: JSON.parse(JSON.stringify(checked)) as OutboxRow['envelope'],
    };
  });
}

/** Postgres allows 65,535 parameters per statement; 4 per row leaves ample room. */
const ROWS_PER_STATEMENT = 1_000;

/** The same as `outboxRows`, for code that holds a raw SqlSession (or Prisma's `$executeRawUnsafe`). */
export function outboxInsertStatements(schema: string, events: readonly BadgeEvent[]): { sql: string; params: unknown[] }[] {
  const rows = outboxRows(events);
  const statements: { sql: string; params: unknown[] }[] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    const values = chunk.map((_, i) => `($${i * 4 + 1}::uuid, $${i * 4 + 2}, $${i * 4 + 3}, $${i * 4 + 4}::jsonb)`);
    statements.push({
      sql: `INSERT INTO ${outboxTable(schema)} ("eventId", "topic", "key", "envelope") VALUES ${values.join(', ')}`,
      params: chunk.flatMap((row) => [row.eventId, row.topic, row.key, JSON.stringify(row.envelope)]),
    });
  }
  return statements;
}

export async function writeOutbox(session: SqlSession, schema: string, events: readonly BadgeEvent[]): Promise<void> {
  for (const { sql, params } of outboxInsertStatements(schema, events)) await session.query(sql, params);
}
