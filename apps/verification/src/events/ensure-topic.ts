import { Kafka, logLevel } from 'kafkajs';

import { Topic } from '@badges/events';
import { ensureTopics, kafkaSettingsFromEnv } from '@badges/messaging';

/**
 * The other services' topics are created by their consumers' subscriptions; nobody consumes
 * `verification.completed` yet, and production clusters usually disable auto-creation, so the
 * producer creates its own topic at start (idempotent; racing instances are fine).
 */
export async function ensureVerificationTopic(env: NodeJS.ProcessEnv): Promise<void> {
  if (!env.KAFKA_BROKERS) return;
  const settings = kafkaSettingsFromEnv('verification', env);
  const admin = new Kafka({ clientId: `${settings.clientId}-admin`, brokers: settings.brokers, logLevel: logLevel.WARN }).admin();
  await admin.connect();
  try {
    await ensureTopics(admin, settings.namespace, [Topic.VerificationCompleted]);
  } finally {
    await admin.disconnect();
  }
}
