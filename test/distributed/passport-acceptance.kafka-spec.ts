import { unbakeBadgeImage, verifyOpenBadge, type FetchDocument } from '@badges/openbadges';

import { readZip } from '../../apps/passport/src/export/testing/read-zip';
import { ApiClient } from '../support/api-client';
import { DistributedStack, eventually } from '../support/distributed-stack';
import { pngDataUri } from '../support/tiny-png';

/**
 * Issue #6's acceptance on the distributed stack: issuer, notification, passport and gateway each
 * in its own process, on the real Kafka broker, PostgreSQL and Redis, with a real SMTP server
 * receiving the confirmation emails. Everything goes through the gateway, as a learner would.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The confirmation token from the email (quoted-printable soft breaks and `=3D` undone). */
function confirmationTokenIn(raw: string): string | undefined {
  const text = raw.replace(/=\r?\n/g, '').replace(/=3D/gi, '=');
  return /confirm-email\?token=([A-Za-z0-9_-]{20,})/.exec(text)?.[1];
}

describe('passport acceptance on the distributed stack (Kafka, PostgreSQL, Redis, SMTP)', () => {
  let stack: DistributedStack;
  let institution: ApiClient;
  let badgeClassId: string;

  beforeAll(async () => {
    stack = await DistributedStack.start();
    const anonymous = new ApiClient(stack.gatewayUrl);
    const created = await anonymous.withToken(stack.adminToken).post('/admin/institutions', { name: 'Northern College' });
    const { clientId, clientSecret } = created.body.client;
    const token = await anonymous.post('/o/token', { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
    institution = anonymous.withToken(token.body.access_token);
    const issuer = await institution.post('/v2/issuers', { name: 'Faculty of Engineering', email: 'badges@northern.example', url: 'https://northern.example' });
    const badgeClass = await institution.post(`/v2/issuers/${issuer.body.result[0].entityId}/badgeclasses`, {
      name: 'Robotics Fundamentals', description: 'Built a robot.', image: pngDataUri(), criteriaNarrative: 'Build a robot.',
    });
    expect(badgeClass.status).toBe(201);
    badgeClassId = badgeClass.body.result[0].entityId;
  }, 180_000);

  afterAll(async () => {
    await stack?.dispose();
  }, 120_000);

  const confirmationFor = async (address: string, after: number): Promise<string> => {
    let token: string | undefined;
    await eventually(() => {
      const mail = stack.smtp.messages.slice(after).find((m) => m.to.includes(address) && confirmationTokenIn(m.raw));
      token = mail && confirmationTokenIn(mail.raw);
      return token !== undefined;
    }, 60_000, `the confirmation email to ${address}`);
    return token!;
  };

  it('collects, curates, shares, shows revocation and exports badges that verify', async () => {
    // 1. The institution awards to a@ and b@ (hashed recipients, the default).
    const awardTo = async (identity: string) => (await institution.post(`/v2/badgeclasses/${badgeClassId}/assertions`, { recipient: { identity } })).body.result[0].entityId as string;
    const first = await awardTo('a@example.org');
    const second = await awardTo('b@example.org');

    // 2. A learner signs up with a@, confirms it from the email, and sees the first badge pending.
    const anonymous = new ApiClient(stack.gatewayUrl);
    const mailbox = stack.smtp.messages.length;
    const signUp = await anonymous.post('/v2/auth/signup', { email: 'a@example.org', password: 'a long learner password', name: 'Ada Learner' });
    expect(signUp.status).toBe(201);
    const confirmed = await anonymous.post('/v2/auth/confirm-email', { token: await confirmationFor('a@example.org', mailbox) });
    expect(confirmed.status).toBe(200);
    const signIn = await anonymous.post('/v2/auth/token', { username: 'a@example.org', password: 'a long learner password' });
    expect(signIn.status).toBe(200);
    const learner = anonymous.withToken(signIn.body.access_token);
    const backpack = async (): Promise<Json[]> => (await learner.get('/v2/backpack/assertions')).body.result;
    await eventually(async () => (await backpack()).some((b) => b.entityId === first), 60_000, 'the first badge in the passport');
    expect(await backpack()).toEqual([expect.objectContaining({ entityId: first, status: 'pending', badgeclassName: 'Robotics Fundamentals' })]);

    // 3. They add and verify b@, and the second badge appears.
    const beforeB = stack.smtp.messages.length;
    expect((await learner.post('/v2/users/self/emails', { email: 'b@example.org' })).status).toBe(201);
    expect((await anonymous.post('/v2/auth/confirm-email', { token: await confirmationFor('b@example.org', beforeB) })).status).toBe(200);
    await eventually(async () => (await backpack()).some((b) => b.entityId === second), 60_000, 'the second badge in the passport');

    // 4. They accept both and put them in a collection.
    for (const id of [first, second]) expect((await learner.put(`/v2/backpack/assertions/${id}`, { acceptance: 'Accepted' })).body.result[0].status).toBe('accepted');
    const collection = await learner.post('/v2/backpack/collections', { name: 'Robotics', description: 'What I built', assertions: [first, second] });
    expect(collection.status).toBe(201);

    // 5. The public collection page shows both.
    const share = (await learner.post('/v2/backpack/shares', { type: 'collection', entityId: collection.body.result[0].entityId })).body.result[0];
    expect(share.url).toBe(`${stack.gatewayUrl}/public/passport/shares/${share.entityId}`);
    const publicPage = async () => (await anonymous.get(`/public/passport/shares/${share.entityId}`, { accept: 'text/html' })).body as string;
    const page = await publicPage();
    expect(page).toContain('<meta property="og:title" content="Robotics">');
    expect(page).toContain(`/public/assertions/${first}"`);
    expect(page).toContain(`/public/assertions/${second}"`);

    // 6. The institution revokes one: the passport shows it revoked, the public page drops it.
    expect((await institution.delete(`/v2/assertions/${second}`, { revocation_reason: 'Awarded in error' })).status).toBe(200);
    await eventually(async () => (await backpack()).some((b) => b.entityId === second && b.revoked), 60_000, 'the revocation in the passport');
    expect((await backpack()).find((b) => b.entityId === second)).toMatchObject({ revoked: true, revocationReason: 'Awarded in error' });
    const after = await publicPage();
    expect(after).toContain(`/public/assertions/${first}"`);
    expect(after).not.toContain(second);

    // 7. The export holds both baked images and their JSON, and they verify (the revoked one as revoked).
    const exported = await learner.get('/v2/backpack/export');
    expect([exported.status, exported.headers.get('content-type')]).toEqual([200, 'application/zip']);
    const files = readZip(exported.raw);
    const fetchDocument: FetchDocument = async (url) => {
      const response = await fetch(url, { headers: { accept: 'application/ld+json' } });
      return { status: response.status, contentType: response.headers.get('content-type') ?? undefined, body: await response.text() };
    };
    const verify = (input: Parameters<typeof verifyOpenBadge>[0]) => verifyOpenBadge(input, { fetchDocument, recipientProfile: { email: ['a@example.org', 'b@example.org'] } });
    for (const id of [first, second]) {
      const image = files.get(`badges/${id}.png`);
      const json = files.get(`badges/${id}.json`);
      expect(image).toBeDefined();
      expect(json).toBeDefined();
      expect(unbakeBadgeImage(image!)).not.toBeNull();
      const fromImage = await verify({ image: image!, contentType: 'image/png' });
      const fromJson = await verify({ json: json!.toString('utf8') });
      for (const result of [fromImage, fromJson]) {
        if (id === first) expect([result.report.valid, result.report.errorCount]).toEqual([true, 0]);
        else expect([result.report.valid, JSON.stringify(result.report.messages)]).toEqual([false, expect.stringMatching(/revok/i)]);
      }
    }
    expect(files.get('summary.csv')!.toString()).toContain(`${second},Robotics Fundamentals,Faculty of Engineering`);

    // Import goes through the real verification service: someone else's badge is refused with
    // the reason, the owner's is already there, and junk gets the verifier's explanation.
    const firstImage = `data:image/png;base64,${files.get(`badges/${first}.png`)!.toString('base64')}`;
    const beforeC = stack.smtp.messages.length;
    await anonymous.post('/v2/auth/signup', { email: 'c@example.org', password: 'another learner password', name: 'Cy' });
    await anonymous.post('/v2/auth/confirm-email', { token: await confirmationFor('c@example.org', beforeC) });
    const other = anonymous.withToken((await anonymous.post('/v2/auth/token', { username: 'c@example.org', password: 'another learner password' })).body.access_token);
    const refused = await other.post('/v2/backpack/import', { image: firstImage });
    expect([refused.status, refused.body.error.code]).toEqual([400, 'recipient_mismatch']);
    expect((await learner.post('/v2/backpack/import', { image: firstImage })).status).toBe(409);
    const junk = await other.post('/v2/backpack/import', { assertion: { '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: 'urn:uuid:x' } });
    expect([junk.status, junk.body.error.code]).toEqual([400, 'import_failed']);
    expect(junk.body.fieldErrors.import.length).toBeGreaterThan(0);
  }, 300_000);
});
