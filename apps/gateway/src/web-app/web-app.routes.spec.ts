import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Fastify, { type FastifyInstance } from 'fastify';

import { registerWebApp } from './web-app.routes';

// @fastify/static requires content-disposition 3, which is ESM-only and does not load under jest
// (see gateway.app.spec.ts); only reply.download() uses it, which the web app never calls.
jest.mock('content-disposition', () => ({ create: (filename: string) => `attachment; filename="${encodeURIComponent(filename)}"` }));

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

  it('serves nothing when there is no build', async () => {
    const bare = Fastify();
    expect(await registerWebApp(bare, join(dir, 'missing'))).toBe(false);
    expect((await bare.inject({ url: '/' })).statusCode).toBe(404);
    await bare.close();
  });
});
