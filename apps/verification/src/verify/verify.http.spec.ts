import { BadgeServer, hostBadge, RECIPIENT_EMAIL } from '../testing/badge-server';
import { startVerificationTestApp, type VerificationTestApp } from '../testing/verification-test-app';

/** The service's own contract around the pipeline: report extras, events, health. */
describe('verification service', () => {
  let service: VerificationTestApp;
  let badges: BadgeServer;
  let assertionUrl: string;

  beforeAll(async () => {
    badges = await BadgeServer.start('127.0.0.2');
    assertionUrl = hostBadge(badges).ids.assertion;
    service = await startVerificationTestApp({ VERIFY_ALLOWED_PRIVATE_ADDRESSES: '127.0.0.2' });
  });
  afterAll(async () => {
    await service.close();
    await badges.close();
  });

  it('publishes verification.completed with counts and the URL given, and no personal data', async () => {
    const { json } = await service.verify({ url: assertionUrl, expected_recipient: RECIPIENT_EMAIL });
    expect(json.report).toMatchObject({ valid: true, errorCount: 0 });
    await waitFor(() => service.events.length === 1);
    const [event] = service.events;
    expect(event).toMatchObject({
      type: 'badges.verification.completed.v1',
      institutionId: 'province',
      aggregateId: json.report.verificationId,
      payload: { verificationId: json.report.verificationId, subjectUrl: assertionUrl, valid: true, errorCount: 0, warningCount: 0 },
    });
    const text = JSON.stringify(event);
    expect(text).not.toContain(RECIPIENT_EMAIL);
    expect(text).not.toContain('sha256$');
  });

  it('leaves subjectUrl out for uploaded JSON', async () => {
    const before = service.events.length;
    const document = hostBadge(badges).assertion;
    const { json } = await service.verify({ json: document });
    await waitFor(() => service.events.length === before + 1);
    expect(service.events[before].payload).toEqual({ verificationId: json.report.verificationId, valid: true, errorCount: 0, warningCount: 0 });
  });

  it('answers the reference shape with named steps', async () => {
    const { json } = await service.verify({ url: assertionUrl });
    expect(json.input).toEqual({ input_type: 'url', value: assertionUrl });
    expect(json.graph.map((node) => node.type)).toEqual(['Assertion', 'BadgeClass', 'Issuer']);
    expect((json.report as unknown as { steps: { step: string; status: string }[] }).steps.map((s) => `${s.step}:${s.status}`)).toContain('HOSTED_VERIFICATION:passed');
  });

  it('reports its cache on /health', async () => {
    const response = await service.app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', cache: 'memory' });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
