import type { FastifyInstance } from 'fastify';

import type { EventSubscriber } from '@badges/messaging';
import type { FrontDoor } from '@badges/service-kit';

import { correlationIdFor } from '../routing/forward-headers';
import { subscribeInvalidations } from './cache-invalidation';
import type { PublicCache } from './public-cache';

/**
 * Answers public documents from memory before Fastify runs anything for them (the FrontDoor in
 * front of its server), and keeps the cache fresh from the gateway's events (the in-process bus on
 * the embedded default, Kafka when KAFKA_BROKERS is set). `inject()` passes no server, so the
 * same answer is given from the first hook too.
 */
export async function registerPublicCache(fastify: FastifyInstance, frontDoor: FrontDoor, cache: PublicCache, events: EventSubscriber): Promise<void> {
  await subscribeInvalidations(events, cache);
  frontDoor.use((request, response) => cache.answer(request, response), '(public cache)');
  fastify.addHook('onRequest', (request, reply, done) => {
    const entry = cache.find(request.raw);
    if (!entry) return done();
    reply.hijack();
    cache.send(request.raw, reply.raw, entry, 'HIT', correlationIdFor(request.headers));
  });
  fastify.addHook('onClose', () => cache.close());
}
