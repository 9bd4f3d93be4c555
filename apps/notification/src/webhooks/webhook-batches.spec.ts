/**
 * Batch claims of webhook deliveries (decision 0053), on a real HTTP receiver: two senders never
 * POST the same row, and a failed POST in a batch is retried alone.
 *   writer - WORKERS=none: registers the endpoints and writes the rows, sends nothing;
 *   a, b   - two senders on the same database; `a` retries after a fixed 2 s.
 */
import type { LightMyRequestResponse } from 'fastify';

import { Topic } from '@badges/events';
import { JobStatus } from '@badges/jobs';
import { databaseTargets, openDatabase, type Database, type ScratchDatabase } from '@badges/persistence';

import { issuedEvent, waitFor } from '../testing/events';
import { startFakeIssuer } from '../testing/fake-issuer';
import { startNotificationVariant, tenantHeaders, type NotificationVariant } from '../testing/notification-test-app';
import { WebhookReceiver } from '../testing/webhook-receiver';
import { WebhookDeliveryWorker } from './webhook-delivery.worker';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.each(databaseTargets())('webhook batches, $name', (target) => {
  const A = tenantHeaders('inst-a');
  let scratch: ScratchDatabase;
  let database: Database;
  let receiver: WebhookReceiver;
  let issuer: Awaited<ReturnType<typeof startFakeIssuer>>;
  let writer: NotificationVariant;
  let a: NotificationVariant;
  let b: NotificationVariant;
  let endpointId: string;

  beforeAll(async () => {
    receiver = await new WebhookReceiver().start();
    issuer = await startFakeIssuer();
    scratch = await target.create();
    database = await openDatabase(scratch.config);
    writer = await startNotificationVariant({ database, issuer: issuer.client, allowPrivateNetwork: true, env: { WORKERS: 'none' } });
    a = await startNotificationVariant({ database, issuer: issuer.client, allowPrivateNetwork: true, jobs: { webhook: { attempts: 3, backoff: { type: 'fixed', delayMs: 2_000 } } } });
    b = await startNotificationVariant({ database, issuer: issuer.client, allowPrivateNetwork: true });
    const created = await writer.app.inject({ method: 'POST', url: '/v2/webhooks', headers: A, payload: { url: `${receiver.url}/hook`, events: [Topic.AssertionIssued] } });
    expect(created.statusCode).toBe(201);
    endpointId = (created.json() as Json).result[0].entityId;
  });

  afterAll(async () => {
    for (const variant of [writer, a, b]) await variant?.close();
    await database?.close();
    await scratch?.dispose();
    await issuer?.fastify.close();
    await receiver?.close();
  });

  const deliveriesOf = async (webhookId: string): Promise<Json[]> =>
    (writer.app.inject({ method: 'GET', url: `/v2/webhooks/${webhookId}/deliveries`, headers: A }) as Promise<LightMyRequestResponse>).then((r) => (r.json() as Json).result);
  /** Hits at the receiver for one assertion's award event, on one path. */
  const hitsFor = (assertionId: string, path = '/hook') =>
    receiver.hits(path).filter((hit) => (JSON.parse(hit.rawBody) as Json).payload.assertionId === assertionId);
  /** Publishes award events through the writer; the ids of the delivery rows they made. */
  const queued = async (assertionIds: string[], endpoints: string[], expected: number): Promise<string[]> => {
    const before = new Set((await Promise.all(endpoints.map(deliveriesOf))).flat().map((row) => row.entityId as string));
    await writer.publish(...assertionIds.map((id) => issuedEvent('inst-a', id, { notify: false })));
    const rows = await waitFor(async () => (await Promise.all(endpoints.map(deliveriesOf))).flat().filter((row) => !before.has(row.entityId)), (found) => found.length === expected, 'the rows');
    return rows.map((row) => row.entityId as string);
  };
  const batch = (variant: NotificationVariant, deliveryIds: string[]) => variant.app.get(WebhookDeliveryWorker).runBatch({ institutionId: 'inst-a', deliveryIds });

  it('POSTs each row once when two senders claim the same batch at the same time', async () => {
    const assertions = Array.from({ length: 12 }, (_, n) => `hookTwo${n}`);
    const ids = await queued(assertions, [endpointId], assertions.length);
    await Promise.all([batch(a, ids), batch(b, ids), batch(a, ids.slice(0, 6)), batch(b, ids.slice(6))]);
    for (const id of assertions) expect(hitsFor(id)).toHaveLength(1);
    const rows = (await deliveriesOf(endpointId)).filter((row) => ids.includes(row.entityId));
    expect(rows).toHaveLength(12);
    for (const row of rows) expect(row).toMatchObject({ status: 'delivered', attempts: 1, responseStatus: 200 });
  });

  it('retries a failed POST of a batch alone, and POSTs the others once', async () => {
    // A second endpoint that refuses for now: each award is one delivery to each endpoint.
    const flaky = await writer.app.inject({ method: 'POST', url: '/v2/webhooks', headers: A, payload: { url: `${receiver.url}/flaky`, events: [Topic.AssertionIssued] } });
    const flakyId = (flaky.json() as Json).result[0].entityId as string;
    receiver.respond = (path) => (path === '/flaky' ? 503 : 200);
    try {
      const ids = await queued(['hookPair1', 'hookPair2'], [endpointId, flakyId], 4);
      expect(await batch(a, ids)).toBe(JobStatus.Success);
      for (const row of await deliveriesOf(flakyId)) expect(row).toMatchObject({ status: 'queued', attempts: 1, responseStatus: 503, lastError: 'the receiver answered HTTP 503' });
      for (const id of ['hookPair1', 'hookPair2']) expect(hitsFor(id)).toHaveLength(1);
      // Their backoff holds them from other batches.
      expect(await batch(b, ids)).toBe(JobStatus.Skipped);
    } finally {
      receiver.respond = () => 200;
    }
    const retried = await waitFor(() => deliveriesOf(flakyId), (rows) => rows.length === 2 && rows.every((row) => row.status === 'delivered'), 'the retries', 15_000);
    for (const row of retried) expect(row).toMatchObject({ attempts: 2, responseStatus: 200, lastError: null });
    for (const id of ['hookPair1', 'hookPair2']) {
      expect(hitsFor(id)).toHaveLength(1);
      expect(hitsFor(id, '/flaky').map((hit) => hit.answeredWith)).toEqual([503, 200]);
    }
  });
});
