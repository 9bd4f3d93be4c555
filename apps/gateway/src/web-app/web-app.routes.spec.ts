import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Fastify, { type FastifyInstance } from 'fastify';

import { registerWebApp } from './web-app.routes';

describe('registerWebApp', () => {
  let dir: string;
  let fastify: FastifyInstance;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'web-app-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dir, 'assets/index-abc123.js'), 'console.log(1)');
    fastify = Fastify();
    // An API route under a prefix the app does not own, registered like the forwarding table's.
    fastify.get('/v2/verify', async () => ({ api: true }));
    // A forwarded public document that does not exist, answered by its service as JSON.
    fastify.get('/public/assertions/:id', async (_request, reply) => reply.code(404).header('content-length', '27').send({ error: { code: 'not_found' } }));
    expect(await registerWebApp(fastify, dir)).toBe(true);
  });

  afterAll(async () => {
    await fastify.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['/', '/verify', '/passport', '/passport/collections/abc', '/console/badge-classes', '/operator'])('answers the app path %s with index.html, not cached, behind a CSP', async (url) => {
    const response = await fastify.inject({ url });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.body).toContain('<div id="root"></div>');
  });

  it('serves hashed assets cached for good, and leaves other paths alone', async () => {
    const asset = await fastify.inject({ url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await fastify.inject({ url: '/v2/verify' })).json()).toEqual({ api: true });
    for (const url of ['/v2/unknown', '/public/nothing', '/assets/missing.js', '/verify/extra']) {
      expect((await fastify.inject({ url })).statusCode).toBe(404);
    }
  });

  it.each(['/nothing-here', '/passport-typo', '/public/assertions/unknown', '/verify/extra'])('answers a browser asking for the unknown page %s with the app (its "not found" page), still a 404', async (url) => {
    const response = await fastify.inject({ url, headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } });
    expect([response.statusCode, response.headers['content-type']]).toEqual([404, 'text/html; charset=utf-8']);
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-length']).toBe(String(Buffer.byteLength(response.body)));
    expect(response.body).toContain('<div id="root"></div>');
  });

  it('keeps the JSON 404 for API callers, and for methods other than GET', async () => {
    for (const accept of ['application/json', 'application/ld+json, text/html;q=0.5', '*/*']) {
      const response = await fastify.inject({ url: '/public/assertions/unknown', headers: { accept } });
      expect([response.statusCode, response.json()]).toEqual([404, { error: { code: 'not_found' } }]);
    }
    const posted = await fastify.inject({ method: 'POST', url: '/nothing-here', headers: { accept: 'text/html' } });
    expect([posted.statusCode, posted.headers['content-type']]).toEqual([404, 'application/json; charset=utf-8']);
  });

  it('serves nothing when there is no build', async () => {
    const bare = Fastify();
    expect(await registerWebApp(bare, join(dir, 'missing'))).toBe(false);
    expect((await bare.inject({ url: '/' })).statusCode).toBe(404);
    await bare.close();
  });
});
