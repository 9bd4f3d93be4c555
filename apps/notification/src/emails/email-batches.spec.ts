/**
 * Batch claims of email deliveries (decision 0053), on the real SMTP sink: two senders never send
 * the same row, a failed send in a batch is retried alone, and a sender that dies between sending
 * and settling loses nothing (its email goes out once more after its lease, as documented).
 *   writer  - WORKERS=none: writes the rows, sends nothing, so each test drives the batches itself;
 *   a, b    - two senders on the same database; `a` retries after a fixed 2 s, so a test can
 *             look at a failed row before its retry.
 */
import type { LightMyRequestResponse } from 'fastify';

import { JobStatus } from '@badges/jobs';
import { databaseTargets, openDatabase, type Database, type ScratchDatabase } from '@badges/persistence';
import { tenantScope } from '@badges/service-kit';

import { newLease } from '../jobs/delivery-leases';
import { issuedEvent, waitFor } from '../testing/events';
import { startFakeIssuer } from '../testing/fake-issuer';
import { startNotificationVariant, tenantHeaders, type NotificationVariant } from '../testing/notification-test-app';
import { SmtpTestServer } from '../testing/smtp-test-server';
import { EmailDeliveriesRepository } from './email-deliveries.repository';
import { EmailDeliveryWorker } from './email-delivery.worker';
import { Mailer } from './mailer';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.each(databaseTargets())('email batches, $name', (target) => {
  const A = tenantHeaders('inst-a');
  let scratch: ScratchDatabase;
  let database: Database;
  let smtp: SmtpTestServer;
  let issuer: Awaited<ReturnType<typeof startFakeIssuer>>;
  let writer: NotificationVariant;
  let a: NotificationVariant;
  let b: NotificationVariant;

  beforeAll(async () => {
    smtp = await new SmtpTestServer().start();
    issuer = await startFakeIssuer();
    scratch = await target.create();
    database = await openDatabase(scratch.config);
    writer = await startNotificationVariant({ database, issuer: issuer.client, smtpUrl: smtp.url, env: { WORKERS: 'none' } });
    a = await startNotificationVariant({ database, issuer: issuer.client, smtpUrl: smtp.url, jobs: { email: { attempts: 3, backoff: { type: 'fixed', delayMs: 2_000 } } } });
    b = await startNotificationVariant({ database, issuer: issuer.client, smtpUrl: smtp.url });
  });

  afterAll(async () => {
    for (const variant of [writer, a, b]) await variant?.close();
    await database?.close();
    await scratch?.dispose();
    await issuer?.fastify.close();
    await smtp?.close();
  });

  const emailsFor = async (assertionId: string): Promise<Json[]> =>
    (writer.app.inject({ method: 'GET', url: `/v2/notifications/emails?assertion=${assertionId}`, headers: A }) as Promise<LightMyRequestResponse>).then((r) => (r.json() as Json).result);
  const emailTo = (address: string) => smtp.received.filter((email) => email.envelopeTo.includes(address));
  /** Queued rows for these assertions (one email each, to `<assertion>@example.org`), written by the writer. */
  const queued = async (assertionIds: string[]): Promise<string[]> => {
    await writer.publish(...assertionIds.map((id) => issuedEvent('inst-a', id, { email: `${id}@example.org` })));
    const rows = await Promise.all(assertionIds.map((id) => waitFor(() => emailsFor(id), (found) => found.length === 1, `the row of ${id}`)));
    return rows.map(([row]) => row.entityId as string);
  };
  const batch = (variant: NotificationVariant, deliveryIds: string[]) => variant.app.get(EmailDeliveryWorker).runBatch({ institutionId: 'inst-a', deliveryIds });

  it('sends each row once when two senders claim the same batch at the same time', async () => {
    const assertions = Array.from({ length: 12 }, (_, n) => `twoSenders${n}`);
    const ids = await queued(assertions);
    await Promise.all([batch(a, ids), batch(b, ids), batch(a, ids.slice(0, 6)), batch(b, ids.slice(6))]);
    for (const id of assertions) {
      expect(emailTo(`${id}@example.org`)).toHaveLength(1);
      expect((await emailsFor(id))[0]).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    }
  });

  it('retries a failed send of a batch alone, and sends the others once', async () => {
    const ids = await queued(['batchGood1', 'batchBad', 'batchGood2']);
    smtp.rejectTo.add('batchBad@example.org');
    try {
      expect(await batch(a, ids)).toBe(JobStatus.Success);
      const [bad] = await emailsFor('batchBad');
      expect(bad).toMatchObject({ status: 'queued', attempts: 1 });
      expect(bad.lastError).toMatch(/550|Mailbox unavailable/);
      for (const good of ['batchGood1', 'batchGood2']) expect((await emailsFor(good))[0]).toMatchObject({ status: 'sent', attempts: 1 });
      // Its backoff holds it from other batches: a batch naming it now leaves it alone.
      expect(await batch(b, ids)).toBe(JobStatus.Skipped);
    } finally {
      smtp.rejectTo.delete('batchBad@example.org');
    }
    const [sent] = await waitFor(() => emailsFor('batchBad'), (rows) => rows[0].status === 'sent', 'the retry of the refused email', 15_000);
    expect(sent).toMatchObject({ attempts: 2, lastError: null });
    expect(emailTo('batchBad@example.org')).toHaveLength(1);
    for (const good of ['batchGood1', 'batchGood2']) expect(emailTo(`${good}@example.org`)).toHaveLength(1);
  });

  it('loses no email when its sender dies between sending and settling: it goes out once more after the lease', async () => {
    const [id] = await queued(['crashed']);
    const scope = tenantScope('inst-a');
    // What a sender does up to its crash: claim, send, and never settle.
    const lease = newLease();
    const [claimed] = await a.app.get(EmailDeliveriesRepository).claim(scope, [id], lease);
    await a.app.get(Mailer).send({ deliveryId: claimed.id, to: claimed.to, subject: claimed.subject, text: claimed.textBody, html: claimed.htmlBody });
    expect(emailTo('crashed@example.org')).toHaveLength(1);
    // While the dead sender's lease runs, neither another batch nor the sweeper takes the row.
    expect(await batch(b, [id])).toBe(JobStatus.Skipped);
    await b.sweeper().sweep(0);
    expect((await emailsFor('crashed'))[0]).toMatchObject({ status: 'queued', attempts: 1 });
    expect(emailTo('crashed@example.org')).toHaveLength(1);
    // The lease runs out (5 minutes in production; here set in the past).
    await database.query(`UPDATE "notification"."email_deliveries" SET "leaseUntil" = now() - interval '1 second' WHERE "id" = $1`, [id]);
    expect(await b.sweeper().sweep(0)).toBeGreaterThanOrEqual(1);
    const [sent] = await waitFor(() => emailsFor('crashed'), (rows) => rows[0].status === 'sent', 'the swept email');
    expect(sent).toMatchObject({ attempts: 2, lastError: null });
    expect(emailTo('crashed@example.org')).toHaveLength(2);
  });
});
