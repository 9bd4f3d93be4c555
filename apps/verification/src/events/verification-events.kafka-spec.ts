import { randomBytes } from 'node:crypto';

import { Topic, type BadgeEvent } from '@badges/events';
import { createEventBus } from '@badges/messaging';

import { loadVerificationConfig } from '../config/verification.config';
import { BadgeServer, hostBadge } from '../testing/badge-server';
import { createVerificationApp } from '../verification.app';

// Run by the Kafka pass (npm run test:kafka), never skipped: without a broker it fails and says so.
if (!process.env.KAFKA_BROKERS) throw new Error('This spec needs a real broker: set KAFKA_BROKERS=127.0.0.1:9092 (npm run kafka:start)');
jest.setTimeout(90_000);

/** With KAFKA_BROKERS the service creates its topic and a consumer group receives every verification. */
describe('verification.completed on Kafka', () => {
  it('is published for each verification, keyed by the verification id', async () => {
    const env = { ...process.env, KAFKA_NAMESPACE: `v${Date.now()}${randomBytes(3).toString('hex')}.`, VERIFY_ALLOWED_PRIVATE_ADDRESSES: '127.0.0.2', REDIS_URL: '' };
    const badges = await BadgeServer.start('127.0.0.2');
    const app = await createVerificationApp({ config: loadVerificationConfig(env), env }, { logger: false as never });
    const analytics = await createEventBus('analytics-spec', env);
    const seen: BadgeEvent[] = [];
    try {
      await analytics.subscriber.subscribe({ group: 'analytics-spec', topics: [Topic.VerificationCompleted], handler: async (event) => void seen.push(event) });
      const ids: string[] = [];
      for (const input of [{ url: hostBadge(badges).ids.assertion }, { url: `${badges.origin}/missing` }]) {
        const response = await app.inject({ method: 'POST', url: '/v2/verify', payload: input });
        ids.push(response.json().report.verificationId);
      }
      const deadline = Date.now() + 60_000;
      while (seen.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(seen.map((e) => [e.aggregateId, e.payload])).toEqual(
        expect.arrayContaining([
          [ids[0], expect.objectContaining({ verificationId: ids[0], valid: true, errorCount: 0 })],
          [ids[1], expect.objectContaining({ verificationId: ids[1], valid: false })],
        ]),
      );
    } finally {
      await analytics.close();
      await app.close();
      await badges.close();
    }
  });
});
