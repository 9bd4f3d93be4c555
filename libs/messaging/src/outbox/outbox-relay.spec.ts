import { createEvent, InvalidEventError, Topic, type BadgeEvent } from '@badges/events';
import { databaseTargets, openDatabase, type Database, type ScratchDatabase } from '@badges/persistence';

import type { EventPublisher } from '../bus/event-bus';
import { handleOnce } from '../idempotency/handle-once';
import { InProcessEventBus } from '../in-process/in-process-event-bus';
import { sampleIssuedEvent, waitFor } from '../testing/sample-events';
import { OutboxPublishError, OutboxRelay } from './outbox-relay';
import { outboxEventsQuery, outboxTableSql, processedEventTableSql } from './outbox-sql';
import { OUTBOX_BATCH_EVENTS, writeOutbox } from './outbox-writer';

const SCHEMA = 'svc';

class RecordingPublisher implements EventPublisher {
  readonly published: BadgeEvent[] = [];
  constructor(private readonly delayMs = 0) {}
  async publish(events: readonly BadgeEvent[]): Promise<void> {
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    this.published.push(...events);
  }
}

describe.each(databaseTargets())('outbox on $name', (target) => {
  let scratch: ScratchDatabase;
  let database: Database;

  // One database per target (a fresh PGlite costs seconds); each test gets a fresh schema.
  beforeAll(async () => {
    scratch = await target.create();
    database = await openDatabase(scratch.config);
  });
  afterAll(async () => {
    await database.close();
    await scratch.dispose();
  });
  beforeEach(async () => {
    await database.exec(`DROP SCHEMA IF EXISTS svc CASCADE`);
    await database.exec(outboxTableSql(SCHEMA) + processedEventTableSql(SCHEMA));
    await database.exec(`CREATE TABLE svc."Award" ("id" TEXT PRIMARY KEY); CREATE TABLE svc."Emails" ("eventId" UUID NOT NULL)`);
  });

  /** A service's write: the state change and its event commit together, or neither does. */
  const award = (n: number, fail = false) =>
    database.withTransaction(async (tx) => {
      await tx.query(`INSERT INTO svc."Award" ("id") VALUES ($1)`, [`a${n}`]);
      await writeOutbox(tx, SCHEMA, [sampleIssuedEvent(n)]);
      if (fail) throw new Error('rolled back');
    });

  const outbox = () => database.query<{ topic: string; eventCount: number; attempts: number; publishedAt: unknown }>(`SELECT * FROM svc."OutboxBatch" ORDER BY seq`);

  it('publishes each committed event once, in order, and marks it', async () => {
    for (const n of [1, 2, 3]) await award(n);
    await expect(award(4, true)).rejects.toThrow('rolled back');
    const publisher = new RecordingPublisher();
    const relay = new OutboxRelay({ database, schema: SCHEMA, publisher, rowsPerClaim: 2 });

    expect(await relay.drain()).toBe(3);
    expect(await relay.drain()).toBe(0);
    expect(publisher.published.map((e) => e.payload)).toEqual([1, 2, 3].map((n) => sampleIssuedEvent(n).payload).map((p) => ({ ...p, issuedOn: expect.any(String) })));
    expect(await outbox()).toEqual([1, 2, 3].map(() => expect.objectContaining({ topic: Topic.AssertionIssued, eventCount: 1, attempts: 1, publishedAt: expect.anything() })));
  });

  it('writes a batch of events as rows of one topic and at most OUTBOX_BATCH_EVENTS, and publishes them in order', async () => {
    const issued = Array.from({ length: OUTBOX_BATCH_EVENTS + 1 }, (_, n) => sampleIssuedEvent(n));
    const revoked = createEvent(Topic.AssertionRevoked, {
      institutionId: 'institution1',
      correlationId: 'corr-revoke',
      aggregateId: 'assertion1',
      payload: { assertionId: 'assertion1', assertionUrl: 'http://localhost:3000/public/assertions/assertion1', badgeClassId: 'b', issuerId: 'i', revocationReason: 'r', revokedAt: new Date().toISOString() },
    });
    await database.withTransaction((tx) => writeOutbox(tx, SCHEMA, [...issued.slice(0, 10), revoked, ...issued.slice(10)]));
    expect((await outbox()).map((row) => [row.topic, row.eventCount])).toEqual([
      [Topic.AssertionIssued, OUTBOX_BATCH_EVENTS],
      [Topic.AssertionIssued, 1],
      [Topic.AssertionRevoked, 1],
    ]);
    const publisher = new RecordingPublisher();
    expect(await new OutboxRelay({ database, schema: SCHEMA, publisher }).drain()).toBe(OUTBOX_BATCH_EVENTS + 2);
    expect(publisher.published.map((e) => e.eventId)).toEqual([...issued.map((e) => e.eventId), revoked.eventId]);
    expect((await database.query<{ envelope: { eventId: string } }>(outboxEventsQuery(SCHEMA))).map((row) => row.envelope.eventId)).toEqual(publisher.published.map((e) => e.eventId));
  });

  it('re-publishes after a crash between publish and mark, and the idempotent consumer dedupes', async () => {
    for (const n of [1, 2, 3]) await award(n);
    const bus = new InProcessEventBus();
    let deliveries = 0;
    await bus.subscribe({
      group: 'notification',
      topics: [Topic.AssertionIssued],
      handler: async (event) => {
        deliveries += 1;
        await handleOnce(database, SCHEMA, 'notification', event, (tx) => tx.query(`INSERT INTO svc."Emails" VALUES ($1)`, [event.eventId]));
      },
    });
    let crashes = 1;
    const crashingPublisher: EventPublisher = {
      publish: async (events) => {
        await bus.publish(events);
        if (crashes-- > 0) throw new Error('connection lost before the mark committed');
      },
    };
    const relay = new OutboxRelay({ database, schema: SCHEMA, publisher: crashingPublisher });

    await expect(relay.publishBatch()).rejects.toBeInstanceOf(OutboxPublishError);
    expect((await outbox()).map((r) => [r.attempts, r.publishedAt])).toEqual([[1, null], [1, null], [1, null]]);
    expect(await relay.drain()).toBe(3);
    await bus.idle();

    // The first row went out before the crash; all three rows went out again after it.
    expect(deliveries).toBe(4);
    expect(await database.query(`SELECT * FROM svc."Emails"`)).toHaveLength(3);
    expect(await database.query(`SELECT * FROM svc."ProcessedEvent"`)).toHaveLength(3);
    await bus.close();
  });

  it('checks an event createEvent did not build, and refuses one that breaks its contract', async () => {
    const handMade = { ...sampleIssuedEvent(1), payload: { ...sampleIssuedEvent(1).payload, assertionUrl: 'not a url' } };
    await expect(database.withTransaction((tx) => writeOutbox(tx, SCHEMA, [handMade]))).rejects.toThrow(InvalidEventError);
    expect(await outbox()).toHaveLength(0);
  });

  it('lets two relays share an outbox without publishing a row twice (SKIP LOCKED)', async () => {
    const events = Array.from({ length: 60 }, (_, n) => sampleIssuedEvent(n));
    for (let start = 0; start < events.length; start += 2) await database.withTransaction((tx) => writeOutbox(tx, SCHEMA, events.slice(start, start + 2)));
    // A second handle = a second replica (its own pool on Postgres).
    const other = await openDatabase(scratch.config);
    const a = new RecordingPublisher(20);
    const b = new RecordingPublisher(20);
    const relayA = new OutboxRelay({ database, schema: SCHEMA, publisher: a, rowsPerClaim: 3 });
    const relayB = new OutboxRelay({ database: other, schema: SCHEMA, publisher: b, rowsPerClaim: 3 });

    const [countA, countB] = await Promise.all([relayA.drain(), relayB.drain()]);
    await other.close();

    const ids = [...a.published, ...b.published].map((e) => e.eventId);
    expect(ids.sort()).toEqual(events.map((e) => e.eventId).sort());
    expect(countA + countB).toBe(60);
    if (target.name === 'postgres') {
      // Real concurrency: both replicas got work. (PGlite serialises transactions, so no claim.)
      expect(countA).toBeGreaterThan(0);
      expect(countB).toBeGreaterThan(0);
    }
  });

  it('publishes promptly on wake() while running, then stops cleanly', async () => {
    const publisher = new RecordingPublisher();
    const relay = new OutboxRelay({ database, schema: SCHEMA, publisher, pollIntervalMs: 60_000 });
    relay.start();
    await award(1);
    const woken = Date.now();
    relay.wake();
    await waitFor(() => publisher.published.length === 1, 2_000, 'the woken relay');
    expect(Date.now() - woken).toBeLessThan(1_000);
    await relay.stop();
  });

  it('keeps a failing batch unpublished, counts the attempt, and retries it on the next poll', async () => {
    await award(1);
    let fail = true;
    const publisher = new RecordingPublisher();
    const flaky: EventPublisher = {
      publish: async (events) => {
        if (fail) throw new Error('broker unavailable');
        await publisher.publish(events);
      },
    };
    const relay = new OutboxRelay({ database, schema: SCHEMA, publisher: flaky, pollIntervalMs: 10 });
    relay.start();
    await waitFor(async () => (await outbox())[0].attempts >= 1, 2_000, 'a failed attempt');
    expect(publisher.published).toHaveLength(0);
    fail = false;
    await waitFor(() => publisher.published.length === 1, 5_000, 'the retry');
    await relay.stop();
  });

  it('prunes published rows past retention only', async () => {
    for (const n of [1, 2]) await award(n);
    const relay = new OutboxRelay({ database, schema: SCHEMA, publisher: new RecordingPublisher(), rowsPerClaim: 1 });
    await relay.publishBatch();
    expect(await relay.prunePublished(new Date(Date.now() - 60_000))).toBe(0);
    expect(await relay.prunePublished(new Date(Date.now() + 60_000))).toBe(1);
    expect(await outbox()).toHaveLength(1);
  });
});
