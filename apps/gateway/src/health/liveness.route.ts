import type { FastifyInstance } from 'fastify';

const ALIVE = JSON.stringify({ status: 'ok' });

/**
 * Liveness: the process answers HTTP. It touches no database or service, so an orchestrator can
 * probe it often and a province's load balancers cannot make it the bottleneck (issue #14). A
 * plain Fastify route, outside Nest's per-request pipeline. Whether dependencies answer is `/ready`.
 */
export function registerLiveness(fastify: FastifyInstance): void {
  fastify.get('/health', (_request, reply) => {
    void reply.header('cache-control', 'no-store').type('application/json; charset=utf-8').send(ALIVE);
  });
}
