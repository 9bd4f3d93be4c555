import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

import { ApiClientCredentialsV2Schema, ApiClientV2Schema, contractMismatches, OAuthErrorResponseSchema, v2SuccessEnvelopeSchema, type ApiClientScope } from '@badges/api-contracts';
import { databaseTargets } from '@badges/persistence';
import { loadConfig } from '@badges/service-kit';

import { GatewayConfigSchema } from './config/gateway.config';
import { createGatewayApp } from './gateway.app';
import { GatewayPrismaService } from './prisma/gateway-prisma.service';
import { gatewayUnderTest, type ClientCredentials } from './testing/gateway-under-test';

const ADMIN_TOKEN = 'admin-token-for-tests-0123456789';
// Every test asks for tokens from one address: the per-address limit is not what is under test here.
const config = loadConfig('gateway', GatewayConfigSchema, { SECRETS_ENCRYPTION_KEY: 'secrets-encryption-key-for-tests-0123456789', ADMIN_TOKEN, INTERNAL_TOKEN: 'internal-token-for-tests', LOG_LEVEL: 'silent', RATE_LIMIT_OAUTH_TOKEN_PER_IP: '1000/60' });
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Issue #16: API clients with a scope, managed by their institution, revoked within seconds. */
describe.each(databaseTargets())('API clients ($name)', (target) => {
  const gateway = gatewayUnderTest(target, config);
  const { issuer, send, tokenFor } = gateway;
  const body = (response: LightMyRequestResponse) => JSON.parse(response.body);
  const requestToken = (payload: Record<string, string>, headers: Record<string, string> = {}) => send({ method: 'POST', url: '/o/token', headers, payload });

  /** A new institution's first (operator-made, so `manage`) client and a token of it. */
  async function institution(name = 'Collège Boréal'): Promise<{ id: string; client: ClientCredentials; token: string }> {
    const { id, client } = await gateway.createInstitution(name);
    return { id, client, token: await tokenFor(client) };
  }

  async function createClient(managerToken: string, scope: ApiClientScope, name = `${scope} client`): Promise<ClientCredentials & { token: string }> {
    const response = await send({ method: 'POST', url: '/v2/clients', headers: bearer(managerToken), payload: { name, scope } });
    expect(response.statusCode).toBe(201);
    const created = ApiClientCredentialsV2Schema.parse(body(response).result[0]);
    return { ...created, token: await tokenFor(created) };
  }

  async function listed(managerToken: string, clientId: string) {
    const response = await send({ method: 'GET', url: '/v2/clients', headers: bearer(managerToken) });
    expect(response.statusCode).toBe(200);
    return ApiClientV2Schema.array().parse(body(response).result).find((client) => client.clientId === clientId);
  }

  describe('scopes', () => {
    const actions = [
      { name: 'a read', method: 'GET', url: '/v2/issuers', forwarded: true },
      { name: 'an award', method: 'POST', url: '/v2/badgeclasses/BBBBBBBBBBBBBBBBBBBBBB/assertions', payload: { recipient: { identity: 'a@example.org' } }, forwarded: true },
      { name: 'a badge class edit', method: 'PUT', url: '/v2/badgeclasses/BBBBBBBBBBBBBBBBBBBBBB', payload: { name: 'Renamed' }, forwarded: true },
      { name: 'a client-management call', method: 'GET', url: '/v2/clients', forwarded: false },
    ] as const;
    const allowed: Record<ApiClientScope, boolean[]> = {
      read: [true, false, false, false],
      award: [true, true, false, false],
      manage: [true, true, true, true],
    };

    it.each(Object.entries(allowed) as [ApiClientScope, boolean[]][])('a %s token: each action allowed or 403, naming the scope it needs', async (scope, verdicts) => {
      const { token: managerToken } = await institution();
      const client = await createClient(managerToken, scope);
      for (const [index, action] of actions.entries()) {
        issuer.reset();
        const response = await send({ method: action.method, url: action.url, headers: bearer(client.token), ...('payload' in action && { payload: action.payload }) });
        if (verdicts[index]) {
          expect([action.name, response.statusCode]).toEqual([action.name, 200]);
          expect(issuer.received).toHaveLength(action.forwarded ? 1 : 0);
        } else {
          expect([action.name, response.statusCode]).toEqual([action.name, 403]);
          expect(body(response).error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(new RegExp(`has the ${scope} scope .*needs the (award|manage) scope`)) });
          expect(issuer.received).toHaveLength(0);
        }
      }
    });

    it('grants a narrower scope than the client has when asked, and says which in the answer and the token', async () => {
      const { client } = await institution();
      const response = await requestToken({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret, scope: 'r:issuer' });
      expect(body(response).scope).toBe('r:issuer');
      const award = await send({ method: 'POST', url: actions[1].url, headers: bearer(body(response).access_token), payload: {} });
      expect(award.statusCode).toBe(403);
      expect(body(award).error.message).toContain('needs the award scope (award:issuer)');
    });

    it('forwards the caller as the actor, whatever actor header the caller sent', async () => {
      const { client, token } = await institution();
      await send({ method: 'GET', url: '/v2/issuers', headers: { ...bearer(token), 'x-badges-actor': 'staff:someone-else' } });
      expect(issuer.last.headers['x-badges-actor']).toBe(`client:${client.clientId}`);
    });
  });

  describe('managed by the institution', () => {
    it('creates a client with a name and scope, shows its secret once, and lists it without', async () => {
      const { token } = await institution();
      const response = await send({ method: 'POST', url: '/v2/clients', headers: bearer(token), payload: { name: '  Registrar sync ', scope: 'award' } });
      expect(response.statusCode).toBe(201);
      expect(contractMismatches(v2SuccessEnvelopeSchema(ApiClientCredentialsV2Schema), body(response))).toEqual([]);
      const created = ApiClientCredentialsV2Schema.parse(body(response).result[0]);
      expect(created).toMatchObject({ name: 'Registrar sync', scope: 'award', lastUsedAt: null, revokedAt: null });

      const list = await send({ method: 'GET', url: '/v2/clients', headers: bearer(token) });
      expect(list.body).not.toContain(created.clientSecret);
      expect(contractMismatches(v2SuccessEnvelopeSchema(ApiClientV2Schema), body(list))).toEqual([]);
      const entries = ApiClientV2Schema.array().parse(body(list).result);
      expect(entries.map((client) => [client.name, client.scope])).toEqual([
        ['API client', 'manage'],
        ['Registrar sync', 'award'],
      ]);
      expect((await requestToken({ grant_type: 'client_credentials', client_id: created.clientId, client_secret: created.clientSecret })).statusCode).toBe(200);
    });

    it('refuses a client without a name or with an unknown scope', async () => {
      const { token } = await institution();
      for (const payload of [{ name: ' ', scope: 'read' }, { name: 'X', scope: 'admin' }, { name: 'X' }]) {
        const response = await send({ method: 'POST', url: '/v2/clients', headers: bearer(token), payload });
        expect(response.statusCode).toBe(400);
        expect(body(response).error.code).toBe('validation_failed');
      }
    });

    it('rotates a secret: the new one works, the old one is refused at once', async () => {
      const { token } = await institution();
      const client = await createClient(token, 'read');
      const response = await send({ method: 'POST', url: `/v2/clients/${client.clientId}/rotate`, headers: bearer(token) });
      expect(response.statusCode).toBe(200);
      expect(contractMismatches(v2SuccessEnvelopeSchema(ApiClientCredentialsV2Schema), body(response))).toEqual([]);
      const rotated = ApiClientCredentialsV2Schema.parse(body(response).result[0]);
      expect(rotated.clientSecret).not.toBe(client.clientSecret);
      const old = await requestToken({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret });
      expect(old.statusCode).toBe(401);
      expect(body(old).error).toBe('invalid_client');
      await expect(tokenFor(rotated)).resolves.toEqual(expect.any(String));
    });

    it('keeps clients to their institution: another one’s id is 404 for every call', async () => {
      const { token: ours } = await institution();
      const theirs = await createClient((await institution('Another College')).token, 'manage');
      for (const action of ['rotate', 'revoke']) {
        const response = await send({ method: 'POST', url: `/v2/clients/${theirs.clientId}/${action}`, headers: bearer(ours) });
        expect(response.statusCode).toBe(404);
      }
      expect(await listed(ours, theirs.clientId)).toBeUndefined();
      expect((await send({ method: 'GET', url: '/v2/issuers', headers: bearer(theirs.token) })).statusCode).toBe(200);
    });

    it('will not revoke the institution’s last manage client, and says why', async () => {
      const { client: first, token: firstToken } = await institution();
      const self = await send({ method: 'POST', url: `/v2/clients/${first.clientId}/revoke`, headers: bearer(firstToken) });
      expect(self.statusCode).toBe(409);
      expect(body(self).error).toMatchObject({ code: 'conflict', message: expect.stringContaining('last unrevoked client with the manage scope') });

      const second = await createClient(firstToken, 'manage');
      const revoked = await send({ method: 'POST', url: `/v2/clients/${first.clientId}/revoke`, headers: bearer(second.token) });
      expect(revoked.statusCode).toBe(200);
      expect(contractMismatches(v2SuccessEnvelopeSchema(ApiClientV2Schema), body(revoked))).toEqual([]);
      expect(body(revoked).result[0].revokedAt).toEqual(expect.any(String));
      expect((await send({ method: 'POST', url: `/v2/clients/${second.clientId}/revoke`, headers: bearer(second.token) })).statusCode).toBe(409);
      const again = await send({ method: 'POST', url: `/v2/clients/${first.clientId}/revoke`, headers: bearer(second.token) });
      expect([again.statusCode, body(again).error.code]).toEqual([400, 'already_revoked']);
      const rotate = await send({ method: 'POST', url: `/v2/clients/${first.clientId}/rotate`, headers: bearer(second.token) });
      expect([rotate.statusCode, body(rotate).error.code]).toEqual([409, 'conflict']);
    });

    it('moves lastUsedAt when the client asks for a token and calls the API', async () => {
      const { token } = await institution();
      const created = body(await send({ method: 'POST', url: '/v2/clients', headers: bearer(token), payload: { name: 'Quiet', scope: 'read' } })).result[0];
      expect((await listed(token, created.clientId))?.lastUsedAt).toBeNull();
      const before = Date.now();
      await tokenFor(created);
      // Written behind the request: give the write a moment.
      await eventually(async () => (await listed(token, created.clientId))?.lastUsedAt != null);
      const lastUsedAt = Date.parse((await listed(token, created.clientId))!.lastUsedAt!);
      expect(lastUsedAt).toBeGreaterThanOrEqual(before - 1000);
      expect(lastUsedAt).toBeLessThanOrEqual(Date.now());
    });
  });

  describe('revocation', () => {
    it('refuses a revoked client’s token within 5 s on every gateway instance; it works until then', async () => {
      const { token: managerToken } = await institution();
      const client = await createClient(managerToken, 'award');
      // A second instance on the same database, as another replica: it learns of the revocation only from the database.
      const replica = await createGatewayApp({ database: gateway.database, config, services: { issuer: issuer.client }, env: {} });
      const replicaHttp = replica.getHttpAdapter().getInstance();
      try {
        const read = (instance: FastifyInstance) => instance.inject({ method: 'GET', url: '/v2/issuers', headers: bearer(client.token) });
        expect((await read(gateway.http)).statusCode).toBe(200);
        // Warm on the replica right up to the revocation, so its cache must expire for the 401 to show.
        expect((await read(replicaHttp)).statusCode).toBe(200);

        const revokedAt = Date.now();
        expect((await send({ method: 'POST', url: `/v2/clients/${client.clientId}/revoke`, headers: bearer(managerToken) })).statusCode).toBe(200);
        const here = await read(gateway.http);
        expect([here.statusCode, body(here).error.code]).toEqual([401, 'unauthorized']);
        let refused: LightMyRequestResponse;
        do refused = await read(replicaHttp);
        while (refused.statusCode === 200 && Date.now() - revokedAt < 6000 && (await pause(50)));
        const elapsed = Date.now() - revokedAt;
        expect(refused.statusCode).toBe(401);
        expect(body(refused).error.message).toContain('revoked');
        expect(elapsed).toBeLessThanOrEqual(5000);

        const token = await requestToken({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret });
        expect([token.statusCode, body(token).error]).toEqual([401, 'invalid_client']);
      } finally {
        await replica.close();
      }
    });

    it('lets the operator revoke any client, and lists every client’s name, scope and last use', async () => {
      const { id, client, token } = await institution('Operator Test College');
      const unauthorised = await send({ method: 'POST', url: `/admin/clients/${client.clientId}/revoke`, headers: bearer(token) });
      expect(unauthorised.statusCode).toBe(401);
      expect((await send({ method: 'POST', url: '/admin/clients/AAAAAAAAAAAAAAAAAAAAAA/revoke', headers: admin })).statusCode).toBe(404);

      // The operator may revoke even the last manage client: it can always make another.
      const response = await send({ method: 'POST', url: `/admin/clients/${client.clientId}/revoke`, headers: admin });
      expect(response.statusCode).toBe(200);
      expect(contractMismatches(ApiClientV2Schema, body(response))).toEqual([]);
      expect(body(response)).toMatchObject({ clientId: client.clientId, scope: 'manage', revokedAt: expect.any(String) });
      expect((await send({ method: 'GET', url: '/v2/issuers', headers: bearer(token) })).statusCode).toBe(401);

      const list = body(await send({ method: 'GET', url: '/admin/institutions', headers: admin }));
      const listedClient = list.institutions.find((institution: { id: string }) => institution.id === id).clients[0];
      expect(listedClient).toEqual({ clientId: client.clientId, name: 'API client', scope: 'manage', createdAt: expect.any(String), lastUsedAt: expect.any(String), revokedAt: expect.any(String) });
    });

    it('refuses, at the database, a scope outside the contract’s list', async () => {
      const { client } = await institution();
      const prisma = gateway.app.get(GatewayPrismaService);
      await expect(prisma.apiClient.update({ where: { clientId: client.clientId }, data: { scope: 'superuser' } })).rejects.toThrow(/api_clients_scope_check/);
    });
  });

  describe('POST /o/token errors, as RFC 6749 §5.2 words them', () => {
    let client: ClientCredentials;
    beforeAll(async () => ({ client } = await institution()));
    const basic = (id: string, secret: string) => ({ authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` });

    /** Exactly `{error, error_description}`, never cached, with the status RFC 6749 gives the code. */
    function expectOAuthError(response: LightMyRequestResponse, error: string, status = 400): void {
      expect([response.statusCode, body(response).error]).toEqual([status, error]);
      expect(contractMismatches(OAuthErrorResponseSchema, body(response))).toEqual([]);
      expect(body(response).error_description).toEqual(expect.any(String));
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['content-type']).toMatch(/^application\/json/);
    }

    it('invalid_request: no grant_type, a body that is not JSON, text that cannot be stored, credentials sent two ways that differ', async () => {
      expectOAuthError(await requestToken({ client_id: client.clientId, client_secret: client.clientSecret }), 'invalid_request');
      expectOAuthError(await send({ method: 'POST', url: '/o/token', headers: { 'content-type': 'application/json' }, payload: '{"grant_type":' }), 'invalid_request');
      const nul = await send({
        method: 'POST',
        url: '/o/token',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'grant_type=client_credentials&client_id=a%00b&client_secret=x',
      });
      expectOAuthError(nul, 'invalid_request');
      expect(body(nul).error_description).toContain('client_id');
      const twoWays = await requestToken({ grant_type: 'client_credentials', client_id: 'someone-else' }, basic(client.clientId, client.clientSecret));
      expectOAuthError(twoWays, 'invalid_request');
    });

    it('invalid_client: 401, with WWW-Authenticate: Basic only when the client used Basic', async () => {
      const inBody = await requestToken({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: 'wrong' });
      expectOAuthError(inBody, 'invalid_client', 401);
      expect(inBody.headers['www-authenticate']).toBeUndefined();
      const withBasic = await requestToken({ grant_type: 'client_credentials' }, basic(client.clientId, 'wrong'));
      expectOAuthError(withBasic, 'invalid_client', 401);
      expect(withBasic.headers['www-authenticate']).toMatch(/^Basic realm=/);
      expectOAuthError(await requestToken({ grant_type: 'client_credentials' }), 'invalid_client', 401);
    });

    it('unsupported_grant_type: any grant but client_credentials, password and refresh_token', async () => {
      for (const grant of ['authorization_code', 'implicit', 'urn:ietf:params:oauth:grant-type:device_code']) {
        expectOAuthError(await requestToken({ grant_type: grant, client_id: client.clientId, client_secret: client.clientSecret }), 'unsupported_grant_type');
      }
    });

    it('invalid_scope: more than the client has, or a scope nobody grants; Badgr’s other scopes are ignored', async () => {
      const { token } = await institution();
      const reader = await createClient(token, 'read');
      const ask = (who: ClientCredentials, scope: string) => requestToken({ grant_type: 'client_credentials', client_id: who.clientId, client_secret: who.clientSecret, scope });
      expectOAuthError(await ask(reader, 'rw:issuer'), 'invalid_scope');
      expectOAuthError(await ask(reader, 'award:issuer'), 'invalid_scope');
      expectOAuthError(await ask(client, 'rw:everything'), 'invalid_scope');
      const badgr = await ask(client, 'rw:profile rw:issuer rw:backpack');
      expect([badgr.statusCode, body(badgr).scope]).toEqual([200, 'rw:issuer']);
    });

    it('the answer that succeeds is not cached either', async () => {
      const response = await requestToken({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret });
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers.pragma).toBe('no-cache');
    });
  });
});

/** True after `ms`, for use in a loop condition. */
function pause(ms: number): Promise<true> {
  return new Promise((resolve) => setTimeout(() => resolve(true), ms));
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await pause(20);
  }
}
