import { ApiClient } from '../support/api-client';
import { DistributedStack } from '../support/distributed-stack';
import { pngDataUri } from '../support/tiny-png';

/**
 * A page shows a bulk award's progress bar from the gateway's SSE stream: the events must arrive
 * while the job runs, not all at once at the end (a forwarded response would be buffered whole).
 * Distributed stack: gateway and issuer are separate processes on PostgreSQL.
 */
describe('bulk award progress through the gateway (SSE)', () => {
  let stack: DistributedStack;
  let platform: { url: string; adminToken: string };

  beforeAll(async () => {
    stack = await DistributedStack.start();
    platform = { url: stack.gatewayUrl, adminToken: stack.adminToken };
  }, 180_000);

  afterAll(async () => stack?.dispose(), 60_000);

  it('streams progress while 3,000 rows are awarded, then complete', async () => {
    const anonymous = new ApiClient(platform.url);
    const created = await anonymous.withToken(platform.adminToken).post('/admin/institutions', { name: 'Stream College' });
    const { clientId, clientSecret } = created.body.client;
    const token = (await anonymous.post('/o/token', { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret })).body.access_token;
    const api = anonymous.withToken(token);
    const issuer = await api.post('/v2/issuers', { name: 'Stream Faculty', email: 'badges@stream.example', url: 'https://stream.example' });
    const badgeClass = await api.post(`/v2/issuers/${issuer.body.result[0].entityId}/badgeclasses`, {
      name: 'Stream Badge', description: 'd', image: pngDataUri(), criteriaNarrative: 'c',
    });
    const csv = ['email,name', ...Array.from({ length: 3000 }, (_, i) => `s${i}@stream.example,Learner ${i}`)].join('\n');
    const posted = await api.request('POST', `/v2/badgeclasses/${badgeClass.body.result[0].entityId}/bulk-awards`, csv, { 'content-type': 'text/csv' });
    expect(posted.status).toBe(202);
    const jobId = posted.body.result[0].jobId;

    const response = await fetch(`${platform.url}/v2/bulk-awards/${jobId}/events`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const events: { event: string; data: { total: number; done: number; status: string }; at: number }[] = [];
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.+)$/m.exec(block)?.[1];
        const data = /^data: (.+)$/m.exec(block)?.[1];
        if (event && data) events.push({ event, data: JSON.parse(data), at: Date.now() });
      }
    }

    const complete = events.find((e) => e.event === 'complete');
    expect(complete?.data).toMatchObject({ total: 3000, done: 3000, status: 'completed' });
    const progress = events.filter((e) => e.event === 'progress');
    expect(progress.length).toBeGreaterThan(1);
    // Streamed, not buffered: an early event arrived well before the end.
    expect(complete!.at - progress[0].at).toBeGreaterThan(300);
    expect(progress[0].data.done).toBeLessThan(3000);

    const foreign = await fetch(`${platform.url}/v2/bulk-awards/${jobId}/events`);
    expect(foreign.status).toBe(401);
  }, 120_000);
});
