import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { metricSamples, metricValue } from '@badges/service-kit';

import { ApiClient } from '../support/api-client';
import { eventually } from '../support/distributed-stack';
import { freePort } from '../support/free-port';
import { startPlatformProcess, type PlatformProcess } from '../support/platform-process';
import { SmtpSink } from '../support/smtp-sink';
import { embeddedStorageTargets } from '../support/storage-targets';
import { pngDataUri } from '../support/tiny-png';
import { WebhookReceiver } from '../support/webhook-receiver';

const METRICS_TOKEN = 'metrics-token-for-the-e2e-0123';
const ISSUED = 'badges.assertion.issued.v1';

/**
 * Issue #20's metrics on the compiled platform (`npm start`): every service in one process with
 * one registry, read at the gateway's /metrics with METRICS_TOKEN (decision 0050). Real requests,
 * jobs and events first, then each figure is found with a value, labelled by its service.
 */
describe.each(embeddedStorageTargets())('metrics of the embedded platform on $name', (target) => {
  const smtp = new SmtpSink();
  const receiver = new WebhookReceiver();
  const refusing = new WebhookReceiver();
  let dataDir: string;
  let storage: { env: Record<string, string>; dispose(): Promise<void> };
  let platform: PlatformProcess;
  let api: ApiClient;
  let anonymous: ApiClient;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'badges-metrics-e2e-'));
    storage = await target.env();
    const port = await freePort();
    platform = await startPlatformProcess({
      ...storage.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SMTP_URL: await smtp.start(),
      ALLOW_PRIVATE_NETWORK_FETCH: 'true',
      METRICS_TOKEN,
    });
    anonymous = new ApiClient(platform.url);
    api = await anonymous.forNewInstitution(platform.adminToken, 'Northern College');
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
    await storage?.dispose();
    await smtp.stop();
    await receiver.stop();
    await refusing.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const scrape = async (): Promise<string> => {
    const response = await anonymous.get('/metrics', { authorization: `Bearer ${METRICS_TOKEN}` });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.body as string;
  };

  it('answers /metrics only to the METRICS_TOKEN bearer', async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: `Bearer ${platform.adminToken}` }, { authorization: `Bearer ${METRICS_TOKEN}-` }];
    for (const headers of attempts) {
      const refused = await anonymous.get('/metrics', headers);
      expect(refused.status).toBe(401);
      expect(refused.body.error.code).toBe('unauthorized');
    }
    expect(await scrape()).toMatch(/^process_resident_memory_bytes \d+/m);
  });

  it('shows every service’s figures after an award, its email and webhooks, a verification twice and a bulk award', async () => {
    const issuer = await api.post('/v2/issuers', { name: 'Faculty of Engineering', email: 'badges@northern.example', url: 'https://northern.example' });
    expect(issuer.status).toBe(201);
    const badgeClass = await api.post(`/v2/issuers/${issuer.body.result[0].entityId}/badgeclasses`, {
      name: 'Robotics Fundamentals', description: 'Built a robot.', image: pngDataUri(), criteriaNarrative: 'Build a robot.',
    });
    expect(badgeClass.status).toBe(201);
    const badgeClassId = badgeClass.body.result[0].entityId as string;
    expect((await api.post('/v2/webhooks', { url: await receiver.start(), events: [ISSUED] })).status).toBe(201);
    refusing.status = 503;
    expect((await api.post('/v2/webhooks', { url: await refusing.start(), events: [ISSUED] })).status).toBe(201);
    expect((await api.get('/v2/issuers')).status).toBe(200);

    const award = await api.post(`/v2/badgeclasses/${badgeClassId}/assertions`, { recipient: { identity: 'ada@example.org' }, notify: true });
    expect(award.status).toBe(201);
    await eventually(() => smtp.messages.some((mail) => mail.to.includes('ada@example.org')), 30_000, 'the award email');
    await eventually(() => receiver.received.length === 1 && refusing.received.length >= 1, 30_000, 'both webhooks');

    // The first verification fetches the documents (cache misses); the second finds them kept.
    for (let run = 0; run < 2; run += 1) expect((await anonymous.post('/v2/verify', { url: award.body.result[0].openBadgeId })).status).toBe(200);

    const bulk = await api.request('POST', `/v2/badgeclasses/${badgeClassId}/bulk-awards`, 'email\r\nbo@example.org\r\ncy@example.org\r\n', { 'content-type': 'text/csv' });
    expect(bulk.status).toBe(202);
    const jobId = bulk.body.result[0].jobId as string;
    await eventually(async () => (await api.get(`/v2/bulk-awards/${jobId}`)).body.result[0].status === 'completed', 30_000, 'the bulk award');

    expect((await anonymous.get('/.well-known/badgeconnect.json')).status).toBe(200);
    expect((await api.put('/v2/endorsers/self', { name: 'Northern College', url: 'https://northern.example', email: 'e@northern.example' })).status).toBe(200);

    const text = await scrape();
    const value = (name: string, labels: Record<string, string>) => metricValue(text, name, labels);
    const requests = (service: string, method: string, route: string) => value('http_request_duration_seconds_count', { service, method, route, status_class: '2xx' });

    // HTTP per route, labelled by the service that answered: each service sees its own routes.
    expect(requests('issuer', 'GET', '/v2/issuers')).toBe(1);
    expect(requests('gateway', 'GET', '/v2/issuers')).toBe(1);
    expect(requests('issuer', 'POST', '/v2/badgeclasses/:entityId/assertions')).toBe(1);
    expect(requests('notification', 'POST', '/v2/webhooks')).toBe(2);
    expect(requests('verification', 'POST', '/v2/verify')).toBe(2);
    expect(requests('passport', 'GET', '/.well-known/badgeconnect.json')).toBe(1);
    expect(requests('endorsement', 'PUT', '/v2/endorsers/self')).toBe(1);
    expect(requests('gateway', 'GET', '/metrics')).toBeGreaterThanOrEqual(1);
    // Route patterns, never ids.
    const ids = [badgeClassId, jobId, award.body.result[0].entityId as string];
    expect(metricSamples(text).filter((sample) => Object.values(sample.labels).some((label) => ids.some((id) => label.includes(id))))).toEqual([]);

    // Jobs: the queues are counted, and every kind of job that ran was timed.
    for (const queue of ['email', 'webhook', 'bulk-award', 'image-baking']) expect(text).toMatch(new RegExp(`^job_queue_jobs\\{queue="${queue}",state="waiting"\\} \\d+$`, 'm'));
    // New deliveries go in batch jobs (decision 0053); the refused POST fails inside its batch, which
    // succeeds, and is counted below as `retrying` (its retry alone waits for the queue's backoff).
    expect(value('job_duration_seconds_count', { queue: 'email', job: 'send-email-batch', outcome: 'success' })).toBeGreaterThanOrEqual(1);
    expect(value('job_duration_seconds_count', { queue: 'webhook', job: 'deliver-webhook-batch', outcome: 'success' })).toBeGreaterThanOrEqual(1);
    expect(value('job_duration_seconds_count', { queue: 'bulk-award', job: 'run-bulk-award', outcome: 'success' })).toBeGreaterThanOrEqual(1);

    // The outboxes of the services that write events, read with their age.
    for (const service of ['issuer', 'passport', 'endorsement', 'gateway']) {
      expect(text).toMatch(new RegExp(`^outbox_unpublished_rows\\{service="${service}"\\} \\d+$`, 'm'));
      expect(text).toMatch(new RegExp(`^outbox_oldest_unpublished_age_seconds\\{service="${service}"\\} [\\d.e+-]+$`, 'm'));
    }
    expect(text).toContain('# TYPE event_consumer_lag gauge');

    // Each service's own figures.
    expect(value('verification_cache_lookups_total', { result: 'miss' })).toBeGreaterThanOrEqual(1);
    expect(value('verification_cache_lookups_total', { result: 'hit' })).toBeGreaterThanOrEqual(1);
    expect(value('bulk_award_rows_total', { outcome: 'awarded' })).toBe(2);
    expect(value('notification_deliveries_total', { channel: 'email', outcome: 'sent' })).toBeGreaterThanOrEqual(1);
    expect(value('notification_deliveries_total', { channel: 'webhook', outcome: 'sent' })).toBeGreaterThanOrEqual(1);
    expect(value('notification_deliveries_total', { channel: 'webhook', outcome: 'retrying' })).toBeGreaterThanOrEqual(1);
  }, 120_000);
});
