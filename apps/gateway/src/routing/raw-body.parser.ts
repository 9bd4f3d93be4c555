import type { FastifyInstance } from 'fastify';

/**
 * Bodies of any other content type (CSV bulk awards, multipart images, JSON-LD) are read as raw
 * bytes, within the same body limit, and forwarded untouched: the owning service parses them.
 */
export function registerRawBodyParser(fastify: FastifyInstance): void {
  fastify.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
}
