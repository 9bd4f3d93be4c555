import Fastify, { type FastifyInstance } from 'fastify';

import { CorsOriginsSchema } from './cors-origins';
import { registerCors } from './cors.policy';

const APP = 'https://console.example';

describe('the gateway CORS policy', () => {
  let fastify: FastifyInstance;

  beforeAll(async () => {
    fastify = Fastify();
    await registerCors(fastify, [APP]);
    for (const url of ['/v2/issuers', '/public/badges/:id', '/v2/verify']) fastify.route({ method: ['GET', 'POST'], url, handler: async () => ({ ok: true }) });
    await fastify.ready();
  });
  afterAll(() => fastify.close());

  const preflight = (url: string, origin: string, method = 'POST') =>
    fastify.inject({ method: 'OPTIONS', url, headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'authorization, content-type' } });

  it('answers a preflight from a configured origin on the API, bearer tokens allowed, cookies not', async () => {
    const response = await preflight('/v2/issuers', APP);
    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe(APP);
    expect(response.headers['access-control-allow-headers']).toContain('Authorization');
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    expect(response.headers.vary).toContain('Origin');
  });

  it('lets a configured origin read the paging headers of a list (OB 3.0 getCredentials)', async () => {
    const read = await fastify.inject({ method: 'GET', url: '/v2/issuers', headers: { origin: APP } });
    expect(read.headers['access-control-expose-headers']).toEqual(expect.stringContaining('Link'));
    expect(read.headers['access-control-expose-headers']).toEqual(expect.stringContaining('X-Total-Count'));
  });

  it('gives any other origin no permission on the API', async () => {
    const response = await preflight('/v2/issuers', 'https://evil.example');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    const read = await fastify.inject({ method: 'GET', url: '/v2/issuers', headers: { origin: 'https://evil.example' } });
    expect(read.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('lets any origin read public documents and ask /v2/verify, without credentials', async () => {
    const document = await preflight('/public/badges/abc', 'https://evil.example', 'GET');
    expect(document.statusCode).toBe(204);
    expect(document.headers['access-control-allow-origin']).toBe('*');
    expect(document.headers['access-control-allow-methods']).toBe('GET, HEAD');
    const verify = await preflight('/v2/verify', 'https://employer.example');
    expect(verify.headers['access-control-allow-origin']).toBe('*');
    expect(verify.headers['access-control-allow-methods']).toBe('POST');
    expect(verify.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('leaves an OPTIONS that is not a preflight to the routes', async () => {
    const response = await fastify.inject({ method: 'OPTIONS', url: '/v2/issuers' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('CORS_ALLOWED_ORIGINS', () => {
  it('is a comma-separated list of bare origins, empty by default', () => {
    expect(CorsOriginsSchema.parse(undefined)).toEqual([]);
    expect(CorsOriginsSchema.parse(' https://a.example, http://localhost:5173 ')).toEqual(['https://a.example', 'http://localhost:5173']);
  });

  it.each(['https://a.example/', 'https://a.example/path', 'ftp://a.example', '*'])('refuses %s', (value) => {
    expect(CorsOriginsSchema.safeParse(value).success).toBe(false);
  });
});
