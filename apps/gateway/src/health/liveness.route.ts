import type { IncomingMessage, ServerResponse } from 'node:http';

import type { FastifyInstance } from 'fastify';

import type { FrontDoor } from '@badges/service-kit';

import { CORS_VARY, PUBLIC_READ_CORS_HEADERS } from '../cors/cors.policy';

const ALIVE = JSON.stringify({ status: 'ok' });
const CONTENT_TYPE = 'application/json; charset=utf-8';
/** What the Fastify route's answer carries once the hooks ran (CORS without an Origin; nosniff). */
const ALIVE_HEADERS = [
  'cache-control', 'no-store',
  'content-type', CONTENT_TYPE,
  'content-length', String(Buffer.byteLength(ALIVE)),
  'x-content-type-options', 'nosniff',
  'vary', CORS_VARY,
  'access-control-expose-headers', PUBLIC_READ_CORS_HEADERS['access-control-expose-headers'],
];

/**
 * Liveness: the process answers HTTP. It touches no database or service, so an orchestrator can
 * probe it often and a province's load balancers cannot make it the bottleneck (issue #14). The
 * front door answers it before Fastify; the route answers the same for inject() and for a request
 * with an Origin (CORS decides what that gets). Whether dependencies answer is `/ready`.
 */
export function registerLiveness(fastify: FastifyInstance, frontDoor: FrontDoor): void {
  frontDoor.use(answerLiveness, '/health');
  fastify.get('/health', (_request, reply) => {
    void reply.header('cache-control', 'no-store').type(CONTENT_TYPE).send(ALIVE);
  });
}

function answerLiveness(request: IncomingMessage, response: ServerResponse): boolean {
  if (request.url !== '/health' || (request.method !== 'GET' && request.method !== 'HEAD') || request.headers.origin !== undefined) return false;
  response.writeHead(200, ALIVE_HEADERS);
  response.end(ALIVE);
  return true;
}
