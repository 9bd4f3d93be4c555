import Fastify, { type FastifyInstance } from 'fastify';

import { InProcessServiceClient, type ServiceClient } from '@badges/service-kit';

/** The test app's PUBLIC_URL (TEST_PUBLIC_URL): the issuer's documents name themselves under it. */
const TEST_BADGE_ORIGIN = 'https://badges.example.org';

/** A 1x1 PNG: what the fake issuer serves as every baked image. */
export const TEST_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/**
 * The issuer as the passport sees it for the export: an in-process Fastify instance behind a
 * ServiceClient serving a baked image and a JSON-LD document per assertion, and the badge class
 * (with its French edition) the passport shows in a reader's language, and the OB 3.0 credentials in
 * `credentials`. Ids in `revoked` answer 410, as the real issuer does for a revoked assertion's image.
 */
export async function startFakeIssuer(): Promise<{ client: ServiceClient; fastify: FastifyInstance; revoked: Set<string>; credentials: Map<string, { format: 'ldp' | 'jwt'; text: string }>; ob3Only: Set<string> }> {
  const revoked = new Set<string>();
  /** The OB 3.0 credentials it serves, by assertion id, as the issuer stores them (decision 0048). */
  const credentials = new Map<string, { format: 'ldp' | 'jwt'; text: string }>();
  /** Awards made in OB 3.0 only: no 2.0 assertion or image, the credential's baked image instead. */
  const ob3Only = new Set<string>();
  const fastify = Fastify();
  fastify.get<{ Params: { id: string } }>('/public/credentials/:id', async (request, reply) => {
    const credential = credentials.get(request.params.id);
    if (!credential) return reply.status(404).send({});
    return reply.status(200).header('content-type', credential.format === 'jwt' ? 'application/vc+jwt' : 'application/vc+ld+json').send(credential.text);
  });
  fastify.get<{ Params: { id: string } }>('/public/credentials/:id/image', async (request, reply) => {
    if (!credentials.has(request.params.id)) return reply.status(404).send({});
    return reply.status(200).header('content-type', 'image/png').send(TEST_PNG);
  });
  fastify.get<{ Params: { id: string } }>('/public/assertions/:id/image', async (request, reply) => {
    if (ob3Only.has(request.params.id)) return reply.status(404).send({});
    if (revoked.has(request.params.id)) return reply.status(410).send({ revoked: true });
    return reply.status(200).header('content-type', 'image/png').send(TEST_PNG);
  });
  fastify.get<{ Params: { id: string } }>('/public/assertions/:id', async (request, reply) => {
    if (ob3Only.has(request.params.id)) return reply.status(404).send({});
    const id = `https://badges.example.org/public/assertions/${request.params.id}`;
    return reply.status(200).header('content-type', 'application/ld+json').send({ '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id, ...(revoked.has(request.params.id) ? { revoked: true } : {}) });
  });
  // Every award of the test app is of `badgeclass1`: an English badge class with a French edition, as the issuer publishes one.
  fastify.get<{ Params: { id: string }; Querystring: { lang?: string } }>('/public/badges/:id', async (request, reply) => {
    if (request.params.id !== 'badgeclass1') return reply.status(404).send({});
    const base = `${TEST_BADGE_ORIGIN}/public/badges/badgeclass1`;
    const common = { '@context': 'https://w3id.org/openbadges/v2', type: 'BadgeClass', issuer: `${TEST_BADGE_ORIGIN}/public/issuers/issuer1`, image: `${base}/image` };
    const french = { ...common, id: `${base}?lang=fr`, '@language': 'fr', name: 'Sécurité au labo', description: 'Travaille en sécurité.', criteria: { narrative: 'A réussi le test.' }, related: [{ id: base, '@language': 'en' }] };
    const english = { ...common, id: base, '@language': 'en', name: 'Lab Safety', description: 'Works safely.', criteria: { narrative: 'Passed the test.' }, related: [{ id: `${base}?lang=fr`, '@language': 'fr' }] };
    return reply.status(200).header('content-type', 'application/ld+json').send(request.query.lang === 'fr' ? french : english);
  });
  await fastify.ready();
  return { client: new InProcessServiceClient('issuer', fastify), fastify, revoked, credentials, ob3Only };
}
