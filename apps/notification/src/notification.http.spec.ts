/**
 * The notification service end to end on every storage target: events in on the in-process bus,
 * a real SMTP server, a real local webhook receiver, a fake issuer behind a ServiceClient.
 * Three app variants share one scratch database (one fresh PGlite for the whole suite):
 *   main    - SMTP, private network allowed (the local receiver), in-process jobs;
 *   apiOnly - WORKERS=none (rows stay queued: the "crash before enqueue" case), private network refused;
 *   outbox  - no SMTP_URL: emails land as .eml files under DATA_DIR/outbox.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { LightMyRequestResponse } from 'fastify';
import type { z } from 'zod';

import { CreatedWebhookV2Schema, EmailDeliveryV2Schema, WebhookDeliveryV2Schema, WebhookV2Schema } from '@badges/api-contracts';
import { createEvent, Topic } from '@badges/events';
import { databaseTargets, openDatabase, type Database, type ScratchDatabase } from '@badges/persistence';
import { InternalHeader } from '@badges/service-kit';

import { EventIntakeService } from './events/event-intake.service';
import { badgeClassUpdatedEvent, issuedEvent, revokedEvent, waitFor } from './testing/events';
import { startFakeIssuer, TEST_PNG } from './testing/fake-issuer';
import { parseEmail } from './testing/mime';
import { startNotificationVariant, tenantHeaders, TEST_INTERNAL_TOKEN, type NotificationVariant } from './testing/notification-test-app';
import { SmtpTestServer } from './testing/smtp-test-server';
import { WebhookReceiver } from './testing/webhook-receiver';
import { verifyWebhookSignature } from './webhooks/webhook-signature';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The API contract is the answer to the letter: parsing drops no field and changes no value. */
const expectContract = (schema: z.ZodType, answer: unknown) => expect(schema.parse(answer)).toEqual(answer);

describe.each(databaseTargets())('notification service on $name', (target) => {
  let scratch: ScratchDatabase;
  let database: Database;
  let smtp: SmtpTestServer;
  let receiver: WebhookReceiver;
  let issuer: Awaited<ReturnType<typeof startFakeIssuer>>;
  let main: NotificationVariant;
  let apiOnly: NotificationVariant;
  let outbox: NotificationVariant;
  const A = tenantHeaders('inst-a');
  const B = tenantHeaders('inst-b');

  beforeAll(async () => {
    smtp = await new SmtpTestServer().start();
    receiver = await new WebhookReceiver().start();
    issuer = await startFakeIssuer();
    scratch = await target.create();
    database = await openDatabase(scratch.config);
    main = await startNotificationVariant({ database, issuer: issuer.client, smtpUrl: smtp.url, allowPrivateNetwork: true });
    apiOnly = await startNotificationVariant({ database, issuer: issuer.client, smtpUrl: smtp.url, env: { WORKERS: 'none' } });
    outbox = await startNotificationVariant({ database, issuer: issuer.client, allowPrivateNetwork: true });
  });

  afterAll(async () => {
    for (const variant of [main, apiOnly, outbox]) await variant?.close();
    await database?.close();
    await scratch?.dispose();
    await issuer?.fastify.close();
    await receiver?.close();
    await smtp?.close();
  });

  const call = (method: string, url: string, headers: Record<string, string>, payload?: unknown, app = main.app): Promise<LightMyRequestResponse> =>
    app.inject({ method: method as 'GET', url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const json = (response: LightMyRequestResponse): Json => response.json() as Json;
  const expectError = (response: LightMyRequestResponse, status: number, code: string, field?: string) => {
    expect({ status: response.statusCode, code: json(response).error?.code, field: json(response).error?.field }).toEqual({ status, code, field });
    expect(json(response).status.success).toBe(false);
  };
  const emailsFor = async (assertionId: string, headers = A): Promise<Json[]> =>
    json(await call('GET', `/v2/notifications/emails?assertion=${assertionId}`, headers)).result;
  const emailTo = (address: string) => smtp.received.filter((email) => email.envelopeTo.includes(address));
  const waitForEmailStatus = (assertionId: string, status: string) =>
    waitFor(() => emailsFor(assertionId), (rows) => rows.length === 1 && rows[0].status === status, `email of ${assertionId} to be ${status}`);
  const createWebhook = async (path: string, events: string[], headers = A): Promise<Json> => {
    const response = await call('POST', '/v2/webhooks', headers, { url: `${receiver.url}${path}`, events });
    expect(response.statusCode).toBe(201);
    return json(response).result[0];
  };
  const deliveriesOf = async (webhookId: string, headers = A): Promise<Json[]> => json(await call('GET', `/v2/webhooks/${webhookId}/deliveries`, headers)).result;

  describe('plumbing', () => {
    it('answers /health after a SELECT 1, without credentials', async () => {
      const response = await call('GET', '/health', {});
      expect([response.statusCode, json(response)]).toEqual([200, { status: 'ok' }]);
    });

    it('refuses callers without the internal token or the tenant header', async () => {
      expectError(await call('GET', '/v2/webhooks', { [InternalHeader.InstitutionId]: 'inst-a' }), 401, 'unauthorized');
      expectError(await call('GET', '/v2/webhooks', { [InternalHeader.InternalToken]: TEST_INTERNAL_TOKEN }), 401, 'unauthorized');
    });
  });

  describe('emails', () => {
    it('sends exactly one email for an issued event with notify, with the baked image attached', async () => {
      await main.publish(issuedEvent('inst-a', 'assertionMail1', { email: 'ada@example.org' }));
      const [row] = await waitForEmailStatus('assertionMail1', 'sent');
      const [email] = emailTo('ada@example.org');
      expect(emailTo('ada@example.org')).toHaveLength(1);
      expect(email.subject).toBe('Faculty of Science awarded you the badge "Lab Safety"');
      expect(email.headers['from']).toContain('badges@example.org');
      expect(email.text).toContain('https://badges.example.org/public/assertions/assertionMail1');
      expect(email.html).toContain('href="https://badges.example.org/public/assertions/assertionMail1"');
      expect(email.attachments).toEqual([{ filename: 'badge.png', contentType: 'image/png', content: TEST_PNG }]);
      expect(issuer.imageRequests).toContain('assertionMail1');
      expect(row).toMatchObject({ to: 'ada@example.org', status: 'sent', attempts: 1, lastError: null, assertionId: 'assertionMail1' });
      expect(row.messageId).toEqual(expect.any(String));
      expect(row.sentAt).toEqual(expect.any(String));
      const one = await call('GET', `/v2/notifications/emails/${row.entityId}`, A);
      expect([one.statusCode, json(one).result]).toEqual([200, [row]]);
      expectContract(EmailDeliveryV2Schema, row);
    });

    it('emails the endorser about an endorsement request (no attachment) and webhooks both parties', async () => {
      const requested = 'badges.endorsement.requested.v1';
      const hookA = await createWebhook('/endorse-a', [requested]);
      const hookB = await createWebhook('/endorse-b', [requested], B);
      await main.publish(
        createEvent(Topic.EndorsementRequested, {
          institutionId: 'inst-a', correlationId: 'corr-endorse', aggregateId: 'req1',
          payload: { requestId: 'req1', target: { type: 'BadgeClass', entityId: 'badge1' }, endorserInstitutionId: 'inst-b', targetName: 'Lab Safety', endorserEmail: 'council@example.org' },
        }),
      );
      const rows = await waitFor(
        async () => json(await call('GET', '/v2/notifications/emails', B)).result as Json[],
        (list) => list.some((row) => row.to === 'council@example.org' && row.status === 'sent'),
        'the endorsement request email',
      );
      expect(rows.find((row) => row.to === 'council@example.org')).toMatchObject({ assertionId: null, subject: 'Endorsement requested: "Lab Safety"' });
      const [email] = emailTo('council@example.org');
      expect(email.text).toContain('GET /v2/endorsement-requests/req1');
      expect(email.attachments).toEqual([]);
      expect(json(await call('GET', '/v2/notifications/emails', A)).result.some((row: Json) => row.to === 'council@example.org')).toBe(false);
      for (const [hook, headers] of [[hookA, A], [hookB, B]] as const) {
        await waitFor(() => deliveriesOf(hook.entityId, headers), (list) => list.length === 1 && list[0].status === 'delivered', 'the endorsement webhook');
        // Later tests count each institution's webhooks from zero.
        expect((await call('DELETE', `/v2/webhooks/${hook.entityId}`, headers)).statusCode).toBe(204);
      }
    });

    it('emails about an endorsement step even when neither party has a webhook, in the language the event gives the address', async () => {
      await main.publish(
        createEvent(Topic.EndorsementRequested, {
          institutionId: 'inst-a', correlationId: 'corr-endorse-2', aggregateId: 'req2',
          payload: { requestId: 'req2', target: { type: 'BadgeClass', entityId: 'badge2' }, endorserInstitutionId: 'inst-b', targetName: 'Travail de terrain', endorserEmail: 'panel@example.org', endorserLanguage: 'fr' },
        }),
      );
      const rows = await waitFor(
        async () => json(await call('GET', '/v2/notifications/emails', B)).result as Json[],
        (list) => list.some((row) => row.to === 'panel@example.org' && row.status === 'sent'),
        'the endorsement request email without webhooks',
      );
      expect(rows.find((row) => row.to === 'panel@example.org')).toMatchObject({ subject: 'Demande de recommandation : « Travail de terrain »' });
      const [email] = emailTo('panel@example.org');
      expect(email.subject).toBe('Demande de recommandation : « Travail de terrain »');
      expect(email.text).toContain('On vous demande de recommander la classe de badge « Travail de terrain ».');
    });

    it('sends nothing for notify: false (or a recipient that is not an email address)', async () => {
      await main.publish(issuedEvent('inst-a', 'assertionQuiet1', { notify: false }));
      await main.publish(issuedEvent('inst-a', 'assertionQuiet2', { recipientType: 'url', email: 'https://example.org/me' }));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await emailsFor('assertionQuiet1')).toEqual([]);
      expect(await emailsFor('assertionQuiet2')).toEqual([]);
    });

    it('handles a redelivered event once: one row, one email', async () => {
      const event = issuedEvent('inst-a', 'assertionTwice', { email: 'twice@example.org' });
      await main.publish(event);
      await main.publish(event);
      await waitForEmailStatus('assertionTwice', 'sent');
      await main.sweeper().sweep(0);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await emailsFor('assertionTwice')).toHaveLength(1);
      expect(emailTo('twice@example.org')).toHaveLength(1);
    });

    it('takes a run of events in one transaction: one email each, even for an event repeated in the run or handled before', async () => {
      const before = issuedEvent('inst-a', 'assertionRun0', { email: 'run0@example.org' });
      await main.publish(before);
      await waitForEmailStatus('assertionRun0', 'sent');
      const run = [1, 2, 3].map((n) => issuedEvent('inst-a', `assertionRun${n}`, { email: `run${n}@example.org` }));
      await main.app.get(EventIntakeService).handleMany([before, ...run, run[1]]);
      for (const n of [1, 2, 3]) await waitForEmailStatus(`assertionRun${n}`, 'sent');
      await new Promise((resolve) => setTimeout(resolve, 200));
      for (const n of [0, 1, 2, 3]) {
        expect(await emailsFor(`assertionRun${n}`)).toHaveLength(1);
        expect(emailTo(`run${n}@example.org`)).toHaveLength(1);
      }
    });

    it('escapes values in the html part only', async () => {
      await main.publish(issuedEvent('inst-a', 'assertionHtml', { email: 'html@example.org', badgeName: 'A <b>bold</b> & "quoted" badge' }));
      await waitForEmailStatus('assertionHtml', 'sent');
      const [email] = emailTo('html@example.org');
      expect(email.html).toContain('A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; badge');
      expect(email.text).toContain('A <b>bold</b> & "quoted" badge');
    });

    it('retries a refusing SMTP server, then marks the email failed; resend after the fix sends it', async () => {
      smtp.reject = true;
      try {
        await main.publish(issuedEvent('inst-a', 'assertionRefused', { email: 'refused@example.org' }));
        const [failed] = await waitForEmailStatus('assertionRefused', 'failed');
        expect(failed.attempts).toBe(3);
        expect(failed.lastError).toMatch(/550|Mailbox unavailable/);
        expect(emailTo('refused@example.org')).toHaveLength(0);
      } finally {
        smtp.reject = false;
      }
      const [row] = await emailsFor('assertionRefused');
      const resend = await call('POST', `/v2/notifications/emails/${row.entityId}/resend`, A);
      expect([resend.statusCode, json(resend).result[0].status]).toEqual([202, 'queued']);
      const [sent] = await waitForEmailStatus('assertionRefused', 'sent');
      expect(sent).toMatchObject({ attempts: 4, lastError: null });
      expect(emailTo('refused@example.org')).toHaveLength(1);
      // A sent email may be sent again (a learner lost it): a new job, a second message.
      expect((await call('POST', `/v2/notifications/emails/${row.entityId}/resend`, A)).statusCode).toBe(202);
      await waitFor(() => emailTo('refused@example.org').length, (n) => n === 2, 'the second copy');
      await waitForEmailStatus('assertionRefused', 'sent');
    });

    it('marks the email failed without retrying when the assertion was revoked before sending', async () => {
      await main.publish(issuedEvent('inst-a', 'revokedEarly', { email: 'late@example.org' }));
      const [row] = await waitForEmailStatus('revokedEarly', 'failed');
      expect(row).toMatchObject({ attempts: 1, lastError: 'the assertion was revoked before the email was sent' });
      expect(emailTo('late@example.org')).toHaveLength(0);
    });

    it('answers 409 to a resend while queued; the sweeper re-enqueues deliveries whose job was lost', async () => {
      // apiOnly runs no workers: its row stays queued, as if the process died after the commit.
      await apiOnly.publish(issuedEvent('inst-a', 'assertionStranded', { email: 'stranded@example.org' }));
      const [row] = await waitFor(() => emailsFor('assertionStranded'), (rows) => rows.length === 1, 'the stranded row');
      expect(row.status).toBe('queued');
      expectError(await call('POST', `/v2/notifications/emails/${row.entityId}/resend`, A), 409, 'conflict');
      expect(await main.sweeper().sweep(30_000)).toBe(0); // not stale yet
      expect(await main.sweeper().sweep(0)).toBeGreaterThanOrEqual(1);
      await waitForEmailStatus('assertionStranded', 'sent');
      expect(emailTo('stranded@example.org')).toHaveLength(1);
    });

    it('writes an .eml file under DATA_DIR/outbox when SMTP_URL is not set', async () => {
      await outbox.publish(issuedEvent('inst-a', 'assertionEml', { email: 'eml@example.org' }));
      const [row] = await waitForEmailStatus('assertionEml', 'sent');
      const file = join(outbox.dataDir, 'outbox', `${row.entityId}.eml`);
      expect(existsSync(file)).toBe(true);
      const email = parseEmail(readFileSync(file));
      expect(email.headers['to']).toBe('eml@example.org');
      expect(email.subject).toContain('Lab Safety');
      expect(email.attachments[0]).toMatchObject({ contentType: 'image/png', content: TEST_PNG });
      expect(emailTo('eml@example.org')).toHaveLength(0);
    });

    it('lists only the caller institution\'s emails; another institution gets 404', async () => {
      const [row] = await emailsFor('assertionMail1');
      expect(await emailsFor('assertionMail1', B)).toEqual([]);
      expectError(await call('GET', `/v2/notifications/emails/${row.entityId}`, B), 404, 'not_found');
      expectError(await call('POST', `/v2/notifications/emails/${row.entityId}/resend`, B), 404, 'not_found');
      expectError(await call('GET', '/v2/notifications/emails/no$such', A), 404, 'not_found');
      expectError(await call('GET', '/v2/notifications/emails?assertion=bad%20id', A), 400, 'validation_failed', 'assertion');
      const all = json(await call('GET', '/v2/notifications/emails', A)).result as Json[];
      expect(all.length).toBeGreaterThanOrEqual(5);
    });

    it('lets a person resend an award email only with a role that awards on its issuer (issue #16)', async () => {
      await main.publish(issuedEvent('inst-a', 'assertionResendRoles', { email: 'roles@example.org' }));
      const [row] = await waitForEmailStatus('assertionResendRoles', 'sent');
      const resend = (roles: string, headers = A) => call('POST', `/v2/notifications/emails/${row.entityId}/resend`, { ...headers, [InternalHeader.Actor]: 'staff:person-1', [InternalHeader.StaffRoles]: roles });
      for (const roles of ['editor:issuer2', 'none']) {
        const refused = await resend(roles);
        expectError(refused, 403, 'forbidden');
        expect(json(refused).error.message).toContain('the staff, editor or owner role on issuer issuer1');
      }
      expectError(await resend('admin', B), 404, 'not_found');
      expect((await emailsFor('assertionResendRoles'))[0].status).toBe('sent');
      expect(emailTo('roles@example.org')).toHaveLength(1);
      expect((await resend('staff:issuer2,staff:issuer1')).statusCode).toBe(202);
      await waitFor(async () => emailTo('roles@example.org'), (emails) => emails.length === 2, 'the resent email');
      await waitForEmailStatus('assertionResendRoles', 'sent');
      expect((await resend('admin')).statusCode).toBe(202);
    });

    it('lets only an institution admin resend an email of no issuer (an endorsement’s)', async () => {
      await main.publish(
        createEvent(Topic.EndorsementRequested, {
          institutionId: 'inst-a', correlationId: 'corr-endorse-resend', aggregateId: 'reqResend',
          payload: { requestId: 'reqResend', target: { type: 'BadgeClass', entityId: 'badge1' }, endorserInstitutionId: 'inst-b', targetName: 'Lab Safety', endorserEmail: 'resend@example.org' },
        }),
      );
      const [row] = await waitFor(
        async () => (json(await call('GET', '/v2/notifications/emails', B)).result as Json[]).filter((email) => email.to === 'resend@example.org' && email.status === 'sent'),
        (rows) => rows.length === 1,
        'the endorsement email',
      );
      const resend = (roles: string) => call('POST', `/v2/notifications/emails/${row.entityId}/resend`, { ...B, [InternalHeader.Actor]: 'staff:person-2', [InternalHeader.StaffRoles]: roles });
      expectError(await resend('owner:issuer1'), 403, 'forbidden');
      expect((await resend('admin')).statusCode).toBe(202);
    });
  });

  describe('templates', () => {
    const path = '/v2/notifications/templates/assertion-issued';

    it('serves the default, takes an override that the next email uses, and goes back on DELETE', async () => {
      const initial = json(await call('GET', path, A)).result[0];
      expect(initial).toMatchObject({ kind: 'assertion-issued', isDefault: true, placeholders: ['badgeName', 'issuerName', 'assertionUrl', 'passportUrl'] });
      expect(initial.subject).toContain('{{badgeName}}');

      const override = { subject: 'New badge: {{ badgeName }}', text: 'From {{issuerName}}: {{assertionUrl}}', html: '<p>{{badgeName}} from {{issuerName}}</p>' };
      const put = await call('PUT', path, A, override);
      expect([put.statusCode, json(put).result[0]]).toEqual([200, expect.objectContaining({ ...override, isDefault: false })]);
      expect(json(await call('GET', path, B)).result[0].isDefault).toBe(true);

      await main.publish(issuedEvent('inst-a', 'assertionTemplated', { email: 'tpl@example.org', issuerName: 'R&D <Lab>' }));
      await waitForEmailStatus('assertionTemplated', 'sent');
      const [email] = emailTo('tpl@example.org');
      expect(email.subject).toBe('New badge: Lab Safety');
      expect(email.text).toBe('From R&D <Lab>: https://badges.example.org/public/assertions/assertionTemplated');
      expect(email.html).toBe('<p>Lab Safety from R&amp;D &lt;Lab&gt;</p>');

      expect((await call('DELETE', path, A)).statusCode).toBe(204);
      expect(json(await call('GET', path, A)).result[0]).toEqual(initial);
    });

    it('refuses unknown placeholders and bad fields with the field named', async () => {
      expectError(await call('PUT', path, A, { subject: 'Hi', text: 'Hello {{learnerName}}' }), 400, 'validation_failed', 'text');
      expectError(await call('PUT', path, A, { subject: 'Hi {{badge}}', text: 'x' }), 400, 'validation_failed', 'subject');
      expectError(await call('PUT', path, A, { subject: 'Hi', text: 'x', html: '<p>{{ nope }}</p>' }), 400, 'validation_failed', 'html');
      expectError(await call('PUT', path, A, { subject: 'two\nlines', text: 'x' }), 400, 'validation_failed', 'subject');
      expectError(await call('PUT', path, A, { text: 'x' }), 400, 'validation_failed', 'subject');
      expectError(await call('PUT', path, { ...A, 'content-type': 'application/json' }, '{"subject": '), 400, 'invalid_json');
      expectError(await call('GET', '/v2/notifications/templates/unknown-kind', A), 404, 'not_found');
      expect(json(await call('GET', path, A)).result[0].isDefault).toBe(true);
    });
  });

  describe('webhooks', () => {
    it('registers an endpoint and shows its secret once, stored encrypted', async () => {
      const created = await createWebhook('/once', [Topic.AssertionIssued]);
      expect(created).toEqual({ entityId: expect.any(String), url: `${receiver.url}/once`, events: [Topic.AssertionIssued], secret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), createdAt: expect.any(String) });
      const listed = json(await call('GET', '/v2/webhooks', A)).result as Json[];
      expect(listed.find((w) => w.entityId === created.entityId)).toEqual({ entityId: created.entityId, url: created.url, events: created.events, createdAt: created.createdAt });
      expectContract(CreatedWebhookV2Schema, created);
      for (const webhook of listed) expectContract(WebhookV2Schema, webhook);
      const [stored] = await database.query<{ secretCiphertext: string }>('SELECT "secretCiphertext" FROM notification.webhook_endpoints WHERE id = $1', [created.entityId]);
      expect(stored.secretCiphertext).toMatch(/^v1\./);
      expect(stored.secretCiphertext).not.toContain(created.secret);
      expect((await call('DELETE', `/v2/webhooks/${created.entityId}`, A)).statusCode).toBe(204);
    });

    it('POSTs each event once, signed, to the endpoints subscribed to its type only', async () => {
      const both = await createWebhook('/both', [Topic.AssertionIssued, Topic.AssertionRevoked]);
      const issuedOnly = await createWebhook('/issued-only', [Topic.AssertionIssued]);
      const issued = issuedEvent('inst-a', 'assertionHook1', { email: 'hook@example.org' });
      await main.publish(issued);
      await main.publish(issued);
      await waitFor(() => receiver.hits('/both').length + receiver.hits('/issued-only').length, (n) => n === 2, 'both receivers');

      const [hit] = receiver.hits('/both');
      // The receiver records the POST before it answers; the row is marked after the answer.
      const [delivery] = await waitFor(() => deliveriesOf(both.entityId), (rows) => rows[0]?.status === 'delivered', 'the delivery marked delivered');
      expect(hit.headers['content-type']).toBe('application/json');
      expect(hit.headers['badges-event']).toBe(Topic.AssertionIssued);
      expect(hit.headers['badges-delivery']).toBe(delivery.entityId);
      expectContract(WebhookDeliveryV2Schema, delivery);
      const signature = hit.headers['badges-signature'] as string;
      expect(verifyWebhookSignature(both.secret, signature, hit.rawBody)).toBe(true);
      // The recipe from scratch: HMAC-SHA256(secret, "<t>.<raw body>") in hex, compared in constant time.
      const { t, v1 } = Object.fromEntries(signature.split(',').map((kv) => kv.split('='))) as { t: string; v1: string };
      expect(Math.abs(Number(t) - Date.now() / 1000)).toBeLessThan(60);
      const expected = createHmac('sha256', both.secret).update(`${t}.${hit.rawBody}`).digest();
      expect(timingSafeEqual(expected, Buffer.from(v1, 'hex'))).toBe(true);
      expect(verifyWebhookSignature(issuedOnly.secret, signature, hit.rawBody)).toBe(false);
      expect(verifyWebhookSignature(both.secret, signature, hit.rawBody.replace('assertionHook1', 'assertionHook2'))).toBe(false);

      const body = JSON.parse(hit.rawBody) as Json;
      expect(body).toMatchObject({ eventId: issued.eventId, type: Topic.AssertionIssued, institutionId: 'inst-a', correlationId: issued.correlationId });
      expect(body.payload.assertionId).toBe('assertionHook1');
      expect(body.payload.recipient.plaintextIdentity).toBeUndefined();
      expect(hit.rawBody).not.toContain('hook@example.org');
      expect(delivery).toMatchObject({ status: 'delivered', attempts: 1, responseStatus: 200, eventId: issued.eventId, eventType: Topic.AssertionIssued, webhookId: both.entityId });

      await main.publish(revokedEvent('inst-a', 'assertionHook1'));
      await main.publish(badgeClassUpdatedEvent('inst-a'));
      await waitFor(() => receiver.hits('/both').length, (n) => n === 2, 'the revocation');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(receiver.hits('/both')[1].headers['badges-event']).toBe(Topic.AssertionRevoked);
      expect(receiver.hits('/issued-only')).toHaveLength(1);
      expect(await deliveriesOf(issuedOnly.entityId)).toHaveLength(1);
      expect(await deliveriesOf(both.entityId)).toHaveLength(2);
    });

    it('retries a failing receiver with backoff, marks the delivery failed, and redelivers on request', async () => {
      let healthy = false;
      receiver.respond = (path) => (path === '/flaky' && !healthy ? 500 : 200);
      try {
        const hook = await createWebhook('/flaky', [Topic.BadgeClassUpdated]);
        await main.publish(badgeClassUpdatedEvent('inst-a', 'badgeclassFlaky'));
        const [failed] = await waitFor(() => deliveriesOf(hook.entityId), (rows) => rows[0]?.status === 'failed', 'the delivery to fail');
        expect(failed).toMatchObject({ attempts: 3, responseStatus: 500, lastError: 'the receiver answered HTTP 500' });
        expectContract(WebhookDeliveryV2Schema, failed);
        const hits = receiver.hits('/flaky');
        expect(hits.map((h) => h.answeredWith)).toEqual([500, 500, 500]);
        // Exponential backoff from 50 ms: ~50 ms, then ~100 ms between runs.
        expect(hits[1].at - hits[0].at).toBeGreaterThanOrEqual(40);
        expect(hits[2].at - hits[1].at).toBeGreaterThanOrEqual(90);

        healthy = true;
        const redeliver = await call('POST', `/v2/webhooks/${hook.entityId}/deliveries/${failed.entityId}/redeliver`, A);
        expect([redeliver.statusCode, json(redeliver).result[0].status]).toEqual([202, 'queued']);
        const [delivered] = await waitFor(() => deliveriesOf(hook.entityId), (rows) => rows[0]?.status === 'delivered', 'the redelivery');
        expect(delivered).toMatchObject({ entityId: failed.entityId, attempts: 4, responseStatus: 200, lastError: null });
        expect(receiver.hits('/flaky')[3].headers['badges-delivery']).toBe(failed.entityId);
      } finally {
        receiver.respond = () => 200;
      }
    });

    it('answers 409 to redeliver while a delivery is queued', async () => {
      const hook = await createWebhook('/queued', [Topic.AssertionRevoked]);
      await apiOnly.publish(revokedEvent('inst-a', 'assertionQueued'));
      const [queued] = await deliveriesOf(hook.entityId);
      expect(queued.status).toBe('queued');
      expectError(await call('POST', `/v2/webhooks/${hook.entityId}/deliveries/${queued.entityId}/redeliver`, A), 409, 'conflict');
      await main.sweeper().sweep(0);
      await waitFor(() => deliveriesOf(hook.entityId), (rows) => rows[0]?.status === 'delivered', 'the swept delivery');
    });

    it('keeps institutions apart: B cannot see, read or delete A\'s webhooks and deliveries', async () => {
      const hook = await createWebhook('/private-to-a', [Topic.AssertionRevoked]);
      await main.publish(revokedEvent('inst-a', 'assertionTenant'));
      const [delivery] = await waitFor(() => deliveriesOf(hook.entityId), (rows) => rows[0]?.status === 'delivered', 'A\'s delivery');
      await main.publish(revokedEvent('inst-b', 'assertionTenantB'));
      expect(json(await call('GET', '/v2/webhooks', B)).result).toEqual([]);
      expectError(await call('GET', `/v2/webhooks/${hook.entityId}/deliveries`, B), 404, 'not_found');
      expectError(await call('POST', `/v2/webhooks/${hook.entityId}/deliveries/${delivery.entityId}/redeliver`, B), 404, 'not_found');
      expectError(await call('DELETE', `/v2/webhooks/${hook.entityId}`, B), 404, 'not_found');
      expect(await deliveriesOf(hook.entityId)).toHaveLength(1); // B's event reached none of A's endpoints

      expect((await call('DELETE', `/v2/webhooks/${hook.entityId}`, A)).statusCode).toBe(204);
      expectError(await call('GET', `/v2/webhooks/${hook.entityId}/deliveries`, A), 404, 'not_found');
      expectError(await call('DELETE', `/v2/webhooks/${hook.entityId}`, A), 404, 'not_found');
    });

    it('validates the URL and the events, and refuses private addresses unless allowed', async () => {
      const post = (body: unknown, app = main.app) => call('POST', '/v2/webhooks', A, body, app);
      const events = [Topic.AssertionIssued];
      expectError(await post({ url: 'ftp://example.org/hook', events }), 400, 'validation_failed', 'url');
      expectError(await post({ url: 'not a url', events }), 400, 'validation_failed', 'url');
      expectError(await post({ url: 'https://user:pw@example.org/hook', events }), 400, 'validation_failed', 'url');
      expectError(await post({ events }), 400, 'validation_failed', 'url');
      expectError(await post({ url: 'https://example.org/hook', events: ['badges.unknown.v1'] }), 400, 'validation_failed', 'events.0');
      expectError(await post({ url: 'https://example.org/hook', events: [] }), 400, 'validation_failed', 'events');
      expectError(await post({ url: 'https://example.org/hook', events: 'badges.assertion.issued.v1' }), 400, 'validation_failed', 'events');
      for (const url of ['http://127.0.0.1:8080/hook', 'http://localhost/hook', 'http://10.1.2.3/hook', 'http://[::1]/hook', 'http://169.254.169.254/latest', 'http://0x7f000001/']) {
        expectError(await post({ url, events }, apiOnly.app), 400, 'validation_failed', 'url');
      }
      expect(json(await call('GET', '/v2/webhooks', A, undefined, apiOnly.app)).result.some((w: Json) => w.url.includes('127.0.0.1:8080'))).toBe(false);
      expect((await post({ url: 'http://127.0.0.1:8080/hook', events })).statusCode).toBe(201);
      expectError(await call('GET', '/v2/webhooks/bad$id/deliveries', A), 404, 'not_found');
    });
  });
});
