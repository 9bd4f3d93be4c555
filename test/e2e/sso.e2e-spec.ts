import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ApiClient } from '../support/api-client';
import { freePort } from '../support/free-port';
import { startOpenIdProvider, type TestOpenIdProvider } from '../support/openid-provider';
import { startPlatformProcess, type PlatformProcess } from '../support/platform-process';
import { embeddedStorageTargets } from '../support/storage-targets';
import { pngDataUri } from '../support/tiny-png';

const DOMAIN = 'northern.example';

/** The people the institution's provider knows. */
const USERS = [
  { email: `grace@${DOMAIN}`, name: 'Grace Hopper', groups: ['engineering-editors'] },
  { email: `ada@${DOMAIN}`, name: 'Ada Lovelace', groups: ['badge-admins', 'engineering-editors'] },
  { email: `student@${DOMAIN}`, name: 'Sam Student', groups: ['students'] },
  { email: `invited@${DOMAIN}`, name: 'Ivy Invited', groups: [] },
  { email: `unverified@${DOMAIN}`, name: 'Una Verified', groups: ['engineering-editors'], emailVerified: false },
  { email: `removed@${DOMAIN}`, name: 'Remy Removed', groups: ['engineering-editors'] },
  { email: `foreign@${DOMAIN}`, name: 'Fern Foreign', groups: ['engineering-editors'] },
  { email: 'mallory@elsewhere.example', name: 'Mallory', groups: ['badge-admins'] },
];

/** A browser's cookies for one origin: what each answer sets, sent back with the next request. */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(response: Response): void {
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair] = setCookie.split(';');
      const at = pair.indexOf('=');
      const value = pair.slice(at + 1);
      if (value === '' || /Max-Age=0/i.test(setCookie)) this.cookies.delete(pair.slice(0, at));
      else this.cookies.set(pair.slice(0, at), value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  set(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * Issue #16, single sign-on per institution: an admin points the platform at the institution's
 * OpenID Provider (a real one, oidc-provider, started here), and its people sign in through it
 * with authorization code + PKCE, get roles from their groups, and work in the console. The
 * compiled platform as `npm start` runs it, on PGlite and on PostgreSQL when set.
 */
describe.each(embeddedStorageTargets())('single sign-on end to end on $name', (target) => {
  let dataDir: string;
  let platform: PlatformProcess;
  let storage: { env: Record<string, string>; dispose(): Promise<void> };
  let op: TestOpenIdProvider;
  let silent: Server;
  const held: Socket[] = [];
  let anonymous: ApiClient;
  let client: ApiClient;
  let issuerId: string;
  let badgeClassId: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'badges-sso-e2e-'));
    storage = await target.env();
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    // The provider must know the redirect URI from the start: the platform's address is chosen first.
    op = await startOpenIdProvider({ redirectUris: [`${publicUrl}/web/sso/callback`], users: USERS });
    // A "provider" that accepts connections and never answers: discovery must give up, not hang.
    silent = createServer((socket) => {
      held.push(socket);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    platform = await startPlatformProcess({
      ...storage.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: publicUrl,
      PASSWORD_SCRYPT_LOG_N: '14',
      SSO_ALLOW_HTTP_ISSUERS: 'true',
      // Every sign-in here comes from one address: the per-address limit is not what is under test.
      RATE_LIMIT_SSO_PER_IP: '1000/60',
      LOG_LEVEL: 'debug',
    });
    anonymous = new ApiClient(platform.url);
    client = await anonymous.forNewInstitution(platform.adminToken, 'Northern College');
    const issuer = await client.post('/v2/issuers', { name: 'Faculty of Engineering', email: `badges@${DOMAIN}`, url: `https://${DOMAIN}` });
    expect(issuer.status).toBe(201);
    issuerId = issuer.body.result[0].entityId;
    const badgeClass = await client.post(`/v2/issuers/${issuerId}/badgeclasses`, { name: 'Robotics', description: 'Built a robot.', image: pngDataUri(), criteriaNarrative: 'Build one.' });
    expect(badgeClass.status).toBe(201);
    badgeClassId = badgeClass.body.result[0].entityId;
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
    await op?.stop();
    for (const socket of held) socket.destroy();
    await new Promise((resolve) => silent?.close(resolve));
    await storage?.dispose();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  function settings(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      issuerUrl: op.issuer,
      clientId: op.clientId,
      clientSecret: op.clientSecret,
      allowedDomains: [DOMAIN.toUpperCase()],
      roleClaim: 'groups',
      roleMappings: [
        { claimValue: 'badge-admins', institutionRole: 'admin' },
        { claimValue: 'engineering-editors', issuerRoles: [{ issuerId, role: 'editor' }] },
      ],
      ...overrides,
    };
  }

  /** A browser request to the platform that does not follow redirects. */
  async function navigate(jar: CookieJar, path: string): Promise<{ status: number; location: string }> {
    const response = await fetch(new URL(path, platform.url), { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(response);
    return { status: response.status, location: response.headers.get('location') ?? '' };
  }

  /** /web/sso/start → the provider (signed in as `login`) → /web/sso/callback: where the browser ends, and its cookies. */
  async function ssoSignIn(email: string, login = email, tamper?: (callback: URL) => void): Promise<{ location: string; jar: CookieJar; console: ApiClient }> {
    const jar = new CookieJar();
    const started = await navigate(jar, `/web/sso/start?email=${encodeURIComponent(email)}`);
    expect(started.status).toBe(302);
    if (!started.location.startsWith(op.issuer)) return { location: started.location, jar, console: anonymous };
    const authorization = new URL(started.location);
    expect(Object.fromEntries(authorization.searchParams)).toMatchObject({ code_challenge_method: 'S256', client_id: op.clientId, redirect_uri: `${platform.url}/web/sso/callback`, login_hint: email });
    const callback = new URL(await op.signIn(started.location, login));
    tamper?.(callback);
    const finished = await navigate(jar, `${callback.pathname}${callback.search}`);
    expect(finished.status).toBe(302);
    expect(jar.get('badges-sso')).toBeUndefined();
    return { location: finished.location, jar, console: new CookieSession(platform.url, jar) };
  }

  it('lets an admin set SSO up: discovery is checked first, the secret is never shown or audited', async () => {
    const closedPort = await freePort();
    const unreachable = await client.put('/v2/institutions/self/sso', settings({ issuerUrl: `http://127.0.0.1:${closedPort}` }));
    expect([unreachable.status, unreachable.body.error?.code, unreachable.body.error?.field]).toEqual([422, 'sso_discovery_failed', 'issuerUrl']);
    const startedAt = Date.now();
    const hanging = await client.put('/v2/institutions/self/sso', settings({ issuerUrl: `http://127.0.0.1:${(silent.address() as { port: number }).port}` }));
    expect([hanging.status, hanging.body.error?.code]).toEqual([422, 'sso_discovery_failed']);
    expect(Date.now() - startedAt).toBeLessThan(15_000);
    const plainHttp = await client.put('/v2/institutions/self/sso', settings({ issuerUrl: 'http://login.northern.example' }));
    expect([plainHttp.status, plainHttp.body.error?.field]).toEqual([400, 'issuerUrl']);
    const noSecret = await client.put('/v2/institutions/self/sso', settings({ clientSecret: undefined }));
    expect([noSecret.status, noSecret.body.error?.field]).toEqual([400, 'clientSecret']);
    const badMapping = await client.put('/v2/institutions/self/sso', settings({ roleMappings: [{ claimValue: 'x', issuerRoles: [{ issuerId: 'NoSuchIssuer0000000000', role: 'staff' }] }] }));
    expect([badMapping.status, badMapping.body.error?.field]).toEqual([400, 'roleMappings']);
    expect((await client.get('/v2/institutions/self/sso')).status).toBe(404);

    const saved = await client.put('/v2/institutions/self/sso', settings());
    expect(saved.status).toBe(200);
    expect(saved.body.result[0]).toMatchObject({ issuerUrl: op.issuer, clientId: op.clientId, clientSecretSet: true, allowedDomains: [DOMAIN], ssoOnly: false, enabled: true, redirectUri: `${platform.url}/web/sso/callback` });
    const read = await client.get('/v2/institutions/self/sso');
    expect(read.body.result[0]).toEqual(saved.body.result[0]);
    // Saved again without the secret: the one set is kept (sign-ins below use it).
    expect((await client.put('/v2/institutions/self/sso', settings({ clientSecret: undefined }))).status).toBe(200);
    const audit = await client.get('/v2/audit?action=sso.configured');
    expect(audit.body.result).toHaveLength(2);
    expect(audit.body.result[1]).toMatchObject({ target: { type: 'SsoSettings' }, changes: { clientSecret: { after: 'replaced' }, allowedDomains: { after: [DOMAIN] } } });
    for (const response of [saved, read, audit]) expect(response.raw.toString('utf8')).not.toContain(op.clientSecret);

    // A domain is one institution's.
    const other = await anonymous.forNewInstitution(platform.adminToken, 'Southern College');
    const taken = await other.put('/v2/institutions/self/sso', settings({ roleMappings: [] }));
    expect([taken.status, taken.body.error?.code, taken.body.error?.field]).toEqual([409, 'conflict', 'allowedDomains']);
  }, 60_000);

  it('signs a person in through the provider, provisioned with the mapped role: an editor awards and may not edit the issuer', async () => {
    const grace = await ssoSignIn(`Grace@${DOMAIN}`, `grace@${DOMAIN}`);
    expect(grace.location).toBe('/console?sso=signed_in');
    const self = await grace.console.get('/v2/staff/self');
    expect(self.status).toBe(200);
    const person = self.body.result[0];
    expect(person).toMatchObject({ email: `grace@${DOMAIN}`, name: 'Grace Hopper', status: 'active', institutionRole: null, issuerRoles: [{ issuerId, role: 'editor' }] });

    const award = await grace.console.post(`/v2/badgeclasses/${badgeClassId}/assertions`, { recipient: { identity: 'learner@example.org' } });
    expect(award.status).toBe(201);
    expect(award.body.result[0].createdBy).toBe(`staff:${person.staffId}`);
    const edit = await grace.console.put(`/v2/issuers/${issuerId}`, { name: 'Renamed', email: `badges@${DOMAIN}`, url: `https://${DOMAIN}` });
    expect([edit.status, edit.body.error?.code]).toEqual([403, 'forbidden']);
    expect((await grace.console.get('/v2/staff')).status).toBe(403);
    expect((await grace.console.get('/v2/institutions/self/sso')).status).toBe(403);

    const provisioned = await client.get(`/v2/audit?target=${person.staffId}`);
    const entries = provisioned.body.result.map((entry: { action: string; actor: unknown }) => [entry.action, entry.actor]);
    expect(entries).toEqual(expect.arrayContaining([['staff.created', null], ['staff.signed_in_sso', `staff:${person.staffId}`]]));

    // An admin by mapping: manages people; the mapped roles come back at each sign-in.
    const ada = await ssoSignIn(`ada@${DOMAIN}`);
    expect(ada.location).toBe('/console?sso=signed_in');
    expect((await ada.console.get('/v2/staff/self')).body.result[0]).toMatchObject({ institutionRole: 'admin', issuerRoles: [{ issuerId, role: 'editor' }] });
    expect((await ada.console.put(`/v2/staff/${person.staffId}`, { issuerRoles: [{ issuerId, role: 'staff' }] })).status).toBe(200);
    const again = await ssoSignIn(`grace@${DOMAIN}`);
    expect((await again.console.get('/v2/staff/self')).body.result[0].issuerRoles).toEqual([{ issuerId, role: 'editor' }]);
  }, 60_000);

  it('lets in a person without a mapped role only when they have an account here', async () => {
    const student = await ssoSignIn(`student@${DOMAIN}`);
    expect(student.location).toBe('/console?sso_error=no_role');
    expect(student.jar.get('badges-staff')).toBeUndefined();

    const invited = await client.post('/v2/staff', { email: `invited@${DOMAIN}`, name: 'Ivy', issuerRoles: [{ issuerId, role: 'staff' }] });
    expect(invited.status).toBe(201);
    const ivy = await ssoSignIn(`invited@${DOMAIN}`);
    expect(ivy.location).toBe('/console?sso=signed_in');
    expect((await ivy.console.get('/v2/staff/self')).body.result[0]).toMatchObject({ status: 'active', issuerRoles: [{ issuerId, role: 'staff' }] });
  }, 60_000);

  it('refuses what it must, each time back at the console with a code', async () => {
    expect((await ssoSignIn('someone@unknown.example')).location).toBe('/console?sso_error=no_sso_for_domain');
    expect((await ssoSignIn('not-an-address')).location).toBe('/console?sso_error=invalid_email');
    // The provider signs in someone of another domain than the one the sign-in started with.
    expect((await ssoSignIn(`grace@${DOMAIN}`, 'mallory@elsewhere.example')).location).toBe('/console?sso_error=domain_not_allowed');
    expect((await ssoSignIn(`unverified@${DOMAIN}`)).location).toBe('/console?sso_error=email_not_verified');
    const tampered = await ssoSignIn(`grace@${DOMAIN}`, `grace@${DOMAIN}`, (callback) => callback.searchParams.set('state', 'forged-state'));
    expect(tampered.location).toBe('/console?sso_error=invalid_state');
    expect(tampered.jar.get('badges-staff')).toBeUndefined();
    const denied = await ssoSignIn(`grace@${DOMAIN}`, `grace@${DOMAIN}`, (callback) => {
      callback.searchParams.delete('code');
      callback.searchParams.set('error', 'access_denied');
    });
    expect(denied.location).toBe('/console?sso_error=provider_refused');

    // A forged or missing state cookie.
    const jar = new CookieJar();
    const started = await navigate(jar, `/web/sso/start?email=grace@${DOMAIN}`);
    const callback = new URL(await op.signIn(started.location, `grace@${DOMAIN}`));
    const sealed = jar.get('badges-sso') as string;
    jar.set('badges-sso', `${sealed.slice(0, -4)}AAAA`);
    expect((await navigate(jar, `${callback.pathname}${callback.search}`)).location).toBe('/console?sso_error=invalid_state');
    expect((await navigate(new CookieJar(), `${callback.pathname}${callback.search}`)).location).toBe('/console?sso_error=invalid_state');

    // A removed person, and another institution's.
    const removed = await client.post('/v2/staff', { email: `removed@${DOMAIN}`, name: 'Remy' });
    expect((await client.delete(`/v2/staff/${removed.body.result[0].staffId}`)).status).toBe(200);
    expect((await ssoSignIn(`removed@${DOMAIN}`)).location).toBe('/console?sso_error=account_unavailable');
    const southern = await anonymous.forNewInstitution(platform.adminToken, 'Western College');
    expect((await southern.post('/v2/staff', { email: `foreign@${DOMAIN}`, name: 'Fern' })).status).toBe(201);
    expect((await ssoSignIn(`foreign@${DOMAIN}`)).location).toBe('/console?sso_error=account_unavailable');
  }, 90_000);

  it('signs nobody of a suspended institution in, even when the operator suspends it mid-sign-in', async () => {
    const operator = anonymous.withToken(platform.adminToken);
    const institutionId = (await client.get('/v2/institutions/self')).body.result[0].entityId;
    expect((await operator.post(`/admin/institutions/${institutionId}/suspend`, { reason: 'Audit' })).status).toBe(200);
    expect((await ssoSignIn(`grace@${DOMAIN}`)).location).toBe('/console?sso_error=institution_suspended');
    expect((await operator.post(`/admin/institutions/${institutionId}/reactivate`, {})).status).toBe(200);

    const jar = new CookieJar();
    const started = await navigate(jar, `/web/sso/start?email=grace@${DOMAIN}`);
    const callback = new URL(await op.signIn(started.location, `grace@${DOMAIN}`));
    expect((await operator.post(`/admin/institutions/${institutionId}/suspend`, {})).status).toBe(200);
    expect((await navigate(jar, `${callback.pathname}${callback.search}`)).location).toBe('/console?sso_error=institution_suspended');
    expect(jar.get('badges-staff')).toBeUndefined();
    expect((await operator.post(`/admin/institutions/${institutionId}/reactivate`, {})).status).toBe(200);
    expect((await ssoSignIn(`grace@${DOMAIN}`)).location).toBe('/console?sso=signed_in');
  }, 60_000);

  it('refuses passwords where SSO is the only way in, and lets them back once SSO is removed', async () => {
    const form = (username: string) => new URLSearchParams({ grant_type: 'password', username, password: 'any password at all', client_id: 'public' }).toString();
    const passwordGrant = (username: string) => anonymous.request('POST', '/o/token', form(username), { 'content-type': 'application/x-www-form-urlencoded' });
    const consoleSignIn = (username: string) => anonymous.post('/web/session/staff', { username, password: 'any password at all' }, { 'x-badges-session': 'staff' });

    expect((await passwordGrant(`grace@${DOMAIN}`)).body.error_description).toMatch(/email address or the password is wrong/);
    expect((await client.put('/v2/institutions/self/sso', settings({ clientSecret: undefined, ssoOnly: true }))).status).toBe(200);
    const refused = await passwordGrant(`grace@${DOMAIN}`);
    expect([refused.status, refused.body.error]).toEqual([400, 'invalid_grant']);
    expect(refused.body.error_description).toMatch(/single sign-on \(SSO\)/);
    const web = await consoleSignIn(`grace@${DOMAIN}`);
    expect([web.status, web.body.error?.code]).toEqual([403, 'sso_required']);
    // SSO itself still signs people in.
    expect((await ssoSignIn(`grace@${DOMAIN}`)).location).toBe('/console?sso=signed_in');

    const removed = await client.delete('/v2/institutions/self/sso');
    expect(removed.status).toBe(200);
    expect(removed.raw.toString('utf8')).not.toContain(op.clientSecret);
    expect((await client.get('/v2/institutions/self/sso')).status).toBe(404);
    expect((await client.delete('/v2/institutions/self/sso')).status).toBe(404);
    expect((await client.get('/v2/audit?action=sso.removed')).body.result).toHaveLength(1);
    expect((await passwordGrant(`grace@${DOMAIN}`)).body.error_description).toMatch(/email address or the password is wrong/);
    expect((await ssoSignIn(`grace@${DOMAIN}`)).location).toBe('/console?sso_error=no_sso_for_domain');
    expect(platform.output()).not.toContain(op.clientSecret);
  }, 60_000);
});

/** The console as a browser runs it: the staff cookie, named by the X-Badges-Session header. */
class CookieSession extends ApiClient {
  constructor(
    baseUrl: string,
    private readonly jar: CookieJar,
  ) {
    super(baseUrl);
  }

  override request<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    return super.request<T>(method, path, body, { cookie: this.jar.header(), 'x-badges-session': 'staff', ...headers });
  }
}
