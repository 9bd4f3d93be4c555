import type { ServiceClient, ServiceRequest } from '@badges/service-kit';

import { BadgeServer } from '../testing/badge-server';
import { verificationAddressPolicy } from './address-allow-list';
import { DocumentFetcher } from './document-fetcher';
import { MemoryResponseCache } from './response-cache';

/** The fetcher against a real HTTP server: caching by TTL and Cache-Control, and our own badges via the issuer client. */
describe('DocumentFetcher', () => {
  let server: BadgeServer;
  let clock = 0;
  const options = (extra: Partial<ConstructorParameters<typeof DocumentFetcher>[0]> = {}) => ({
    cache: new MemoryResponseCache(100, () => clock),
    publicUrl: 'http://badges.test',
    cacheTtlSeconds: 60,
    timeoutMs: 2000,
    maxBytes: 1024 * 1024,
    allowPrivateNetwork: false,
    addressPolicy: verificationAddressPolicy(['127.0.0.2'], false),
    ...extra,
  });

  beforeAll(async () => (server = await BadgeServer.start('127.0.0.2')));
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
    clock = 1_000_000;
  });

  it('serves a document from the cache until its TTL has passed, then sees the change', async () => {
    const fetcher = new DocumentFetcher(options());
    server.json('/doc', { v: 1 });
    expect(JSON.parse((await fetcher.fetch(server.url('/doc'))).body)).toEqual({ v: 1 });
    server.json('/doc', { revoked: true }, 410);
    expect(JSON.parse((await fetcher.fetch(server.url('/doc'))).body)).toEqual({ v: 1 });
    clock += 61_000;
    expect(await fetcher.fetch(server.url('/doc'))).toMatchObject({ status: 410 });
    expect(server.requests).toEqual(['/doc', '/doc']);
  });

  it('reads a forgotten document afresh, and does not cache one whose fetch began before the forgetting', async () => {
    const fetcher = new DocumentFetcher(options());
    server.json('/badge', { v: 1 });
    await fetcher.fetch(server.url('/badge'));
    server.json('/badge', { revoked: true }, 410);
    await fetcher.forget(server.url('/badge'));
    expect(await fetcher.fetch(server.url('/badge'))).toMatchObject({ status: 410 });

    // A slow answer still carrying the old document, overtaken by a revocation event.
    let answer: () => void = () => undefined;
    server.routes.set('/slow', (_req, res) => (answer = () => res.writeHead(200, { 'content-type': 'application/ld+json' }).end('{"v":1}')));
    const inFlight = fetcher.fetch(server.url('/slow'));
    await waitUntil(() => server.requests.includes('/slow'));
    await fetcher.forget(server.url('/slow'));
    answer();
    expect(await inFlight).toMatchObject({ status: 200 });
    server.json('/slow', { revoked: true }, 410);
    expect(await fetcher.fetch(server.url('/slow'))).toMatchObject({ status: 410 });
  });

  it('shares one fetch among the verifications that miss the same document at once', async () => {
    const fetcher = new DocumentFetcher(options());
    let answer: () => void = () => undefined;
    server.routes.set('/popular', (_req, res) => (answer = () => res.writeHead(200, { 'content-type': 'application/ld+json' }).end('{"v":1}')));
    const readers = Array.from({ length: 10 }, () => fetcher.fetch(server.url('/popular')));
    await waitUntil(() => server.requests.includes('/popular'));
    answer();
    expect((await Promise.all(readers)).map((document) => document.body)).toEqual(Array(10).fill('{"v":1}'));
    expect(server.requests).toEqual(['/popular']);
  });

  it("honours the origin's Cache-Control: a shorter max-age, and no-store", async () => {
    const fetcher = new DocumentFetcher(options());
    server.json('/short', { v: 1 }, 200, { 'cache-control': 'max-age=5' });
    server.json('/never', { v: 1 }, 200, { 'cache-control': 'no-store' });
    await fetcher.fetch(server.url('/short'));
    await fetcher.fetch(server.url('/never'));
    await fetcher.fetch(server.url('/never'));
    clock += 6_000;
    await fetcher.fetch(server.url('/short'));
    expect(server.requests).toEqual(['/short', '/never', '/never', '/short']);
  });

  it('does not cache server errors', async () => {
    const fetcher = new DocumentFetcher(options());
    server.json('/flaky', {}, 503);
    await fetcher.fetch(server.url('/flaky'));
    await fetcher.fetch(server.url('/flaky'));
    expect(server.requests).toEqual(['/flaky', '/flaky']);
  });

  it('refuses a private address that is not on the allow-list', async () => {
    const fetcher = new DocumentFetcher(options({ addressPolicy: undefined }));
    await expect(fetcher.fetch(server.url('/doc'))).rejects.toMatchObject({ code: 'blocked_address' });
    expect(server.requests).toEqual([]);
  });

  it("reads this platform's public documents through the issuer client, and only those", async () => {
    const seen: ServiceRequest[] = [];
    const issuer: ServiceClient = {
      service: 'issuer',
      request: async (request) => {
        seen.push(request);
        return { status: 200, headers: { 'content-type': 'application/ld+json', 'cache-control': 'public, max-age=60' }, body: Buffer.from('{"id":"x"}') };
      },
    };
    const fetcher = new DocumentFetcher(options({ issuer }));
    expect(await fetcher.fetch('http://badges.test/public/assertions/abc?x=1')).toMatchObject({ status: 200, body: '{"id":"x"}' });
    expect(seen.map((r) => r.url)).toEqual(['/public/assertions/abc?x=1']);
    // A path that climbs out of /public is not ours: it goes to the network, where it is refused.
    await expect(fetcher.fetch('http://badges.test/public/../internal/institutions')).rejects.toBeDefined();
    expect(seen).toHaveLength(1);
  });

  it('reads our hosted endorsements and endorser profiles through the endorsement client', async () => {
    const seen: [string, string][] = [];
    const client = (service: string): ServiceClient => ({
      service,
      request: async (request) => {
        seen.push([service, request.url]);
        return { status: 200, headers: { 'content-type': 'application/ld+json' }, body: Buffer.from(`{"from":"${service}"}`) };
      },
    });
    const fetcher = new DocumentFetcher(options({ issuer: client('issuer'), endorsement: client('endorsement') }));
    await fetcher.fetch('http://badges.test/public/endorsements/e1');
    await fetcher.fetch('http://badges.test/public/endorsers/inst-b');
    await fetcher.fetch('http://badges.test/public/badges/b1');
    expect(seen).toEqual([
      ['endorsement', '/public/endorsements/e1'],
      ['endorsement', '/public/endorsers/inst-b'],
      ['issuer', '/public/badges/b1'],
    ]);
  });

  it("asks for another representation when told (a signed endorsement's JWS), and caches it apart from the JSON", async () => {
    const seen: string[] = [];
    const endorsement: ServiceClient = {
      service: 'endorsement',
      request: async (request) => {
        const accept = String(request.headers?.accept);
        seen.push(accept);
        const jose = accept === 'application/jose';
        return { status: 200, headers: { 'content-type': jose ? 'application/jose' : 'application/ld+json', 'cache-control': 'public, max-age=60' }, body: Buffer.from(jose ? 'a.b.c' : '{"id":"e1"}') };
      },
    };
    const fetcher = new DocumentFetcher(options({ endorsement }));
    const url = 'http://badges.test/public/endorsements/e1';
    expect((await fetcher.fetch(url)).body).toBe('{"id":"e1"}');
    expect((await fetcher.fetch(url, { accept: 'application/jose' })).body).toBe('a.b.c');
    expect((await fetcher.fetch(url)).body).toBe('{"id":"e1"}');
    expect((await fetcher.fetch(url, { accept: 'application/jose' })).body).toBe('a.b.c');
    expect(seen).toEqual([expect.stringContaining('application/ld+json'), 'application/jose']);

    // Over the network too: the Accept header is the one asked for.
    let remoteAccept: string | undefined;
    server.routes.set('/remote', (req, res) => {
      remoteAccept = req.headers.accept;
      res.writeHead(200, { 'content-type': 'application/jose' }).end('a.b.c');
    });
    expect((await fetcher.fetch(server.url('/remote'), { accept: 'application/jose' })).body).toBe('a.b.c');
    expect(remoteAccept).toBe('application/jose');
  });
});

async function waitUntil(condition: () => boolean): Promise<void> {
  for (let tries = 0; !condition(); tries++) {
    if (tries > 200) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
