import { metricValue } from '@badges/service-kit';

import { ApiClient } from '../support/api-client';
import { DistributedStack, eventually, type ServiceName } from '../support/distributed-stack';
import { pngDataUri } from '../support/tiny-png';
import { WebhookReceiver } from '../support/webhook-receiver';

const ISSUED = 'badges.assertion.issued.v1';

/**
 * Issue #20's metrics on the distributed stack (decision 0050): each service its own process and
 * registry, scraped on its own (internal) port; Kafka consumer lag per group and partition; BullMQ
 * queue depth on Redis. Without METRICS_TOKEN the gateway's public port serves no /metrics at all.
 */
describe('metrics on the distributed stack (Kafka, PostgreSQL, Redis)', () => {
  let stack: DistributedStack;
  const receiver = new WebhookReceiver();

  beforeAll(async () => {
    stack = await DistributedStack.start();
  }, 180_000);

  afterAll(async () => {
    await stack?.dispose();
    await receiver.stop();
  }, 120_000);

  const scrape = async (service: ServiceName): Promise<string> => {
    const [instance] = stack.instances(service);
    const response = await fetch(`${instance.url}/metrics`);
    expect(response.status).toBe(200);
    return response.text();
  };

  it('each service shows its own figures on its own port after an award, a verification and a bulk award', async () => {
    const anonymous = new ApiClient(stack.gatewayUrl);
    const api = await anonymous.forNewInstitution(stack.adminToken, 'Northern College');
    const issuer = await api.post('/v2/issuers', { name: 'Faculty of Engineering', email: 'badges@northern.example', url: 'https://northern.example' });
    const badgeClass = await api.post(`/v2/issuers/${issuer.body.result[0].entityId}/badgeclasses`, {
      name: 'Robotics Fundamentals', description: 'Built a robot.', image: pngDataUri(), criteriaNarrative: 'Build a robot.',
    });
    const badgeClassId = badgeClass.body.result[0].entityId as string;
    expect((await api.post('/v2/webhooks', { url: await receiver.start(), events: [ISSUED] })).status).toBe(201);

    const award = await api.post(`/v2/badgeclasses/${badgeClassId}/assertions`, { recipient: { identity: 'ada@example.org' }, notify: true });
    expect(award.status).toBe(201);
    await eventually(() => stack.smtp.messages.some((mail) => mail.to.includes('ada@example.org')), 60_000, 'the award email');
    await eventually(() => receiver.received.length >= 1, 60_000, 'the webhook');
    for (let run = 0; run < 2; run += 1) expect((await anonymous.post('/v2/verify', { url: award.body.result[0].openBadgeId })).status).toBe(200);
    const bulk = await api.request('POST', `/v2/badgeclasses/${badgeClassId}/bulk-awards`, 'email\r\nbo@example.org\r\ncy@example.org\r\n', { 'content-type': 'text/csv' });
    expect(bulk.status).toBe(202);
    await eventually(async () => (await api.get(`/v2/bulk-awards/${bulk.body.result[0].jobId}`)).body.result[0].status === 'completed', 60_000, 'the bulk award');
    expect((await anonymous.get('/.well-known/badgeconnect.json')).status).toBe(200);
    expect((await api.put('/v2/endorsers/self', { name: 'Northern College', url: 'https://northern.example', email: 'e@northern.example' })).status).toBe(200);

    // The public port: nothing without METRICS_TOKEN, and a service's /metrics is never forwarded.
    expect((await anonymous.get('/metrics')).status).toBe(404);

    const requests = (text: string, service: string, method: string, route: string) =>
      metricValue(text, 'http_request_duration_seconds_count', { service, method, route, status_class: '2xx' });

    const issuerText = await scrape('issuer');
    expect(requests(issuerText, 'issuer', 'POST', '/v2/badgeclasses/:entityId/assertions')).toBe(1);
    // Its own registry: no other service's requests in it.
    expect(issuerText).not.toMatch(/service="(gateway|notification|verification|passport|endorsement)"/);
    expect(metricValue(issuerText, 'bulk_award_rows_total', { outcome: 'awarded' })).toBe(2);
    expect(metricValue(issuerText, 'job_duration_seconds_count', { queue: 'bulk-award', job: 'run-bulk-award', outcome: 'success' })).toBeGreaterThanOrEqual(1);
    expect(issuerText).toMatch(/^job_queue_jobs\{queue="bulk-award",state="waiting"\} 0$/m);
    expect(issuerText).toMatch(/^outbox_unpublished_rows\{service="issuer"\} \d+$/m);

    await eventually(async () => metricValue(await scrape('notification'), 'notification_deliveries_total', { channel: 'webhook', outcome: 'sent' }) >= 1, 30_000, 'the webhook counted');
    const notificationText = await scrape('notification');
    expect(metricValue(notificationText, 'notification_deliveries_total', { channel: 'email', outcome: 'sent' })).toBeGreaterThanOrEqual(1);
    expect(notificationText).toMatch(/^job_queue_jobs\{queue="email",state="failed"\} 0$/m);
    // Kafka consumer lag per group and partition, from the batches this consumer handled.
    expect(notificationText).toMatch(/^event_consumer_lag\{group="notification",topic="badges\.assertion\.issued\.v1",partition="\d+"\} 0$/m);

    const verificationText = await scrape('verification');
    expect(requests(verificationText, 'verification', 'POST', '/v2/verify')).toBe(2);
    expect(metricValue(verificationText, 'verification_cache_lookups_total', { result: 'hit' })).toBeGreaterThanOrEqual(1);
    expect(metricValue(verificationText, 'verification_cache_lookups_total', { result: 'miss' })).toBeGreaterThanOrEqual(1);

    const passportText = await scrape('passport');
    expect(requests(passportText, 'passport', 'GET', '/.well-known/badgeconnect.json')).toBe(1);
    expect(passportText).toMatch(/^event_consumer_lag\{group="passport",topic="badges\.assertion\.issued\.v1",partition="\d+"\} \d+$/m);

    const endorsementText = await scrape('endorsement');
    expect(requests(endorsementText, 'endorsement', 'PUT', '/v2/endorsers/self')).toBe(1);
    expect(endorsementText).toMatch(/^outbox_unpublished_rows\{service="endorsement"\} \d+$/m);

    for (const service of ['issuer', 'notification', 'verification', 'passport', 'endorsement'] as const) {
      expect(await scrape(service)).toMatch(/^process_cpu_user_seconds_total \d/m);
    }
  }, 240_000);
});
