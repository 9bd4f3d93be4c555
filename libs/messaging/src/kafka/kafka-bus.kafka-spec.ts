import { randomBytes } from 'node:crypto';

import { Kafka, logLevel, type Admin, type Consumer } from 'kafkajs';

import { Topic, type BadgeEvent } from '@badges/events';

import type { DeadLetter } from '../bus/dead-letter';
import { sampleIssuedEvent, waitFor } from '../testing/sample-events';
import { KafkaEventPublisher } from './kafka-event-publisher';
import { KafkaEventSubscriber, type KafkaSubscription } from './kafka-event-subscriber';
import { ensureTopics } from './kafka-topics';

// Run by the separate Kafka job (`jest --testMatch '**/*.kafka-spec.ts'`), never skipped: without a
// broker the suite fails and says how to get one.
const brokers = process.env.KAFKA_BROKERS?.split(',').filter(Boolean);
if (!brokers?.length) {
  throw new Error('Kafka integration specs need a real broker: run `bash infra/kafka/kafka.sh start`, then set KAFKA_BROKERS=127.0.0.1:9092');
}

jest.setTimeout(90_000);

const kafka = new Kafka({ clientId: `messaging-spec-${process.pid}`, brokers, logLevel: logLevel.NOTHING });
let admin: Admin;
let publisher: KafkaEventPublisher;
const cleanup: (() => Promise<void>)[] = [];

/** Every test gets its own namespace: fresh topics (3 partitions) and groups, nothing shared between runs. */
async function freshNamespace(): Promise<string> {
  const namespace = `t${Date.now()}-${randomBytes(3).toString('hex')}.`;
  await ensureTopics(admin, namespace, [Topic.AssertionIssued], 3);
  publisher = await KafkaEventPublisher.connect(kafka, namespace);
  cleanup.push(() => publisher.disconnect());
  return namespace;
}

async function subscribe(namespace: string, group: string, handler: (e: BadgeEvent) => Promise<void>, maxAttempts = 3): Promise<KafkaSubscription> {
  const subscriber = new KafkaEventSubscriber(kafka, publisher, { namespace });
  const subscription = await subscriber.subscribe({ group, topics: [Topic.AssertionIssued], handler, maxAttempts, backoff: { initialBackoffMs: 20, maxBackoffMs: 50 } });
  cleanup.push(() => subscription.close());
  return subscription;
}

beforeAll(async () => {
  admin = kafka.admin();
  await admin.connect();
});
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close().catch(() => undefined);
});
afterAll(() => admin.disconnect());

describe('Kafka event bus (real broker)', () => {
  it('delivers published events with their envelope intact, in order per key', async () => {
    const namespace = await freshNamespace();
    const seen: BadgeEvent[] = [];
    await subscribe(namespace, 'orders', async (event) => void seen.push(event));
    const keys = ['k1', 'k2', 'k3'];
    const events = Array.from({ length: 30 }, (_, n) => sampleIssuedEvent(n, keys[n % 3]));
    for (let i = 0; i < events.length; i += 7) await publisher.publish(events.slice(i, i + 7));

    await waitFor(() => seen.length === 30, 30_000, '30 events');
    expect(seen.find((e) => e.eventId === events[0].eventId)).toEqual(events[0]);
    for (const key of keys) {
      expect(seen.filter((e) => e.aggregateId === key).map((e) => e.eventId)).toEqual(events.filter((e) => e.aggregateId === key).map((e) => e.eventId));
    }
  });

  it('splits the partitions between two consumers of one group: each event handled once', async () => {
    const namespace = await freshNamespace();
    const byConsumer: Record<'a' | 'b', string[]> = { a: [], b: [] };
    const a = await subscribe(namespace, 'notification', async (e) => void byConsumer.a.push(e.eventId));
    const b = await subscribe(namespace, 'notification', async (e) => void byConsumer.b.push(e.eventId));
    const partitions = (s: KafkaSubscription) => Object.values(s.assignment).flat();
    // Wait for the rebalance to settle, so the test counts work sharing and not rebalance redelivery.
    await waitFor(() => partitions(a).length > 0 && partitions(b).length > 0 && partitions(a).length + partitions(b).length === 3, 30_000, 'the rebalance');

    const events = Array.from({ length: 30 }, (_, n) => sampleIssuedEvent(n));
    await publisher.publish(events);
    await waitFor(() => byConsumer.a.length + byConsumer.b.length >= 30, 30_000, '30 events');
    await new Promise((r) => setTimeout(r, 500)); // room for a stray duplicate to show up

    expect([...byConsumer.a, ...byConsumer.b].sort()).toEqual(events.map((e) => e.eventId).sort());
    expect(byConsumer.a.length).toBeGreaterThan(0);
    expect(byConsumer.b.length).toBeGreaterThan(0);
  });

  it('dead-letters a handler that keeps failing to <topic>.dlq and keeps its partition moving', async () => {
    const namespace = await freshNamespace();
    const poison = sampleIssuedEvent(0, 'same-key');
    const later = Array.from({ length: 5 }, (_, n) => sampleIssuedEvent(n + 1, 'same-key'));
    let poisonCalls = 0;
    const handled: string[] = [];
    const handler = async (event: BadgeEvent) => {
      if (event.eventId === poison.eventId) {
        poisonCalls += 1;
        throw new Error('renderer crashed');
      }
      handled.push(event.eventId);
    };
    const subscription = await subscribe(namespace, 'baker', handler);
    const letters: DeadLetter[] = [];
    const dlqConsumer: Consumer = kafka.consumer({ groupId: `${namespace}dlq-reader` });
    cleanup.push(() => dlqConsumer.disconnect());
    await dlqConsumer.connect();
    await dlqConsumer.subscribe({ topic: `${namespace}badges.assertion.issued.v1.dlq`, fromBeginning: true });
    await dlqConsumer.run({ eachMessage: async ({ message }) => void letters.push(JSON.parse(String(message.value))) });

    await publisher.publish([poison, ...later]);
    await waitFor(() => handled.length === 5 && letters.length === 1, 30_000, 'later events and the dead letter');
    expect(handled).toEqual(later.map((e) => e.eventId));
    expect(poisonCalls).toBe(3);
    expect(letters[0]).toMatchObject({ topic: Topic.AssertionIssued, group: 'baker', attempts: 3, key: 'same-key', error: { message: 'renderer crashed' } });
    expect((letters[0].event as BadgeEvent).eventId).toBe(poison.eventId);

    // The poison's offset was committed: a restarted member of the group does not see it again.
    await subscription.close();
    const afterRestart: string[] = [];
    await subscribe(namespace, 'baker', async (e) => void afterRestart.push(e.eventId));
    const fresh = sampleIssuedEvent(99, 'same-key');
    await publisher.publish([fresh]);
    await waitFor(() => afterRestart.length >= 1, 30_000, 'the event after restart');
    expect(afterRestart).toEqual([fresh.eventId]);
    expect(poisonCalls).toBe(3);
  });

  it('sends an invalid message to the DLQ at once without calling the handler', async () => {
    const namespace = await freshNamespace();
    const handler = jest.fn(async (_event: BadgeEvent) => undefined);
    await subscribe(namespace, 'strict', handler);
    const producer = kafka.producer();
    cleanup.push(() => producer.disconnect());
    await producer.connect();
    await producer.send({ topic: `${namespace}badges.assertion.issued.v1`, messages: [{ key: 'x', value: '{"not":"an event"}' }] });
    const good = sampleIssuedEvent(1, 'x');
    await publisher.publish([good]);
    await waitFor(() => handler.mock.calls.length === 1, 30_000, 'the valid event');
    expect(handler.mock.calls[0][0]).toMatchObject({ eventId: good.eventId });
  });

  it('hands a batch handler runs of events in partition order; a failing run falls back to one by one, dead-lettering only the bad event', async () => {
    const namespace = await freshNamespace();
    const events = Array.from({ length: 200 }, (_, n) => sampleIssuedEvent(n, 'one-key'));
    const poison = events[120];
    const runs: string[][] = [];
    const single: string[] = [];
    const subscriber = new KafkaEventSubscriber(kafka, publisher, { namespace, maxBatchSize: 50 });
    // Published before the consumer starts, so the first fetch brings many events at once.
    await publisher.publish(events);
    const subscription = await subscriber.subscribe({
      group: 'batcher',
      topics: [Topic.AssertionIssued],
      maxAttempts: 2,
      backoff: { initialBackoffMs: 10, maxBackoffMs: 20 },
      batchHandler: async (run) => {
        if (run.some((event) => event.eventId === poison.eventId)) throw new Error('one bad row');
        runs.push(run.map((event) => event.eventId));
      },
      handler: async (event) => {
        if (event.eventId === poison.eventId) throw new Error('one bad row');
        single.push(event.eventId);
      },
    });
    cleanup.push(() => subscription.close());

    await waitFor(() => runs.flat().length + single.length === 199, 30_000, '199 good events');
    const longest = Math.max(...runs.map((run) => run.length));
    expect(longest).toBeGreaterThan(1);
    expect(longest).toBeLessThanOrEqual(50);
    // Every good event exactly once, in the order published (one key: one partition).
    expect([...runs.flat(), ...single].sort()).toEqual(events.filter((e) => e !== poison).map((e) => e.eventId).sort());
    expect(runs.flat().every((id, i, all) => i === 0 || events.findIndex((e) => e.eventId === all[i - 1]) < events.findIndex((e) => e.eventId === id))).toBe(true);
    // The poison's run was retried one by one: its good neighbours were handled singly.
    expect(single.length).toBeGreaterThan(0);
    expect(single.length).toBeLessThan(50);
    expect(single).not.toContain(poison.eventId);
  });
});
