import { randomBytes } from 'node:crypto';

import { Kafka, logLevel, type Admin } from 'kafkajs';
import { register, type MetricValue } from 'prom-client';

import { Topic, type BadgeEvent } from '@badges/events';

import { sampleIssuedEvent, waitFor } from '../testing/sample-events';
import { KafkaEventPublisher } from './kafka-event-publisher';
import { KafkaEventSubscriber, type KafkaSubscription } from './kafka-event-subscriber';
import { ensureTopics } from './kafka-topics';

// Run by the Kafka pass, never skipped: without a broker the suite fails and says how to get one.
const brokers = process.env.KAFKA_BROKERS?.split(',').filter(Boolean);
if (!brokers?.length) {
  throw new Error('Kafka integration specs need a real broker: run `bash infra/kafka/kafka.sh start`, then set KAFKA_BROKERS=127.0.0.1:9092');
}

jest.setTimeout(90_000);

const kafka = new Kafka({ clientId: `consumer-lag-spec-${process.pid}`, brokers, logLevel: logLevel.NOTHING });
let admin: Admin;
let publisher: KafkaEventPublisher;
let subscription: KafkaSubscription | undefined;

async function lagOf(group: string): Promise<MetricValue<string>[]> {
  return (await register.getSingleMetric('event_consumer_lag')!.get()).values.filter((sample) => sample.labels.group === group);
}

beforeAll(async () => {
  admin = kafka.admin();
  await admin.connect();
});
afterEach(async () => {
  await subscription?.close();
  await publisher?.disconnect();
});
afterAll(() => admin.disconnect());

/** Consumer lag per group and partition from the watermark each batch carries (decision 0050). */
describe('Kafka consumer lag (real broker)', () => {
  it('shows what a group has left on its partition while it works, and 0 once it caught up', async () => {
    const namespace = `t${Date.now()}-${randomBytes(3).toString('hex')}.`;
    await ensureTopics(admin, namespace, [Topic.AssertionIssued], 3);
    publisher = await KafkaEventPublisher.connect(kafka, namespace);
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const handled: BadgeEvent[] = [];
    const subscriber = new KafkaEventSubscriber(kafka, publisher, { namespace });
    subscription = await subscriber.subscribe({
      group: 'lag-watch',
      topics: [Topic.AssertionIssued],
      handler: async (event) => void (await held, handled.push(event)),
    });

    // One key: every event lands on one partition, behind the first one, which waits in its handler.
    await publisher.publish(Array.from({ length: 5 }, (_, n) => sampleIssuedEvent(n, 'one-key')));
    await waitFor(async () => (await lagOf('lag-watch')).some((sample) => sample.value === 5), 30_000, 'a lag of 5');
    const [reading] = await lagOf('lag-watch');
    expect(reading.labels).toEqual({ group: 'lag-watch', topic: Topic.AssertionIssued, partition: expect.stringMatching(/^[012]$/) });

    release();
    await waitFor(() => handled.length === 5, 30_000, 'the 5 events');
    await waitFor(async () => (await lagOf('lag-watch'))[0]?.value === 0, 30_000, 'a lag of 0');
    expect(await lagOf('lag-watch')).toEqual([{ labels: reading.labels, value: 0 }]);

    // A closed subscription reports nothing: its partitions are no longer this process's.
    await subscription.close();
    subscription = undefined;
    expect(await lagOf('lag-watch')).toEqual([]);
  });
});
