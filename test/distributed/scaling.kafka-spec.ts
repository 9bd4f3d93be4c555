import { ApiClient } from '../support/api-client';
import { DistributedStack, eventually } from '../support/distributed-stack';
import { pngDataUri } from '../support/tiny-png';

/**
 * Issue #3: two instances of the notification service share its consumer group, so each event is
 * handled by exactly one of them. Each instance logs one line per event it receives (debug level);
 * across both, every event must appear once, and both instances must have done part of the work.
 */
describe('two notification instances share the work of their consumer group', () => {
  let stack: DistributedStack;

  beforeAll(async () => {
    stack = await DistributedStack.start({ notificationInstances: 2, notificationEnv: { LOG_LEVEL: 'debug' } });
  }, 180_000);

  afterAll(async () => stack?.dispose(), 60_000);

  it('handles each of 90 events exactly once, on one instance or the other', async () => {
    const anonymous = new ApiClient(stack.gatewayUrl);
    const created = await anonymous.withToken(stack.adminToken).post('/admin/institutions', { name: 'Scale College' });
    const { clientId, clientSecret } = created.body.client;
    const token = await anonymous.post('/o/token', { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
    const api = anonymous.withToken(token.body.access_token);
    const issuer = await api.post('/v2/issuers', { name: 'Scale Faculty', email: 'badges@scale.example', url: 'https://scale.example' });
    const badgeClass = await api.post(`/v2/issuers/${issuer.body.result[0].entityId}/badgeclasses`, {
      name: 'Scale Badge', description: 'd', image: pngDataUri(), criteriaNarrative: 'c',
    });
    const response = await api.post(`/v2/badgeclasses/${badgeClass.body.result[0].entityId}/issue`, {
      assertions: Array.from({ length: 90 }, (_, i) => ({ recipient: { identity: `s${i}@scale.example` } })),
    });
    expect(response.status).toBe(201);

    const [first, second] = stack.instances('notification');
    const handledBy = (output: string) => [...output.matchAll(/event ([0-9a-f-]{36}) badges\.assertion\.issued\.v1 (handled|already handled)/g)].map((m) => m[1]);
    await eventually(() => handledBy(first.output()).length + handledBy(second.output()).length >= 90, 90_000, '90 events handled');
    await new Promise((resolve) => setTimeout(resolve, 2000)); // a second delivery would show by now

    const onFirst = handledBy(first.output());
    const onSecond = handledBy(second.output());
    const all = [...onFirst, ...onSecond];
    expect(all).toHaveLength(90);
    expect(new Set(all).size).toBe(90);
    expect(onFirst.length).toBeGreaterThan(0);
    expect(onSecond.length).toBeGreaterThan(0);
  }, 180_000);
});
