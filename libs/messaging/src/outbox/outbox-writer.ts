import { isCheckedEvent, parseEvent, type BadgeEvent } from '@badges/events';
import type { SqlSession, SqlStatement } from '@badges/persistence';

import { outboxTable } from './outbox-sql';

/**
 * Events per outbox row at most. One row is one publish to the bus, so this also bounds a
 * Kafka request (about 1 KB an event against the broker's 1 MB batch limit per partition).
 */
export const OUTBOX_BATCH_EVENTS = 500;

/** One outbox row: a batch of events of one topic, in the order they were created. */
export interface OutboxBatchRow {
  topic: string;
  envelopes: BadgeEvent[];
}

/**
 * The outbox rows for `events`, after checking each event that createEvent did not build against
 * its contract (an unchecked event must not reach the bus). Events are grouped by topic, in order,
 * into rows of at most OUTBOX_BATCH_EVENTS: a bulk award's chunk of 500 awards is ONE row to
 * insert, claim and mark instead of 500 (decision 0017).
 */
export function outboxBatches(events: readonly BadgeEvent[]): OutboxBatchRow[] {
  const byTopic = new Map<string, BadgeEvent[]>();
  for (const event of events) {
    const checked = isCheckedEvent(event) ? event : parseEvent(JSON.parse(JSON.stringify(event)));
    const sameTopic = byTopic.get(checked.type) ?? [];
    sameTopic.push(checked);
    byTopic.set(checked.type, sameTopic);
  }
  const rows: OutboxBatchRow[] = [];
  for (const [topic, envelopes] of byTopic) {
    for (let start = 0; start < envelopes.length; start += OUTBOX_BATCH_EVENTS) {
      rows.push({ topic, envelopes: envelopes.slice(start, start + OUTBOX_BATCH_EVENTS) });
    }
  }
  return rows;
}

/**
 * The outbox rows of `events` as SQL for a raw SqlSession or Prisma's
 * `tx.$executeRawUnsafe(sql, ...params)`: one statement whatever the count. Write them inside
 * the transaction of the change.
 */
export function outboxInsertStatements(schema: string, events: readonly BadgeEvent[]): SqlStatement[] {
  const rows = outboxBatches(events);
  if (rows.length === 0) return [];
  const values = rows.map((_, i) => `($${3 * i + 1}, $${3 * i + 2}::int, $${3 * i + 3}::json)`).join(', ');
  return [
    {
      sql: `INSERT INTO ${outboxTable(schema)} ("topic", "eventCount", "envelopes") VALUES ${values}`,
      params: rows.flatMap((row) => [row.topic, row.envelopes.length, JSON.stringify(row.envelopes)]),
    },
  ];
}

export async function writeOutbox(session: SqlSession, schema: string, events: readonly BadgeEvent[]): Promise<void> {
  for (const { sql, params } of outboxInsertStatements(schema, events)) await session.query(sql, params);
}
