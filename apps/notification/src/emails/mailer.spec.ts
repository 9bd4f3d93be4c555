/**
 * The SMTP transport against a real SMTP server: messages of a burst share the pool's few
 * connections (nodemailer drops every other option when given a `url`, which once made each
 * message open its own), and every message arrives once, whole.
 */
import { loadNotificationConfig } from '../config/notification.config';
import { SmtpTestServer } from '../testing/smtp-test-server';
import { Mailer } from './mailer';

describe('Mailer over SMTP', () => {
  let smtp: SmtpTestServer;
  let mailer: Mailer;

  beforeAll(async () => {
    smtp = await new SmtpTestServer().start();
    mailer = new Mailer(loadNotificationConfig({ SMTP_URL: smtp.url, SMTP_POOL_CONNECTIONS: '3', INTERNAL_TOKEN: 'x'.repeat(32), SECRETS_ENCRYPTION_KEY: 'k'.repeat(44) }));
  });

  afterAll(async () => {
    mailer.onApplicationShutdown();
    await smtp.close();
  });

  it('sends a burst of messages over at most the pool size of connections', async () => {
    const attachment = { filename: 'badge.png', contentType: 'image/png', content: Buffer.from('not really a png') };
    const burst = Array.from({ length: 30 }, (_, i) => ({ deliveryId: `d${i}`, to: `learner${i}@example.org`, subject: `Badge ${i}`, text: `Hello ${i}`, html: `<p>Hello ${i}</p>`, attachment }));

    const sent = await Promise.all(burst.map((email) => mailer.send(email)));

    expect(sent.every(({ messageId }) => messageId.length > 0)).toBe(true);
    expect(smtp.received.map((email) => email.envelopeTo[0]).sort()).toEqual(burst.map((email) => email.to).sort());
    expect(smtp.connections).toBeGreaterThanOrEqual(1);
    expect(smtp.connections).toBeLessThanOrEqual(3);
  });
});
