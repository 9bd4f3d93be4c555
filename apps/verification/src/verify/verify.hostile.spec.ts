import { CompactSign, importPKCS8 } from 'jose';

import { bakePng } from '@badges/openbadges';

import { makeBadgeTestPng, openBadgesItxt } from '../testing/badge-test-data';
import { BadgeServer, hostBadge, rsaKeyPair } from '../testing/badge-server';
import { startVerificationTestApp, type VerificationTestApp, type VerifyAnswer } from '../testing/verification-test-app';

/**
 * Hostile input (issue #5): every case is refused with a clear 4xx or a report message, never a
 * 5xx, and nothing we refuse is ever contacted. The badge server sits on 127.0.0.2, the only
 * private address this service is told it may reach (VERIFY_ALLOWED_PRIVATE_ADDRESSES); a
 * "victim" server on 127.0.0.1 proves that refused addresses get no connection.
 */
describe('POST /v2/verify refuses hostile input', () => {
  let service: VerificationTestApp;
  let badges: BadgeServer;
  let victim: BadgeServer;

  beforeAll(async () => {
    badges = await BadgeServer.start('127.0.0.2');
    victim = await BadgeServer.start('127.0.0.1');
    victim.json('/assertion', { secret: 'internal' });
    service = await startVerificationTestApp({ VERIFY_ALLOWED_PRIVATE_ADDRESSES: '127.0.0.2', VERIFY_FETCH_TIMEOUT_MS: '1000', VERIFY_CACHE_TTL_SECONDS: '0' });
  });
  afterAll(async () => {
    await service.close();
    await badges.close();
    await victim.close();
  });
  afterEach(() => expect(victim.requests).toEqual([]));

  const fetchError = (json: VerifyAnswer) => json.report.messages.find((m) => m.code === 'FETCH_HTTP_NODE' && m.level === 'ERROR');

  it.each([
    ['loopback', () => victim.url('/assertion'), /loopback/],
    ['private 10.x', () => 'http://10.1.2.3/assertion', /private/],
    ['cloud metadata', () => 'http://169.254.169.254/latest/meta-data/', /link-local/],
    ['IPv6 loopback', () => 'http://[::1]/assertion', /loopback/],
  ])('a URL to a %s address is a report message, and nothing is fetched', async (_name, url, why) => {
    const { status, json } = await service.verify({ url: url() });
    expect(status).toBe(200);
    expect(json.report.valid).toBe(false);
    expect(fetchError(json)?.message).toMatch(why);
    expect(fetchError(json)?.message).toMatch(/ask the issuer for a public link/);
  });

  it.each(['file:///etc/passwd', 'gopher://127.0.0.1:70/_x', 'ftp://example.org/badge.json'])('a %s URL is a 400 on the url field', async (url) => {
    const { status, json } = await service.verify({ url });
    expect(status).toBe(400);
    expect(json.error).toMatchObject({ code: 'validation_failed', field: 'url' });
  });

  it.each([
    ['loopback', () => victim.url('/assertion')],
    ['metadata', () => 'http://169.254.169.254/latest/meta-data/'],
    ['10.x', () => 'http://10.0.0.1/'],
    ['[::1]', () => 'http://[::1]:1/'],
    ['file:', () => 'file:///etc/passwd'],
    ['gopher:', () => 'gopher://127.0.0.1:70/'],
  ])('a redirect to %s is refused', async (_name, target) => {
    badges.routes.set('/redirect', (_req, res) => res.writeHead(302, { location: target() }).end());
    const { status, json } = await service.verify({ url: badges.url('/redirect') });
    expect(status).toBe(200);
    expect(fetchError(json)?.message).toMatch(/redirect was refused/i);
  });

  it('a 100 MB response is refused before it is read, announced or not', async () => {
    badges.routes.set('/huge', (_req, res) => res.writeHead(200, { 'content-length': String(100 * 1024 * 1024) }).end());
    let written = 0;
    badges.routes.set('/stream', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const block = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (written < 100 * 1024 * 1024 && res.write(block)) written += block.length;
      };
      res.on('drain', pump);
      res.on('close', () => res.off('drain', pump));
      pump();
    });
    for (const path of ['/huge', '/stream']) {
      const { status, json } = await service.verify({ url: badges.url(path) });
      expect(status).toBe(200);
      expect(fetchError(json)?.message).toMatch(/larger than|too large|exceeds/i);
    }
    expect(written).toBeLessThan(20 * 1024 * 1024);
  });

  it('a gzip bomb is refused after decompressing no more than the cap', async () => {
    const { gzipSync } = await import('node:zlib');
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20));
    badges.routes.set('/bomb', (_req, res) => res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(bomb));
    const { status, json } = await service.verify({ url: badges.url('/bomb') });
    expect(status).toBe(200);
    expect(fetchError(json)?.message).toMatch(/larger than|too large|exceeds/i);
  });

  it('a slow drip hits the time limit', async () => {
    badges.routes.set('/drip', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 100);
      res.on('close', () => clearInterval(timer));
    });
    const started = Date.now();
    const { status, json } = await service.verify({ url: badges.url('/drip') });
    expect(status).toBe(200);
    expect(fetchError(json)?.message).toMatch(/did not answer completely within 1000 ms\. The issuer's server did not respond in time; try again later\.$/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('a PNG whose iTXt chunk claims a bogus length is a report message', async () => {
    const png = makeBadgeTestPng();
    const bogus = Buffer.concat([Buffer.from([0x7f, 0xff, 0xff, 0xf0]), Buffer.from('iTXt'), Buffer.from('openbadges\0\0\0\0\0http://x')]);
    const image = Buffer.concat([png.subarray(0, 33), bogus, png.subarray(33)]);
    const { status, json } = await service.verify(image, 'image/png');
    expect(status).toBe(200);
    expect(json.report.messages[0]).toMatchObject({ code: 'DETECT_INPUT_TYPE', level: 'ERROR' });
    expect(json.report.messages[0].message).toMatch(/could not be checked/);
  });

  it('a PNG with a huge iTXt chunk (1.5 MB of text) is a report message', async () => {
    const image = makeBadgeTestPng([openBadgesItxt('x'.repeat(1.5 * 1024 * 1024))]);
    const { status, json } = await service.verify(image, 'image/png');
    expect(status).toBe(200);
    expect(json.report.messages[0]).toMatchObject({ code: 'DETECT_INPUT_TYPE', level: 'ERROR' });
  });

  it('a PNG with a zlib bomb in its compressed iTXt is a report message, fast', async () => {
    const image = makeBadgeTestPng([openBadgesItxt(Buffer.alloc(32 * 1024 * 1024, 0x41), true)]);
    expect(image.length).toBeLessThan(2 * 1024 * 1024);
    const started = Date.now();
    const { status, json } = await service.verify(image, 'image/png');
    expect(status).toBe(200);
    expect(json.report.messages[0]).toMatchObject({ code: 'DETECT_INPUT_TYPE', level: 'ERROR' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('an SVG with an XXE entity is refused without resolving it', async () => {
    const svg = `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "${victim.url('/assertion')}">]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="&xxe;"/></svg>`;
    const { status, json } = await service.verify(Buffer.from(svg), 'image/svg+xml');
    expect(status).toBe(200);
    expect(json.report.valid).toBe(false);
    expect(json.report.messages[0]).toMatchObject({ code: 'DETECT_INPUT_TYPE', level: 'ERROR' });
  });

  it('a JSON-LD document with a foreign @context is refused and the context is never fetched', async () => {
    const { assertion } = hostBadge(badges);
    const foreign = { ...assertion, '@context': badges.url('/evil-context') };
    const { status, json } = await service.verify({ json: foreign });
    expect(status).toBe(200);
    expect(json.report.messages.find((m) => m.code === 'JSONLD_COMPACT_DATA')?.message).toMatch(/not an Open Badges context/);
    expect(badges.requests).not.toContain('/evil-context');
  });

  describe('signed badges', () => {
    const issuerKey = rsaKeyPair();
    const attackerKey = rsaKeyPair();
    let payload: Record<string, unknown>;

    beforeAll(() => {
      const keyUrl = badges.url('/key');
      const hosted = hostBadge(badges, { verification: { type: 'signed', creator: keyUrl }, publicKey: keyUrl });
      payload = hosted.assertion;
      badges.json('/key', { '@context': 'https://w3id.org/openbadges/v2', type: 'CryptographicKey', id: keyUrl, owner: hosted.ids.issuer, publicKeyPem: issuerKey.publicKeyPem });
      badges.json('/attacker-key', { '@context': 'https://w3id.org/openbadges/v2', type: 'CryptographicKey', id: badges.url('/attacker-key'), owner: hosted.ids.issuer, publicKeyPem: attackerKey.publicKeyPem });
    });

    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

    it('the genuine signature verifies (control)', async () => {
      const jws = await new CompactSign(Buffer.from(JSON.stringify(payload))).setProtectedHeader({ alg: 'RS256' }).sign(await importPKCS8(issuerKey.privateKeyPem, 'RS256'));
      const { json } = await service.verify({ json: jws });
      expect(json.report).toMatchObject({ valid: true, errorCount: 0 });
    });

    it('alg none is refused', async () => {
      const jws = `${encode({ alg: 'none' })}.${encode(payload)}.`;
      const { status, json } = await service.verify({ json: jws });
      expect(status).toBe(200);
      expect(json.report.valid).toBe(false);
      expect(json.report.messages.find((m) => m.code === 'VERIFY_JWS')?.message).toMatch(/"none", which is not accepted/);
    });

    it('HS256 with the public key as the secret is refused', async () => {
      const secret = new TextEncoder().encode(issuerKey.publicKeyPem);
      const jws = await new CompactSign(Buffer.from(JSON.stringify(payload))).setProtectedHeader({ alg: 'HS256' }).sign(secret);
      const { json } = await service.verify({ json: jws });
      expect(json.report.valid).toBe(false);
      expect(json.report.messages.find((m) => m.code === 'VERIFY_JWS')?.message).toMatch(/"HS256", which is not accepted/);
    });

    it('a kid naming another key does not choose the key: the issuer key is used, and the signature fails', async () => {
      const jws = await new CompactSign(Buffer.from(JSON.stringify(payload)))
        .setProtectedHeader({ alg: 'RS256', kid: badges.url('/attacker-key') })
        .sign(await importPKCS8(attackerKey.privateKeyPem, 'RS256'));
      const { json } = await service.verify({ json: jws });
      expect(json.report.valid).toBe(false);
      expect(json.report.messages.find((m) => m.code === 'VERIFY_JWS')?.message).toMatch(/not valid/);
      expect(badges.requests).not.toContain('/attacker-key');
    });
  });

  it('deeply nested JSON is a 400, inline or as JSON text', async () => {
    // Built as text: JSON.stringify itself would overflow on an object this deep.
    const nested = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    // Inline, the body parser refuses it before parsing (service-kit's depth budget), so no field is known yet.
    const inline = await service.verify(`{"json":${nested}}`);
    expect(inline.status).toBe(400);
    expect(inline.json.error).toMatchObject({ code: 'validation_failed' });
    const asText = await service.verify(JSON.stringify({ json: nested }));
    expect(asText.status).toBe(400);
    expect(asText.json.error).toMatchObject({ code: 'validation_failed', field: 'json' });
  });

  it('a wide document (more values than any badge) is a 400 inline, and a report message when hosted or signed', async () => {
    // 40,000 evidence items: JSON-LD compaction of this held the event loop for over 2 s.
    const wide = { '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: badges.url('/wide'), evidence: Array.from({ length: 40_000 }, (_, i) => ({ narrative: `e${i}` })) };
    const inline = await service.verify({ json: wide });
    expect(inline.status).toBe(400);
    expect(inline.json.error).toMatchObject({ code: 'validation_failed', field: 'json', message: expect.stringMatching(/more than 2000 values/) });

    badges.json('/wide', wide);
    const hosted = await service.verify({ url: badges.url('/wide') });
    expect(hosted.status).toBe(200);
    expect(hosted.json.report.messages).toEqual([expect.objectContaining({ code: 'FETCH_HTTP_NODE', message: expect.stringMatching(/more than 2000 values, far more than any badge/) })]);

    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const signed = await service.verify({ json: `${encode({ alg: 'RS256' })}.${encode(wide)}.${encode('not a signature')}` });
    expect(signed.status).toBe(200);
    expect(signed.json.report.valid).toBe(false);
    expect(signed.json.report.messages.map((m) => m.message).join(' ')).toMatch(/more than 2000 values/);
  });

  it('a deeply nested hosted document is a report message', async () => {
    badges.routes.set('/nested', (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000)));
    const { status, json } = await service.verify({ url: badges.url('/nested') });
    expect(status).toBe(200);
    expect(json.report.messages).toEqual([expect.objectContaining({ code: 'FETCH_HTTP_NODE', message: expect.stringMatching(/nested more than 32 levels deep/) })]);
  });

  it('malformed requests are 4xx with a machine-readable body', async () => {
    expect((await service.verify({})).json.error).toMatchObject({ code: 'validation_failed' });
    expect((await service.verify({ url: badges.url('/a'), json: '{}' })).json.error).toMatchObject({ code: 'validation_failed' });
    expect((await service.verify({ json: '{not json' })).json.error).toMatchObject({ code: 'invalid_json', field: 'json' });
    expect((await service.verify({ url: badges.url('/a'), expected_recipient: 'not an identifier' })).json.error).toMatchObject({ field: 'expected_recipient' });
    const jpeg = await service.verify(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]), 'image/png');
    expect(jpeg).toMatchObject({ status: 400, json: { error: { code: 'invalid_image', field: 'image' } } });
    const text = await service.verify('hello', 'text/plain');
    expect(text).toMatchObject({ status: 415, json: { error: { code: 'unsupported_media_type' } } });
    const broken = await service.verify('--x\r\nno headers', 'multipart/form-data; boundary=x');
    expect(broken).toMatchObject({ status: 400, json: { error: { code: 'validation_failed' } } });
  });

  it('a baked PNG with a hosted URL verifies (control for the image path)', async () => {
    const { ids } = hostBadge(badges);
    const { json } = await service.verify(bakePng(makeBadgeTestPng(), ids.assertion), 'image/png');
    expect(json.report).toMatchObject({ valid: true, errorCount: 0 });
  });
});
