import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ApiClient } from '../support/api-client';
import { eventually as waitUntil } from '../support/distributed-stack';
import { freePort } from '../support/free-port';
import { startPlatformProcess, type PlatformProcess } from '../support/platform-process';
import { mailText, SmtpSink, type ReceivedMail } from '../support/smtp-sink';
import { embeddedStorageTargets } from '../support/storage-targets';
import { pngDataUri } from '../support/tiny-png';

const PASSWORD = 'correct horse battery';

/**
 * Issue #16, people not machines: an institution's admin invites people, who get a real email
 * (from the notification service, over SMTP, in the inviter's language), accept, sign in with
 * Badgr's password grant, refresh, work within their roles, reset a forgotten password, and are
 * removed. The compiled platform as `npm start` runs it, on PGlite and on PostgreSQL when set.
 */
describe.each(embeddedStorageTargets())('staff accounts end to end on $name', (target) => {
  const smtp = new SmtpSink();
  let dataDir: string;
  let platform: PlatformProcess;
  let storage: { env: Record<string, string>; dispose(): Promise<void> };
  let anonymous: ApiClient;
  let client: ApiClient;
  let issuerId: string;
  /** Every token a person was given, to check that none reached the logs. */
  const secrets: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'badges-staff-e2e-'));
    storage = await target.env();
    const smtpUrl = await smtp.start();
    const port = await freePort();
    platform = await startPlatformProcess({
      ...storage.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SMTP_URL: smtpUrl,
      PASSWORD_SCRYPT_LOG_N: '14',
      // Everything is logged, so that the check below means something.
      LOG_LEVEL: 'debug',
    });
    anonymous = new ApiClient(platform.url);
    client = await anonymous.forNewInstitution(platform.adminToken, 'Northern College');
    const issuer = await client.post('/v2/issuers', { name: 'Faculty of Engineering', email: 'badges@northern.example', url: 'https://northern.example' });
    expect(issuer.status).toBe(201);
    issuerId = issuer.body.result[0].entityId;
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
    await smtp.stop();
    await storage?.dispose();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** The newest email to `address` whose text matches, and the link token in it. */
  async function emailTo(address: string, pattern: RegExp): Promise<{ mail: ReceivedMail; text: string; token: string }> {
    const mail = await eventually(() => smtp.messages.findLast((received) => received.to.includes(address) && pattern.test(mailText(received))), `an email to ${address}`);
    const text = mailText(mail);
    const token = /#token=([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? '';
    secrets.push(token);
    return { mail, text, token };
  }

  async function signIn(email: string, password: string): Promise<{ api: ApiClient; refresh: string; access: string }> {
    const form = new URLSearchParams({ grant_type: 'password', username: email, password, client_id: 'public' });
    const response = await anonymous.request('POST', '/o/token', form.toString(), { 'content-type': 'application/x-www-form-urlencoded' });
    expect(response.status).toBe(200);
    secrets.push(response.body.access_token, response.body.refresh_token);
    return { api: anonymous.withToken(response.body.access_token), refresh: response.body.refresh_token, access: response.body.access_token };
  }

  it('walks a person from invitation to removal, with real emails', async () => {
    // The institution's client invites its first admin, in French.
    const invited = await client.post('/v2/staff', { email: 'ada@northern.example', name: 'Ada Lovelace', institutionRole: 'admin', language: 'fr' });
    expect(invited.status).toBe(201);
    const invitation = await emailTo('ada@northern.example', /Bonjour Ada Lovelace/);
    expect(invitation.text).toContain(`${platform.url}/console/invitation#token=`);
    expect(invitation.text).toContain('Northern College');
    expect(invitation.mail.raw).toMatch(/^Subject: .*=\?UTF-8\?/im);
    expect((await anonymous.post('/v2/staff/invitations/accept', { token: invitation.token, password: PASSWORD })).status).toBe(200);

    // Badgr's client flow: password grant, refresh, list issuers, award, batch revoke.
    const ada = await signIn('ada@northern.example', PASSWORD);
    const refreshed = await anonymous.post('/o/token', { grant_type: 'refresh_token', refresh_token: ada.refresh });
    expect(refreshed.status).toBe(200);
    secrets.push(refreshed.body.access_token, refreshed.body.refresh_token);
    const adaApi = anonymous.withToken(refreshed.body.access_token);
    const listed = await adaApi.get('/v2/issuers');
    expect(listed.body.result.map((issuer: { entityId: string }) => issuer.entityId)).toEqual([issuerId]);
    const firstAid = await adaApi.post(`/v2/issuers/${issuerId}/badgeclasses`, { name: 'First Aid', description: 'Gave first aid.', image: pngDataUri(), criteriaNarrative: 'Pass the course.' });
    const awarded = await adaApi.post(`/v2/badgeclasses/${firstAid.body.result[0].entityId}/assertions`, { recipient: { identity: 'learner@example.org' } });
    expect(awarded.status).toBe(201);
    expect(awarded.body.result[0].createdBy).toBe(`staff:${invited.body.result[0].staffId}`);
    const revoked = await adaApi.post('/v2/assertions/revoke', [{ entityId: awarded.body.result[0].entityId, revocationReason: 'Awarded in error' }]);
    expect(revoked.status).toBe(200);
    expect(revoked.body.result).toEqual([expect.objectContaining({ entityId: awarded.body.result[0].entityId, revoked: true })]);
    const reused = await anonymous.post('/o/token', { grant_type: 'refresh_token', refresh_token: ada.refresh });
    expect([reused.status, reused.body.error]).toEqual([400, 'invalid_grant']);
    const adaAgain = await signIn('ada@northern.example', PASSWORD);
    const issuers = await adaAgain.api.get('/v2/issuers');
    expect(issuers.status).toBe(200);
    expect(issuers.body.result.map((issuer: { entityId: string }) => issuer.entityId)).toEqual([issuerId]);
    expect((await adaApi.get('/v2/issuers')).status).toBe(401);

    // The admin invites an editor of the issuer, in English; the email names her.
    const editor = await adaAgain.api.post('/v2/staff', { email: 'grace@northern.example', name: 'Grace Hopper', issuerRoles: [{ issuerId, role: 'editor' }] });
    expect(editor.status).toBe(201);
    const graceId = editor.body.result[0].staffId;
    const graceInvitation = await emailTo('grace@northern.example', /Hello Grace Hopper/);
    expect(graceInvitation.text).toContain('Ada Lovelace invited you');
    expect((await anonymous.post('/v2/staff/invitations/accept', { token: graceInvitation.token, password: PASSWORD })).status).toBe(200);
    const grace = await signIn('grace@northern.example', PASSWORD);

    // The editor works on the issuer; the issuer service sees her, not a client.
    const badgeClass = await grace.api.post(`/v2/issuers/${issuerId}/badgeclasses`, { name: 'Robotics Fundamentals', description: 'Built a robot.', image: pngDataUri(), criteriaNarrative: 'Build one.' });
    expect(badgeClass.status).toBe(201);
    expect(badgeClass.body.result[0].createdBy).toBe(`staff:${graceId}`);
    const staff = await grace.api.get(`/v2/issuers/${issuerId}/staff`);
    expect(staff.status).toBe(200);
    expect(staff.body.result).toEqual([expect.objectContaining({ user: graceId, role: 'editor', userProfile: expect.objectContaining({ firstName: 'Grace', lastName: 'Hopper' }) })]);
    // Badgr's Issuer.staff says the same, from the gateway's staff.changed events.
    const issuerStaff = async () => (await grace.api.get(`/v2/issuers/${issuerId}`)).body.result[0].staff as { user: string; role: string; userProfile: { emails: { verified: boolean }[] } }[];
    await waitUntil(async () => (await issuerStaff()).some((entry) => entry.user === graceId && entry.userProfile.emails[0].verified), 10_000, 'Grace in the issuer’s staff');
    expect(await issuerStaff()).toEqual(staff.body.result);
    expect((await grace.api.get('/v2/staff')).status).toBe(403);
    expect((await grace.api.post('/v2/issuers', { name: 'Another', email: 'a@northern.example', url: 'https://northern.example' })).status).toBe(403);

    // She forgets her password: 202, an email, a new password, her old session ends.
    expect((await anonymous.post('/v2/staff/password-reset', { email: 'GRACE@northern.example' })).status).toBe(202);
    const reset = await emailTo('grace@northern.example', /reset the password/);
    expect(reset.text).toContain(`${platform.url}/console/password-reset#token=`);
    expect((await anonymous.post('/v2/staff/password-reset/confirm', { token: reset.token, password: 'a brand new passphrase' })).status).toBe(204);
    expect((await grace.api.get('/v2/issuers')).status).toBe(401);
    const graceAgain = await signIn('grace@northern.example', 'a brand new passphrase');
    expect((await graceAgain.api.get('/v2/staff/self')).body.result[0]).toMatchObject({ staffId: graceId, status: 'active' });

    // Removed, her token is refused (at once: the same gateway removed her).
    expect((await adaAgain.api.delete(`/v2/staff/${graceId}`)).status).toBe(200);
    await waitUntil(async () => !(await adaAgain.api.get(`/v2/issuers/${issuerId}`)).body.result[0].staff.some((entry: { user: string }) => entry.user === graceId), 10_000, 'Grace gone from the issuer’s staff');
    expect((await graceAgain.api.get('/v2/issuers')).status).toBe(401);

    // An unknown address gets the same 202, and no email.
    expect((await anonymous.post('/v2/staff/password-reset', { email: 'nobody@northern.example' })).status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.messages.some((mail) => mail.to.includes('nobody@northern.example'))).toBe(false);

    // No token, refresh token or link was ever written to the logs.
    const logs = platform.output();
    expect(logs).toContain('invited to institution');
    for (const secret of secrets.filter(Boolean)) expect(logs).not.toContain(secret);
  }, 120_000);
});

async function eventually<T>(probe: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
