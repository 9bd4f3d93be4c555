import type { Admin } from 'kafkajs';

import { deadLetterTopic } from '@badges/events';

/** Physical names: the logical topic (the event's `type`) inside the configured namespace. */
export const physicalTopic = (namespace: string, topic: string): string => `${namespace}${topic}`;
export const logicalTopic = (namespace: string, physical: string): string => physical.slice(namespace.length);

/**
 * Creates the topics and their `.dlq` companions when missing. Production clusters usually
 * disable auto-creation, and partitions decide how far a consumer group can scale out.
 */
export async function ensureTopics(admin: Admin, namespace: string, topics: readonly string[], numPartitions = 3): Promise<void> {
  const wanted = topics.flatMap((t) => [physicalTopic(namespace, t), physicalTopic(namespace, deadLetterTopic(t))]);
  const existing = new Set(await admin.listTopics());
  const missing = wanted.filter((t) => !existing.has(t));
  if (missing.length === 0) return;
  try {
    await admin.createTopics({ waitForLeaders: true, topics: missing.map((topic) => ({ topic, numPartitions })) });
  } catch (error) {
    // Two instances starting together race to create the same topics; losing that race is fine.
    const now = new Set(await admin.listTopics());
    if (!missing.every((t) => now.has(t))) throw error;
  }
}
