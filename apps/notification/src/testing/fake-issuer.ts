import Fastify, { type FastifyInstance } from 'fastify';

import { InProcessServiceClient, type ServiceClient } from '@badges/service-kit';

/** A 1x1 PNG: what the fake issuer serves as every baked image. */
export const TEST_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/**
 * The issuer as the notification service sees it: an in-process Fastify instance behind a
 * ServiceClient. Assertions whose id starts with `revoked` answer 410, as the real issuer does.
 */
export async function startFakeIssuer(): Promise<{ client: ServiceClient; fastify: FastifyInstance; imageRequests: string[] }> {
  const imageRequests: string[] = [];
  const fastify = Fastify();
  fastify.get<{ Params: { id: string } }>('/public/assertions/:id/image', async (request, reply) => {
    imageRequests.push(request.params.id);
    if (request.params.id.startsWith('revoked')) return reply.status(410).send({ revoked: true });
    return reply.status(200).header('content-type', 'image/png').send(TEST_PNG);
  });
  // The batch route the email worker uses (decision 0053): the same answers, one per id.
  fastify.post<{ Body: { assertionIds: string[] } }>('/internal/assertion-images', async (request) => ({
    images: request.body.assertionIds.map((id) => {
      imageRequests.push(id);
      return id.startsWith('revoked') ? { assertionId: id, status: 410 } : { assertionId: id, status: 200, contentType: 'image/png', base64: TEST_PNG.toString('base64') };
    }),
  }));
  await fastify.ready();
  return { client: new InProcessServiceClient('issuer', fastify), fastify, imageRequests };
}
