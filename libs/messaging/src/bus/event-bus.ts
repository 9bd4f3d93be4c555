import type { BadgeEvent, EventOf, TopicName } from '@badges/events';

import type { RetryPolicy } from './retry-policy';

/** Hands events to the bus. Resolves once the bus has accepted them (Kafka: acks from all replicas). */
export interface EventPublisher {
  publish(events: readonly BadgeEvent[]): Promise<void>;
}

export interface DeliveryContext {
  group: string;
  /** 1 on the first try; a handler must be idempotent since redelivery is always possible. */
  attempt: number;
}

export type EventHandler<T extends TopicName> = (event: EventOf<T>, context: DeliveryContext) => Promise<void>;

/**
 * Takes a run of consecutive events of ONE topic (on Kafka: from one partition, in order), so a
 * consumer can claim and write many in one transaction. It must be all-or-nothing: if it throws,
 * the subscriber hands each event of the run to the single-event handler instead, with the usual
 * retries and dead letter, so one bad event never holds up or poisons the others.
 */
export type EventBatchHandler<T extends TopicName> = (events: EventOf<T>[], context: DeliveryContext) => Promise<void>;

export interface SubscribeOptions<T extends TopicName> {
  /** One delivery per group: use the service name, so its replicas share the work. */
  group: string;
  topics: readonly T[];
  handler: EventHandler<T>;
  /** Optional: a subscriber that receives events in batches (Kafka) hands runs of them here. */
  batchHandler?: EventBatchHandler<T>;
  /**
   * Where a NEW group starts reading. `earliest` (the default): nothing published before its first
   * start is missed. `latest`: only what comes after, for a group per instance that keeps no state
   * across restarts (a cache that starts empty has nothing to catch up on).
   */
  startAt?: 'earliest' | 'latest';
  /** Tries before the event goes to `<topic>.dlq`; defaults to DEFAULT_RETRY_POLICY.maxAttempts. */
  maxAttempts?: number;
  backoff?: Partial<Omit<RetryPolicy, 'maxAttempts'>>;
}

export interface Subscription {
  close(): Promise<void>;
}

/** Receives validated events. The in-process bus and Kafka implement it alike. */
export interface EventSubscriber {
  subscribe<T extends TopicName>(options: SubscribeOptions<T>): Promise<Subscription>;
}
