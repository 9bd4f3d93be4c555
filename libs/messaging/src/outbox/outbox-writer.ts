import { parseEvent, type BadgeEvent } from '@badges/events';
import { insertJsonRows, type SqlSession, type SqlStatement } from '@badges/persistence';

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
 * built without createEvent must not reach the bus). Write them inside the transaction of the
 * change, with `outboxInsertStatements` (a bulk award writes hundreds per chunk).
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

/**
 * The outbox rows of `events` as SQL for a raw SqlSession or Prisma's
 * `tx.$executeRawUnsafe(sql, ...params)`: one statement whatever the count.
 */
export function outboxInsertStatements(schema: string, events: readonly BadgeEvent[]): SqlStatement[] {
  const statement = insertJsonRows(schema, 'OutboxEvent', outboxRows(events) as unknown as Record<string, unknown>[]);
  return statement ? [statement] : [];
}

export async function writeOutbox(session: SqlSession, schema: string, events: readonly BadgeEvent[]): Promise<void> {
  for (const { sql, params } of outboxInsertStatements(schema, events)) await session.query(sql, params);
}
