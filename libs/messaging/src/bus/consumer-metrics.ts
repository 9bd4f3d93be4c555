import { Counter, Gauge, register } from 'prom-client';

/** How far one consumer group is behind on one partition (Kafka) or lane (the in-process bus). */
export interface LagReading {
  group: string;
  topic: string;
  partition: string;
  lag: number;
}

/** Whatever can say how far its consumers are behind: a Kafka subscription, an in-process bus. */
export type LagSource = () => Iterable<LagReading>;

const sources = new Set<LagSource>();

/**
 * Read from each source on scrape. Kafka: the partition's high watermark minus the next offset to
 * handle, as of the consumer's last fetch (kafkajs hands the watermark with every batch). In
 * process: the events waiting on a lane. prom-client's global registry (decision 0050).
 */
new Gauge({
  name: 'event_consumer_lag',
  help: 'Events a consumer group has not handled yet, by group, topic and partition (Kafka) or lane (in-process bus).',
  labelNames: ['group', 'topic', 'partition'] as const,
  registers: [register],
  collect() {
    this.reset();
    for (const source of sources) for (const { lag, ...labels } of source()) this.set(labels, lag);
  },
});

/** Reads `source` on every scrape until the returned function is called. */
export function reportLag(source: LagSource): () => void {
  sources.add(source);
  return () => sources.delete(source);
}

const deadLettered = new Counter({
  name: 'events_dead_lettered_total',
  help: 'Events a consumer group gave up on and wrote to <topic>.dlq, by group and topic.',
  labelNames: ['group', 'topic'] as const,
  registers: [register],
});

export function countDeadLetter(group: string, topic: string): void {
  deadLettered.inc({ group, topic });
}
