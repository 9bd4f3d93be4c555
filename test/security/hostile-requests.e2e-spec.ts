import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ApiClient, type ApiResponse } from '../support/api-client';
import { freePort } from '../support/free-port';
import { startPlatformProcess, type PlatformProcess } from '../support/platform-process';
import { embeddedStorageTargets } from '../support/storage-targets';
import { pngDataUri } from '../support/tiny-png';

/**
 * Threat area: hostile requests at the edge (issue #13, findings 4, 5 and 6; CORS; inert content).
 *
 * Who: anyone on the internet, anonymous or holding an institution's API client or a learner's
 * account, and any web page a victim has open in their browser.
 * What they send: JSON nested 100,000 levels deep; text with a NUL or a lone surrogate in any
 * field; paths of 10,000 characters or that do not percent-decode; oversized headers and query
 * strings; odd Content-Types; multipart bodies of many parts; unknown routes and wrong methods;
 * cross-origin preflights; and badge images and pages they hope a browser will run as script.
 * To which routes: every route behind the gateway (the embedded default, `npm start`); the ones
 * named below stand for the rest.
 * What stops it: service-kit's createServiceApp, which every service and the gateway are built
 * on: a linear depth scan before JSON.parse (64 levels), one walk refusing NUL and lone
 * surrogates in path, query and body, a route fallback answering 404/405 with Allow, Fastify's
 * router and Node's HTTP parser errors rendered in the envelope, and nosniff plus a CSP chosen by
 * Content-Type on every answer; the gateway's @fastify/cors policy; and the gateway passing the
 * services' security headers through. Runs on PGlite and, with DATABASE_URL, on PostgreSQL.
 */
const CONSOLE_ORIGIN = 'https://console.example';
const IMAGE_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox";
const DEEP_JSON = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;

describe.each(embeddedStorageTargets())('hostile requests on $name', (target) => {
  let dataDir: string;
  let storage: { env: Record<string, string>; dispose(): Promise<void> };
  let platform: PlatformProcess;
  let anonymous: ApiClient;
  let api: ApiClient;
  let issuerId: string;
  let badgeClassId: string;
  let assertionId: string;
  let shareId: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'badges-hostile-e2e-'));
    storage = await target.env();
    const port = await freePort();
    const local = { DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${port}` };
    platform = await startPlatformProcess({ ...storage.env, ...local, CORS_ALLOWED_ORIGINS: CONSOLE_ORIGIN });
    anonymous = new ApiClient(platform.url);
    api = await anonymous.forNewInstitution(platform.adminToken, 'Northern College');
    issuerId = (await api.post('/v2/issuers', { name: 'Northern College', email: 'badges@northern.example', url: 'https://northern.example' })).body.result[0].entityId;
    const badgeClass = await api.post(`/v2/issuers/${issuerId}/badgeclasses`, { name: 'Welding', description: 'Safe welding.', image: pngDataUri(), criteriaNarrative: 'Passed.' });
    badgeClassId = badgeClass.body.result[0].entityId;
    assertionId = (await api.post(`/v2/badgeclasses/${badgeClassId}/assertions`, { recipient: { identity: 'learner@example.org' } })).body.result[0].entityId;

    expect((await anonymous.post('/v2/auth/signup', { email: 'ada@example.org', password: 'a long learner password', name: 'Ada' })).status).toBe(201);
    const learner = anonymous.withToken((await anonymous.post('/v2/auth/token', { username: 'ada@example.org', password: 'a long learner password' })).body.access_token);
    const collection = await learner.post('/v2/backpack/collections', { name: 'Robotics', description: 'What I built', assertions: [] });
    shareId = (await learner.post('/v2/backpack/shares', { type: 'collection', entityId: collection.body.result[0].entityId })).body.result[0].entityId;
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
    await storage?.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  function expectEnvelope(response: ApiResponse, status: number, code: string): void {
    expect({ status: response.status, body: response.body }).toMatchObject({ status, body: { status: { success: false }, result: [], error: { code } } });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  }

  describe('finding 4: JSON nested 100,000 levels deep is 400 validation_failed, not 503', () => {
    it.each([
      ['POST', '/v2/issuers', 'client'],
      ['PUT', '/v2/issuers/{issuer}', 'client'],
      ['POST', '/v2/issuers/{issuer}/badgeclasses', 'client'],
      ['POST', '/v2/badgeclasses/{badgeClass}/assertions', 'client'],
      ['DELETE', '/v2/assertions/{assertion}', 'client'],
      ['POST', '/v2/verify', 'anonymous'],
      ['POST', '/v2/auth/signup', 'anonymous'],
    ] as const)('%s %s', async (method, template, caller) => {
      const client = caller === 'client' ? api : anonymous;
      const path = template.replace('{issuer}', issuerId).replace('{badgeClass}', badgeClassId).replace('{assertion}', assertionId);
      expectEnvelope(await client.request(method, path, DEEP_JSON), 400, 'validation_failed');
    });

    it('POST /o/token: the same refusal, in RFC 6749 form (issue #16)', async () => {
      const response = await anonymous.request('POST', '/o/token', DEEP_JSON);
      expect([response.status, response.body]).toEqual([400, { error: 'invalid_request', error_description: expect.stringContaining('nested') }]);
    });

    it('the badge JSON given as text to /v2/verify gets the same budget', async () => {
      expectEnvelope(await anonymous.post('/v2/verify', { json: DEEP_JSON }), 400, 'validation_failed');
    });

    it('and the platform keeps answering', async () => {
      expect((await anonymous.get('/health')).status).toBe(200);
      expect((await api.get(`/v2/assertions/${assertionId}`)).body.result[0].revoked).toBe(false);
    });
  });

  describe('finding 5: a NUL or a lone surrogate is 400 naming the field, and nothing is stored', () => {
    it.each([
      ['a NUL', 'North\u0000ern'],
      ['a lone surrogate', 'North\ud800ern'],
    ])('in an issuer name: %s', async (_what, name) => {
      const before = (await api.get('/v2/issuers')).body.result.length;
      const response = await api.post('/v2/issuers', { name, email: 'x@northern.example', url: 'https://northern.example' });
      expectEnvelope(response, 400, 'validation_failed');
      expect(response.body.error.field).toBe('name');
      expect((await api.get('/v2/issuers')).body.result).toHaveLength(before);
    });

    it.each([
      ['a NUL', 'Welded\u0000 a seam'],
      ['a lone surrogate', 'Welded \udc00 a seam'],
    ])('in an assertion narrative: %s', async (_what, narrative) => {
      const before = (await api.get(`/v2/badgeclasses/${badgeClassId}/assertions`)).body.result.length;
      const response = await api.post(`/v2/badgeclasses/${badgeClassId}/assertions`, { recipient: { identity: 'other@example.org' }, narrative });
      expectEnvelope(response, 400, 'validation_failed');
      expect(response.body.error.field).toBe('narrative');
      expect((await api.get(`/v2/badgeclasses/${badgeClassId}/assertions`)).body.result).toHaveLength(before);
    });

    it('in the evidence of an assertion, named by its path', async () => {
      const response = await api.post(`/v2/badgeclasses/${badgeClassId}/assertions`, { recipient: { identity: 'other@example.org' }, evidence: [{ narrative: 'ok' }, { narrative: '\u0000' }] });
      expectEnvelope(response, 400, 'validation_failed');
      expect(response.body.error.field).toBe('evidence.1.narrative');
    });

    it.each([
      ['a NUL', 'Issued in \u0000error'],
      ['a lone surrogate', 'Issued in \ud800error'],
    ])('in a revocation reason: %s', async (_what, reason) => {
      const response = await api.delete(`/v2/assertions/${assertionId}`, { revocation_reason: reason });
      expectEnvelope(response, 400, 'validation_failed');
      expect(response.body.error.field).toBe('revocation_reason');
      expect((await api.get(`/v2/assertions/${assertionId}`)).body.result[0].revoked).toBe(false);
    });

    it.each([
      ['a NUL', 'Bad\u0000name', 'nul@example.org'],
      ['a lone surrogate', 'Bad\ud800name', 'surrogate@example.org'],
    ])('in a signup name: %s', async (_what, name, email) => {
      const response = await anonymous.post('/v2/auth/signup', { email, password: 'a long learner password', name });
      expectEnvelope(response, 400, 'validation_failed');
      expect(response.body.error.field).toBe('name');
      expectEnvelope(await anonymous.post('/v2/auth/token', { username: email, password: 'a long learner password' }), 401, 'invalid_credentials');
    });

    it('in a form field and a query parameter', async () => {
      const form = await anonymous.request('POST', '/o/token', 'grant_type=client_credentials&client_id=a%00b&client_secret=x', { 'content-type': 'application/x-www-form-urlencoded' });
      // /o/token answers in RFC 6749 form (issue #16), naming the field in its description.
      expect([form.status, form.body]).toEqual([400, { error: 'invalid_request', error_description: expect.stringContaining('client_id') }]);
      const query = await api.get('/v2/issuers?limit=%00');
      expectEnvelope(query, 400, 'validation_failed');
      expect(query.body.error.field).toBe('limit');
    });
  });

  describe('finding 6: the edge answers in the envelope', () => {
    it('a 10,000-character path', async () => {
      expectEnvelope(await anonymous.get(`/public/assertions/${'a'.repeat(10_000)}`), 414, 'uri_too_long');
      const unrouted = await anonymous.get(`/${'a'.repeat(10_000)}`);
      expectEnvelope(unrouted, 404, 'not_found');
    });

    it('a path that does not percent-decode', async () => {
      expectEnvelope(await anonymous.get('/public/assertions/%ff%fe'), 400, 'bad_request');
    });

    it('an unknown route', async () => {
      expectEnvelope(await anonymous.get('/v2/nothing-here'), 404, 'not_found');
    });

    it('a wrong method, at the gateway and behind it, with Allow', async () => {
      const gateway = await anonymous.request('DELETE', '/health');
      expectEnvelope(gateway, 405, 'method_not_allowed');
      expect(gateway.headers.get('allow')).toBe('GET, HEAD');
      const service = await api.request('PATCH', `/v2/issuers/${issuerId}`, {});
      expectEnvelope(service, 405, 'method_not_allowed');
      expect(service.headers.get('allow')).toBe('GET, HEAD, PUT, DELETE');
    });

    it('an OPTIONS that is not a preflight is 405 with Allow, as docs/api.md promises', async () => {
      const response = await api.request('OPTIONS', `/v2/issuers/${issuerId}`);
      expectEnvelope(response, 405, 'method_not_allowed');
      expect(response.headers.get('allow')).toContain('GET');
    });

    it('a header or a query string over 16 KiB', async () => {
      expectEnvelope(await anonymous.get('/health', { 'x-padding': 'a'.repeat(20_000) }), 431, 'headers_too_large');
      expectEnvelope(await anonymous.get(`/health?padding=${'a'.repeat(20_000)}`), 431, 'headers_too_large');
    });

    it('a thousand query parameters are just ignored', async () => {
      const query = Array.from({ length: 1000 }, (_, i) => `p${i}=${i}`).join('&');
      expect((await anonymous.get(`/public/badges/${badgeClassId}?${query}`, { accept: 'application/ld+json' })).status).toBe(200);
    });

    it.each([
      ['a charset and unknown parameters', 'application/json; charset=utf-8; boundary="x"; q=1', 201],
      ['a foreign charset', 'application/json; charset=utf-16', 201],
      ['empty parameters', 'application/json;;;', 201],
      ['no type at all', ';charset=utf-8', 415],
      ['a type JSON is not', 'text/json', 415],
    ])('a Content-Type with %s (%s) answers %i', async (_what, contentType, status) => {
      const response = await api.request('POST', '/v2/issuers', { name: 'Odd Type College', email: 'o@odd.example', url: 'https://odd.example' }, { 'content-type': contentType });
      if (status === 201) expect(response.status).toBe(201);
      else expectEnvelope(response, status, 'unsupported_media_type');
    });

    it('a multipart body of many parts', async () => {
      const boundary = 'hostile-boundary';
      const part = (i: number) => `--${boundary}\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\n${i}\r\n`;
      const body = `${Array.from({ length: 500 }, (_, i) => part(i)).join('')}--${boundary}--\r\n`;
      const response = await anonymous.request('POST', '/v2/verify', body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
      expectEnvelope(response, 400, 'validation_failed');
    });
  });

  describe('CORS: OPTIONS is a real preflight answer', () => {
    const preflight = (path: string, origin: string, method: string) =>
      anonymous.request('OPTIONS', path, undefined, { origin, 'access-control-request-method': method, 'access-control-request-headers': 'authorization, content-type' });

    it('allows a configured origin on the API, with bearer tokens and without credentials', async () => {
      const response = await preflight('/v2/issuers', CONSOLE_ORIGIN, 'POST');
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(CONSOLE_ORIGIN);
      expect(response.headers.get('access-control-allow-headers')).toContain('Authorization');
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    });

    it('grants another origin nothing on the API', async () => {
      const response = await preflight('/v2/issuers', 'https://evil.example', 'POST');
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      const read = await api.get('/v2/issuers', { origin: 'https://evil.example' });
      expect(read.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('lets any origin read a public document and ask /v2/verify', async () => {
      const document = await preflight(`/public/badges/${badgeClassId}`, 'https://evil.example', 'GET');
      expect(document.status).toBe(204);
      expect(document.headers.get('access-control-allow-origin')).toBe('*');
      const read = await anonymous.get(`/public/badges/${badgeClassId}`, { origin: 'https://employer.example', accept: 'application/ld+json' });
      expect(read.headers.get('access-control-allow-origin')).toBe('*');
      expect(read.headers.get('vary')).toMatch(/Accept.*Origin/);
      const verify = await preflight('/v2/verify', 'https://employer.example', 'POST');
      expect(verify.headers.get('access-control-allow-origin')).toBe('*');
    });
  });

  describe('user content is served inert, through the gateway', () => {
    async function eventually(path: string, headers: Record<string, string> = {}): Promise<ApiResponse> {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const response = await anonymous.get(path, headers);
        if (response.status === 200 || Date.now() > deadline) return response;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }

    it.each([
      ['badge class image', () => `/public/badges/${badgeClassId}/image`],
      ['baked assertion image', () => `/public/assertions/${assertionId}/image`],
    ])('the %s is sandboxed', async (_what, path) => {
      const response = await eventually(path());
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^image\//);
      expect(response.headers.get('content-security-policy')).toBe(IMAGE_CSP);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    });

    it.each([
      ['public assertion page', () => `/public/assertions/${assertionId}`],
      ['share page', () => `/public/passport/shares/${shareId}`],
    ])('the %s forbids script, framing and foreign forms', async (_what, path) => {
      const response = await eventually(path(), { accept: 'text/html' });
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("default-src 'none'");
      expect(policy).not.toMatch(/script-src/);
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("form-action 'self'");
      expect(policy).toContain("base-uri 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    });

    it('every JSON answer says nosniff too', async () => {
      expect((await api.get('/v2/issuers')).headers.get('x-content-type-options')).toBe('nosniff');
    });
  });
});
