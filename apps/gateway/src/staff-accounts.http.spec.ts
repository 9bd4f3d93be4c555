import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

import {
  contractMismatches,
  IssuerStaffV2Schema,
  OAuthErrorResponseSchema,
  OAuthTokenResponseSchema,
  StaffMemberV2Schema,
  StaffSessionsRevokedV2Schema,
  v2SuccessEnvelopeSchema,
  type StaffMemberV2,
} from '@badges/api-contracts';
import { Topic, type StaffInvitedPayload, type StaffPasswordResetRequestedPayload } from '@badges/events';
import { sharedInProcessBus } from '@badges/messaging';
import { databaseTargets } from '@badges/persistence';
import { loadConfig } from '@badges/service-kit';

import { GatewayConfigSchema } from './config/gateway.config';
import { createGatewayApp } from './gateway.app';
import { GatewayPrismaService } from './prisma/gateway-prisma.service';
import { gatewayUnderTest } from './testing/gateway-under-test';

const PUBLIC_URL = 'https://badges.example.org';
const config = loadConfig('gateway', GatewayConfigSchema, {
  ADMIN_TOKEN: 'admin-token-for-tests-0123456789',
  SECRETS_ENCRYPTION_KEY: 'secrets-encryption-key-for-tests-0123456789',
  INTERNAL_TOKEN: 'internal-token-for-tests',
  PUBLIC_URL,
  LOG_LEVEL: 'silent',
  PASSWORD_SCRYPT_LOG_N: '14',
  // Every test signs in from one address: the per-address limit is not what is under test here.
  RATE_LIMIT_OAUTH_TOKEN_PER_IP: '1000/60',
});
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const ISSUER_A = 'IssuerAAAAAAAAAAAAAAAA';
const ISSUER_B = 'IssuerBBBBBBBBBBBBBBBB';
const PASSWORD = 'correct horse battery';

/** What the notification service would get: the gateway's outbox events, heard on the in-process bus. */
const mail = { invitations: [] as StaffInvitedPayload[], resets: [] as StaffPasswordResetRequestedPayload[], inviters: new Map<string, unknown>() };

beforeAll(async () => {
  await sharedInProcessBus().subscribe({
    group: 'test-mailer',
    topics: [Topic.StaffInvited, Topic.StaffPasswordResetRequested],
    handler: async (event) => {
      if (event.type === Topic.StaffInvited) {
        mail.invitations.push(event.payload as StaffInvitedPayload);
        mail.inviters.set(event.payload.staffId, event.actor);
      } else mail.resets.push(event.payload as StaffPasswordResetRequestedPayload);
    },
  });
});

/** Issue #16: people, not machines. */
describe.each(databaseTargets())('staff accounts ($name)', (target) => {
  const gateway = gatewayUnderTest(target, config);
  const { issuer, send, tokenFor } = gateway;
  const body = (response: LightMyRequestResponse) => JSON.parse(response.body);
  let counter = 0;
  const address = (who: string) => `${who}.${++counter}.${target.name}@college.example`;

  async function institution(name = 'Collège Boréal'): Promise<{ id: string; token: string }> {
    const { id, client } = await gateway.createInstitution(name);
    return { id, token: await tokenFor(client) };
  }

  async function invite(adminToken: string, person: Record<string, unknown>): Promise<StaffMemberV2> {
    const response = await send({ method: 'POST', url: '/v2/staff', headers: bearer(adminToken), payload: person });
    expect([response.statusCode, response.body]).toEqual([201, expect.any(String)]);
    expect(contractMismatches(v2SuccessEnvelopeSchema(StaffMemberV2Schema), body(response))).toEqual([]);
    return StaffMemberV2Schema.parse(body(response).result[0]);
  }

  /** The token of the newest link emailed to `email`, from the event's URL fragment. */
  async function linkToken(kind: 'invitations' | 'resets', email: string): Promise<string> {
    const payload = await eventually(() => mail[kind].findLast((sent) => sent.email === email));
    const url = new URL('acceptUrl' in payload ? payload.acceptUrl : payload.resetUrl);
    return new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
  }

  const signIn = (username: string, password: string, extra: Record<string, string> = {}) => send({ method: 'POST', url: '/o/token', payload: { grant_type: 'password', username, password, ...extra } });
  const refresh = (refreshToken: string) => send({ method: 'POST', url: '/o/token', payload: { grant_type: 'refresh_token', refresh_token: refreshToken } });

  /** A person invited with `roles`, who accepted and signed in: their id, email and tokens. */
  async function person(adminToken: string, roles: Record<string, unknown> = {}): Promise<{ staffId: string; email: string; access: string; refresh: string }> {
    const email = address('person');
    const invited = await invite(adminToken, { email, name: 'Grace Hopper', ...roles });
    expect((await send({ method: 'POST', url: '/v2/staff/invitations/accept', payload: { token: await linkToken('invitations', email), password: PASSWORD } })).statusCode).toBe(200);
    const tokens = await signIn(email, PASSWORD);
    expect(tokens.statusCode).toBe(200);
    return { staffId: invited.staffId, email, access: body(tokens).access_token, refresh: body(tokens).refresh_token };
  }

  function expectOAuthError(response: LightMyRequestResponse, error: string): void {
    expect([response.statusCode, body(response).error]).toEqual([400, error]);
    expect(contractMismatches(OAuthErrorResponseSchema, body(response))).toEqual([]);
  }

  it('invite → email → accept → password grant → refresh rotation (the old token refused, its reuse ends the session) → issuers', async () => {
    const { id: institutionId, token: adminToken } = await institution();
    const email = address('ada');
    const invited = await invite(adminToken, { email: `  ${email.toUpperCase()} `, name: 'Ada Lovelace', issuerRoles: [{ issuerId: ISSUER_A, role: 'editor' }], language: 'fr' });
    expect(invited).toMatchObject({ email, name: 'Ada Lovelace', status: 'invited', institutionRole: null, issuerRoles: [{ issuerId: ISSUER_A, role: 'editor' }], language: 'fr', lastSignInAt: null });
    // The gateway asked the issuer service whether the issuer exists, as the admin's client.
    expect(issuer.received.map((request) => request.url)).toContain(`/v2/issuers/${ISSUER_A}?include_staff=false`);

    const sent = await eventually(() => mail.invitations.find((payload) => payload.email === email));
    expect(sent).toMatchObject({ staffId: invited.staffId, name: 'Ada Lovelace', institutionName: 'Collège Boréal', language: 'fr', acceptUrl: expect.stringMatching(/^https:\/\/badges\.example\.org\/console\/invitation#token=bsi_/) });
    expect(sent).not.toHaveProperty('invitedByName');
    // The event names who invited: the admin's client.
    expect(mail.inviters.get(invited.staffId)).toEqual({ type: 'client', id: expect.any(String) });
    expect(Date.parse(sent.expiresAt) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    const invitation = await linkToken('invitations', email);

    expectOAuthError(await signIn(email, PASSWORD), 'invalid_grant');
    const accepted = await send({ method: 'POST', url: '/v2/staff/invitations/accept', payload: { token: invitation, password: PASSWORD, name: 'Augusta Ada King' } });
    expect(accepted.statusCode).toBe(200);
    expect(body(accepted).result[0]).toMatchObject({ staffId: invited.staffId, status: 'active', name: 'Augusta Ada King' });
    const again = await send({ method: 'POST', url: '/v2/staff/invitations/accept', payload: { token: invitation, password: PASSWORD } });
    expect([again.statusCode, body(again).error]).toMatchObject([400, { code: 'invalid_confirmation', field: 'token' }]);

    const first = await signIn(email.toUpperCase(), PASSWORD, { client_id: 'public', scope: 'rw:issuer rw:profile' });
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('no-store');
    expect(contractMismatches(OAuthTokenResponseSchema, body(first))).toEqual([]);
    expect(body(first)).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'rw:issuer', refresh_token: expect.stringMatching(/^bsr_/) });
    const claims = JSON.parse(Buffer.from(body(first).access_token.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ sub: invited.staffId, staff_id: invited.staffId, sid: expect.any(String), institution_id: institutionId, scope: 'rw:issuer' });
    expect(claims).not.toHaveProperty('client_id');

    issuer.reset();
    expect((await send({ method: 'GET', url: '/v2/issuers', headers: bearer(body(first).access_token) })).statusCode).toBe(200);
    expect(issuer.last.headers).toMatchObject({ 'x-institution-id': institutionId, 'x-badges-actor': `staff:${invited.staffId}`, 'x-badges-staff-roles': `editor:${ISSUER_A}`, 'x-badges-staff-language': 'fr' });
    expect(issuer.last.headers['x-client-id']).toBeUndefined();
    const self = await send({ method: 'GET', url: '/v2/staff/self', headers: bearer(body(first).access_token) });
    expect(self.statusCode).toBe(200);
    expect(body(self).result[0]).toMatchObject({ staffId: invited.staffId, lastSignInAt: expect.any(String) });

    const second = await refresh(body(first).refresh_token);
    expect(second.statusCode).toBe(200);
    expect(body(second)).toMatchObject({ token_type: 'Bearer', scope: 'rw:issuer', refresh_token: expect.stringMatching(/^bsr_/) });
    expect(body(second).refresh_token).not.toBe(body(first).refresh_token);
    expect((await send({ method: 'GET', url: '/v2/issuers', headers: bearer(body(second).access_token) })).statusCode).toBe(200);
    // A narrower scope on refresh makes a narrower token (a wider one than the sign-in's is refused: below).
    const narrower = await send({ method: 'POST', url: '/o/token', payload: { grant_type: 'refresh_token', refresh_token: body(second).refresh_token, scope: 'r:issuer' } });
    expect([narrower.statusCode, body(narrower).scope]).toEqual([200, 'r:issuer']);
    expect((await send({ method: 'POST', url: `/v2/issuers/${ISSUER_A}/badgeclasses`, headers: bearer(body(narrower).access_token), payload: {} })).statusCode).toBe(403);

    // The first refresh token was rotated: sending it again is a reuse, and ends the session.
    expectOAuthError(await refresh(body(first).refresh_token), 'invalid_grant');
    expectOAuthError(await refresh(body(narrower).refresh_token), 'invalid_grant');
    for (const token of [body(first).access_token, body(second).access_token, body(narrower).access_token]) {
      const refused = await send({ method: 'GET', url: '/v2/issuers', headers: bearer(token) });
      expect([refused.statusCode, body(refused).error.message]).toEqual([401, expect.stringContaining('session has ended')]);
    }
    // Signing in again starts a new session.
    const fresh = await signIn(email, PASSWORD);
    expect((await send({ method: 'GET', url: '/v2/issuers', headers: bearer(body(fresh).access_token) })).statusCode).toBe(200);
    const read = await signIn(email, PASSWORD, { scope: 'r:issuer' });
    expect(body(read).scope).toBe('r:issuer');
    expectOAuthError(await send({ method: 'POST', url: '/o/token', payload: { grant_type: 'refresh_token', refresh_token: body(read).refresh_token, scope: 'rw:issuer' } }), 'invalid_scope');
    // The refused refresh changed nothing: the token still works once.
    expect((await refresh(body(read).refresh_token)).statusCode).toBe(200);
  });

  it('forwards exactly the person’s roles and email language as they are now, and strips whatever a caller sends', async () => {
    const { token: adminToken } = await institution();
    const forged = { 'x-badges-staff-roles': 'admin', 'x-badges-staff-language': 'fr', 'x-badges-actor': 'staff:someone-else', 'x-institution-id': 'elsewhere' };
    const roles = async (token: string) => {
      issuer.reset();
      expect((await send({ method: 'GET', url: '/v2/issuers', headers: { ...bearer(token), ...forged } })).statusCode).toBe(200);
      return issuer.last.headers;
    };
    const clientHeaders = await roles(adminToken);
    expect(clientHeaders['x-badges-staff-roles']).toBeUndefined();
    expect(clientHeaders['x-badges-staff-language']).toBeUndefined();
    expect(clientHeaders['x-badges-actor']).toMatch(/^client:/);

    const editor = await person(adminToken, { issuerRoles: [{ issuerId: ISSUER_B, role: 'owner' }, { issuerId: ISSUER_A, role: 'staff' }] });
    expect(await roles(editor.access)).toMatchObject({ 'x-badges-staff-roles': `staff:${ISSUER_A},owner:${ISSUER_B}`, 'x-badges-staff-language': 'en', 'x-badges-actor': `staff:${editor.staffId}` });
    const nobody = await person(adminToken);
    expect((await roles(nobody.access))['x-badges-staff-roles']).toBe('none');
    const admin = await person(adminToken, { institutionRole: 'admin', issuerRoles: [{ issuerId: ISSUER_A, role: 'staff' }] });
    expect((await roles(admin.access))['x-badges-staff-roles']).toBe('admin');
    // A person who invites is named in the email and, as the actor, on the event.
    const invitee = await invite(admin.access, { email: address('invitee'), name: 'Invitee' });
    const sent = await eventually(() => mail.invitations.find((payload) => payload.staffId === invitee.staffId));
    expect(sent.invitedByName).toBe('Grace Hopper');
    expect(mail.inviters.get(invitee.staffId)).toEqual({ type: 'staff', id: admin.staffId });

    // New roles reach the services within the status cache's second, on the tokens already held.
    const changed = await send({ method: 'PUT', url: `/v2/staff/${nobody.staffId}`, headers: bearer(admin.access), payload: { issuerRoles: [{ issuerId: ISSUER_B, role: 'editor' }] } });
    expect(changed.statusCode).toBe(200);
    expect(body(changed).result[0]).toMatchObject({ institutionRole: null, issuerRoles: [{ issuerId: ISSUER_B, role: 'editor' }] });
    await eventually(async () => ((await roles(nobody.access))['x-badges-staff-roles'] === `editor:${ISSUER_B}` ? true : undefined), 3000);
  });

  it('lets a person without any role read but not write; admin-only writes need admin', async () => {
    const { token: adminToken } = await institution();
    const nobody = await person(adminToken);
    const editor = await person(adminToken, { issuerRoles: [{ issuerId: ISSUER_A, role: 'editor' }] });
    const admin = await person(adminToken, { institutionRole: 'admin' });
    const write = { method: 'POST' as const, url: `/v2/issuers/${ISSUER_A}/badgeclasses`, payload: { name: 'Robotics' } };
    const newIssuer = { method: 'POST' as const, url: '/v2/issuers', payload: { name: 'Faculty of Arts' } };

    issuer.reset();
    expect((await send({ method: 'GET', url: `/v2/issuers/${ISSUER_A}/badgeclasses`, headers: bearer(nobody.access) })).statusCode).toBe(200);
    const refused = await send({ ...write, headers: bearer(nobody.access) });
    expect([refused.statusCode, body(refused).error]).toEqual([403, { code: 'forbidden', message: expect.stringContaining('no role') }]);
    expect(issuer.received).toHaveLength(1);

    expect((await send({ ...write, headers: bearer(editor.access) })).statusCode).toBe(200);
    const notAdmin = await send({ ...newIssuer, headers: bearer(editor.access) });
    expect([notAdmin.statusCode, body(notAdmin).error.message]).toEqual([403, expect.stringContaining('admins')]);
    expect((await send({ ...newIssuer, headers: bearer(admin.access) })).statusCode).toBe(200);
    // A read-only sign-in is read-only whatever the roles.
    const readOnly = body(await signIn(admin.email, PASSWORD, { scope: 'r:issuer' })).access_token;
    expect((await send({ ...write, headers: bearer(readOnly) })).statusCode).toBe(403);
  });

  it('keeps the people routes to the institution’s admins (403) and to their own institution (404)', async () => {
    const { token: adminToken } = await institution();
    const editor = await person(adminToken, { issuerRoles: [{ issuerId: ISSUER_A, role: 'owner' }] });
    const admin = await person(adminToken, { institutionRole: 'admin' });
    const { token: otherAdminToken } = await institution('Another College');
    const stranger = await person(otherAdminToken);
    const reader = body(await send({ method: 'POST', url: '/v2/clients', headers: bearer(adminToken), payload: { name: 'Reader', scope: 'read' } })).result[0];
    const readerToken = await tokenFor(reader);

    const calls = (staffId: string) => [
      { method: 'GET', url: '/v2/staff' },
      { method: 'POST', url: '/v2/staff', payload: { email: address('x'), name: 'X' } },
      { method: 'PUT', url: `/v2/staff/${staffId}`, payload: { institutionRole: 'admin' } },
      { method: 'DELETE', url: `/v2/staff/${staffId}` },
      { method: 'POST', url: `/v2/staff/${staffId}/sessions/revoke` },
      { method: 'GET', url: '/v2/clients' },
      { method: 'GET', url: '/v2/audit' },
    ] as const;
    for (const call of calls(editor.staffId)) {
      for (const token of [editor.access, readerToken]) {
        const response = await send({ method: call.method, url: call.url, headers: bearer(token), ...('payload' in call && { payload: call.payload }) });
        expect([call.method, call.url, response.statusCode]).toEqual([call.method, call.url, 403]);
      }
    }
    // The other institution's person does not exist for this institution's admins.
    for (const call of calls(stranger.staffId).slice(2, 5)) {
      const response = await send({ method: call.method, url: call.url, headers: bearer(admin.access), ...('payload' in call && { payload: call.payload }) });
      expect([call.method, call.url, response.statusCode]).toEqual([call.method, call.url, 404]);
    }
    const list = await send({ method: 'GET', url: '/v2/staff', headers: bearer(admin.access) });
    expect(contractMismatches(v2SuccessEnvelopeSchema(StaffMemberV2Schema), body(list))).toEqual([]);
    expect(body(list).result.map((member: StaffMemberV2) => member.staffId)).toEqual([editor.staffId, admin.staffId]);
    expect((await send({ method: 'GET', url: '/v2/staff/self', headers: bearer(stranger.access) })).statusCode).toBe(200);
    const asClient = await send({ method: 'GET', url: '/v2/staff/self', headers: bearer(adminToken) });
    expect([asClient.statusCode, body(asClient).error.code]).toEqual([403, 'forbidden']);
  });

  it('refuses a removed person’s tokens at once here and within 5 s on another gateway; ending sessions does the same', async () => {
    const { token: adminToken } = await institution();
    const gone = await person(adminToken, { issuerRoles: [{ issuerId: ISSUER_A, role: 'staff' }] });
    const replica = await createGatewayApp({ database: gateway.database, config, services: { issuer: issuer.client }, env: {} });
    const replicaHttp = replica.getHttpAdapter().getInstance();
    try {
      const read = (instance: FastifyInstance) => instance.inject({ method: 'GET', url: '/v2/issuers', headers: bearer(gone.access) });
      expect((await read(gateway.http)).statusCode).toBe(200);
      expect((await read(replicaHttp)).statusCode).toBe(200);

      const removedAt = Date.now();
      const removed = await send({ method: 'DELETE', url: `/v2/staff/${gone.staffId}`, headers: bearer(adminToken) });
      expect(removed.statusCode).toBe(200);
      expect(body(removed).result[0]).toMatchObject({ status: 'removed', removedAt: expect.any(String) });
      expect((await read(gateway.http)).statusCode).toBe(401);
      let refused: LightMyRequestResponse;
      do refused = await read(replicaHttp);
      while (refused.statusCode === 200 && Date.now() - removedAt < 6000 && (await pause(50)));
      expect(refused.statusCode).toBe(401);
      expect(Date.now() - removedAt).toBeLessThanOrEqual(5000);
      expectOAuthError(await refresh(gone.refresh), 'invalid_grant');
      expectOAuthError(await signIn(gone.email, PASSWORD), 'invalid_grant');
      expect((await send({ method: 'DELETE', url: `/v2/staff/${gone.staffId}`, headers: bearer(adminToken) })).statusCode).toBe(200);
      expect((await send({ method: 'PUT', url: `/v2/staff/${gone.staffId}`, headers: bearer(adminToken), payload: {} })).statusCode).toBe(409);
    } finally {
      await replica.close();
    }

    const lost = await person(adminToken);
    const second = body(await signIn(lost.email, PASSWORD)).access_token;
    const revoked = await send({ method: 'POST', url: `/v2/staff/${lost.staffId}/sessions/revoke`, headers: bearer(adminToken) });
    expect(revoked.statusCode).toBe(200);
    expect(contractMismatches(v2SuccessEnvelopeSchema(StaffSessionsRevokedV2Schema), body(revoked))).toEqual([]);
    expect(body(revoked).result[0]).toEqual({ staffId: lost.staffId, revokedSessions: 2 });
    for (const token of [lost.access, second]) expect((await send({ method: 'GET', url: '/v2/issuers', headers: bearer(token) })).statusCode).toBe(401);
    expect((await signIn(lost.email, PASSWORD)).statusCode).toBe(200);
  });

  it('slows down wrong passwords per address (429 with Retry-After), on counters of its own', async () => {
    const { token: adminToken } = await institution();
    const target = await person(adminToken);
    for (let attempt = 1; attempt <= config.RATE_LIMIT_SIGN_IN_FREE_FAILURES + 1; attempt++) expectOAuthError(await signIn(target.email, 'wrong password'), 'invalid_grant');
    const throttled = await signIn(target.email, PASSWORD);
    expect(throttled.statusCode).toBe(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(body(throttled).error.code).toBe('rate_limited');
    // The web sign-in checks the same password, on the same counters.
    const web = await send({ method: 'POST', url: '/web/session/staff', headers: { 'x-badges-session': 'staff' }, payload: { username: target.email, password: PASSWORD } });
    expect(web.statusCode).toBe(429);
    // An unknown address gets the same answer as a wrong password.
    expectOAuthError(await signIn(address('nobody'), 'wrong password'), 'invalid_grant');
  });

  it('resets a forgotten password by email: 202 whoever asks, a one-hour link, every session ended', async () => {
    const { token: adminToken } = await institution();
    const forgetful = await person(adminToken);
    const unknown = address('unknown');
    for (const email of [forgetful.email, unknown]) {
      const asked = await send({ method: 'POST', url: '/v2/staff/password-reset', payload: { email } });
      expect([asked.statusCode, body(asked)]).toEqual([202, { status: { success: true, description: 'ok' }, result: [] }]);
    }
    const sent = await eventually(() => mail.resets.find((payload) => payload.email === forgetful.email));
    expect(sent).toMatchObject({ staffId: forgetful.staffId, resetUrl: expect.stringMatching(/^https:\/\/badges\.example\.org\/console\/password-reset#token=bsp_/) });
    expect(Date.parse(sent.expiresAt) - Date.now()).toBeLessThanOrEqual(3_600_000);
    const token = await linkToken('resets', forgetful.email);

    const weak = await send({ method: 'POST', url: '/v2/staff/password-reset/confirm', payload: { token, password: 'short' } });
    expect([weak.statusCode, body(weak).error.field]).toEqual([400, 'password']);
    const confirmed = await send({ method: 'POST', url: '/v2/staff/password-reset/confirm', payload: { token, password: 'a brand new passphrase' } });
    expect(confirmed.statusCode).toBe(204);
    expect((await send({ method: 'GET', url: '/v2/issuers', headers: bearer(forgetful.access) })).statusCode).toBe(401);
    expectOAuthError(await refresh(forgetful.refresh), 'invalid_grant');
    expectOAuthError(await signIn(forgetful.email, PASSWORD), 'invalid_grant');
    expect((await signIn(forgetful.email, 'a brand new passphrase')).statusCode).toBe(200);
    const reused = await send({ method: 'POST', url: '/v2/staff/password-reset/confirm', payload: { token, password: 'yet another passphrase' } });
    expect([reused.statusCode, body(reused).error.code]).toEqual([400, 'invalid_confirmation']);
    // Nothing was sent for the unknown address, whose answer was the same.
    await pause(200);
    expect(mail.resets.some((payload) => payload.email === unknown)).toBe(false);
  });

  it('signs a person in to the web app and out again (the session ends)', async () => {
    const { id: institutionId, token: adminToken } = await institution();
    const member = await person(adminToken);
    const asStaff = { 'x-badges-session': 'staff' };
    const signedIn = await send({ method: 'POST', url: '/web/session/staff', headers: asStaff, payload: { username: member.email, password: PASSWORD } });
    expect(signedIn.statusCode).toBe(204);
    const cookie = String(signedIn.headers['set-cookie']).split(';')[0];
    const who = await send({ method: 'GET', url: '/web/session/staff', headers: { ...asStaff, cookie } });
    expect(body(who)).toEqual({ institutionId, staffId: member.staffId });
    const wrong = await send({ method: 'POST', url: '/web/session/staff', headers: asStaff, payload: { username: member.email, password: 'wrong password' } });
    expect([wrong.statusCode, body(wrong).error.code]).toEqual([401, 'invalid_credentials']);
    const missing = await send({ method: 'POST', url: '/web/session/staff', headers: asStaff, payload: { username: member.email } });
    expect([missing.statusCode, body(missing).error.field]).toEqual([400, 'password']);

    expect((await send({ method: 'DELETE', url: '/web/session/staff', headers: { ...asStaff, cookie } })).statusCode).toBe(204);
    const token = decodeURIComponent(cookie.split('=')[1]);
    expect((await send({ method: 'GET', url: '/v2/issuers', headers: bearer(token) })).statusCode).toBe(401);
    expect((await send({ method: 'GET', url: '/v2/issuers', headers: bearer(member.access) })).statusCode).toBe(200);
  });

  it('lists an issuer’s staff in Badgr’s shape, after the issuer service says the issuer is there', async () => {
    const { token: adminToken } = await institution();
    const owner = await person(adminToken, { issuerRoles: [{ issuerId: ISSUER_A, role: 'owner' }] });
    await invite(adminToken, { email: address('pending'), name: 'Pending Person', issuerRoles: [{ issuerId: ISSUER_A, role: 'staff' }, { issuerId: ISSUER_B, role: 'editor' }] });
    await person(adminToken, { issuerRoles: [{ issuerId: ISSUER_B, role: 'owner' }] });

    const list = await send({ method: 'GET', url: `/v2/issuers/${ISSUER_A}/staff`, headers: bearer(owner.access) });
    expect(list.statusCode).toBe(200);
    expect(contractMismatches(v2SuccessEnvelopeSchema(IssuerStaffV2Schema), body(list))).toEqual([]);
    expect(body(list).result).toEqual([
      { entityType: 'IssuerStaff', user: owner.staffId, role: 'owner', userProfile: { firstName: 'Grace', lastName: 'Hopper', emails: [{ email: owner.email, verified: true, primary: true }] } },
      { entityType: 'IssuerStaff', user: expect.any(String), role: 'staff', userProfile: { firstName: 'Pending', lastName: 'Person', emails: [expect.objectContaining({ verified: false })] } },
    ]);
    expect(issuer.last).toMatchObject({ method: 'GET', url: `/v2/issuers/${ISSUER_A}?include_staff=false`, headers: expect.objectContaining({ 'x-badges-actor': `staff:${owner.staffId}` }) });

    issuer.reply = { status: 404, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: { success: false, description: 'not found' }, error: { code: 'not_found', message: 'Issuer not found.' } }) };
    const missing = await send({ method: 'GET', url: `/v2/issuers/${ISSUER_B}/staff`, headers: bearer(owner.access) });
    expect([missing.statusCode, body(missing).error.code]).toEqual([404, 'not_found']);
  });

  it('refuses an invitation naming another institution’s issuer, or an address already in use', async () => {
    const { token: adminToken } = await institution();
    const taken = await person(adminToken);
    const { token: otherToken } = await institution('Another College');
    const elsewhere = await send({ method: 'POST', url: '/v2/staff', headers: bearer(otherToken), payload: { email: taken.email, name: 'Same Address' } });
    expect([elsewhere.statusCode, body(elsewhere).error]).toEqual([409, expect.objectContaining({ code: 'conflict', field: 'email' })]);
    const active = await send({ method: 'POST', url: '/v2/staff', headers: bearer(adminToken), payload: { email: taken.email, name: 'Same Address' } });
    expect(active.statusCode).toBe(409);

    issuer.reply = { status: 404, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: { success: false, description: 'not found' }, error: { code: 'not_found', message: 'Issuer not found.' } }) };
    const foreign = await send({ method: 'POST', url: '/v2/staff', headers: bearer(adminToken), payload: { email: address('y'), name: 'Y', issuerRoles: [{ issuerId: ISSUER_B, role: 'owner' }] } });
    expect([foreign.statusCode, body(foreign).error]).toEqual([400, expect.objectContaining({ code: 'validation_failed', field: 'issuerRoles' })]);
    issuer.reset();
    const twice = await send({ method: 'POST', url: '/v2/staff', headers: bearer(adminToken), payload: { email: address('z'), name: 'Z', issuerRoles: [{ issuerId: ISSUER_A, role: 'owner' }, { issuerId: ISSUER_A, role: 'staff' }] } });
    expect(twice.statusCode).toBe(400);
  });

  it('invites a removed person again, with a new link; the old one no longer works', async () => {
    const { token: adminToken } = await institution();
    const email = address('again');
    const first = await invite(adminToken, { email, name: 'First Name' });
    const oldLink = await linkToken('invitations', email);
    await send({ method: 'DELETE', url: `/v2/staff/${first.staffId}`, headers: bearer(adminToken) });
    const again = await invite(adminToken, { email, name: 'Second Name', institutionRole: 'admin' });
    expect(again).toMatchObject({ staffId: first.staffId, status: 'invited', name: 'Second Name', institutionRole: 'admin', removedAt: null });
    const newLink = await eventually(async () => {
      const latest = await linkToken('invitations', email);
      return latest !== oldLink ? latest : undefined;
    });
    expect((await send({ method: 'POST', url: '/v2/staff/invitations/accept', payload: { token: oldLink, password: PASSWORD } })).statusCode).toBe(400);
    expect((await send({ method: 'POST', url: '/v2/staff/invitations/accept', payload: { token: newLink, password: PASSWORD } })).statusCode).toBe(200);
  });

  it('records each change to a person in the audit trail: who acted (named when read), what changed, never an address or a token', async () => {
    const { token: adminToken } = await institution();
    const admin = await person(adminToken, { institutionRole: 'admin', name: 'Ada Admin' });
    const member = await person(admin.access, { issuerRoles: [{ issuerId: ISSUER_A, role: 'staff' }] });
    await send({ method: 'PUT', url: `/v2/staff/${member.staffId}`, headers: bearer(admin.access), payload: { issuerRoles: [{ issuerId: ISSUER_A, role: 'editor' }] } });
    await send({ method: 'POST', url: `/v2/staff/${member.staffId}/sessions/revoke`, headers: bearer(admin.access) });
    await send({ method: 'DELETE', url: `/v2/staff/${member.staffId}`, headers: { ...bearer(adminToken), 'x-request-id': 'remove-request-0001' } });

    const trail = await send({ method: 'GET', url: `/v2/audit?target=${member.staffId}`, headers: bearer(admin.access) });
    expect(trail.statusCode).toBe(200);
    const entries = [...body(trail).result].reverse();
    // The actor's name is the person's (or the client's) as it is now, read with the page.
    expect(entries.map((entry: { action: string; actor: string; actorName: string | null }) => [entry.action, entry.actor, entry.actorName])).toEqual([
      ['staff.invited', `staff:${admin.staffId}`, 'Ada Admin'],
      ['staff.joined', `staff:${member.staffId}`, 'Grace Hopper'],
      ['staff.roles_changed', `staff:${admin.staffId}`, 'Ada Admin'],
      ['staff.sessions_revoked', `staff:${admin.staffId}`, 'Ada Admin'],
      ['staff.removed', expect.stringMatching(/^client:/), 'API client'],
    ]);
    expect(entries[0]).toMatchObject({ target: { type: 'StaffMember', entityId: member.staffId }, changes: { institutionRole: { after: null }, issuerRoles: { after: [{ issuerId: ISSUER_A, role: 'staff' }] } } });
    expect(entries[2].changes).toEqual({ issuerRoles: { before: [{ issuerId: ISSUER_A, role: 'staff' }], after: [{ issuerId: ISSUER_A, role: 'editor' }] } });
    expect(entries[3].changes).toEqual({ sessions: { before: 1, after: 0 } });
    expect(entries[4]).toMatchObject({ correlationId: 'remove-request-0001', changes: { status: { before: 'active', after: 'removed' } } });
    expect(trail.body).not.toContain(member.email);
    // Names are looked up when the trail is read, never written into an entry (which can never be erased).
    const stored = await gateway.app.get(GatewayPrismaService).auditEntry.findMany({ where: { targetId: member.staffId } });
    expect(stored).toHaveLength(5);
    expect(JSON.stringify(stored)).not.toMatch(/Grace Hopper|Ada Admin/);
    const csv = await send({ method: 'GET', url: `/v2/audit/export.csv?target=${member.staffId}&action=staff.joined`, headers: bearer(admin.access) });
    expect(csv.body.split('\r\n')[0]).toContain(',actor_name,');
    expect(csv.body).toContain(`,staff:${member.staffId},Grace Hopper,StaffMember,`);
  });

  it('refuses, at the database, a status or a role outside the contract’s lists', async () => {
    const { token: adminToken } = await institution();
    const member = await person(adminToken, { issuerRoles: [{ issuerId: ISSUER_A, role: 'staff' }] });
    const prisma = gateway.app.get(GatewayPrismaService);
    await expect(prisma.staffMember.update({ where: { id: member.staffId }, data: { status: 'suspended' } })).rejects.toThrow(/staff_members_status_check/);
    await expect(prisma.staffMember.update({ where: { id: member.staffId }, data: { institutionRole: 'owner' } })).rejects.toThrow(/staff_members_institution_role_check/);
    await expect(prisma.staffIssuerRole.updateMany({ where: { staffId: member.staffId }, data: { role: 'admin' } })).rejects.toThrow(/staff_issuer_roles_role_check/);
    // Only hashes are stored: no token or password in any row.
    const stored = JSON.stringify(await prisma.staffRefreshToken.findMany({ where: { session: { staffId: member.staffId } } }));
    expect(stored).not.toContain(member.refresh);
  });
});

/** True after `ms`, for use in a loop condition. */
function pause(ms: number): Promise<true> {
  return new Promise((resolve) => setTimeout(() => resolve(true), ms));
}

/** The probe's first defined answer, polled until `timeoutMs`. */
async function eventually<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await pause(20);
  }
}
