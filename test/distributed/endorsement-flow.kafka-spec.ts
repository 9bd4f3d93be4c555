import { validateNode } from '@badges/openbadges';

import { ApiClient } from '../support/api-client';
import { DistributedStack, eventually } from '../support/distributed-stack';
import { pngDataUri } from '../support/tiny-png';
import { WebhookReceiver, type ReceivedWebhook } from '../support/webhook-receiver';

/**
 * Issue #7's acceptance on the distributed stack (each service its own process, real Kafka,
 * PostgreSQL and Redis), steps 1 to 5.
 */
const REQUESTED = 'badges.endorsement.requested.v1';
const ISSUED = 'badges.endorsement.issued.v1';
const REVOKED = 'badges.endorsement.revoked.v1';

interface Party {
  id: string;
  api: ApiClient;
}

async function institution(stack: DistributedStack, name: string): Promise<Party> {
  const anonymous = new ApiClient(stack.gatewayUrl);
  const created = await anonymous.withToken(stack.adminToken).post('/admin/institutions', { name });
  expect(created.status).toBe(201);
  const { clientId, clientSecret } = created.body.client;
  const token = await anonymous.post('/o/token', { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
  return { id: created.body.id, api: anonymous.withToken(token.body.access_token) };
}

const hooks = (receiver: WebhookReceiver, type: string): ReceivedWebhook[] => receiver.received.filter((hook) => hook.headers['badges-event'] === type);
const ldJson = { accept: 'application/ld+json' };

describe('endorsements on the distributed stack (Kafka, PostgreSQL, Redis)', () => {
  let stack: DistributedStack;
  let anonymous: ApiClient;
  let college: Party;
  let council: Party;
  let stranger: Party;
  const collegeHooks = new WebhookReceiver();
  const councilHooks = new WebhookReceiver();
  let badgeClassId: string;
  let badgeClassUrl: string;

  beforeAll(async () => {
    stack = await DistributedStack.start();
    anonymous = new ApiClient(stack.gatewayUrl);
    [college, council, stranger] = [
      await institution(stack, 'Northern College'),
      await institution(stack, 'Engineering Council'),
      await institution(stack, 'Elsewhere University'),
    ];
    const issuer = await college.api.post('/v2/issuers', { name: 'Faculty of Engineering', email: 'badges@northern.example', url: 'https://northern.example' });
    const badgeClass = await college.api.post(`/v2/issuers/${issuer.body.result[0].entityId}/badgeclasses`, {
      name: 'Robotics Fundamentals', description: 'Built a robot.', image: pngDataUri(), criteriaNarrative: 'Build a robot.',
    });
    expect(badgeClass.status).toBe(201);
    badgeClassId = badgeClass.body.result[0].entityId;
    badgeClassUrl = badgeClass.body.result[0].openBadgeId;
    const events = [REQUESTED, ISSUED, REVOKED];
    expect((await college.api.post('/v2/webhooks', { url: await collegeHooks.start(), events })).status).toBe(201);
    expect((await council.api.post('/v2/webhooks', { url: await councilHooks.start(), events })).status).toBe(201);
    const profile = await council.api.put('/v2/endorsers/self', { name: 'Engineering Council', url: 'https://council.example', email: 'endorse@council.example' });
    expect(profile.status).toBe(200);
  }, 180_000);

  afterAll(async () => {
    await stack?.dispose();
    await collegeHooks.stop();
    await councilHooks.stop();
  }, 120_000);

  it('request, approve with a comment, publish on the BadgeClass, withdraw: gone and revoked within one event round trip', async () => {
    // 1. The college asks the council to endorse its badge class.
    const requested = await college.api.post('/v2/endorsement-requests', {
      target: { type: 'BadgeClass', entityId: badgeClassId }, endorser: council.id, message: 'Please review our robotics badge.',
    });
    expect(requested.status).toBe(201);
    const request = requested.body.result[0];
    expect(request).toMatchObject({ status: 'pending', requester: college.id, endorser: council.id, target: { type: 'BadgeClass', entityId: badgeClassId, openBadgeId: badgeClassUrl } });
    const inbox = await council.api.get('/v2/endorsement-requests?role=endorser');
    expect(inbox.body.result.map((r: { entityId: string }) => r.entityId)).toEqual([request.entityId]);

    // Authorization: only the endorser answers; a third institution sees nothing.
    const byRequester = await college.api.post(`/v2/endorsement-requests/${request.entityId}/approve`, { comment: 'Self-praise' });
    expect(byRequester.status).toBe(404);
    expect(byRequester.body.error.code).toBe('forbidden');
    for (const response of [
      await stranger.api.post(`/v2/endorsement-requests/${request.entityId}/approve`, { comment: 'x' }),
      await stranger.api.post(`/v2/endorsement-requests/${request.entityId}/decline`, {}),
      await stranger.api.get(`/v2/endorsement-requests/${request.entityId}`),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('not_found');
    }

    // 2. The council approves with a comment.
    const approved = await council.api.post(`/v2/endorsement-requests/${request.entityId}/approve`, { comment: 'Meets our accreditation standard.' });
    expect(approved.status).toBe(201);
    const endorsement = approved.body.result[0];
    const endorsementUrl: string = endorsement.openBadgeId;
    expect(endorsementUrl).toBe(`${stack.gatewayUrl}/public/endorsements/${endorsement.entityId}`);
    expect((await council.api.post(`/v2/endorsement-requests/${request.entityId}/approve`, {})).status).toBe(409);

    // 3. The BadgeClass document carries it (the issuer consumed the event) ...
    const badge = async () => (await anonymous.get(`/public/badges/${badgeClassId}`, ldJson)).body;
    await eventually(async () => ((await badge()).endorsement ?? []).includes(endorsementUrl), 60_000, 'the endorsement on the BadgeClass');
    expect(validateNode(await badge(), 'BadgeClass')).toEqual([]);
    const page = await anonymous.get(`/public/badges/${badgeClassId}`, { accept: 'text/html' });
    expect(page.body).toContain('Engineering Council');
    expect(page.body).toContain('Meets our accreditation standard.');

    // ... and its URL serves a valid OB 2.0 Endorsement whose claim is the BadgeClass.
    const document = await anonymous.get(endorsementUrl, ldJson);
    expect(document.status).toBe(200);
    expect(validateNode(document.body, 'Endorsement')).toEqual([]);
    expect(document.body).toMatchObject({
      type: 'Endorsement', id: endorsementUrl, claim: { id: badgeClassUrl, endorsementComment: 'Meets our accreditation standard.' }, verification: { type: 'HostedBadge' },
    });
    const profile = await anonymous.get(document.body.issuer, ldJson);
    expect(profile.status).toBe(200);
    expect(validateNode(profile.body, 'Profile')).toEqual([]);
    expect(profile.body).toMatchObject({ name: 'Engineering Council', url: 'https://council.example', email: 'endorse@council.example' });

    // 4. Verifying an assertion of that badge class reports the endorsement as valid.
    const awarded = await college.api.post(`/v2/badgeclasses/${badgeClassId}/assertions`, { recipient: { identity: 'robotics@learner.example' } });
    expect(awarded.status).toBe(201);
    const assertionUrl: string = awarded.body.result[0].openBadgeId;
    const verified = await anonymous.post('/v2/verify', { url: assertionUrl, expected_recipient: 'robotics@learner.example' });
    expect(verified.status).toBe(200);
    expect(verified.body.report).toMatchObject({ valid: true, errorCount: 0 });
    expect(verified.body.report.endorsements).toEqual([
      expect.objectContaining({ id: endorsementUrl, target: badgeClassUrl, status: 'valid', comment: 'Meets our accreditation standard.', endorser: expect.objectContaining({ name: 'Engineering Council' }) }),
    ]);

    // Every step reached both parties' webhooks.
    for (const receiver of [collegeHooks, councilHooks]) {
      await eventually(() => hooks(receiver, REQUESTED).length === 1 && hooks(receiver, ISSUED).length === 1, 60_000, 'requested and issued webhooks');
    }
    expect(JSON.parse(hooks(councilHooks, ISSUED)[0].rawBody).payload).toMatchObject({ endorsementUrl, endorserInstitutionId: council.id });
    // ... and emailed the party that has to act or know: the council about the request, the college (its issuer's contact) about the approval.
    // Bodies are quoted-printable (soft line breaks `=\r\n`); subjects with quotes are RFC 2047 encoded, so match the text.
    const mailTo = (address: string, text: string) => stack.smtp.messages.filter((m) => m.to.includes(address) && m.raw.replace(/=\r\n/g, '').includes(text));
    await eventually(() => mailTo('endorse@council.example', 'You are asked to endorse the BadgeClass').length === 1, 60_000, 'the request email to the endorser');
    await eventually(() => mailTo('badges@northern.example', 'Engineering Council endorsed the BadgeClass').length === 1, 60_000, 'the approval email to the requester');
    expect(mailTo('badges@northern.example', 'Meets our accreditation standard.')).toHaveLength(1);

    // Only the two parties may withdraw.
    expect((await stranger.api.delete(`/v2/endorsements/${endorsement.entityId}`)).status).toBe(404);

    // 5. The endorser withdraws: gone from the BadgeClass, revoked (410) at its URL.
    const withdrawn = await council.api.delete(`/v2/endorsements/${endorsement.entityId}`, { reason: 'Standard changed.' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.result[0]).toMatchObject({ revoked: true, revocationReason: 'Standard changed.' });
    const revoked = await anonymous.get(endorsementUrl, ldJson);
    expect(revoked.status).toBe(410);
    expect(revoked.body).toMatchObject({ id: endorsementUrl, type: 'Endorsement', revoked: true, revocationReason: 'Standard changed.' });
    await eventually(async () => (await badge()).endorsement === undefined, 60_000, 'the endorsement gone from the BadgeClass');
    expect((await anonymous.get(`/public/badges/${badgeClassId}`, { accept: 'text/html' })).body).not.toContain('Meets our accreditation standard.');
    await eventually(() => hooks(collegeHooks, REVOKED).length === 1 && hooks(councilHooks, REVOKED).length === 1, 60_000, 'revoked webhooks');
    await eventually(() => mailTo('badges@northern.example', 'was withdrawn by the endorser').length === 1, 60_000, 'the withdrawal email to the requester');
    // The badge itself stays valid; once the verifier's cache lapses (VERIFY_CACHE_TTL_SECONDS is
    // short in the test stack) the withdrawn endorsement no longer counts for it.
    const reverify = async () => (await anonymous.post('/v2/verify', { url: assertionUrl })).body.report;
    await eventually(async () => (await reverify()).endorsements.every((e: { status: string }) => e.status !== 'valid'), 30_000, 'the endorsement no longer valid in verification');
    expect((await reverify()).valid).toBe(true);

    const again = await college.api.delete(`/v2/endorsements/${endorsement.entityId}`);
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('already_revoked');
  }, 180_000);

  it('the requester may withdraw too, and a declined request makes no endorsement', async () => {
    const issuerId = (await college.api.get('/v2/issuers')).body.result[0].entityId;
    const toDecline = await college.api.post('/v2/endorsement-requests', { target: { type: 'Issuer', entityId: issuerId }, endorser: council.id });
    const declined = await council.api.post(`/v2/endorsement-requests/${toDecline.body.result[0].entityId}/decline`, { reason: 'Not yet.' });
    expect(declined.status).toBe(200);
    expect(declined.body.result[0]).toMatchObject({ status: 'declined', endorsement: null });

    const request = await college.api.post('/v2/endorsement-requests', { target: { type: 'Issuer', entityId: issuerId }, endorser: council.id });
    const approved = await council.api.post(`/v2/endorsement-requests/${request.body.result[0].entityId}/approve`, { comment: 'A fine faculty.' });
    const endorsementUrl = approved.body.result[0].openBadgeId;
    const issuerDocument = async () => (await anonymous.get(`/public/issuers/${issuerId}`, ldJson)).body;
    await eventually(async () => ((await issuerDocument()).endorsement ?? []).includes(endorsementUrl), 60_000, 'the endorsement on the Issuer');
    expect(validateNode(await issuerDocument(), 'Profile')).toEqual([]);

    expect((await college.api.delete(`/v2/endorsements/${approved.body.result[0].entityId}`)).status).toBe(200);
    await eventually(async () => (await issuerDocument()).endorsement === undefined, 60_000, 'the endorsement gone from the Issuer');
    expect((await anonymous.get(endorsementUrl, ldJson)).status).toBe(410);
  }, 120_000);
});
