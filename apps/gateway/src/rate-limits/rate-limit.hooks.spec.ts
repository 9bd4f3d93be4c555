import Fastify, { type FastifyInstance, type InjectOptions } from 'fastify';
import { z } from 'zod';

import { loadConfig } from '@badges/service-kit';

import { REDIS_URL, uniquePrefix } from '../testing/limiter-stores';
import { RATE_LIMIT_ENV } from './rate-limit.config';
import { registerRateLimits } from './rate-limit.hooks';

const SMALL_LIMITS = {
  RATE_LIMIT_VERIFY_PER_IP: '3/60',
  RATE_LIMIT_SIGN_IN_PER_IP: '100/60',
  RATE_LIMIT_SIGN_IN_FREE_FAILURES: '2',
  RATE_LIMIT_SIGN_IN_BACKOFF_SECONDS: '1',
  RATE_LIMIT_SIGN_IN_BACKOFF_MAX_SECONDS: '8',
  RATE_LIMIT_SIGNUP_PER_IP: '100/60',
  RATE_LIMIT_SIGNUP_PER_EMAIL: '2/60',
  RATE_LIMIT_OAUTH_TOKEN_FAILURES_PER_CLIENT: '3/60',
  RATE_LIMIT_SSO_PER_IP: '3/60',
  RATE_LIMIT_VERIFY_READS_PER_IP: '2/60',
  RATE_LIMIT_BADGR_IMPORT_PER_LEARNER: '2/60',
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Stand-ins for the services: the limits only look at the route, the body and the status. */
async function appWithLimits(env: Record<string, string>, trustProxy: boolean | number = false): Promise<FastifyInstance> {
  const app = Fastify({ trustProxy });
  await registerRateLimits(app, loadConfig('gateway', z.object(RATE_LIMIT_ENV), { ...SMALL_LIMITS, RATE_LIMIT_PREFIX: uniquePrefix(), ...env }));
  app.post('/v2/verify', async () => ({ ok: true }));
  app.post('/v2/auth/signup', async (_request, reply) => reply.code(201).send({ ok: true }));
  app.post('/v2/auth/token', async (request, reply) => ((request.body as { password?: string }).password === 'right' ? { access_token: 't' } : reply.code(401).send({ wrong: true })));
  app.post('/v2/users/self/merge', async (request, reply) => ((request.body as { password?: string }).password === 'right' ? { merged: true } : reply.code(401).send({ wrong: true })));
  app.post('/o/token', async (request, reply) => ((request.body as { client_secret?: string }).client_secret === 'right' ? { access_token: 't' } : reply.code(401).send({ wrong: true })));
  app.post('/web/session/learner', async (request, reply) => reply.code((request.body as { password?: string }).password === 'right' ? 204 : 401).send());
  app.get('/web/sso/start', async (_request, reply) => reply.code(302).header('location', 'https://provider.example/authorize').send());
  app.get('/web/sso/callback', async (_request, reply) => reply.code(302).header('location', '/console').send());
  app.get('/public/assertions/:id', async () => ({ ok: true }));
  app.post('/v2/backpack/badgr-imports', async (_request, reply) => reply.code(202).send({ ok: true }));
  app.get('/v2/verify/*', async () => ({ ok: true }));
  app.post('/web/session/staff', async (request, reply) => reply.code((request.body as { client_secret?: string }).client_secret === 'right' ? 204 : 401).send());
  await app.ready();
  return app;
}

describe.each<{ name: string; env: Record<string, string> }>([
  { name: 'memory', env: {} },
  { name: 'redis', env: { REDIS_URL } },
])('rate limit hooks ($name)', ({ env }) => {
  let app: FastifyInstance;
  afterEach(() => app?.close());

  const post = (url: string, body: object, extra: Partial<InjectOptions> = {}) => app.inject({ method: 'POST', url, payload: body, remoteAddress: '203.0.113.7', ...extra });
  const signIn = (password: string, remoteAddress = '203.0.113.7') => post('/v2/auth/token', { username: 'Ada@Example.org', password }, { remoteAddress });

  it('answers 429 with whole-second Retry-After and the envelope once an IP spends its window, on any spelling of the path', async () => {
    app = await appWithLimits(env);
    // The stand-in router 404s the odd spellings a service's router may accept; they count all the same.
    for (const url of ['/v2/verify', '/v2//verify/', '/V2/%76erify?x=1']) expect((await post(url, {})).statusCode).not.toBe(429);
    const refused = await post('/v2/verify', {});
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(50);
    expect(refused.json()).toMatchObject({ status: { success: false }, error: { code: 'rate_limited', message: expect.stringMatching(/Try again in \d+ seconds/) } });
    expect((await post('/v2/verify', {}, { remoteAddress: '198.51.100.1' })).statusCode).toBe(200);
  });

  it('limits single sign-on’s start and callback together per IP, and no other GET', async () => {
    app = await appWithLimits(env);
    const get = (url: string, remoteAddress = '203.0.113.7') => app.inject({ method: 'GET', url, remoteAddress });
    expect((await get('/web/sso/start?email=ada@college.example')).statusCode).toBe(302);
    expect((await get('/web/sso/callback?code=c&state=s')).statusCode).toBe(302);
    expect((await get('/web/sso/start?email=bo@college.example')).statusCode).toBe(302);
    const refused = await get('/web/sso/callback?code=c&state=s');
    expect([refused.statusCode, refused.json().error.code]).toEqual([429, 'rate_limited']);
    expect((await get('/web/sso/start?email=ada@college.example', '198.51.100.1')).statusCode).toBe(302);
    for (let read = 0; read < 5; read += 1) expect((await get('/public/assertions/a1')).statusCode).toBe(200);
  });

  it('limits the verifier’s forwarded reads (its image proxy) per IP, by the route matched, whatever the spelling', async () => {
    app = await appWithLimits(env);
    const get = (url: string) => app.inject({ method: 'GET', url, remoteAddress: '203.0.113.9' });
    expect((await get('/v2/verify/image?url=https://issuer.example/a.png')).statusCode).toBe(200);
    expect((await get('/v2/verify/%69mage?url=https://issuer.example/b.png')).statusCode).toBe(200);
    expect((await get('/v2/verify/image?url=https://issuer.example/c.png')).statusCode).toBe(429);
  });

  it('limits Badgr backpack imports per learner (their bearer token), from any address', async () => {
    app = await appWithLimits(env);
    const start = (token: string, remoteAddress: string) => post('/v2/backpack/badgr-imports', { badgrUrl: 'https://api.badgr.example' }, { remoteAddress, headers: { authorization: `Bearer ${token}` } });
    expect((await start('lp_ada', '203.0.113.7')).statusCode).toBe(202);
    expect((await start('lp_ada', '198.51.100.1')).statusCode).toBe(202);
    const refused = await start('lp_ada', '198.51.100.2');
    expect([refused.statusCode, refused.json().error.message]).toEqual([429, expect.stringContaining('Too many requests for this account')]);
    expect((await start('lp_bo', '203.0.113.7')).statusCode).toBe(202);
  });

  it('counts IPv6 clients per /64, so rotating addresses inside one subscriber prefix gains nothing', async () => {
    app = await appWithLimits(env);
    for (let index = 1; index <= 3; index += 1) expect((await post('/v2/verify', {}, { remoteAddress: `2001:db8:1:2::${index}` })).statusCode).toBe(200);
    expect((await post('/v2/verify', {}, { remoteAddress: '2001:db8:1:2:ffff::9' })).statusCode).toBe(429);
    expect((await post('/v2/verify', {}, { remoteAddress: '2001:db8:1:3::1' })).statusCode).toBe(200);
  });

  it('ignores X-Forwarded-For unless a proxy is trusted', async () => {
    app = await appWithLimits(env);
    for (let index = 0; index < 3; index += 1) await post('/v2/verify', {}, { headers: { 'x-forwarded-for': `192.0.2.${index}` } });
    expect((await post('/v2/verify', {}, { headers: { 'x-forwarded-for': '192.0.2.99' } })).statusCode).toBe(429);
    await app.close();

    app = await appWithLimits(env, 1); // one trusted hop: the proxy's X-Forwarded-For names the client
    for (let index = 0; index < 3; index += 1) await post('/v2/verify', {}, { headers: { 'x-forwarded-for': '192.0.2.1' } });
    expect((await post('/v2/verify', {}, { headers: { 'x-forwarded-for': '192.0.2.1' } })).statusCode).toBe(429);
    expect((await post('/v2/verify', {}, { headers: { 'x-forwarded-for': '192.0.2.2' } })).statusCode).toBe(200);
  });

  it('backs wrong passwords off from the service 401s, and a right password after the wait signs in and resets', async () => {
    app = await appWithLimits(env);
    expect((await signIn('wrong')).statusCode).toBe(401);
    expect((await signIn('wrong')).statusCode).toBe(401);
    expect((await signIn('wrong')).statusCode).toBe(401); // the third in a row: 1 s
    const refused = await signIn('right');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.json().error.code).toBe('rate_limited');
    expect((await signIn('right', '198.51.100.1')).statusCode).toBe(200); // another IP is not held back

    await sleep(1100);
    expect((await signIn('wrong')).statusCode).toBe(401); // the fourth in a row: 2 s
    expect((await signIn('right')).headers['retry-after']).toBe('2');
    await sleep(2100);
    expect((await signIn('right')).statusCode).toBe(200);
    expect((await signIn('wrong')).statusCode).toBe(401); // the count started again
    expect((await signIn('wrong')).statusCode).toBe(401);
  });

  it('counts a wrong password on account merge against the same back-off as sign-in', async () => {
    app = await appWithLimits(env);
    expect((await signIn('wrong')).statusCode).toBe(401);
    expect((await post('/v2/users/self/merge', { username: 'ada@example.org', password: 'wrong' })).statusCode).toBe(401);
    expect((await signIn('wrong')).statusCode).toBe(401); // the third in a row, across both routes
    expect((await post('/v2/users/self/merge', { username: 'ada@example.org', password: 'right' })).statusCode).toBe(429);
  });

  it("counts the web app's cookie sign-ins on the same counters as the API's sign-ins", async () => {
    app = await appWithLimits(env);
    expect((await signIn('wrong')).statusCode).toBe(401);
    expect((await post('/web/session/learner', { username: 'ada@example.org', password: 'wrong' })).statusCode).toBe(401);
    expect((await signIn('wrong')).statusCode).toBe(401); // the third in a row, across both routes
    expect((await post('/web/session/learner', { username: 'ada@example.org', password: 'right' })).statusCode).toBe(429);
    for (let attempt = 0; attempt < 3; attempt++) {
      const route = attempt % 2 ? '/o/token' : '/web/session/staff';
      expect((await post(route, { client_id: 'client-1', client_secret: 'wrong' })).statusCode).toBe(401);
    }
    expect((await post('/web/session/staff', { client_id: 'client-1', client_secret: 'right' })).statusCode).toBe(429);
  });

  it('limits signups per address from any IP, and failed client secrets per client_id', async () => {
    app = await appWithLimits(env);
    expect((await post('/v2/auth/signup', { email: 'ada@example.org' })).statusCode).toBe(201);
    expect((await post('/v2/auth/signup', { email: ' ADA@example.org' }, { remoteAddress: '198.51.100.1' })).statusCode).toBe(201);
    expect((await post('/v2/auth/signup', { email: 'ada@example.org' }, { remoteAddress: '198.51.100.2' })).statusCode).toBe(429);
    expect((await post('/v2/auth/signup', { email: 'grace@example.org' })).statusCode).toBe(201);

    for (let index = 0; index < 3; index += 1) expect((await post('/o/token', { client_id: 'c1', client_secret: 'wrong' }, { remoteAddress: `198.51.100.${index}` })).statusCode).toBe(401);
    const basic = `Basic ${Buffer.from('c1:right').toString('base64')}`;
    expect((await post('/o/token', {}, { headers: { authorization: basic } })).statusCode).toBe(429);
    expect((await post('/o/token', { client_id: 'c2', client_secret: 'right' })).statusCode).toBe(200);
  });
});
