import Fastify, { type FastifyInstance } from 'fastify';

import { InProcessServiceClient, type ServiceClient } from '@badges/service-kit';

/** A 1x1 PNG: what the fake issuer serves as every baked image. */
export const TEST_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/**
 * The issuer as the passport sees it for the export: an in-process Fastify instance behind a
 * ServiceClient serving a baked image and a JSON-LD document per assertion. Ids in `revoked`
 * answer 410, as the real issuer does for a revoked assertion's image.
 */
export async function startFakeIssuer(): Promise<{ client: ServiceClient; fastify: FastifyInstance; revoked: Set<string> }> {
  const revoked = new Set<string>();
  const fastify = Fastify();
  fastify.get<{ Params: { id: string } }>('/public/assertions/:id/image', async (request, reply) => {
    if (revoked.has(request.params.id)) return reply.status(410).send({ revoked: true });
    return reply.status(200).header('content-type', 'image/png').send(TEST_PNG);
  });
  fastify.get<{ Params: { id: string } }>('/public/assertions/:id', async (request, reply) => {
    const id = `https://badges.example.org/public/assertions/${request.params.id}`;
    return reply.status(200).header('content-type', 'application/ld+json').send({ '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id, ...(revoked.has(request.params.id) ? { revoked: true } : {}) });
  });
  await fastify.ready();
  return { client: new InProcessServiceClient('issuer', fastify), fastify, revoked };
}
