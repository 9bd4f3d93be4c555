import { execFile } from 'node:child_process';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { ApiClient } from '../support/api-client';
import { DistributedStack, eventually } from '../support/distributed-stack';
import { pngDataUri } from '../support/tiny-png';
import { WebhookReceiver, type ReceivedWebhook } from '../support/webhook-receiver';

/**
 * Issue #3's acceptance on the distributed stack: each service its own process, on the real
 * Kafka broker, PostgreSQL and Redis of this machine, with a real SMTP server and webhook receiver.
 */
const KAFKA_SCRIPT = join(__dirname, '../../infra/kafka/kafka.sh');
const ISSUED = 'badges.assertion.issued.v1';
const REVOKED = 'badges.assertion.revoked.v1';

/** The documented recipe (docs/events.md), written from scratch: HMAC-SHA256(secret, "<t>.<raw body>"). */
function signatureIsValid(secret: string, hook: ReceivedWebhook): boolean {
  const header = String(hook.headers['badges-signature'] ?? '');
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=') as [string, string]));
  if (!parts.t || !parts.v1) return false;
  if (Math.abs(Date.now() / 1000 - Number(parts.t)) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${parts.t}.${hook.rawBody}`).digest();
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Stops or starts the broker WITHOUT blocking this process: the webhook receiver and SMTP sink
 * live here, and a receiver frozen for the broker's start-up makes deliveries time out and retry.
 */
const kafka = async (command: 'start' | 'stop') => void (await promisify(execFile)('bash', [KAFKA_SCRIPT, command]));
const hooksFor = (receiver: WebhookReceiver, type: string) => receiver.received.filter((hook) => hook.headers['badges-event'] === type);
const assertionIdOf = (hook: ReceivedWebhook) => (JSON.parse(hook.rawBody) as { payload: { assertionId: string } }).payload.assertionId;

async function setUpInstitution(stack: DistributedStack, receiverUrl: string) {
  const anonymous = new ApiClient(stack.gatewayUrl);
  const created = await anonymous.withToken(stack.adminToken).post('/admin/institutions', { name: 'Northern College' });
  expect(created.status).toBe(201);
  const { clientId, clientSecret } = created.body.client;
  const token = await anonymous.post('/o/token', { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
  const api = anonymous.withToken(token.body.access_token);
  const issuer = await api.post('/v2/issuers', { name: 'Faculty of Engineering', email: 'badges@northern.example', url: 'https://northern.example' });
  const badgeClass = await api.post(`/v2/issuers/${issuer.body.result[0].entityId}/badgeclasses`, {
    name: 'Robotics Fundamentals', description: 'Built a robot.', image: pngDataUri(), criteriaNarrative: 'Build a robot.',
  });
  expect(badgeClass.status).toBe(201);
  const webhook = await api.post('/v2/webhooks', { url: receiverUrl, events: [ISSUED, REVOKED] });
  expect(webhook.status).toBe(201);
  return { api, badgeClassId: badgeClass.body.result[0].entityId as string, webhookSecret: webhook.body.result[0].secret as string };
}

describe('event backbone on the distributed stack (Kafka, PostgreSQL, Redis, SMTP)', () => {
  let stack: DistributedStack;
  const receiver = new WebhookReceiver();
  let api: ApiClient;
  let badgeClassId: string;
  let webhookSecret: string;

  beforeAll(async () => {
    stack = await DistributedStack.start();
    ({ api, badgeClassId, webhookSecret } = await setUpInstitution(stack, await receiver.start()));
  }, 180_000);

  afterAll(async () => {
    // Whatever happened above, later suites need the broker up (start is idempotent).
    await kafka('start');
    await stack?.dispose();
    await receiver.stop();
  }, 120_000);

  it('issuing through the gateway sends exactly one email and one signed webhook; revoking sends the revoke webhook', async () => {
    const award = await api.post(`/v2/badgeclasses/${badgeClassId}/assertions`, { recipient: { identity: 'ada@example.org' }, notify: true });
    expect(award.status).toBe(201);
    const assertionId = award.body.result[0].entityId;

    await eventually(() => stack.smtp.messages.some((m) => m.to.includes('ada@example.org')), 60_000, 'the award email');
    await eventually(() => hooksFor(receiver, ISSUED).some((h) => assertionIdOf(h) === assertionId), 60_000, 'the issued webhook');
    await new Promise((resolve) => setTimeout(resolve, 2000)); // anything doubled would arrive by now

    const emails = stack.smtp.messages.filter((m) => m.to.includes('ada@example.org'));
    expect(emails).toHaveLength(1);
    expect(emails[0].raw).toContain('Robotics Fundamentals');
    expect(emails[0].raw).toContain('Faculty of Engineering');
    expect(emails[0].raw).toContain(`/public/assertions/${assertionId}`);
    expect(emails[0].raw).toMatch(/Content-Type: image\/png/i);

    const issuedHooks = hooksFor(receiver, ISSUED).filter((h) => assertionIdOf(h) === assertionId);
    expect(issuedHooks).toHaveLength(1);
    expect(signatureIsValid(webhookSecret, issuedHooks[0])).toBe(true);
    expect(signatureIsValid('not-the-secret', issuedHooks[0])).toBe(false);
    expect(JSON.parse(issuedHooks[0].rawBody)).toMatchObject({ type: ISSUED, payload: { assertionId, notify: true } });

    const revoke = await api.delete(`/v2/assertions/${assertionId}`, { revocation_reason: 'Awarded in error' });
    expect(revoke.status).toBe(200);
    await eventually(() => hooksFor(receiver, REVOKED).some((h) => assertionIdOf(h) === assertionId), 60_000, 'the revoke webhook');
    const revokedHook = hooksFor(receiver, REVOKED).find((h) => assertionIdOf(h) === assertionId)!;
    expect(signatureIsValid(webhookSecret, revokedHook)).toBe(true);
    expect(JSON.parse(revokedHook.rawBody).payload.revocationReason).toBe('Awarded in error');
  }, 120_000);

  it('an issuer killed between its commit and the relay publishing delivers the event once after a restart', async () => {
    const [issuer] = stack.instances('issuer');
    await stack.stopService(issuer);
    // This instance commits awards and their outbox rows but never publishes them.
    const paused = await stack.startService('issuer', undefined, { OUTBOX_RELAY_ENABLED: 'false' });
    const award = await api.post(`/v2/badgeclasses/${badgeClassId}/assertions`, { recipient: { identity: 'grace@example.org' }, notify: true });
    expect(award.status).toBe(201);
    const assertionId = award.body.result[0].entityId;
    await stack.stopService(paused, 'SIGKILL');
    expect(stack.smtp.messages.some((m) => m.to.includes('grace@example.org'))).toBe(false);

    await stack.startService('issuer');
    await eventually(() => stack.smtp.messages.some((m) => m.to.includes('grace@example.org')), 60_000, 'the email after the restart');
    await eventually(() => hooksFor(receiver, ISSUED).some((h) => assertionIdOf(h) === assertionId), 60_000, 'the webhook after the restart');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(stack.smtp.messages.filter((m) => m.to.includes('grace@example.org'))).toHaveLength(1);
    expect(hooksFor(receiver, ISSUED).filter((h) => assertionIdOf(h) === assertionId)).toHaveLength(1);
  }, 120_000);

  it('a Kafka broker restart during 1,000 awards loses nothing and doubles nothing', async () => {
    const recipients = Array.from({ length: 1000 }, (_, i) => `learner${i}@bulk.example.org`);
    const assertionIds: string[] = [];
    for (let batch = 0; batch < 10; batch += 1) {
      if (batch === 3) await kafka('stop');
      const slice = recipients.slice(batch * 100, batch * 100 + 100);
      const response = await api.post(`/v2/badgeclasses/${badgeClassId}/issue`, {
        assertions: slice.map((identity) => ({ recipient: { identity }, notify: true })),
      });
      expect(response.status).toBe(201);
      assertionIds.push(...response.body.result.map((a: { entityId: string }) => a.entityId));
      if (batch === 6) await kafka('start');
    }

    const wanted = new Set(recipients);
    const emailed = () => stack.smtp.messages.filter((m) => m.to.some((to) => wanted.has(to)));
    const hooked = () => hooksFor(receiver, ISSUED).filter((h) => assertionIds.includes(assertionIdOf(h)));
    await eventually(() => new Set(emailed().flatMap((m) => m.to)).size === 1000, 240_000, 'all 1,000 emails');
    await eventually(() => new Set(hooked().map(assertionIdOf)).size === 1000, 240_000, 'all 1,000 webhooks');
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(emailed()).toHaveLength(1000);
    expect(hooked()).toHaveLength(1000);
  }, 420_000);
});
