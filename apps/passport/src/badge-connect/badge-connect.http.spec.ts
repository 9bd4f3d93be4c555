/**
 * Badge Connect 2.1 (issue #6): a test client discovers the API, registers dynamically, gets the
 * learner's consent, completes PKCE, pushes an assertion (verified like an import), reads it and
 * the profile back, and gets 403 with the wrong scope. Issue #17: what the consent page is told,
 * errors sent back to the client or shown to the learner (RFC 6749 §4.1.2.1), deny, and the
 * learner's connected apps, whose revocation stops the client's tokens at once.
 */
import { createHash, randomBytes } from 'node:crypto';

import type { LightMyRequestResponse } from 'fastify';

import { databaseTargets, openDatabase, type Database, type ScratchDatabase } from '@badges/persistence';

import { BASIC_ASSERTION, LocalVerifier } from '../testing/local-verifier';
import { expectApiError as expectError, startPassport, type PassportHarness } from '../testing/passport-test-app';
import { BadgeConnectScope } from './scopes';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const REDIRECT = 'https://client.example/callback';
const READ = BadgeConnectScope.AssertionRead;
const CREATE = BadgeConnectScope.AssertionCreate;
const PROFILE = BadgeConnectScope.ProfileRead;

describe.each(databaseTargets())('Badge Connect on $name', (target) => {
  let scratch: ScratchDatabase;
  let database: Database;
  let p: PassportHarness;
  let learner: string;

  beforeAll(async () => {
    scratch = await target.create();
    database = await openDatabase(scratch.config);
    p = await startPassport(database, { verifier: new LocalVerifier() });
    ({ token: learner } = await p.signUp('nobody@example.org'));
    await p.confirm('nobody@example.org');
  }, 120_000);

  afterAll(async () => {
    await p?.close();
    await database?.close();
    await scratch?.dispose();
  });

  const register = async (scope: string) => {
    const response = await p.call('POST', '/o/badgeconnect/register', undefined, { client_name: 'Other Backpack', client_uri: 'https://client.example', redirect_uris: [REDIRECT], scope });
    expect(response.statusCode).toBe(201);
    return p.json(response) as { client_id: string; client_secret: string; scope: string };
  };
  const pkce = () => {
    const verifier = randomBytes(32).toString('base64url');
    return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
  };
  const request = (clientId: string, scope: string, challenge: string, overrides: Record<string, unknown> = {}) =>
    ({ response_type: 'code', client_id: clientId, redirect_uri: REDIRECT, scope, state: 'xyz', code_challenge: challenge, code_challenge_method: 'S256', ...overrides }) as Record<string, unknown>;
  const authorize = (clientId: string, scope: string, challenge: string, overrides: Record<string, unknown> = {}, token = learner) =>
    p.call('POST', '/o/badgeconnect/authorize', token, { decision: 'approve', ...request(clientId, scope, challenge, overrides) });
  const consent = (query: Record<string, unknown>, token?: string) => {
    const defined = Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
    return p.call('GET', `/o/badgeconnect/consent?${new URLSearchParams(defined)}`, token);
  };
  /** Where the browser is sent: the registered redirect URI with `state` and the other parameters. */
  const sentBack = (response: LightMyRequestResponse) => {
    expect(response.statusCode).toBe(200);
    const location = new URL(p.json(response).location);
    expect([location.origin + location.pathname, location.searchParams.get('state')]).toEqual([REDIRECT, 'xyz']);
    return Object.fromEntries([...location.searchParams].filter(([name]) => name !== 'state'));
  };
  const codeOf = (response: LightMyRequestResponse) => sentBack(response).code;
  const basic = (client: { client_id: string; client_secret: string }) => ({ authorization: `Basic ${Buffer.from(`${client.client_id}:${client.client_secret}`).toString('base64')}` });
  const exchange = (client: { client_id: string; client_secret: string }, code: string, verifier: string) =>
    p.call('POST', '/o/badgeconnect/token', undefined, `grant_type=authorization_code&code=${code}&redirect_uri=${encodeURIComponent(REDIRECT)}&code_verifier=${verifier}`, {
      'content-type': 'application/x-www-form-urlencoded',
      ...basic(client),
    });

  it('publishes its manifest at /.well-known/badgeconnect.json', async () => {
    const manifest = p.json(await p.call('GET', '/.well-known/badgeconnect.json'));
    expect(manifest.badgeConnectAPI[0]).toMatchObject({
      apiBase: 'https://badges.example.org/bcv1',
      registrationUrl: 'https://badges.example.org/o/badgeconnect/register',
      authorizationUrl: 'https://badges.example.org/o/badgeconnect/authorize',
      tokenUrl: 'https://badges.example.org/o/badgeconnect/token',
      scopesOffered: [READ, CREATE, PROFILE],
    });
  });

  it('refuses bad registrations with the field at fault', async () => {
    const post = (body: unknown) => p.call('POST', '/o/badgeconnect/register', undefined, body);
    expectError(await post({ client_name: 'x', scope: READ }), 400, 'validation_failed', 'redirect_uris');
    expectError(await post({ client_name: 'x', scope: READ, redirect_uris: ['http://evil.example/cb'] }), 400, 'validation_failed', 'redirect_uris.0');
    expectError(await post({ client_name: 'x', scope: 'everything', redirect_uris: [REDIRECT] }), 400, 'validation_failed', 'scope');
  });

  it('registers, completes PKCE, pushes an assertion and reads it and the profile back', async () => {
    const client = await register(`${READ} ${CREATE} ${PROFILE}`);
    expect(client.client_secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const { verifier, challenge } = pkce();
    const code = codeOf(await authorize(client.client_id, `${READ} ${CREATE} ${PROFILE}`, challenge));
    const token = await exchange(client, code, verifier);
    expect(token.statusCode).toBe(200);
    const { access_token: access, scope } = p.json(token);
    expect(access).toMatch(/^bc_/);
    expect(scope).toBe(`${READ} ${CREATE} ${PROFILE}`);
    expectError(await exchange(client, code, verifier), 400, 'invalid_grant'); // a code works once

    const pushed = await p.call('POST', '/bcv1/assertions', access, { assertion: BASIC_ASSERTION });
    expect([pushed.statusCode, p.json(pushed).status.statusCode]).toEqual([201, 201]);
    const read = p.json(await p.call('GET', '/bcv1/ims/ob/v2p1/assertions', access));
    expect(read.results.map((a: Json) => a.id)).toEqual(['https://example.org/beths-robotics-badge.json']);
    expect(p.json(await p.call('GET', '/bcv1/profile', access)).results[0]).toMatchObject({ type: 'Profile', email: 'nobody@example.org' });
    expect(p.json(await p.call('GET', '/v2/backpack/assertions', learner)).result[0].openBadgeId).toBe('https://example.org/beths-robotics-badge.json');

    const refreshed = await p.call('POST', '/o/badgeconnect/token', undefined, { grant_type: 'refresh_token', refresh_token: p.json(token).refresh_token, client_id: client.client_id, client_secret: client.client_secret });
    expect(refreshed.statusCode).toBe(200);
    expectError(await p.call('GET', '/bcv1/assertions', access), 401, 'unauthorized'); // the refreshed-away token
    expect((await p.call('GET', '/bcv1/assertions', p.json(refreshed).access_token)).statusCode).toBe(200);
  });

  it('answers 403 insufficient_scope to a token without the route\'s scope', async () => {
    const client = await register(PROFILE);
    const { verifier, challenge } = pkce();
    const access = p.json(await exchange(client, codeOf(await authorize(client.client_id, PROFILE, challenge)), verifier)).access_token;
    expect((await p.call('GET', '/bcv1/profile', access)).statusCode).toBe(200);
    expectError(await p.call('GET', '/bcv1/assertions', access), 403, 'insufficient_scope');
    expectError(await p.call('POST', '/bcv1/assertions', access, { assertion: BASIC_ASSERTION }), 403, 'insufficient_scope');
    expectError(await p.call('GET', '/bcv1/assertions', learner), 401, 'unauthorized'); // a passport token is not a Badge Connect token
  });

  it('refuses bad authorizations and exchanges', async () => {
    const client = await register(READ);
    const { verifier, challenge } = pkce();
    // Shown to the learner, never sent to an address the client did not register.
    expectError(await authorize(client.client_id, READ, challenge, { redirect_uri: 'https://evil.example/cb' }), 400, 'validation_failed', 'redirect_uri');
    expectError(await authorize('AAAAAAAAAAAAAAAAAAAAAA', READ, challenge), 400, 'validation_failed', 'client_id');
    // Sent back to the client with `error` and `state`.
    expect(sentBack(await authorize(client.client_id, PROFILE, challenge))).toEqual({ error: 'invalid_scope' });
    expect(sentBack(await authorize(client.client_id, READ, challenge, { code_challenge: undefined }))).toEqual({ error: 'invalid_request' });
    expect(sentBack(await authorize(client.client_id, READ, challenge, { code_challenge_method: 'plain' }))).toEqual({ error: 'invalid_request' });
    expectError(await p.call('POST', '/o/badgeconnect/authorize', learner, { ...request(client.client_id, READ, challenge), decision: 'maybe' }), 400, 'validation_failed', 'decision');
    expectError(await p.call('POST', '/o/badgeconnect/authorize', undefined, {}), 401, 'unauthorized');
    const code = codeOf(await authorize(client.client_id, READ, challenge));
    expectError(await exchange({ ...client, client_secret: 'wrong' }, code, verifier), 401, 'invalid_client');
    expectError(await exchange(client, code, pkce().verifier), 400, 'invalid_grant');
    expectError(await exchange(client, code, verifier), 400, 'invalid_grant'); // the failed try used it up
    expectError(await p.call('POST', '/o/badgeconnect/token', undefined, { grant_type: 'password' }), 400, 'validation_failed', 'grant_type');
  });

  it('tells the consent page who asks for what, or where to send the browser back, and refuses what it cannot show', async () => {
    const client = await register(`${READ} ${CREATE}`);
    const { challenge } = pkce();
    const asked = await consent(request(client.client_id, `${READ} ${CREATE}`, challenge));
    expect([asked.statusCode, p.json(asked)]).toEqual([200, {
      outcome: 'ask',
      client: { clientId: client.client_id, name: 'Other Backpack', uri: 'https://client.example', site: 'client.example' },
      scopes: [READ, CREATE],
    }]);
    const back = async (overrides: Record<string, unknown>) => {
      const answer = p.json(await consent(request(client.client_id, READ, challenge, overrides)));
      expect(answer.outcome).toBe('return');
      const location = new URL(answer.location);
      expect([location.origin + location.pathname, location.searchParams.get('error'), location.searchParams.get('state'), answer.error]).toEqual([REDIRECT, answer.error, 'xyz', location.searchParams.get('error')]);
      return answer.error;
    };
    expect(await back({ scope: PROFILE })).toBe('invalid_scope');
    expect(await back({ scope: `${READ} https://example.org/everything` })).toBe('invalid_scope');
    expect(await back({ scope: undefined })).toBe('invalid_scope');
    expect(await back({ code_challenge: undefined })).toBe('invalid_request');
    expect(await back({ code_challenge: 'short' })).toBe('invalid_request');
    expect(await back({ response_type: 'token' })).toBe('unsupported_response_type');
    expectError(await consent(request('AAAAAAAAAAAAAAAAAAAAAA', READ, challenge)), 400, 'validation_failed', 'client_id');
    expectError(await consent(request(client.client_id, READ, challenge, { redirect_uri: 'https://client.example/other' })), 400, 'validation_failed', 'redirect_uri');
    expectError(await consent(request(client.client_id, READ, challenge, { client_id: undefined })), 400, 'validation_failed', 'client_id');
    expectError(await consent(request(client.client_id, READ, challenge, { redirect_uri: undefined })), 400, 'validation_failed', 'redirect_uri');
  });

  it('does not ask a learner again for scopes they approved before: the code comes at once, until they revoke or a new scope is asked', async () => {
    const client = await register(`${READ} ${CREATE} ${PROFILE}`);
    const { token: other } = await p.signUp('not.connected@example.org');
    const first = pkce();
    codeOf(await authorize(client.client_id, `${READ} ${CREATE}`, first.challenge));

    // Fewer or the same scopes, signed in: a code at once, bound to this request's PKCE challenge.
    const again = pkce();
    const remembered = await consent(request(client.client_id, READ, again.challenge), learner);
    expect(remembered.headers['cache-control']).toBe('no-store');
    expect(p.json(remembered).outcome).toBe('return');
    const code = codeOf(remembered);
    expect(p.json(await exchange(client, code, again.verifier))).toMatchObject({ scope: READ });
    // Not signed in, another learner, a bad token, or a scope never approved: the learner is asked.
    for (const [scope, token] of [[READ, undefined], [READ, other], [READ, 'lp_not-a-session'], [`${READ} ${PROFILE}`, learner]] as const) {
      expect(p.json(await consent(request(client.client_id, scope, pkce().challenge), token)).outcome).toBe('ask');
    }
    // The request is still checked first: a bad PKCE or redirect URI is never answered with a code.
    expect(sentBack(await consent(request(client.client_id, READ, 'short'), learner))).toEqual({ error: 'invalid_request' });
    expectError(await consent(request(client.client_id, READ, again.challenge, { redirect_uri: 'https://client.example/other' }), learner), 400, 'validation_failed', 'redirect_uri');
    // Revoked in Connected apps: asked again.
    expect((await p.call('DELETE', `/v2/backpack/connected-apps/${client.client_id}`, learner)).statusCode).toBe(204);
    expect(p.json(await consent(request(client.client_id, READ, pkce().challenge), learner)).outcome).toBe('ask');
  });

  it('sends access_denied and the state back when the learner denies, and gives no code', async () => {
    const client = await register(READ);
    const denied = await p.call('POST', '/o/badgeconnect/authorize', learner, { ...request(client.client_id, READ, pkce().challenge), decision: 'deny' });
    expect(sentBack(denied)).toEqual({ error: 'access_denied' });
    expect(p.json(await p.call('GET', '/v2/backpack/connected-apps', learner)).result.map((app: Json) => app.clientId)).not.toContain(client.client_id);
  });

  it('lists the learner’s connected apps and revokes one: its tokens, refresh token and unused codes stop at once', async () => {
    const { token: other } = await p.signUp('someone.else@example.org');
    const client = await register(`${READ} ${PROFILE}`);
    const first = pkce();
    const tokens = p.json(await exchange(client, codeOf(await authorize(client.client_id, READ, first.challenge)), first.verifier));
    const second = pkce();
    const unused = codeOf(await authorize(client.client_id, PROFILE, second.challenge)); // a second consent widens the grant
    const otherClient = await register(READ);
    const third = pkce();
    const kept = p.json(await exchange(otherClient, codeOf(await authorize(otherClient.client_id, READ, third.challenge)), third.verifier)).access_token;

    const listed = p.json(await p.call('GET', '/v2/backpack/connected-apps', learner)).result as Json[];
    const app = listed.find((entry) => entry.clientId === client.client_id)!;
    expect(app).toMatchObject({ name: 'Other Backpack', uri: 'https://client.example', site: 'client.example', scopes: [READ, PROFILE] });
    expect(Date.now() - Date.parse(app.connectedAt)).toBeLessThan(60_000);
    expect(p.json(await p.call('GET', '/v2/backpack/connected-apps', other)).result).toEqual([]);

    expectError(await p.call('DELETE', `/v2/backpack/connected-apps/${client.client_id}`, other), 404, 'not_found'); // not theirs
    expect((await p.call('GET', '/bcv1/assertions', tokens.access_token)).statusCode).toBe(200);
    expect((await p.call('DELETE', `/v2/backpack/connected-apps/${client.client_id}`, learner)).statusCode).toBe(204);

    expectError(await p.call('GET', '/bcv1/assertions', tokens.access_token), 401, 'unauthorized');
    expectError(await p.call('POST', '/o/badgeconnect/token', undefined, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: client.client_id, client_secret: client.client_secret }), 400, 'invalid_grant');
    expectError(await exchange(client, unused, second.verifier), 400, 'invalid_grant');
    expect((await p.call('GET', '/bcv1/assertions', kept)).statusCode).toBe(200); // other apps keep working
    expect(p.json(await p.call('GET', '/v2/backpack/connected-apps', learner)).result.map((entry: Json) => entry.clientId)).not.toContain(client.client_id);
    expectError(await p.call('DELETE', `/v2/backpack/connected-apps/${client.client_id}`, learner), 404, 'not_found');
    expectError(await p.call('DELETE', '/v2/backpack/connected-apps/not-an-id', learner), 404, 'not_found');
    expectError(await p.call('GET', '/v2/backpack/connected-apps'), 401, 'unauthorized');
  });
});
