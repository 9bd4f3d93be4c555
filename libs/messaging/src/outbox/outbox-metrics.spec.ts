import { Logger } from '@nestjs/common';
import { register } from 'prom-client';

import type { BadgeEvent } from '@badges/events';
import { databaseTargets, openDatabase, type Database, type ScratchDatabase } from '@badges/persistence';

import type { EventPublisher } from '../bus/event-bus';
import { sampleIssuedEvent, waitFor } from '../testing/sample-events';
import { OutboxRelay } from './outbox-relay';
import { outboxTableSql } from './outbox-sql';
import { writeOutbox } from './outbox-writer';

const SCHEMA = 'metricsvc';

/** A bus that refuses until opened: the outbox backs up meanwhile, as when Kafka is down. */
class GatedPublisher implements EventPublisher {
  open = false;
  published = 0;
  async publish(events: readonly BadgeEvent[]): Promise<void> {
    if (!this.open) throw new Error('the bus is down');
    this.published += events.length;
  }
}

/** The outbox gauges of one service, as a scrape reads them (their collect runs the bounded query). */
async function backlog(service: string): Promise<Record<string, number | undefined>> {
  const read = async (name: string) => (await register.getSingleMetric(name)!.get()).values.find((value) => value.labels.service === service)?.value;
  return { rows: await read('outbox_unpublished_rows'), events: await read('outbox_unpublished_events'), age: await read('outbox_oldest_unpublished_age_seconds') };
}

// The relay logs each failed publish; here they are deliberate.
beforeAll(() => Logger.overrideLogger(['fatal']));

describe.each(databaseTargets())('outbox metrics on $name', (target) => {
  let scratch: ScratchDatabase;
  let database: Database;

  beforeAll(async () => {
    scratch = await target.create();
    database = await openDatabase(scratch.config);
    await database.exec(outboxTableSql(SCHEMA));
  });
  afterAll(async () => {
    await database?.close();
    await scratch?.dispose();
  });

  it('reads the backlog and the age of the oldest unpublished row while its relay runs', async () => {
    await database.withTransaction((tx) => writeOutbox(tx, SCHEMA, [sampleIssuedEvent(1), sampleIssuedEvent(2)]));
    await database.withTransaction((tx) => writeOutbox(tx, SCHEMA, [sampleIssuedEvent(3)]));
    // The first row has waited a minute and a half.
    await database.exec(`UPDATE "${SCHEMA}"."OutboxBatch" SET "createdAt" = CURRENT_TIMESTAMP - interval '90 seconds' WHERE "seq" = (SELECT min("seq") FROM "${SCHEMA}"."OutboxBatch")`);
    const publisher = new GatedPublisher();
    const relay = new OutboxRelay({ database, schema: SCHEMA, publisher, pollIntervalMs: 20 });
    expect(await backlog(SCHEMA)).toEqual({ rows: undefined, events: undefined, age: undefined });

    relay.start();
    try {
      const stuck = await backlog(SCHEMA);
      expect({ rows: stuck.rows, events: stuck.events }).toEqual({ rows: 2, events: 3 });
      expect(stuck.age).toBeGreaterThanOrEqual(90);
      expect(stuck.age).toBeLessThan(600);

      publisher.open = true;
      relay.wake();
      await waitFor(() => publisher.published === 3, 10_000, 'the outbox to be published');
      await waitFor(async () => (await backlog(SCHEMA)).rows === 0, 10_000, 'the rows to be marked');
      expect(await backlog(SCHEMA)).toEqual({ rows: 0, events: 0, age: 0 });
    } finally {
      await relay.stop();
    }
    // A stopped relay's outbox is nobody's to report in this process.
    expect(await backlog(SCHEMA)).toEqual({ rows: undefined, events: undefined, age: undefined });
  });
});
