import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';

import { InProcessServiceClient, InternalHeader, type ServiceClient } from '@badges/service-kit';

export const FAKE_PUBLIC_URL = 'https://badges.example.org';

/** The entities the fake issuer knows: id -> owner institution (and a revoked flag). */
export interface FakeEntity {
  owner: string;
  name: string;
  revoked?: boolean;
  /** Issuers: their contact email. Badge classes and assertions: their issuer's id. */
  email?: string;
  issuer?: string;
}

const PUBLIC_PATH = { issuers: 'issuers', badgeclasses: 'badges', assertions: 'assertions' } as const;

/**
 * The issuer as the endorsement service sees it: its v2 routes answer the entity to its owner
 * only (anyone else gets 404, as the real issuer does), behind an in-process ServiceClient.
 */
export async function startFakeIssuer(entities: Record<string, FakeEntity>): Promise<{ client: ServiceClient; fastify: FastifyInstance; requests: string[] }> {
  const requests: string[] = [];
  const fastify = Fastify();
  for (const kind of Object.keys(PUBLIC_PATH) as (keyof typeof PUBLIC_PATH)[]) {
    fastify.get(`/v2/${kind}/:id`, async (request: FastifyRequest<{ Params: { id: string } }>, reply) => {
      requests.push(`${request.headers[InternalHeader.InstitutionId]} ${request.url}`);
      const entity = entities[request.params.id];
      if (!entity || entity.owner !== request.headers[InternalHeader.InstitutionId]) return reply.status(404).send({ error: { code: 'not_found' } });
      return { result: [{ entityId: request.params.id, name: entity.name, openBadgeId: `${FAKE_PUBLIC_URL}/public/${PUBLIC_PATH[kind]}/${request.params.id}`, revoked: entity.revoked ?? false, email: entity.email, issuer: entity.issuer }] };
    });
  }
  await fastify.ready();
  return { client: new InProcessServiceClient('issuer', fastify), fastify, requests };
}
