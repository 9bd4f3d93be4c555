import { Gauge, register } from 'prom-client';

import type { Database } from '@badges/persistence';

import { outboxTable } from './outbox-sql';

/**
 * Rows read per scrape at most: the figures stay cheap however far the relay falls behind (10,000
 * rows hold up to 5,000,000 events), and "at least that many" is all an alert needs to know then.
 */
export const OUTBOX_SCRAPE_ROWS = 10_000;

interface Backlog {
  rows: number;
  events: number;
  ageSeconds: number;
}

/** The outboxes a relay of this process publishes, by schema (= service); read on scrape. */
const watched = new Map<string, Database>();

/**
 * prom-client collects a scrape's gauges together: the three share the read under way, so a scrape
 * costs one bounded query per outbox. A read that has finished is never reused (no stale figure).
 */
let reading: Promise<Map<string, Backlog>> | undefined;

function readBacklogs(): Promise<Map<string, Backlog>> {
  reading ??= readAll().finally(() => (reading = undefined));
  return reading;
}

async function readAll(): Promise<Map<string, Backlog>> {
  const found = new Map<string, Backlog>();
  await Promise.all(
    [...watched].map(async ([schema, database]) => {
      // A database closed under a relay still watched (shutdown) is left out, not a failed scrape.
      const backlog = await readBacklog(database, schema).catch(() => undefined);
      if (backlog) found.set(schema, backlog);
    }),
  );
  return found;
}

/** The oldest unpublished rows, by the ("publishedAt", "seq") index; `seq` order is write order. */
async function readBacklog(database: Database, schema: string): Promise<Backlog> {
  const [row] = await database.query<{ rows: number; events: string; age: number | null }>(
    `SELECT count(*)::int AS "rows", coalesce(sum("eventCount"), 0)::bigint::text AS "events",
            extract(epoch FROM (CURRENT_TIMESTAMP - min("createdAt")))::float8 AS "age"
       FROM (SELECT "eventCount", "createdAt" FROM ${outboxTable(schema)} WHERE "publishedAt" IS NULL ORDER BY "seq" LIMIT ${OUTBOX_SCRAPE_ROWS}) AS oldest`,
  );
  return { rows: Number(row.rows), events: Number(row.events), ageSeconds: Math.max(0, Number(row.age ?? 0)) };
}

function backlogGauge(name: string, help: string, pick: (backlog: Backlog) => number): Gauge<'service'> {
  return new Gauge({
    name,
    help,
    labelNames: ['service'] as const,
    registers: [register],
    async collect() {
      const read = await readBacklogs();
      this.reset();
      for (const [service, backlog] of read) this.set({ service }, pick(backlog));
    },
  });
}

backlogGauge('outbox_unpublished_rows', `Outbox rows (batches of events) not yet published, by service; counted up to ${OUTBOX_SCRAPE_ROWS}.`, (b) => b.rows);
backlogGauge('outbox_unpublished_events', 'Events in the outbox rows not yet published, by service (in the rows counted).', (b) => b.events);
backlogGauge('outbox_oldest_unpublished_age_seconds', 'Age of the oldest outbox row not yet published, by service; 0 when none waits.', (b) => b.ageSeconds);

/** The relay's outbox is read on every scrape until the returned function is called (relay stopped). */
export function watchOutbox(database: Database, schema: string): () => void {
  watched.set(schema, database);
  return () => {
    if (watched.get(schema) === database) watched.delete(schema);
  };
}
