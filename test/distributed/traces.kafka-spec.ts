import { ApiClient } from '../support/api-client';
import { awaitAwardTrace, expectAwardLinks } from '../support/award-trace';
import { DistributedStack, eventually } from '../support/distributed-stack';
import { OtlpReceiver } from '../support/otlp-receiver';
import { pngDataUri } from '../support/tiny-png';
import { WebhookReceiver } from '../support/webhook-receiver';

const ISSUED = 'badges.assertion.issued.v1';

/**
 * Issue #20's acceptance for traces (decision 0052): every service in its own process, exporting
 * over OTLP/HTTP to a receiver the suite runs; one award is followed through ONE trace from the
 * gateway to the issuer, across Kafka (the outbox relay's publish, notification's consume) and into
 * the email and webhook jobs, each span the child of the one that caused it.
 */
describe('traces on the distributed stack (Kafka, PostgreSQL, Redis)', () => {
  let stack: DistributedStack;
  const otlp = new OtlpReceiver();
  const webhooks = new WebhookReceiver();

  beforeAll(async () => {
    // A short batch delay: spans reach the receiver within a second instead of five.
    stack = await DistributedStack.start({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: await otlp.start(), OTEL_BSP_SCHEDULE_DELAY: '200' } });
  }, 180_000);

  afterAll(async () => {
    await stack?.dispose();
    await webhooks.stop();
    await otlp.stop();
  }, 120_000);

  it('follows one award from the API call to the email and the webhook in one trace', async () => {
    const api = await new ApiClient(stack.gatewayUrl).forNewInstitution(stack.adminToken, 'Northern College');
    const issuer = await api.post('/v2/issuers', { name: 'Faculty of Engineering', email: 'badges@northern.example', url: 'https://northern.example' });
    const badgeClass = await api.post(`/v2/issuers/${issuer.body.result[0].entityId}/badgeclasses`, {
      name: 'Robotics Fundamentals', description: 'Built a robot.', image: pngDataUri(), criteriaNarrative: 'Build a robot.',
    });
    expect((await api.post('/v2/webhooks', { url: await webhooks.start(), events: [ISSUED] })).status).toBe(201);

    const award = await api.post(`/v2/badgeclasses/${badgeClass.body.result[0].entityId}/assertions`, { recipient: { identity: 'ada@example.org' }, notify: true });
    expect(award.status).toBe(201);
    await eventually(() => stack.smtp.messages.some((mail) => mail.to.includes('ada@example.org')), 60_000, 'the award email');
    await eventually(() => webhooks.received.length >= 1, 60_000, 'the webhook');

    const found = await awaitAwardTrace(otlp.spans);

    // Each process reports as its own service.
    expect(found.gateway.serviceName).toBe('gateway');
    expect(found.issuer.serviceName).toBe('issuer');
    expect(found.publish.serviceName).toBe('issuer');
    for (const span of [found.consume, found.emailJob, found.email, found.webhookJob, found.webhook]) expect(span.serviceName).toBe('notification');
    expectAwardLinks(found, otlp.spans);
    expect(found.consume.attributes['messaging.message.id']).toEqual(expect.any(String));
    // The receiver is not ours: the envelope it gets carries no trace context.
    expect(JSON.parse(webhooks.received[0].rawBody)).not.toHaveProperty('traceparent');
  }, 240_000);
});
