import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ApiClient } from '../support/api-client';
import { awaitAwardTrace, expectAwardLinks } from '../support/award-trace';
import { eventually } from '../support/distributed-stack';
import { freePort } from '../support/free-port';
import { OtlpReceiver } from '../support/otlp-receiver';
import { startPlatformProcess, type PlatformProcess } from '../support/platform-process';
import { SmtpSink } from '../support/smtp-sink';
import { pngDataUri } from '../support/tiny-png';
import { WebhookReceiver } from '../support/webhook-receiver';

const ISSUED = 'badges.assertion.issued.v1';
/** Where an OTLP/HTTP exporter sends when nobody said where: a platform without OTLP settings must not. */
const DEFAULT_OTLP_PORT = 4318;

/**
 * Issue #20's traces on the compiled platform (`npm start`, decision 0052): every service in one
 * process, one tracer provider named `badges`, services told apart by `badges.service`. With an
 * OTLP endpoint, one award is one trace from the gateway to the email and the webhook; without
 * one, nothing leaves the process.
 */
describe('traces of the embedded platform', () => {
  const smtp = new SmtpSink();
  const webhooks = new WebhookReceiver();
  let dataDir: string;
  let platform: PlatformProcess | undefined;
  let smtpUrl: string;
  let webhookUrl: string;

  beforeAll(async () => {
    smtpUrl = await smtp.start();
    webhookUrl = await webhooks.start();
  });

  afterEach(async () => {
    await platform?.stop();
    platform = undefined;
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  afterAll(async () => {
    await smtp.stop();
    await webhooks.stop();
  });

  const start = async (env: Record<string, string>) => {
    dataDir = mkdtempSync(join(tmpdir(), 'badges-traces-e2e-'));
    const port = await freePort();
    platform = await startPlatformProcess({ DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${port}`, SMTP_URL: smtpUrl, ALLOW_PRIVATE_NETWORK_FETCH: 'true', ...env });
    return platform;
  };

  /** Awards one badge with notify and a subscribed webhook; resolves once the email and the webhook arrived. */
  const awardOne = async (started: PlatformProcess, recipient: string) => {
    const api = await new ApiClient(started.url).forNewInstitution(started.adminToken, 'Northern College');
    const issuer = await api.post('/v2/issuers', { name: 'Faculty of Engineering', email: 'badges@northern.example', url: 'https://northern.example' });
    const badgeClass = await api.post(`/v2/issuers/${issuer.body.result[0].entityId}/badgeclasses`, {
      name: 'Robotics Fundamentals', description: 'Built a robot.', image: pngDataUri(), criteriaNarrative: 'Build a robot.',
    });
    expect((await api.post('/v2/webhooks', { url: webhookUrl, events: [ISSUED] })).status).toBe(201);
    const hooksBefore = webhooks.received.length;
    const award = await api.post(`/v2/badgeclasses/${badgeClass.body.result[0].entityId}/assertions`, { recipient: { identity: recipient }, notify: true });
    expect(award.status).toBe(201);
    await eventually(() => smtp.messages.some((mail) => mail.to.includes(recipient)), 60_000, 'the award email');
    await eventually(() => webhooks.received.length > hooksBefore, 60_000, 'the webhook');
  };

  it('exports one trace per award, from the gateway through the issuer, the bus and both notification jobs', async () => {
    const otlp = new OtlpReceiver();
    try {
      await awardOne(await start({ OTEL_EXPORTER_OTLP_ENDPOINT: await otlp.start(), OTEL_BSP_SCHEDULE_DELAY: '200' }), 'ada@example.org');
      const found = await awaitAwardTrace(otlp.spans);
      // One process, one resource: the platform's name; the services are attributes.
      expect(new Set(Object.values(found).flatMap((span) => (typeof span === 'string' ? [] : [span.serviceName])))).toEqual(new Set(['badges']));
      expect(found.consume.attributes['badges.service']).toBe('notification');
      expectAwardLinks(found, otlp.spans);
      // The receiver is not ours: the envelope it gets carries no trace context.
      expect(JSON.parse(webhooks.received[webhooks.received.length - 1].rawBody)).not.toHaveProperty('traceparent');
    } finally {
      await otlp.stop();
    }
  }, 180_000);

  it('sends nothing anywhere when no OTLP endpoint is configured', async () => {
    // Listening where an exporter left to its defaults would send: it must not be called.
    const otlp = new OtlpReceiver();
    await otlp.start(DEFAULT_OTLP_PORT);
    try {
      await awardOne(await start({}), 'bo@example.org');
      // Stopping flushes whatever a batch would hold, so a silent receiver is the final word.
      await platform?.stop();
      platform = undefined;
      expect(otlp.requests).toBe(0);
    } finally {
      await otlp.stop();
    }
  }, 180_000);
});
