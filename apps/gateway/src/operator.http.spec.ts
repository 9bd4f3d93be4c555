import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

import { AdminInstitutionListSchema, AdminInstitutionSchema, AuditEntryV2Schema, contractMismatches, OAuthErrorResponseSchema } from '@badges/api-contracts';
import { Topic, type StaffInvitedPayload } from '@badges/events';
import { sharedInProcessBus } from '@badges/messaging';
import { databaseTargets } from '@badges/persistence';
import { loadConfig } from '@badges/service-kit';

import { GatewayConfigSchema } from './config/gateway.config';
import { createGatewayApp } from './gateway.app';
import { gatewayUnderTest } from './testing/gateway-under-test';

const ADMIN_TOKEN = 'admin-token-for-tests-0123456789';
const INTERNAL_TOKEN = 'internal-token-for-tests';
const config = loadConfig('gateway', GatewayConfigSchema, {
  SECRETS_ENCRYPTION_KEY: 'secrets-encryption-key-for-tests-0123456789',
  ADMIN_TOKEN,
  INTERNAL_TOKEN,
  LOG_LEVEL: 'silent',
  PASSWORD_SCRYPT_LOG_N: '14',
  // Every test signs in from one address: the per-address limit is not what is under test here.
  RATE_LIMIT_OAUTH_TOKEN_PER_IP: '1000/60',
});
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const asStaff = { 'x-badges-session': 'staff' };
const PASSWORD = 'correct horse battery';
const UNKNOWN_ID = 'AAAAAAAAAAAAAAAAAAAAAA';

/** Invitation links, as the notification service would get them from the gateway's events. */
const invitations: StaffInvitedPayload[] = [];

beforeAll(async () => {
  await sharedInProcessBus().subscribe({
    group: 'test-operator-mailer',
    topics: [Topic.StaffInvited],
    handler: async (event) => void invitations.push(event.payload as StaffInvitedPayload),
  });
});

/** Issue #16, the province operator: rename, suspend, reactivate, and counts per institution. */
describe.each(databaseTargets())('the province operator ($name)', (target) => {
  const gateway = gatewayUnderTest(target, config);
  const { issuer, send, tokenFor } = gateway;
  const body = (response: LightMyRequestResponse) => JSON.parse(response.body);
  let counter = 0;

  async function institution(name = 'Collège Boréal') {
    const created = await gateway.createInstitution(name);
    return { ...created, token: await tokenFor(created.client) };
  }

  /** A person invited by the institution's client, who accepted and signed in: their tokens. */
  async function person(managerToken: string): Promise<{ staffId: string; email: string; access: string; refresh: string }> {
    const email = `person.${++counter}.${target.name}@college.example`;
    const invited = await send({ method: 'POST', url: '/v2/staff', headers: bearer(managerToken), payload: { email, name: 'Grace Hopper', institutionRole: 'admin' } });
    expect(invited.statusCode).toBe(201);
    const link = await eventually(() => invitations.find((sent) => sent.email === email));
    const token = new URLSearchParams(new URL(link.acceptUrl).hash.slice(1)).get('token');
    expect((await send({ method: 'POST', url: '/v2/staff/invitations/accept', payload: { token, password: PASSWORD } })).statusCode).toBe(200);
    const tokens = await signIn(email);
    expect(tokens.statusCode).toBe(200);
    return { staffId: body(invited).result[0].staffId, email, access: body(tokens).access_token, refresh: body(tokens).refresh_token };
  }

  const signIn = (username: string, password = PASSWORD) => send({ method: 'POST', url: '/o/token', payload: { grant_type: 'password', username, password } });
  const refresh = (refreshToken: string) => send({ method: 'POST', url: '/o/token', payload: { grant_type: 'refresh_token', refresh_token: refreshToken } });
  const clientGrant = (client: { clientId: string; clientSecret: string }) => send({ method: 'POST', url: '/o/token', payload: { grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret } });
  const suspend = (id: string, payload?: unknown) => send({ method: 'POST', url: `/admin/institutions/${id}/suspend`, headers: admin, ...(payload !== undefined && { payload: payload as object }) });
  const reactivate = (id: string) => send({ method: 'POST', url: `/admin/institutions/${id}/reactivate`, headers: admin });
  const listed = async (id: string) => {
    const response = await send({ method: 'GET', url: '/admin/institutions', headers: admin });
    expect(response.statusCode).toBe(200);
    expect(contractMismatches(AdminInstitutionListSchema, body(response))).toEqual([]);
    return AdminInstitutionListSchema.parse(body(response)).institutions.find((entry) => entry.id === id);
  };
  const auditOf = async (token: string, action: string) => {
    const response = await send({ method: 'GET', url: `/v2/audit?action=${action}`, headers: bearer(token) });
    expect(response.statusCode).toBe(200);
    return AuditEntryV2Schema.array().parse(body(response).result);
  };

  function expectSuspendedOAuth(response: LightMyRequestResponse, status: number, error: string): void {
    expect([response.statusCode, body(response).error]).toEqual([status, error]);
    expect(contractMismatches(OAuthErrorResponseSchema, body(response))).toEqual([]);
    expect(body(response).error_description).toContain('suspended');
  }

  function expectSuspended(response: LightMyRequestResponse): void {
    expect([response.statusCode, body(response).error?.code]).toEqual([403, 'institution_suspended']);
  }

  describe('rename', () => {
    it('renames in the gateway and in the owning services, records it once, and refuses bad input with 4xx', async () => {
      const { id, token } = await institution('Northern College');
      const renamed = await send({ method: 'PATCH', url: `/admin/institutions/${id}`, headers: admin, payload: { name: '  Northern University ' } });
      expect(renamed.statusCode).toBe(200);
      expect(contractMismatches(AdminInstitutionSchema, body(renamed))).toEqual([]);
      expect(body(renamed)).toMatchObject({ id, name: 'Northern University', status: 'active', suspendedAt: null });
      // The issuer service learnt the new name through the same upsert as at creation, behind the internal token.
      expect(issuer.provisioned.at(-1)).toMatchObject({ id, name: 'Northern University', headers: { 'x-internal-token': INTERNAL_TOKEN } });
      expect((await send({ method: 'GET', url: '/v2/institutions/self', headers: bearer(token) })).body).toContain('Northern University');
      // The same name again changes nothing, records nothing.
      expect((await send({ method: 'PATCH', url: `/admin/institutions/${id}`, headers: admin, payload: { name: 'Northern University' } })).statusCode).toBe(200);
      const entries = await auditOf(token, 'institution.renamed');
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ actor: null, target: { type: 'Institution', entityId: id }, changes: { name: { before: 'Northern College', after: 'Northern University' } } });

      for (const [url, payload, status, code] of [
        [`/admin/institutions/${id}`, { name: ' ' }, 400, 'validation_failed'],
        [`/admin/institutions/${id}`, { name: 'x'.repeat(256) }, 400, 'validation_failed'],
        [`/admin/institutions/${UNKNOWN_ID}`, { name: 'Ghost' }, 404, 'not_found'],
        ['/admin/institutions/not-an-id', { name: 'Ghost' }, 404, 'not_found'],
      ] as const) {
        const response = await send({ method: 'PATCH', url, headers: admin, payload });
        expect([url, response.statusCode, body(response).error.code]).toEqual([url, status, code]);
      }
      expect((await send({ method: 'PATCH', url: `/admin/institutions/${id}`, headers: bearer(token), payload: { name: 'Mine now' } })).statusCode).toBe(401);
    });

    it('keeps the old name everywhere when an owning service cannot take the new one (503)', async () => {
      const { id } = await institution('Southern College');
      issuer.provisioning = 'fail';
      const response = await send({ method: 'PATCH', url: `/admin/institutions/${id}`, headers: admin, payload: { name: 'Southern University' } });
      expect([response.statusCode, body(response).error.code]).toEqual([503, 'service_unavailable']);
      expect((await listed(id))?.name).toBe('Southern College');
    });
  });

  describe('suspend and reactivate', () => {
    it('suspends with a reason and reactivates, each idempotent and recorded once in the institution’s trail', async () => {
      const { id, token } = await institution();
      const suspended = await suspend(id, { reason: '  Contract ended ' });
      expect(suspended.statusCode).toBe(200);
      expect(contractMismatches(AdminInstitutionSchema, body(suspended))).toEqual([]);
      expect(body(suspended)).toMatchObject({ status: 'suspended', suspendedAt: expect.any(String), suspendedReason: 'Contract ended' });
      // Again: answered as it is, the first suspension's time and reason kept.
      const again = await suspend(id, { reason: 'Other' });
      expect([again.statusCode, body(again)]).toEqual([200, body(suspended)]);
      expect(await listed(id)).toMatchObject({ status: 'suspended', suspendedReason: 'Contract ended' });

      const reactivated = await reactivate(id);
      expect([reactivated.statusCode, body(reactivated)]).toEqual([200, expect.objectContaining({ status: 'active', suspendedAt: null, suspendedReason: null })]);
      expect((await reactivate(id)).statusCode).toBe(200);
      // Without a body, or with a blank reason, there is no reason.
      expect(body(await suspend(id))).toMatchObject({ status: 'suspended', suspendedReason: null });
      expect(body(await reactivate(id)).status).toBe('active');

      const suspensions = await auditOf(token, 'institution.suspended');
      expect(suspensions.map((entry) => entry.changes)).toEqual([{ status: { before: 'active', after: 'suspended' } }, { status: { before: 'active', after: 'suspended' }, suspendedReason: { after: 'Contract ended' } }]);
      expect(suspensions.every((entry) => entry.actor === null && entry.target.entityId === id)).toBe(true);
      expect(await auditOf(token, 'institution.reactivated')).toHaveLength(2);
    });

    it('answers 404 for an unknown institution, 400 for a bad reason, 401 without the operator token', async () => {
      const { id, token } = await institution();
      for (const response of [await suspend(UNKNOWN_ID), await reactivate(UNKNOWN_ID), await suspend('nope'), await reactivate('nope')]) {
        expect([response.statusCode, body(response).error.code]).toEqual([404, 'not_found']);
      }
      for (const payload of [{ reason: 'x'.repeat(501) }, { reason: 42 }]) {
        const response = await suspend(id, payload);
        expect([response.statusCode, body(response).error.code, body(response).error.field]).toEqual([400, 'validation_failed', 'reason']);
      }
      expect((await send({ method: 'POST', url: `/admin/institutions/${id}/suspend`, headers: bearer(token) })).statusCode).toBe(401);
      expect((await listed(id))?.status).toBe('active');
    });

    it('refuses every sign-in of a suspended institution in RFC 6749 or institution_suspended terms, and reactivation restores them', async () => {
      const { id, client, token } = await institution();
      const member = await person(token);
      const other = await institution('Another College');
      expect((await suspend(id)).statusCode).toBe(200);

      expectSuspendedOAuth(await clientGrant(client), 401, 'invalid_client');
      expectSuspendedOAuth(await signIn(member.email), 400, 'invalid_grant');
      expectSuspendedOAuth(await refresh(member.refresh), 400, 'invalid_grant');
      // A wrong password learns nothing more than it did.
      const wrong = await signIn(member.email, 'wrong password');
      expect([wrong.statusCode, body(wrong).error, body(wrong).error_description]).toEqual([400, 'invalid_grant', 'The email address or the password is wrong.']);
      // The web console's sign-in, as a person and with the client.
      expectSuspended(await send({ method: 'POST', url: '/web/session/staff', headers: asStaff, payload: { username: member.email, password: PASSWORD } }));
      expectSuspended(await send({ method: 'POST', url: '/web/session/staff', headers: asStaff, payload: { client_id: client.clientId, client_secret: client.clientSecret } }));
      // Another institution is untouched.
      expect((await clientGrant(other.client)).statusCode).toBe(200);

      expect((await reactivate(id)).statusCode).toBe(200);
      expect((await clientGrant(client)).statusCode).toBe(200);
      // The refresh token was not used up by the refused attempt.
      expect((await refresh(member.refresh)).statusCode).toBe(200);
      expect((await signIn(member.email)).statusCode).toBe(200);
      expect((await send({ method: 'POST', url: '/web/session/staff', headers: asStaff, payload: { username: member.email, password: PASSWORD } })).statusCode).toBe(204);
    });

    it('refuses tokens already issued, a client’s and a person’s, at once here and within 5 s on another instance; reactivated, they work again', async () => {
      const { id, token } = await institution();
      const member = await person(token);
      // A second instance on the same database, as another replica: it learns of the suspension only from the database.
      const replica = await createGatewayApp({ database: gateway.database, config, services: { issuer: issuer.client }, env: {} });
      const replicaHttp = replica.getHttpAdapter().getInstance();
      try {
        const read = (instance: FastifyInstance, access: string) => instance.inject({ method: 'GET', url: '/v2/issuers', headers: bearer(access) });
        for (const access of [token, member.access]) {
          expect((await read(gateway.http, access)).statusCode).toBe(200);
          // Warm on the replica right up to the suspension, so its cache must expire for the 403 to show.
          expect((await read(replicaHttp, access)).statusCode).toBe(200);
        }

        const suspendedAt = Date.now();
        expect((await suspend(id, { reason: 'Audit' })).statusCode).toBe(200);
        for (const access of [token, member.access]) expectSuspended(await read(gateway.http, access));
        for (const access of [token, member.access]) {
          let refused: LightMyRequestResponse;
          do refused = await read(replicaHttp, access);
          while (refused.statusCode === 200 && Date.now() - suspendedAt < 6000 && (await pause(50)));
          expectSuspended(refused);
          expect(Date.now() - suspendedAt).toBeLessThanOrEqual(5000);
        }
        // The web console's "who am I" with a person's cookie says the same.
        expectSuspended(await send({ method: 'GET', url: '/web/session/staff', headers: { ...asStaff, authorization: `Bearer ${member.access}` } }));
        issuer.reset();
        expectSuspended(await send({ method: 'POST', url: '/v2/badgeclasses/BBBBBBBBBBBBBBBBBBBBBB/assertions', headers: bearer(token), payload: { recipient: { identity: 'a@example.org' } } }));
        expect(issuer.received).toHaveLength(0);

        const reactivatedAt = Date.now();
        expect((await reactivate(id)).statusCode).toBe(200);
        for (const access of [token, member.access]) expect((await read(gateway.http, access)).statusCode).toBe(200);
        let served: LightMyRequestResponse;
        do served = await read(replicaHttp, member.access);
        while (served.statusCode === 403 && Date.now() - reactivatedAt < 6000 && (await pause(50)));
        expect(served.statusCode).toBe(200);
      } finally {
        await replica.close();
      }
    });

    it('keeps a suspended institution’s public documents readable: no token, no institution check', async () => {
      const { id } = await institution();
      expect((await suspend(id)).statusCode).toBe(200);
      for (const url of ['/public/assertions/A1', '/public/assertions/A1/image', '/public/badges/B1', '/public/issuers/I1', '/public/issuers/I1/image']) {
        issuer.reset();
        const response = await send({ method: 'GET', url });
        expect([url, response.statusCode]).toEqual([url, 200]);
        expect(issuer.last.url).toBe(url);
      }
    });
  });

  describe('counts', () => {
    it('lists status and counts: active people, unrevoked clients, and the issuer service’s from one internal request', async () => {
      const { id, token } = await institution();
      await person(token);
      // Invited, not yet joined: not counted.
      expect((await send({ method: 'POST', url: '/v2/staff', headers: bearer(token), payload: { email: `invited.${++counter}.${target.name}@college.example`, name: 'Not yet' } })).statusCode).toBe(201);
      const extra = await send({ method: 'POST', url: '/v2/clients', headers: bearer(token), payload: { name: 'Sync', scope: 'read' } });
      const revoked = await send({ method: 'POST', url: '/v2/clients', headers: bearer(token), payload: { name: 'Old', scope: 'read' } });
      expect([extra.statusCode, revoked.statusCode]).toEqual([201, 201]);
      expect((await send({ method: 'POST', url: `/v2/clients/${body(revoked).result[0].clientId}/revoke`, headers: bearer(token) })).statusCode).toBe(200);
      const empty = await institution('Empty College');

      issuer.reset();
      issuer.counts = { institutions: [{ institutionId: id, issuers: 2, badgeClasses: 5, assertionsAwarded: 40, assertionsRevoked: 3 }] };
      expect(await listed(id)).toMatchObject({ status: 'active', counts: { people: 1, apiClients: 2, issuers: 2, badgeClasses: 5, assertionsAwarded: 40, assertionsRevoked: 3 } });
      expect(issuer.countRequests).toHaveLength(1);
      expect(issuer.countRequests[0].headers['x-internal-token']).toBe(INTERNAL_TOKEN);
      expect((await listed(empty.id))?.counts).toEqual({ people: 0, apiClients: 1, issuers: 0, badgeClasses: 0, assertionsAwarded: 0, assertionsRevoked: 0 });

      // The issuer service down: the list is still served, without its counts.
      issuer.counts = 'fail';
      expect((await listed(id))?.counts).toEqual({ people: 1, apiClients: 2, issuers: null, badgeClasses: null, assertionsAwarded: null, assertionsRevoked: null });
      issuer.unreachable = true;
      expect((await listed(id))?.counts.issuers).toBeNull();
    });
  });

  describe('migration runs (issue #18)', () => {
    it('forwards each operator route to the issuer with the institution as tenant, and passes its answers through', async () => {
      const { id } = await institution('Migrating College');
      issuer.reset();
      issuer.reply = { status: 201, headers: { 'content-type': 'application/json' }, body: '{"id":"run1"}' };
      const started = await send({ method: 'POST', url: `/admin/institutions/${id}/migrations`, headers: admin, payload: { dryRun: true } });
      expect([started.statusCode, body(started)]).toEqual([201, { id: 'run1' }]);
      expect(issuer.last).toMatchObject({ method: 'POST', url: '/internal/migrations/runs', headers: { 'x-institution-id': id, 'x-internal-token': INTERNAL_TOKEN } });
      expect(JSON.parse(issuer.last.body.toString('utf8'))).toEqual({ dryRun: true });

      issuer.reply = { status: 409, headers: { 'content-type': 'application/json' }, body: '{"error":{"code":"conflict","message":"finished"}}' };
      const refused = await send({ method: 'POST', url: `/admin/institutions/${id}/migrations/run1/batches`, headers: admin, payload: { assertions: [] } });
      expect([refused.statusCode, body(refused).error.code]).toEqual([409, 'conflict']);
      expect(issuer.last.url).toBe('/internal/migrations/runs/run1/batches');

      issuer.reply = { status: 200, headers: { 'content-type': 'application/json' }, body: '{"problems":[]}' };
      await send({ method: 'GET', url: `/admin/institutions/${id}/migrations/run1/problems?page=2&perPage=10`, headers: admin });
      expect(issuer.last.url).toBe('/internal/migrations/runs/run1/problems?page=2&perPage=10');
      for (const url of [`/admin/institutions/${id}/migrations/run1`, `/admin/institutions/${id}/migrations`]) {
        await send({ method: 'GET', url, headers: admin });
        expect(issuer.last.url).toBe(url.replace(`/admin/institutions/${id}/migrations`, '/internal/migrations/runs'));
      }
      await send({ method: 'POST', url: `/admin/institutions/${id}/migrations/run1/finish`, headers: admin });
      expect(issuer.last.url).toBe('/internal/migrations/runs/run1/finish');

      const before = issuer.received.length;
      expect((await send({ method: 'GET', url: `/admin/institutions/${id}/migrations`, headers: {} })).statusCode).toBe(401);
      expect((await send({ method: 'GET', url: '/admin/institutions/bad%20id/migrations', headers: admin })).statusCode).toBe(404);
      expect((await send({ method: 'GET', url: `/admin/institutions/${id}/migrations/bad%20run`, headers: admin })).statusCode).toBe(404);
      expect(issuer.received.length).toBe(before);
    });
  });
});

function pause(ms: number): Promise<true> {
  return new Promise((resolve) => setTimeout(() => resolve(true), ms));
}

/** The probe's first defined answer, polled until `timeoutMs`. */
async function eventually<T>(probe: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await pause(20);
  }
}
