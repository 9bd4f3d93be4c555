import Fastify, { type FastifyInstance } from 'fastify';

import { registerWebSessionHook } from './web-session.hook';

describe('the web session hook', () => {
  let fastify: FastifyInstance;
  const seen = (headers: Record<string, string>) => fastify.inject({ method: 'GET', url: '/echo', headers }).then((r) => r.json().authorization as string | null);

  beforeAll(async () => {
    fastify = Fastify();
    // Declared before the hook, as Nest's routes are: the hook still covers it.
    fastify.get('/echo', async (request) => ({ authorization: request.headers.authorization ?? null }));
    registerWebSessionHook(fastify, false);
    await fastify.ready();
  });
  afterAll(() => fastify.close());

  it('turns the named session cookie into a bearer token', async () => {
    expect(await seen({ cookie: 'badges-learner=lp_abc; badges-staff=eyJ.staff', 'x-badges-session': 'learner' })).toBe('Bearer lp_abc');
    expect(await seen({ cookie: 'badges-learner=lp_abc; badges-staff=eyJ.staff', 'x-badges-session': 'staff' })).toBe('Bearer eyJ.staff');
  });

  it('ignores a cookie without the custom header, as a cross-site request would send it', async () => {
    expect(await seen({ cookie: 'badges-learner=lp_abc' })).toBeNull();
    expect(await seen({ cookie: 'badges-learner=lp_abc', 'x-badges-session': 'admin' })).toBeNull();
  });

  it('ignores the header without a cookie of its kind', async () => {
    expect(await seen({ 'x-badges-session': 'learner' })).toBeNull();
    expect(await seen({ cookie: 'badges-staff=eyJ.staff', 'x-badges-session': 'learner' })).toBeNull();
    expect(await seen({ cookie: 'badges-learner=', 'x-badges-session': 'learner' })).toBeNull();
  });

  it('lets an explicit Authorization header win', async () => {
    expect(await seen({ authorization: 'Bearer mine', cookie: 'badges-learner=lp_abc', 'x-badges-session': 'learner' })).toBe('Bearer mine');
  });

  it('reads only the __Host- cookie when the platform is served over https', async () => {
    const secure = Fastify();
    secure.get('/echo', async (request) => ({ authorization: request.headers.authorization ?? null }));
    registerWebSessionHook(secure, true);
    const call = (cookie: string) => secure.inject({ method: 'GET', url: '/echo', headers: { cookie, 'x-badges-session': 'learner' } }).then((r) => r.json().authorization);
    expect(await call('badges-learner=lp_plain')).toBeNull();
    expect(await call('__Host-badges-learner=lp_host')).toBe('Bearer lp_host');
    await secure.close();
  });
});
