import { makeBadgeTestPng } from '../testing/badge-test-data';
import { BadgeServer } from '../testing/badge-server';
import { startVerificationTestApp, type VerificationTestApp } from '../testing/verification-test-app';
import { MAX_BADGE_IMAGE_BYTES } from './fetch-badge-image';

/** The verify page's image proxy against real (and hostile) upstream servers. */
describe('GET /v2/verify/image', () => {
  let service: VerificationTestApp;
  let upstream: BadgeServer;
  let privateHost: BadgeServer;
  const png = makeBadgeTestPng();

  beforeAll(async () => {
    upstream = await BadgeServer.start('127.0.0.2');
    privateHost = await BadgeServer.start('127.0.0.1');
    upstream.routes.set('/badge.png', (_req, res) => res.writeHead(200, { 'content-type': 'image/png', 'set-cookie': 'tracker=1' }).end(png));
    upstream.routes.set('/badge.svg', (_req, res) => res.writeHead(200, { 'content-type': 'image/svg+xml' }).end('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'));
    upstream.routes.set('/page.html', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<script>alert(1)</script>'));
    upstream.routes.set('/huge.png', (_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(MAX_BADGE_IMAGE_BYTES + 1024)));
    upstream.routes.set('/missing.png', (_req, res) => res.writeHead(404).end());
    upstream.routes.set('/to-private.png', (_req, res) => res.writeHead(302, { location: privateHost.url('/secret.png') }).end());
    privateHost.routes.set('/secret.png', (_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(png));
    service = await startVerificationTestApp({ VERIFY_ALLOWED_PRIVATE_ADDRESSES: '127.0.0.2' });
  });
  afterAll(async () => {
    await service.close();
    await upstream.close();
    await privateHost.close();
  });

  const get = (url: string | undefined) =>
    service.app.inject({ method: 'GET', url: `/v2/verify/image${url === undefined ? '' : `?url=${encodeURIComponent(url)}`}` });

  it('serves an image from an http:// issuer, inert, with nothing of the upstream but its bytes and type', async () => {
    const response = await get(upstream.url('/badge.png'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.rawPayload.equals(png)).toBe(true);
    expect(response.headers['content-security-policy']).toContain('sandbox');
    expect(response.headers['set-cookie']).toBeUndefined();
    const svg = await get(upstream.url('/badge.svg'));
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-security-policy']).toMatch(/default-src 'none'.*sandbox/);
  });

  it('refuses what is not an image, too large, missing, or on a private address (also by redirect)', async () => {
    const html = await get(upstream.url('/page.html'));
    expect(html.statusCode).toBe(422);
    expect(html.json()).toMatchObject({ error: { code: 'invalid_image' } });
    const huge = await get(upstream.url('/huge.png'));
    expect(huge.statusCode).toBe(422);
    expect(huge.json().error.message).toContain('larger than');
    expect((await get(upstream.url('/missing.png'))).statusCode).toBe(422);
    const direct = await get(privateHost.url('/secret.png'));
    expect(direct.statusCode).toBe(403);
    expect(direct.json()).toMatchObject({ error: { code: 'forbidden' } });
    expect((await get(upstream.url('/to-private.png'))).statusCode).toBe(403);
    expect(privateHost.requests).toEqual([]);
  });

  it('answers a missing or non-http address with a 400 naming the field', async () => {
    for (const url of [undefined, 'file:///etc/passwd', 'not a url', 'javascript:alert(1)']) {
      const response = await get(url);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: 'validation_failed', field: 'url' } });
    }
  });
});
