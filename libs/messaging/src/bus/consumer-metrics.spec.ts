import { Logger } from '@nestjs/common';
import { register, type MetricValue } from 'prom-client';

import { Topic } from '@badges/events';

import { InProcessEventBus } from '../in-process/in-process-event-bus';
import { sampleIssuedEvent, waitFor } from '../testing/sample-events';

async function samples(name: string): Promise<MetricValue<string>[]> {
  return (await register.getSingleMetric(name)!.get()).values;
}

// Dead-lettering logs a warning; here it is deliberate.
beforeAll(() => Logger.overrideLogger(['fatal']));

/** Consumer lag and dead letters on the in-process bus (the Kafka side: kafka-bus.kafka-spec.ts). */
describe('consumer metrics of the in-process bus', () => {
  it('reports the events waiting on each lane of a group as its lag, by topic', async () => {
    const bus = new InProcessEventBus({ lanesPerGroup: 1 });
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let handled = 0;
    await bus.subscribe({ group: 'lagging', topics: [Topic.AssertionIssued], handler: async () => void (await held, (handled += 1)) });
    await bus.publish([1, 2, 3].map((n) => sampleIssuedEvent(n)));
    // The lane takes the first event and waits in its handler: two are left behind it.
    await waitFor(async () => (await samples('event_consumer_lag')).some((s) => s.labels.group === 'lagging' && s.value === 2), 5_000, 'a lag of 2');
    expect((await samples('event_consumer_lag')).filter((s) => s.labels.group === 'lagging')).toEqual([
      { labels: { group: 'lagging', topic: Topic.AssertionIssued, partition: '0' }, value: 2 },
    ]);
    release();
    await bus.idle();
    expect(handled).toBe(3);
    expect((await samples('event_consumer_lag')).filter((s) => s.labels.group === 'lagging')).toEqual([]);
    await bus.close();
  });

  it('counts each event a group gives up on (its dead letter), by group and topic', async () => {
    const bus = new InProcessEventBus();
    const dead = async () => (await samples('events_dead_lettered_total')).find((s) => s.labels.group === 'failing' && s.labels.topic === Topic.AssertionIssued)?.value ?? 0;
    await bus.subscribe({ group: 'failing', topics: [Topic.AssertionIssued], maxAttempts: 1, handler: async () => Promise.reject(new Error('handler bug')) });
    await bus.publish([sampleIssuedEvent(1), sampleIssuedEvent(2)]);
    await bus.idle();
    expect(bus.deadLetters()).toHaveLength(2);
    expect(await dead()).toBe(2);
    await bus.close();
  });
});
