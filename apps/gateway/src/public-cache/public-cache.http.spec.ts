import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';

import { createEvent, Topic } from '@badges/events';
import { sharedInProcessBus } from '@badges/messaging';
import { databaseTargets, openDatabase, type Database, type ScratchDatabase } from '@badges/persistence';
import { CACHE_HITS_PATH, loadConfig, PublicCacheHeader } from '@badges/service-kit';

import { GatewayConfigSchema } from '../config/gateway.config';
import { createGatewayApp } from '../gateway.app';
import { FakeIssuer } from '../testing/fake-issuer';

const config = loadConfig('gateway', GatewayConfigSchema, { SECRETS_ENCRYPTION_KEY: 'secrets-encryption-key-for-tests-0123456789', ADMIN_TOKEN: 'admin-token-for-tests-0123456789', INTERNAL_TOKEN: 'internal-token-for-tests', LOG_LEVEL: 'silent' });
const ASSERTION_PATH = '/public/assertions/AAAAAAAAAAAAAAAAAAAAAA';
const documentReply = (body: string, tags = 'assertion:AAAAAAAAAAAAAAAAAAAAAA badgeclass:BBBBBBBBBBBBBBBBBBBBBB issuer:IIIIIIIIIIIIIIIIIIIIII') => ({
  status: 200,
  headers: { 'content-type': 'application/ld+json; charset=utf-8', 'cache-control': 'public, max-age=60', vary: 'Accept', [PublicCacheHeader.Tags]: tags },
  body,
});

async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the public document cache in the gateway', () => {
  const [target] = databaseTargets();
  let scratch: ScratchDatabase;
  let database: Database;
  let app: NestFastifyApplication;
  let http: FastifyInstance;
  const issuer = new FakeIssuer();
  const reads = () => issuer.received.filter((r) => r.method === 'GET').length;
  // Each test reads its own URL (a query string apart), so no test meets another's entries.
  let testNumber = 0;
  let ASSERTION = ASSERTION_PATH;
  const get = (url = ASSERTION, headers: Record<string, string> = {}) => http.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    scratch = await target.create();
    database = await openDatabase(scratch.config);
    app = await createGatewayApp({ database, config, services: { issuer: issuer.client }, env: {} });
    http = app.getHttpAdapter().getInstance();
    await http.ready();
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
    await scratch?.dispose();
  });

  /** A client of a new institution: changes go through the gateway's authenticated routes. */
  async function staffToken(): Promise<string> {
    const created = await http.inject({ method: 'POST', url: '/admin/institutions', headers: { authorization: 'Bearer admin-token-for-tests-0123456789' }, payload: { name: 'Cache College' } });
    const { clientId, clientSecret } = created.json().client;
    const token = await http.inject({ method: 'POST', url: '/o/token', payload: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret } });
    return token.json().access_token;
  }

  beforeEach(() => {
    issuer.reset();
    testNumber += 1;
    ASSERTION = `${ASSERTION_PATH}?test=${testNumber}`;
  });

  it('answers a marked document again without asking the service, with an ETag, and never passes the internal headers on', async () => {
    issuer.reply = documentReply('{"id":"v1"}');
    const first = await get();
    const second = await get();
    expect(first.headers['x-cache']).toBe('MISS');
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.body).toBe('{"id":"v1"}');
    expect(reads()).toBe(1);
    expect(second.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers['cache-control']).toBe('public, max-age=60');
    expect(second.headers['x-content-type-options']).toBe('nosniff');
    expect(second.headers[PublicCacheHeader.Tags]).toBeUndefined();
    expect(first.headers[PublicCacheHeader.Tags]).toBeUndefined();
  });

  it('answers If-None-Match with 304 from memory, and the whole document when the ETag is old', async () => {
    issuer.reply = documentReply('{"id":"v1"}');
    const { headers } = await get();
    const notModified = await get(ASSERTION, { 'if-none-match': String(headers.etag) });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBe('');
    expect(notModified.headers.etag).toBe(headers.etag);
    // fetch() adds `Cache-Control: no-cache` to every conditional request: still a 304, from memory.
    const fromFetch = await get(ASSERTION, { 'if-none-match': String(headers.etag), 'cache-control': 'no-cache', pragma: 'no-cache' });
    expect([fromFetch.statusCode, fromFetch.headers['x-cache']]).toEqual([304, 'HIT']);
    const old = await get(ASSERTION, { 'if-none-match': '"an-old-etag"' });
    expect(old.statusCode).toBe(200);
    expect(old.body).toBe('{"id":"v1"}');
    expect(reads()).toBe(1);
    // The miss itself asks the service without the caller's If-None-Match, so it gets a body to keep.
    expect(issuer.received[0].headers['if-none-match']).toBeUndefined();
  });

  it('keeps each Accept and Accept-Language apart', async () => {
    issuer.reply = documentReply('{"id":"json"}');
    await get(ASSERTION, { accept: 'application/ld+json' });
    issuer.reply = documentReply('<html lang="fr">');
    const page = await get(ASSERTION, { accept: 'text/html', 'accept-language': 'fr' });
    const english = await get(ASSERTION, { accept: 'text/html', 'accept-language': 'en' });
    expect(page.body).toBe('<html lang="fr">');
    expect(english.headers['x-cache']).toBe('MISS');
    expect((await get(ASSERTION, { accept: 'application/ld+json' })).body).toBe('{"id":"json"}');
    expect(reads()).toBe(3);
  });

  it('drops a document when an event names what it is made of, on every tag it carries', async () => {
    issuer.reply = documentReply('{"revoked":false}');
    await get();
    issuer.reply = documentReply('{"revoked":true}');
    expect((await get()).body).toBe('{"revoked":false}');
    await sharedInProcessBus().publish([
      createEvent(Topic.AssertionRevoked, {
        institutionId: 'inst',
        correlationId: 'c',
        aggregateId: 'AAAAAAAAAAAAAAAAAAAAAA',
        payload: { assertionId: 'AAAAAAAAAAAAAAAAAAAAAA', assertionUrl: `http://localhost:3000${ASSERTION_PATH}`, badgeClassId: 'BBBBBBBBBBBBBBBBBBBBBB', issuerId: 'IIIIIIIIIIIIIIIIIIIIII', revocationReason: 'r', revokedAt: new Date().toISOString() },
      }),
    ]);
    await eventually(async () => (await get()).body === '{"revoked":true}');
    issuer.reply = documentReply('{"class":"edited"}');
    await sharedInProcessBus().publish([
      createEvent(Topic.BadgeClassUpdated, { institutionId: 'inst', correlationId: 'c', aggregateId: 'BBBBBBBBBBBBBBBBBBBBBB', payload: { badgeClassId: 'BBBBBBBBBBBBBBBBBBBBBB', issuerId: 'IIIIIIIIIIIIIIIIIIIIII', name: 'n', imageChanged: false } }),
    ]);
    await eventually(async () => (await get()).body === '{"class":"edited"}');
  });

  it('drops an assertion when an event says it was edited (PUT /v2/assertions/{id})', async () => {
    issuer.reply = documentReply('{"narrative":"first"}');
    await get();
    issuer.reply = documentReply('{"narrative":"revised"}');
    expect((await get()).body).toBe('{"narrative":"first"}');
    await sharedInProcessBus().publish([
      createEvent(Topic.AssertionUpdated, {
        institutionId: 'inst',
        correlationId: 'c',
        aggregateId: 'AAAAAAAAAAAAAAAAAAAAAA',
        payload: {
          assertionId: 'AAAAAAAAAAAAAAAAAAAAAA',
          assertionUrl: `http://localhost:3000${ASSERTION_PATH}`,
          badgeClassId: 'BBBBBBBBBBBBBBBBBBBBBB',
          issuerId: 'IIIIIIIIIIIIIIIIIIIIII',
          changed: ['narrative'],
          updatedAt: new Date().toISOString(),
        },
      }),
    ]);
    await eventually(async () => (await get()).body === '{"narrative":"revised"}');
  });

  it('drops what a change forwarded through it made stale before answering it, so its author reads it back at once', async () => {
    issuer.reply = documentReply('{"revoked":false}');
    await get();
    expect((await get()).headers['x-cache']).toBe('HIT');
    issuer.reply = { status: 200, headers: { 'content-type': 'application/json', [PublicCacheHeader.Stale]: 'assertion:AAAAAAAAAAAAAAAAAAAAAA' }, body: '{"revoked":true}' };
    const token = await staffToken();
    const change = await http.inject({ method: 'DELETE', url: '/v2/assertions/AAAAAAAAAAAAAAAAAAAAAA', headers: { authorization: `Bearer ${token}` }, payload: {} });
    expect(change.statusCode).toBe(200);
    expect(change.headers[PublicCacheHeader.Stale]).toBeUndefined();
    issuer.reply = documentReply('{"revoked":true}');
    expect((await get()).body).toBe('{"revoked":true}');
  });

  it('keeps nothing the service did not mark, nor errors', async () => {
    issuer.reply = { status: 200, headers: { 'content-type': 'application/json' }, body: '{"unmarked":true}' };
    await get('/public/unmarked');
    await get('/public/unmarked');
    issuer.reply = { status: 404, headers: { 'content-type': 'application/json', [PublicCacheHeader.Tags]: 'assertion:X' }, body: '{"error":"not_found"}' };
    await get('/public/missing');
    const again = await get('/public/missing');
    expect(again.statusCode).toBe(404);
    expect(reads()).toBe(4);
  });

  it('keeps an entry no longer than the max age the service gave it', async () => {
    issuer.reply = { ...documentReply('{"share":1}', 'share:SSSSSSSSSSSSSSSSSSSSSS'), headers: { ...documentReply('').headers, [PublicCacheHeader.Tags]: 'share:SSSSSSSSSSSSSSSSSSSSSS', [PublicCacheHeader.MaxAge]: '1' } };
    await get('/public/passport/shares/SSSSSSSSSSSSSSSSSSSSSS');
    expect((await get('/public/passport/shares/SSSSSSSSSSSSSSSSSSSSSS')).headers['x-cache']).toBe('HIT');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await get('/public/passport/shares/SSSSSSSSSSSSSSSSSSSSSS')).headers['x-cache']).toBe('MISS');
  });

  it('while one request fetches the successor of an expired entry, gives the others the expired one', async () => {
    const url = '/public/passport/shares/EEEEEEEEEEEEEEEEEEEEEE';
    const share = (body: string) => ({ ...documentReply(body), headers: { ...documentReply('').headers, [PublicCacheHeader.Tags]: 'share:EEEEEEEEEEEEEEEEEEEEEE', [PublicCacheHeader.MaxAge]: '1' } });
    issuer.reply = share('<html>first</html>');
    await get(url);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    issuer.reply = share('<html>second</html>');
    issuer.replyDelayMs = 200;
    const refreshing = get(url);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const meanwhile = await get(url);
    expect([meanwhile.headers['x-cache'], meanwhile.body]).toEqual(['HIT', '<html>first</html>']);
    expect([(await refreshing).headers['x-cache'], (await refreshing).body]).toEqual(['MISS', '<html>second</html>']);
    expect((await get(url)).body).toBe('<html>second</html>');
    expect(reads()).toBe(2);
  });

  it('reports the answers it gave from memory to the service that asked for a count', async () => {
    const url = '/public/passport/shares/CCCCCCCCCCCCCCCCCCCCCC';
    issuer.reply = { ...documentReply('<html>'), headers: { ...documentReply('').headers, [PublicCacheHeader.Tags]: 'share:CCCCCCCCCCCCCCCCCCCCCC', [PublicCacheHeader.CountHits]: 'share:CCCCCCCCCCCCCCCCCCCCCC' } };
    for (let i = 0; i < 5; i += 1) await get(url);
    await eventually(() => issuer.received.some((r) => r.method === 'POST' && r.url === CACHE_HITS_PATH));
    const report = issuer.received.find((r) => r.method === 'POST' && r.url === CACHE_HITS_PATH);
    // The first of the five reached the service itself (which counted it); four came from memory.
    expect(JSON.parse(report?.body.toString('utf8') ?? '{}')).toEqual({ hits: { 'share:CCCCCCCCCCCCCCCCCCCCCC': 4 } });
    expect(report?.headers['x-internal-token']).toBe('internal-token-for-tests');
  });

  it('asks the service once for a document many callers want at the same moment', async () => {
    issuer.reply = documentReply('{"id":"busy"}');
    issuer.replyDelayMs = 100;
    const answers = await Promise.all(Array.from({ length: 10 }, () => get()));
    expect(reads()).toBe(1);
    expect(answers.map((answer) => answer.body)).toEqual(Array(10).fill('{"id":"busy"}'));
    expect(answers.filter((answer) => answer.headers['x-cache'] === 'MISS')).toHaveLength(1);
  });

  it('lets those who waited ask for themselves when the answer was not kept', async () => {
    issuer.reply = { status: 404, headers: { 'content-type': 'application/json', [PublicCacheHeader.Tags]: 'assertion:X' }, body: '{"error":"not_found"}' };
    issuer.replyDelayMs = 50;
    const answers = await Promise.all(Array.from({ length: 3 }, () => get()));
    expect(answers.map((answer) => answer.statusCode)).toEqual([404, 404, 404]);
    expect(reads()).toBe(3);
  });

  describe('over a real socket, where the front door answers before Fastify', () => {
    let base: string;
    beforeAll(async () => {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = http.server.address();
      base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    });
    const IGNORED = new Set(['date', 'x-correlation-id', 'x-cache', 'connection', 'keep-alive']);
    const comparable = (headers: Headers | Record<string, unknown>) =>
      Object.fromEntries(Object.entries(headers instanceof Headers ? Object.fromEntries(headers) : headers).filter(([name]) => !IGNORED.has(name.toLowerCase())).map(([name, value]) => [name.toLowerCase(), String(value)]));

    it('answers with the same status, headers and bytes as a hit inside Fastify, CORS and inert-content headers included', async () => {
      issuer.reply = { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', vary: 'Accept, Accept-Language', [PublicCacheHeader.Tags]: 'assertion:AAAAAAAAAAAAAAAAAAAAAA' }, body: '<html>page</html>' };
      const miss = await fetch(`${base}${ASSERTION}`, { headers: { accept: 'text/html' } });
      const hit = await fetch(`${base}${ASSERTION}`, { headers: { accept: 'text/html', origin: 'https://employer.example' } });
      // fetch() sends `Accept-Language: *` of its own, part of the key.
      const injected = await get(ASSERTION, { accept: 'text/html', 'accept-language': '*' });
      expect([miss.headers.get('x-cache'), hit.headers.get('x-cache'), injected.headers['x-cache']]).toEqual(['MISS', 'HIT', 'HIT']);
      expect(await hit.text()).toBe('<html>page</html>');
      expect(comparable(hit.headers)).toEqual(comparable(injected.headers));
      expect(comparable(hit.headers)).toEqual(comparable(miss.headers));
      expect(hit.headers.get('access-control-allow-origin')).toBe('*');
      expect(hit.headers.get('vary')).toBe('Accept, Accept-Language, Origin');
      expect(hit.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(hit.headers.get('x-content-type-options')).toBe('nosniff');
      expect(hit.headers.get('x-correlation-id')).toMatch(/^[\w-]{8,}$/);
      expect(reads()).toBe(1);
    });

    it('answers /health before Fastify with what the route inside it answers', async () => {
      const [door, route] = [await fetch(`${base}/health`), await http.inject({ method: 'GET', url: '/health' })];
      expect([door.status, await door.text()]).toEqual([route.statusCode, route.body]);
      expect(comparable(door.headers)).toEqual(comparable(route.headers));
    });

    it('answers HEAD without a body and If-None-Match with a 304', async () => {
      issuer.reply = documentReply('{"id":"socket"}');
      const { headers } = await fetch(`${base}${ASSERTION}`);
      const head = await fetch(`${base}${ASSERTION}`, { method: 'HEAD' });
      expect([head.status, head.headers.get('x-cache'), head.headers.get('content-length'), await head.text()]).toEqual([200, 'HIT', '15', '']);
      const notModified = await fetch(`${base}${ASSERTION}`, { headers: { 'if-none-match': String(headers.get('etag')) } });
      expect([notModified.status, notModified.headers.get('x-cache'), notModified.headers.get('etag')]).toEqual([304, 'HIT', headers.get('etag')]);
      expect(notModified.headers.get('access-control-allow-origin')).toBe('*');
      expect(reads()).toBe(1);
    });
  });
});
