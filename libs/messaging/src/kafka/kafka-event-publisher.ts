import { Partitioners, type Kafka, type Message, type Producer } from 'kafkajs';

import { deadLetterTopic, type BadgeEvent } from '@badges/events';

import type { DeadLetter, DeadLetterSink } from '../bus/dead-letter';
import type { EventPublisher } from '../bus/event-bus';
import { physicalTopic } from './kafka-topics';

/**
 * The Kafka side of EventPublisher: an idempotent producer (no duplicates from its own
 * retries), acks from all in-sync replicas, and the aggregateId as key so the events of one
 * aggregate land on one partition, in order.
 */
export class KafkaEventPublisher implements EventPublisher, DeadLetterSink {
  private constructor(private readonly producer: Producer, private readonly namespace: string) {}

  static async connect(kafka: Kafka, namespace = ''): Promise<KafkaEventPublisher> {
    // Idempotence needs one request in flight per connection for kafkajs to keep ordering.
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    return new KafkaEventPublisher(producer, namespace);
  }

  async publish(events: readonly BadgeEvent[]): Promise<void> {
    const byTopic = new Map<string, Message[]>();
    for (const event of events) {
      const topic = physicalTopic(this.namespace, event.type);
      const messages = byTopic.get(topic) ?? [];
      messages.push({
        key: event.aggregateId,
        value: JSON.stringify(event),
        headers: { 'event-id': event.eventId, 'event-type': event.type, 'correlation-id': event.correlationId },
      });
      byTopic.set(topic, messages);
    }
    if (byTopic.size === 0) return;
    await this.producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
  }

  async publishDeadLetter(letter: DeadLetter): Promise<void> {
    await this.producer.send({
      topic: physicalTopic(this.namespace, deadLetterTopic(letter.topic)),
      acks: -1,
      messages: [{ key: letter.key, value: JSON.stringify(letter), headers: { 'dlq-group': letter.group, 'dlq-error': letter.error.message.slice(0, 500) } }],
    });
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect();
  }
}
