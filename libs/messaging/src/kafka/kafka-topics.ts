import type { Admin } from 'kafkajs';

import { deadLetterTopic } from '@badges/events';

/** Physical names: the logical topic (the event's `type`) inside the configured namespace. */
export const physicalTopic = (namespace: string, topic: string): string => `${namespace}${topic}`;
export const logicalTopic = (namespace: string, physical: string): string => physical.slice(namespace.length);

/** How often, and how far apart, creating the topics is tried before a start gives up. */
const CREATE_ATTEMPTS = 10;
const CREATE_RETRY_MS = 500;

/**
 * Creates the topics and their `.dlq` companions when missing. Production clusters usually
 * disable auto-creation, and partitions decide how far a consumer group can scale out.
 *
 * Tried again for a few seconds: two instances starting together race to create the same topics,
 * and while another's creation is under way the broker may answer "does not host this
 * topic-partition" (its leaders are not elected yet), which kafkajs does not retry. A topic
 * another service has just created is listed before its partitions have leaders, and subscribing
 * to it then fails (UNKNOWN_TOPIC_OR_PARTITION): so this returns only once every partition has one.
 */
export async function ensureTopics(admin: Admin, namespace: string, topics: readonly string[], numPartitions = 3): Promise<void> {
  const wanted = topics.flatMap((t) => [physicalTopic(namespace, t), physicalTopic(namespace, deadLetterTopic(t))]);
  for (let attempt = 1; ; attempt += 1) {
    try {
      const existing = new Set(await admin.listTopics());
      const missing = wanted.filter((t) => !existing.has(t));
      if (missing.length > 0) await admin.createTopics({ waitForLeaders: true, topics: missing.map((topic) => ({ topic, numPartitions })) });
      if (await everyPartitionLed(admin, wanted)) return;
    } catch (error) {
      if (attempt >= CREATE_ATTEMPTS) throw error;
    }
    if (attempt >= CREATE_ATTEMPTS) throw new Error(`Kafka topics still without partition leaders after ${CREATE_ATTEMPTS} attempts: ${wanted.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, CREATE_RETRY_MS));
  }
}

async function everyPartitionLed(admin: Admin, topics: readonly string[]): Promise<boolean> {
  const { topics: metadata } = await admin.fetchTopicMetadata({ topics: [...topics] });
  return metadata.length === topics.length && metadata.every((topic) => topic.partitions.length > 0 && topic.partitions.every((partition) => partition.leader >= 0));
}
