/**
 * Issue #17's dashboards through the compiled platform (the runner as `npm start` runs it, on
 * PGlite and on PostgreSQL): a learner signs up, confirms the address the badges were awarded to,
 * accepts one badge and shares it; the passport's events reach the issuer service, and the issuer's
 * and the badge class's dashboards count the award, the acceptance, the share and a revocation,
 * once each however often the learner repeats themselves.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ApiClient } from '../support/api-client';
import { eventually } from '../support/distributed-stack';
import { freePort } from '../support/free-port';
import { startPlatformProcess, type PlatformProcess } from '../support/platform-process';
import { mailText, SmtpSink } from '../support/smtp-sink';
import { embeddedStorageTargets } from '../support/storage-targets';
import { pngDataUri } from '../support/tiny-png';

const LEARNER = { email: 'rowan.learner@example.org', password: 'correct horse battery', name: 'Rowan Learner' };

describe.each(embeddedStorageTargets())('dashboards count what learners do, end to end on $name', (target) => {
  const smtp = new SmtpSink();
  let dataDir: string;
  let platform: PlatformProcess;
  let storage: { env: Record<string, string>; dispose(): Promise<void> };
  let client: ApiClient;
  let learner: ApiClient;
  let issuerId: string;
  let badgeClassId: string;
  const awarded: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'badges-dashboards-e2e-'));
    storage = await target.env();
    const smtpUrl = await smtp.start();
    const port = await freePort();
    platform = await startPlatformProcess({ ...storage.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${port}`, SMTP_URL: smtpUrl, PASSWORD_SCRYPT_LOG_N: '14' });
    const anonymous = new ApiClient(platform.url);
    client = await anonymous.forNewInstitution(platform.adminToken, 'Harbour College');
    issuerId = (await client.post('/v2/issuers', { name: 'School of Nursing', email: 'badges@harbour.example', url: 'https://harbour.example' })).body.result[0].entityId;
    badgeClassId = (await client.post(`/v2/issuers/${issuerId}/badgeclasses`, { name: 'Wound Care', description: 'Dresses wounds.', image: pngDataUri(), criteriaNarrative: 'Pass the practical.' })).body.result[0].entityId;
    for (let index = 0; index < 2; index += 1) {
      const award = await client.post(`/v2/badgeclasses/${badgeClassId}/assertions`, { recipient: { identity: LEARNER.email, type: 'email', hashed: true } });
      expect(award.status).toBe(201);
      awarded.push(award.body.result[0].entityId);
    }

    expect((await anonymous.post('/v2/auth/signup', LEARNER)).status).toBe(201);
    let confirmUrl = '';
    await eventually(() => {
      const mail = smtp.messages.findLast((received) => received.to.includes(LEARNER.email) && /confirm-email\?token=/.test(mailText(received)));
      confirmUrl = mail ? (/https?:\/\/\S+confirm-email\?token=[A-Za-z0-9_-]+/.exec(mailText(mail))?.[0] ?? '') : '';
      return confirmUrl !== '';
    }, 20_000, 'the confirmation email');
    expect((await anonymous.post('/v2/auth/confirm-email', { token: new URL(confirmUrl).searchParams.get('token') })).status).toBe(200);
    const signedIn = await anonymous.post('/v2/auth/token', { username: LEARNER.email, password: LEARNER.password });
    learner = anonymous.withToken(signedIn.body.access_token);
    await eventually(async () => (await learner.get('/v2/backpack/assertions')).body.result?.length === 2, 20_000, 'both badges in the passport');
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
    await smtp.stop();
    await storage?.dispose();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const totals = async (path: string) => {
    const response = await client.get(`${path}/stats?bucket=day`);
    expect(response.status).toBe(200);
    return response.body.result[0].totals as Record<string, number>;
  };

  it('counts the awards before the learner does anything', async () => {
    expect(await totals(`/v2/badgeclasses/${badgeClassId}`)).toEqual({ awarded: 2, accepted: 0, shared: 0, revoked: 0 });
  });

  it('moves when the learner accepts and shares a badge, once however often they do it, and when staff revoke one', async () => {
    const [kept, other] = awarded as [string, string];
    for (let index = 0; index < 2; index += 1) expect((await learner.put(`/v2/backpack/assertions/${kept}`, { acceptance: 'Accepted' })).status).toBe(200);
    for (let index = 0; index < 2; index += 1) expect((await learner.post('/v2/backpack/shares', { type: 'badge', entityId: kept })).status).toBe(201);
    expect((await client.delete(`/v2/assertions/${other}`, { revocation_reason: 'Issued twice.' })).status).toBe(200);

    const expected = { awarded: 2, accepted: 1, shared: 1, revoked: 1 };
    let last: Record<string, number> = {};
    await eventually(async () => JSON.stringify((last = await totals(`/v2/badgeclasses/${badgeClassId}`))) === JSON.stringify(expected), 20_000, `the badge class's dashboard to count ${JSON.stringify(expected)} (last: ${JSON.stringify(last)})`);
    expect(await totals(`/v2/issuers/${issuerId}`)).toEqual(expected);
  });

  it('lets no other institution read them', async () => {
    const other = await new ApiClient(platform.url).forNewInstitution(platform.adminToken, 'Other College');
    expect((await other.get(`/v2/badgeclasses/${badgeClassId}/stats`)).status).toBe(404);
    expect((await other.get(`/v2/issuers/${issuerId}/stats`)).status).toBe(404);
  });
});
