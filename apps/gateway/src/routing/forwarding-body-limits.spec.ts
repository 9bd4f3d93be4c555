import Fastify, { type FastifyInstance } from 'fastify';

import type { ServiceClient, ServiceRequest } from '@badges/service-kit';

import type { BearerAuth } from '../auth/bearer-auth';
import type { GatewayConfig } from '../config/gateway.config';
import { LARGE_BODY_ROUTES, type ForwardingRoute } from './forwarding-table';
import { ForwardingRoutes } from './forwarding.routes';
import { registerRawBodyParser } from './raw-body.parser';

/** Anonymous here so the test needs no token; the body limits are what is under test. */
const TABLE: ForwardingRoute[] = [{ prefix: '/v2/badgeclasses', service: 'issuer', access: 'anonymous' }];
const MB = 1024 * 1024;

describe('forwarding body limits', () => {
  let fastify: FastifyInstance;
  const received: ServiceRequest[] = [];

  beforeAll(async () => {
    const issuer: ServiceClient = {
      service: 'issuer',
      request: async (request) => {
        received.push(request);
        return { status: 202, headers: { 'content-type': 'application/json' }, body: Buffer.from('{}') };
      },
    };
    fastify = Fastify({ bodyLimit: 2 * MB });
    registerRawBodyParser(fastify);
    const routes = new ForwardingRoutes({} as BearerAuth, { issuer }, { PUBLIC_URL: 'http://gw.example', INTERNAL_TOKEN: 'internal-token-0123456789' } as GatewayConfig);
    routes.register(fastify, TABLE);
    await fastify.ready();
  });
  afterAll(async () => fastify.close());
  beforeEach(() => (received.length = 0));

  it('takes a bulk award upload over the 2 MB global limit and forwards it whole', async () => {
    const csv = Buffer.alloc(5 * MB, 'a');
    const response = await fastify.inject({ method: 'POST', url: '/v2/badgeclasses/abc/bulk-awards', headers: { 'content-type': 'text/csv' }, payload: csv });
    expect(response.statusCode).toBe(202);
    expect(received).toHaveLength(1);
    expect(received[0].url).toBe('/v2/badgeclasses/abc/bulk-awards');
    expect(Buffer.from(received[0].body as Buffer).equals(csv)).toBe(true);
  });

  it('refuses an upload over the bulk limit (50 MB), and keeps 2 MB on every other route', async () => {
    expect(LARGE_BODY_ROUTES[0].bodyLimit).toBe(50 * MB);
    const over = await fastify.inject({ method: 'POST', url: '/v2/badgeclasses/abc/bulk-awards', headers: { 'content-type': 'text/csv' }, payload: Buffer.alloc(50 * MB + 1, 'a') });
    expect(over.statusCode).toBe(413);
    const other = await fastify.inject({ method: 'POST', url: '/v2/badgeclasses/abc/assertions', headers: { 'content-type': 'text/csv' }, payload: Buffer.alloc(3 * MB, 'a') });
    expect(other.statusCode).toBe(413);
    const get = await fastify.inject({ method: 'GET', url: '/v2/badgeclasses/abc/bulk-awards' });
    expect(get.statusCode).toBe(202);
    expect(received).toHaveLength(1);
  });
});
