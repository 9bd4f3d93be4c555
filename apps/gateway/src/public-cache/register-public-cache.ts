import type { FastifyInstance } from 'fastify';

import { createEventBus } from '@badges/messaging';

import { subscribeInvalidations } from './cache-invalidation';
import type { PublicCache } from './public-cache';

/**
 * Answers public documents from memory before anything else runs for them (no routing to a
 * service, no body parsing), and keeps the cache fresh from events: the in-process bus on the
 * embedded default, Kafka when KAFKA_BROKERS is set. Register after CORS, so hits carry its headers.
 */
export async function registerPublicCache(fastify: FastifyInstance, cache: PublicCache, env: NodeJS.ProcessEnv): Promise<void> {
  const bus = await createEventBus('gateway', env);
  await subscribeInvalidations(bus.subscriber, cache);
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!cache.answer(request, reply)) done();
  });
  fastify.addHook('onClose', async () => {
    await bus.close();
    await cache.close();
  });
}
