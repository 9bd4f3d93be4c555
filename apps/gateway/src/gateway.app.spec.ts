import {
  AdminApiClientCredentialsSchema,
  AdminInstitutionCreatedSchema,
  AdminInstitutionListSchema,
  contractMismatches,
  InstitutionV2Schema,
  OAuthErrorResponseSchema,
  OAuthTokenResponseSchema,
  V2ErrorEnvelopeSchema,
  v2SuccessEnvelopeSchema,
} from '@badges/api-contracts';
import { databaseTargets } from '@badges/persistence';
import { loadConfig } from '@badges/service-kit';

import { GatewayConfigSchema } from './config/gateway.config';
import { createEmbedded } from './embedded';
import { gatewayUnderTest } from './testing/gateway-under-test';

const ADMIN_TOKEN = 'admin-token-for-tests-0123456789';
const INTERNAL_TOKEN = 'internal-token-for-tests';
const config = loadConfig('gateway', GatewayConfigSchema, { SECRETS_ENCRYPTION_KEY: 'secrets-encryption-key-for-tests-0123456789', ADMIN_TOKEN, INTERNAL_TOKEN, LOG_LEVEL: 'silent' });
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

describe.each(databaseTargets())('gateway over HTTP ($name)', (target) => {
  const gateway = gatewayUnderTest(target, config);
  const { issuer, send, tokenFor } = gateway;
  const json = (response: { body: string }) => JSON.parse(response.body);
  const createInstitution = (name = 'Université Laval') => gateway.createInstitution(name);

  describe('operator bootstrap', () => {
    it('refuses a missing or wrong ADMIN_TOKEN with 401', async () => {
      for (const headers of [{}, { authorization: 'Bearer wrong-token-wrong-token-wrong' }, { authorization: ADMIN_TOKEN }]) {
        const response = await send({ method: 'POST', url: '/admin/institutions', headers, payload: { name: 'X' } });
        expect(response.statusCode).toBe(401);
        expect(json(response)).toMatchObject({ status: { success: false }, error: { code: 'unauthorized' } });
      }
      expect((await send({ method: 'GET', url: '/admin/institutions' })).statusCode).toBe(401);
      expect(issuer.provisioned).toHaveLength(0);
    });

    it('creates an institution in the issuer first, then here, and returns the client once', async () => {
      const created = await createInstitution('Cégep de Sherbrooke');
      expect(created).toEqual({ id: expect.any(String), name: 'Cégep de Sherbrooke', client: { clientId: expect.any(String), clientSecret: expect.any(String) } });
      expect(issuer.provisioned).toEqual([{ id: created.id, name: 'Cégep de Sherbrooke', headers: expect.objectContaining({ 'x-internal-token': INTERNAL_TOKEN }) }]);

      const list = json(await send({ method: 'GET', url: '/admin/institutions', headers: admin }));
      const listed = list.institutions.find((institution: { id: string }) => institution.id === created.id);
      expect(listed).toMatchObject({ name: 'Cégep de Sherbrooke', clients: [{ clientId: created.client.clientId }] });
      expect(JSON.stringify(list)).not.toContain(created.client.clientSecret);
    });

    it('validates the body', async () => {
      const response = await send({ method: 'POST', url: '/admin/institutions', headers: admin, payload: { name: '   ' } });
      expect(response.statusCode).toBe(400);
      expect(json(response).error).toMatchObject({ code: 'validation_failed', field: 'name' });
    });

    it('answers 503 and stores nothing when the issuer cannot register the institution', async () => {
      const before = json(await send({ method: 'GET', url: '/admin/institutions', headers: admin })).institutions.length;
      issuer.provisioning = 'fail';
      const failed = await send({ method: 'POST', url: '/admin/institutions', headers: admin, payload: { name: 'Nope' } });
      issuer.provisioning = 'ok';
      issuer.unreachable = true;
      const unreachable = await send({ method: 'POST', url: '/admin/institutions', headers: admin, payload: { name: 'Nope' } });
      issuer.unreachable = false;
      for (const response of [failed, unreachable]) {
        expect(response.statusCode).toBe(503);
        expect(json(response).error.code).toBe('service_unavailable');
      }
      expect(json(await send({ method: 'GET', url: '/admin/institutions', headers: admin })).institutions).toHaveLength(before);
    });

    it('adds another client to an institution, and 404s for an unknown one', async () => {
      const created = await createInstitution();
      const added = await send({ method: 'POST', url: `/admin/institutions/${created.id}/clients`, headers: admin });
      expect(added.statusCode).toBe(201);
      const client = json(added);
      expect(client.clientId).not.toBe(created.client.clientId);
      await expect(tokenFor(client)).resolves.toEqual(expect.any(String));
      expect((await send({ method: 'POST', url: '/admin/institutions/unknown-id/clients', headers: admin })).statusCode).toBe(404);
    });
  });

  describe('POST /o/token', () => {
    let client: { clientId: string; clientSecret: string };
    beforeAll(async () => ({ client } = await createInstitution()));

    it('accepts form-encoded client credentials', async () => {
      const response = await send({
        method: 'POST',
        url: '/o/token',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret }).toString(),
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(json(response)).toEqual({ access_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/), token_type: 'Bearer', expires_in: 3600, scope: 'rw:issuer' });
    });

    it('accepts JSON and HTTP Basic credentials', async () => {
      await expect(tokenFor(client)).resolves.toEqual(expect.any(String));
      const basic = Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64');
      const response = await send({ method: 'POST', url: '/o/token', headers: { authorization: `Basic ${basic}` }, payload: { grant_type: 'client_credentials' } });
      expect(response.statusCode).toBe(200);
    });

    it('answers 401 invalid_client, with one message, for a wrong secret or an unknown client', async () => {
      const wrong = await send({ method: 'POST', url: '/o/token', payload: { grant_type: 'client_credentials', client_id: client.clientId, client_secret: 'nope' } });
      const unknown = await send({ method: 'POST', url: '/o/token', payload: { grant_type: 'client_credentials', client_id: 'no-such-client', client_secret: 'nope' } });
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      expect(json(wrong).error).toBe('invalid_client');
      expect(json(wrong)).toEqual(json(unknown));
    });

    it('answers 400 unsupported_grant_type for another grant and 400 for missing fields', async () => {
      const response = await send({ method: 'POST', url: '/o/token', payload: { grant_type: 'authorization_code', client_id: client.clientId, client_secret: client.clientSecret } });
      expect(response.statusCode).toBe(400);
      expect(json(response).error).toBe('unsupported_grant_type');
      const missing = await send({ method: 'POST', url: '/o/token', payload: { client_id: client.clientId, client_secret: client.clientSecret } });
      expect(missing.statusCode).toBe(400);
      expect(json(missing).error).toBe('invalid_request');
    });

    it('answers 400 invalid_request for a malformed JSON body', async () => {
      const response = await send({ method: 'POST', url: '/o/token', headers: { 'content-type': 'application/json' }, payload: '{"grant_type": ' });
      expect(response.statusCode).toBe(400);
      expect(json(response)).toEqual({ error: 'invalid_request', error_description: 'The request body is not valid JSON.' });
    });
  });

  describe('bearer guard and who-am-I', () => {
    it('answers 401 for a missing, malformed or foreign token and forwards nothing', async () => {
      for (const headers of [{}, { authorization: 'Bearer not-a-jwt' }, { authorization: `Bearer ${ADMIN_TOKEN}` }, { authorization: 'Basic abc' }]) {
        for (const url of ['/v2/institutions/self', '/v2/issuers', '/v2/badgeclasses/abc', '/v2/assertions/abc']) {
          const response = await send({ method: 'GET', url, headers });
          expect(response.statusCode).toBe(401);
          expect(json(response).error.code).toBe('unauthorized');
        }
      }
      expect(issuer.received).toHaveLength(0);
    });

    it('returns the caller’s institution in the v2 envelope', async () => {
      const created = await createInstitution('Polytechnique');
      const token = await tokenFor(created.client);
      const response = await send({ method: 'GET', url: '/v2/institutions/self', headers: { authorization: `Bearer ${token}` } });
      expect(response.statusCode).toBe(200);
      expect(json(response)).toEqual({ status: { success: true, description: 'ok' }, result: [{ entityId: created.id, name: 'Polytechnique' }] });
    });

    it('accepts the token on another (embedded) gateway instance sharing the database: same signing key', async () => {
      const created = await createInstitution();
      const token = await tokenFor(created.client);
      const second = await createEmbedded({ database: gateway.database, env: { ADMIN_TOKEN, INTERNAL_TOKEN, SECRETS_ENCRYPTION_KEY: config.SECRETS_ENCRYPTION_KEY }, services: { issuer: issuer.client } });
      try {
        expect(second.name).toBe('gateway');
        const response = await second.fastify.inject({ method: 'GET', url: '/v2/institutions/self', headers: { authorization: `Bearer ${token}` } });
        expect(response.statusCode).toBe(200);
      } finally {
        await second.app.close();
      }
    });
  });

  describe('its own answers are exactly their response contracts (issue #15)', () => {
    it('operator, token, who-am-I and error answers', async () => {
      const created = await send({ method: 'POST', url: '/admin/institutions', headers: admin, payload: { name: 'Contract College' } });
      expect(contractMismatches(AdminInstitutionCreatedSchema, json(created))).toEqual([]);
      const { id, client } = json(created);
      const added = await send({ method: 'POST', url: `/admin/institutions/${id}/clients`, headers: admin });
      expect(contractMismatches(AdminApiClientCredentialsSchema, json(added))).toEqual([]);
      const list = await send({ method: 'GET', url: '/admin/institutions', headers: admin });
      expect(contractMismatches(AdminInstitutionListSchema, json(list))).toEqual([]);

      const token = await send({ method: 'POST', url: '/o/token', payload: { grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret } });
      expect(contractMismatches(OAuthTokenResponseSchema, json(token))).toEqual([]);
      const self = await send({ method: 'GET', url: '/v2/institutions/self', headers: { authorization: `Bearer ${json(token).access_token}` } });
      expect(contractMismatches(v2SuccessEnvelopeSchema(InstitutionV2Schema), json(self))).toEqual([]);

      // /o/token refuses in RFC 6749 form (issue #16), every other route in the envelope.
      const refused = await send({ method: 'POST', url: '/o/token', payload: { grant_type: 'client_credentials', client_id: client.clientId, client_secret: 'nope' } });
      expect(contractMismatches(OAuthErrorResponseSchema, json(refused))).toEqual([]);
      const invalid = await send({ method: 'POST', url: '/admin/institutions', headers: admin, payload: { name: '   ' } });
      expect(contractMismatches(V2ErrorEnvelopeSchema, json(invalid))).toEqual([]);
    });
  });

  describe('forwarding', () => {
    let institutionId: string;
    let clientId: string;
    let auth: { authorization: string };
    beforeAll(async () => {
      const created = await createInstitution('Forwarding U');
      institutionId = created.id;
      clientId = created.client.clientId;
      auth = { authorization: `Bearer ${await tokenFor(created.client)}` };
    });

    it('strips caller-sent internal headers, sets its own, and re-serialises the JSON body', async () => {
      issuer.reply = { status: 201, headers: { 'content-type': 'application/json', location: '/v2/issuers/new-id', 'cache-control': 'no-cache', 'x-leak': 'internal' }, body: '{"status":{"success":true},"result":[]}' };
      const response = await send({
        method: 'POST',
        url: '/v2/issuers?include_staff=false',
        headers: {
          ...auth,
          'content-type': 'application/json',
          accept: 'application/json',
          'accept-language': 'fr-CA',
          'x-institution-id': 'someone-else',
          'x-client-id': 'forged',
          'x-internal-token': 'guessed',
          'x-correlation-id': 'forged',
          'x-request-id': 'req-abcdef123',
          cookie: 'a=b',
        },
        payload: '{ "name" :  "Faculty of Science" }',
      });
      expect(response.statusCode).toBe(201);
      expect(response.body).toBe('{"status":{"success":true},"result":[]}');
      expect(response.headers).toMatchObject({ location: '/v2/issuers/new-id', 'cache-control': 'no-cache', 'x-correlation-id': 'req-abcdef123' });
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.headers['x-leak']).toBeUndefined();

      const received = issuer.last;
      expect(received.method).toBe('POST');
      expect(received.url).toBe('/v2/issuers?include_staff=false');
      expect(received.body.toString()).toBe('{"name":"Faculty of Science"}');
      expect(received.headers).toMatchObject({
        'x-institution-id': institutionId,
        'x-client-id': clientId,
        'x-internal-token': INTERNAL_TOKEN,
        'x-correlation-id': 'req-abcdef123',
        'x-public-url': 'http://localhost:3000',
        accept: 'application/json',
        'accept-language': 'fr-CA',
      });
      expect(received.headers.authorization).toBeUndefined();
      expect(received.headers.cookie).toBeUndefined();
    });

    it('forwards every issuer prefix with method, path and query', async () => {
      const calls = [
        { method: 'GET', url: '/v2/issuers' },
        { method: 'GET', url: '/v2/issuers/abc/badgeclasses?x=1' },
        { method: 'PUT', url: '/v2/badgeclasses/abc' },
        { method: 'GET', url: '/v2/badgeclasses' },
        { method: 'POST', url: '/v2/badgeclasses/abc/issue' },
        { method: 'GET', url: '/v2/assertions/abc' },
        { method: 'POST', url: '/v2/assertions/revoke' },
      ] as const;
      for (const call of calls) {
        const response = await send({ ...call, headers: auth, ...(call.method === 'GET' ? {} : { payload: {} }) });
        expect(response.statusCode).toBe(200);
        expect(issuer.last).toMatchObject({ method: call.method, url: call.url });
      }
    });

    it('passes a revoke body on DELETE and 204 answers through', async () => {
      issuer.reply = { status: 204 };
      const response = await send({ method: 'DELETE', url: '/v2/assertions/abc', headers: auth, payload: { revocation_reason: 'Issued in error' } });
      expect(response.statusCode).toBe(204);
      expect(response.body).toBe('');
      expect(JSON.parse(issuer.last.body.toString())).toEqual({ revocation_reason: 'Issued in error' });
    });

    it('passes other content types as raw bytes', async () => {
      const csv = 'identity,narrative\r\nana@example.org,"Great, work"\r\n';
      await send({ method: 'POST', url: '/v2/badgeclasses/abc/bulk-awards', headers: { ...auth, 'content-type': 'text/csv; charset=utf-8' }, payload: csv });
      expect(issuer.last.body.toString()).toBe(csv);
      expect(issuer.last.headers['content-type']).toBe('text/csv; charset=utf-8');
    });

    it('serves /public anonymously, without tenancy headers even if a caller sends them', async () => {
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 255]);
      issuer.reply = { status: 200, headers: { 'content-type': 'image/png', 'cache-control': 'public, max-age=300' }, body: png };
      const response = await send({ method: 'GET', url: '/public/assertions/abc/image', headers: { 'x-institution-id': 'forged', 'x-client-id': 'forged', accept: 'image/png' } });
      expect(response.statusCode).toBe(200);
      expect(response.rawPayload.equals(png)).toBe(true);
      expect(response.headers).toMatchObject({ 'content-type': 'image/png', 'cache-control': 'public, max-age=300' });
      expect(response.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(issuer.last.headers['x-institution-id']).toBeUndefined();
      expect(issuer.last.headers['x-client-id']).toBeUndefined();
      expect(issuer.last.headers['x-internal-token']).toBe(INTERNAL_TOKEN);
      expect(issuer.last.headers.accept).toBe('image/png');
    });

    it('answers HEAD like GET, without a body', async () => {
      issuer.reply = { status: 200, headers: { 'content-type': 'application/ld+json' }, body: '{"type":"Assertion"}' };
      const response = await send({ method: 'HEAD', url: '/public/assertions/abc' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/ld\+json/);
      expect(response.body).toBe('');
    });

    it('never forwards a path that climbs out of its prefix (e.g. to internal routes)', async () => {
      for (const [url, headers] of [
        ['/public/../internal/institutions/x', {}],
        ['/public/%2e%2e/internal/institutions/x', {}],
        ['/v2/issuers/../../internal/institutions/x', auth],
      ] as const) {
        const response = await send({ method: 'PUT', url, headers: { ...headers, 'content-type': 'application/json' }, payload: { name: 'Evil' } });
        expect(response.statusCode).toBe(404);
      }
      expect(issuer.received).toHaveLength(0);
      expect(issuer.provisioned).toHaveLength(0);
    });

    it('passes error statuses and bodies through unchanged', async () => {
      issuer.reply = { status: 404, headers: { 'content-type': 'application/json' }, body: '{"status":{"success":false,"description":"entity not found"},"error":{"code":"not_found","message":"x"}}' };
      const response = await send({ method: 'GET', url: '/public/badges/missing', headers: { accept: 'application/ld+json' } });
      expect(response.statusCode).toBe(404);
      expect(response.body).toBe(issuer.reply.body);
    });

    it('answers 503 service_unavailable when the service cannot be reached', async () => {
      issuer.unreachable = true;
      for (const [url, headers] of [['/public/assertions/abc', {}], ['/v2/issuers', auth]] as const) {
        const response = await send({ method: 'GET', url, headers });
        expect(response.statusCode).toBe(503);
        expect(json(response)).toMatchObject({ status: { success: false }, error: { code: 'service_unavailable' } });
      }
    });

    it('answers 413 payload_too_large for JSON and raw bodies over 2 MB, before forwarding', async () => {
      const big = JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024 + 10) });
      const jsonResponse = await send({ method: 'POST', url: '/v2/issuers', headers: { ...auth, 'content-type': 'application/json' }, payload: big });
      const rawResponse = await send({ method: 'POST', url: '/v2/badgeclasses/abc/assertions', headers: { ...auth, 'content-type': 'text/csv' }, payload: big });
      for (const response of [jsonResponse, rawResponse]) {
        expect(response.statusCode).toBe(413);
        expect(json(response).error.code).toBe('payload_too_large');
      }
      expect(issuer.received).toHaveLength(0);
    });

    it('answers 400 invalid_json for a malformed JSON body, before forwarding', async () => {
      const response = await send({ method: 'POST', url: '/v2/issuers', headers: { ...auth, 'content-type': 'application/json' }, payload: '{"name":' });
      expect(response.statusCode).toBe(400);
      expect(json(response).error.code).toBe('invalid_json');
      expect(issuer.received).toHaveLength(0);
    });
  });

  it('answers 404 with the envelope for unknown routes', async () => {
    for (const url of ['/nope', '/v2/unknown', '/v3/issuers']) {
      const response = await send({ method: 'GET', url });
      expect(response.statusCode).toBe(404);
      expect(json(response)).toMatchObject({ status: { success: false }, error: { code: 'not_found' } });
    }
  });

  describe('GET /health and /ready', () => {
    it('/health answers alive without asking anything else, even with a service down', async () => {
      issuer.unreachable = true;
      const response = await send({ method: 'GET', url: '/health' });
      issuer.unreachable = false;
      expect(response.statusCode).toBe(200);
      expect(json(response)).toEqual({ status: 'ok' });
      expect(response.headers['cache-control']).toBe('no-store');
    });

    it('/ready is 200 when the database and the issuer answer', async () => {
      const response = await send({ method: 'GET', url: '/ready' });
      expect(response.statusCode).toBe(200);
      expect(json(response)).toEqual({ status: 'ok', services: { gateway: 'up', issuer: 'up' }, dependencies: { database: 'up' } });
    });

    it('/ready is 503 showing what is down', async () => {
      issuer.healthy = false;
      const unhealthy = await send({ method: 'GET', url: '/ready' });
      issuer.healthy = true;
      issuer.unreachable = true;
      const unreachable = await send({ method: 'GET', url: '/ready' });
      for (const response of [unhealthy, unreachable]) {
        expect(response.statusCode).toBe(503);
        expect(json(response)).toEqual({ status: 'unavailable', services: { gateway: 'up', issuer: 'down' }, dependencies: { database: 'up' } });
      }
    });
  });

  describe('API docs', () => {
    it('serves the OpenAPI document with every public route and the contract schemas', async () => {
      const response = await send({ method: 'GET', url: '/docs/openapi.json' });
      expect(response.statusCode).toBe(200);
      const document = json(response);
      expect(document.openapi).toBe('3.0.3');
      expect(Object.keys(document.paths)).toEqual(
        expect.arrayContaining([
          '/health', '/ready', '/admin/institutions', '/o/token', '/v2/institutions/self', '/v2/issuers', '/v2/issuers/{entityId}',
          '/v2/issuers/{entityId}/badgeclasses', '/v2/badgeclasses/{entityId}', '/v2/badgeclasses/{entityId}/assertions',
          '/v2/badgeclasses/{entityId}/issue', '/v2/assertions/{entityId}', '/public/assertions/{id}', '/public/assertions/{id}/image',
        ]),
      );
      expect(document.components.schemas.IssuerCreateBody.properties.name).toBeDefined();
      expect(document.components.schemas.ErrorEnvelope.properties.error.properties.code.enum).toEqual(expect.arrayContaining(['invalid_client', 'payload_too_large', 'service_unavailable']));
    });

    it('serves Swagger UI with local assets only', async () => {
      const index = await send({ method: 'GET', url: '/docs' });
      expect(index.statusCode).toBe(200);
      expect(index.headers['content-type']).toMatch(/^text\/html/);
      // Its own policy (its scripts from 'self'), not the no-script page policy, and no https upgrade.
      expect(index.headers['content-security-policy']).toContain("script-src 'self'");
      expect(index.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
      const assets = [...index.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
      expect(assets).toEqual(expect.arrayContaining(['/docs/static/swagger-ui-bundle.js', '/docs/static/swagger-initializer.js']));
      for (const asset of assets) {
        expect(asset).toMatch(/^\/docs\/static\//);
        expect((await send({ method: 'GET', url: asset })).statusCode).toBe(200);
      }
      const initializer = await send({ method: 'GET', url: '/docs/static/swagger-initializer.js' });
      expect(initializer.body).toContain('"validatorUrl":null');
    });
  });
});
