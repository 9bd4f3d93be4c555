import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

import { buildOpenApiDocument } from './openapi.document';

/**
 * Swagger UI at /docs, with every asset served from the installed package (no CDN, and the
 * online validator badge is off so the page makes no outside request), and the raw document at
 * /docs/openapi.json (also /docs/json, which the UI itself loads).
 */
export async function registerDocs(fastify: FastifyInstance, publicUrl: string): Promise<void> {
  const document = buildOpenApiDocument(publicUrl);
  await fastify.register(fastifySwagger, { mode: 'static', specification: { document: document as never } });
  await fastify.register(fastifySwaggerUi, {
    routePrefix: '/docs',
    uiConfig: { validatorUrl: null, deepLinking: false },
    // The UI runs script, so it brings its own CSP (its scripts by hash) in place of the no-script
    // page policy; without the upgrade, which would break it on a plain-http PUBLIC_URL.
    staticCSP: true,
    transformStaticCSP: (policy) => policy.replace(/\s*upgrade-insecure-requests;?/, ''),
  });
  const serialised = JSON.stringify(document);
  fastify.get('/docs/openapi.json', (_request, reply) => reply.type('application/json; charset=utf-8').header('cache-control', 'no-cache').send(serialised));
}
