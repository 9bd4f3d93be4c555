import { Kafka, logLevel } from 'kafkajs';

import type { TopicName } from '@badges/events';

import type { EventPublisher, EventSubscriber, SubscribeOptions, Subscription } from './bus/event-bus';
import { InProcessEventBus } from './in-process/in-process-event-bus';
import { kafkaSettingsFromEnv } from './kafka/kafka-config';
import { KafkaEventPublisher } from './kafka/kafka-event-publisher';
import { KafkaEventSubscriber } from './kafka/kafka-event-subscriber';

/** What a service gets: the same two interfaces whichever bus is underneath. */
export interface EventBus {
  readonly mode: 'kafka' | 'in-process';
  readonly publisher: EventPublisher;
  readonly subscriber: EventSubscriber;
  /** Closes this service's subscriptions (and its Kafka producer); a shared in-process bus stays up. */
  close(): Promise<void>;
}

let sharedBus: InProcessEventBus | undefined;

/** The one in-process bus of this process: every service of the embedded runner meets on it. */
export function sharedInProcessBus(): InProcessEventBus {
  sharedBus ??= new InProcessEventBus();
  return sharedBus;
}

/** Kafka when KAFKA_BROKERS is set (distributed mode), else the in-process bus (embedded default). */
export async function createEventBus(service: string, env: NodeJS.ProcessEnv = process.env, inProcess: InProcessEventBus = sharedInProcessBus()): Promise<EventBus> {
  if (!env.KAFKA_BROKERS) return trackSubscriptions('in-process', inProcess, inProcess, async () => undefined);
  const settings = kafkaSettingsFromEnv(service, env);
  const kafka = new Kafka({ clientId: settings.clientId, brokers: settings.brokers, logLevel: logLevel.WARN });
  const publisher = await KafkaEventPublisher.connect(kafka, settings.namespace);
  const subscriber = new KafkaEventSubscriber(kafka, publisher, { namespace: settings.namespace });
  return trackSubscriptions('kafka', publisher, subscriber, () => publisher.disconnect());
}

function trackSubscriptions(mode: EventBus['mode'], publisher: EventPublisher, inner: EventSubscriber, closeTransport: () => Promise<void>): EventBus {
  const open = new Set<Subscription>();
  const subscriber: EventSubscriber = {
    subscribe: async <T extends TopicName>(options: SubscribeOptions<T>) => {
      const subscription = await inner.subscribe(options);
      open.add(subscription);
      return { close: async () => (open.delete(subscription), subscription.close()) };
    },
  };
  return {
    mode,
    publisher,
    subscriber,
    close: async () => {
      await Promise.all([...open].map((s) => s.close()));
      open.clear();
      await closeTransport();
    },
  };
}
