/**
 * The email flow on BullMQ (the real Redis at REDIS_URL, default redis://127.0.0.1:6379) under a
 * unique key prefix that is deleted afterwards: same behaviour as in process.
 */
import { randomUUID } from 'node:crypto';

import type { LightMyRequestResponse } from 'fastify';
import { Redis } from 'ioredis';

import { databaseTargets, openDatabase, type Database, type ScratchDatabase } from '@badges/persistence';

import { issuedEvent, waitFor } from '../testing/events';
import { startFakeIssuer, TEST_PNG } from '../testing/fake-issuer';
import { startNotificationVariant, tenantHeaders, type NotificationVariant } from '../testing/notification-test-app';
import { SmtpTestServer } from '../testing/smtp-test-server';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe.each(databaseTargets())('email flow on BullMQ, $name', (target) => {
  const prefix = `notification-test-${process.pid}-${randomUUID().slice(0, 8)}`;
  const A = tenantHeaders('inst-a');
  let scratch: ScratchDatabase;
  let database: Database;
  let smtp: SmtpTestServer;
  let issuer: Awaited<ReturnType<typeof startFakeIssuer>>;
  let app: NotificationVariant;

  beforeAll(async () => {
    smtp = await new SmtpTestServer().start();
    issuer = await startFakeIssuer();
    scratch = await target.create();
    database = await openDatabase(scratch.config);
    app = await startNotificationVariant({ database, issuer: issuer.client, smtpUrl: smtp.url, env: { REDIS_URL, JOBS_PREFIX: prefix } });
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
    await scratch?.dispose();
    await issuer?.fastify.close();
    await smtp?.close();
    const redis = new Redis(REDIS_URL);
    try {
      const keys: string[] = [];
      for await (const batch of redis.scanStream({ match: `${prefix}*`, count: 1000 })) keys.push(...(batch as string[]));
      if (keys.length) await redis.del(...keys);
    } finally {
      await redis.quit();
    }
  });

  const emailsFor = async (assertionId: string): Promise<Json[]> =>
    (app.app.inject({ method: 'GET', url: `/v2/notifications/emails?assertion=${assertionId}`, headers: A }) as Promise<LightMyRequestResponse>).then((r) => (r.json() as Json).result);
  const waitForStatus = (assertionId: string, status: string) =>
    waitFor(() => emailsFor(assertionId), (rows) => rows.length === 1 && rows[0].status === status, `email of ${assertionId} to be ${status}`);
  const emailTo = (address: string) => smtp.received.filter((email) => email.envelopeTo.includes(address));

  it('runs on BullMQ', () => {
    expect(app.app.get<{ mode: string }>('JobQueue:email').mode).toBe('bullmq');
  });

  it('sends one email per event (none for notify: false), even when the event is redelivered', async () => {
    const event = issuedEvent('inst-a', 'bullOne', { email: 'bull@example.org' });
    await app.publish(event);
    await app.publish(event);
    await app.publish(issuedEvent('inst-a', 'bullQuiet', { notify: false }));
    const [row] = await waitForStatus('bullOne', 'sent');
    await app.sweeper().sweep(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(emailTo('bull@example.org')).toHaveLength(1);
    expect(emailTo('bull@example.org')[0]).toMatchObject({ subject: 'Faculty of Science awarded you the badge "Lab Safety"' });
    expect(emailTo('bull@example.org')[0].attachments[0].content).toEqual(TEST_PNG);
    expect(row).toMatchObject({ attempts: 1, to: 'bull@example.org' });
    expect(await emailsFor('bullQuiet')).toEqual([]);
  });

  it('retries with backoff then marks the email failed; resend after the fix sends it', async () => {
    smtp.reject = true;
    try {
      await app.publish(issuedEvent('inst-a', 'bullRefused', { email: 'bull-refused@example.org' }));
      const [failed] = await waitForStatus('bullRefused', 'failed');
      expect(failed.attempts).toBe(3);
      expect(failed.lastError).toMatch(/550|Mailbox unavailable/);
    } finally {
      smtp.reject = false;
    }
    const [row] = await emailsFor('bullRefused');
    const resend = await app.app.inject({ method: 'POST', url: `/v2/notifications/emails/${row.entityId}/resend`, headers: A });
    expect(resend.statusCode).toBe(202);
    await waitForStatus('bullRefused', 'sent');
    expect(emailTo('bull-refused@example.org')).toHaveLength(1);
  });
});
