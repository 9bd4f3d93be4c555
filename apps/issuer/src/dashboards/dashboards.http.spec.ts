/**
 * The dashboards (issue #17, decision 0040), on PGlite and on PostgreSQL: awards and revocations
 * from the issuer's own assertions, acceptances and shares from the passport's events, counted
 * once per assertion whatever is redelivered, per badge class and per issuer, bucketed by UTC
 * day, week or month with empty buckets kept; another institution's ids count nowhere.
 */
import type { LightMyRequestResponse } from 'fastify';

import { AwardStatsV2Schema } from '@badges/api-contracts';
import { createEvent, Topic, type BadgeEvent } from '@badges/events';
import { sharedInProcessBus } from '@badges/messaging';
import { databaseTargets } from '@badges/persistence';

import { IssuerPrismaService } from '../prisma/issuer-prisma.service';
import { badgeClassBody, issuerBody } from '../testing/fixtures';
import { createTestApp, type TestApp } from '../testing/issuer-test-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.each(databaseTargets())('dashboards on $name', (target) => {
  let t: TestApp;
  let A: Record<string, string>;
  let B: Record<string, string>;
  let issuerId: string;
  let lab: string;
  let field: string;
  const ids: Record<string, string> = {};

  const call = (method: string, url: string, headers: Record<string, string>, payload?: object): Promise<LightMyRequestResponse> =>
    t.app.inject({ method: method as 'GET', url, headers, ...(payload === undefined ? {} : { payload }) });
  const ok = async (response: Promise<LightMyRequestResponse>, status = 200): Promise<Json> => {
    const r = await response;
    if (r.statusCode !== status) throw new Error(`${r.statusCode} ${r.body}`);
    return r.json() as Json;
  };
  const stats = async (path: string, query = '', headers = A): Promise<Json> => {
    const body = await ok(call('GET', `${path}/stats${query}`, headers));
    return AwardStatsV2Schema.parse(body.result[0]);
  };
  const engaged = (type: typeof Topic.PassportAssertionAccepted | typeof Topic.PassportAssertionShared, institutionId: string, assertionId: string, at = new Date().toISOString()): BadgeEvent => {
    const ids = { assertionId, badgeClassId: lab, issuerId };
    const origin = { institutionId, correlationId: 'test', aggregateId: assertionId };
    return type === Topic.PassportAssertionAccepted
      ? createEvent(Topic.PassportAssertionAccepted, { ...origin, payload: { ...ids, acceptedAt: at } })
      : createEvent(Topic.PassportAssertionShared, { ...origin, payload: { ...ids, sharedAt: at } });
  };
  const deliver = async (...events: BadgeEvent[]) => {
    await sharedInProcessBus().publish(events);
    await sharedInProcessBus().idle();
  };

  beforeAll(async () => {
    t = await createTestApp(target);
    A = await t.institution('inst-a');
    B = await t.institution('inst-b');
    issuerId = (await ok(call('POST', '/v2/issuers', A, issuerBody()), 201)).result[0].entityId;
    lab = (await ok(call('POST', `/v2/issuers/${issuerId}/badgeclasses`, A, badgeClassBody()), 201)).result[0].entityId;
    field = (await ok(call('POST', `/v2/issuers/${issuerId}/badgeclasses`, A, badgeClassBody({ name: 'Field work' })), 201)).result[0].entityId;
    const award = async (key: string, badgeClassId: string, headers = A) => {
      ids[key] = (await ok(call('POST', `/v2/badgeclasses/${badgeClassId}/assertions`, headers, { recipient: { identity: `${key}@example.org`, type: 'email' } }), 201)).result[0].entityId;
    };
    await award('ann', lab);
    await award('bob', lab);
    await award('cat', lab);
    await award('dan', field);
    const otherIssuer = (await ok(call('POST', '/v2/issuers', B, issuerBody()), 201)).result[0].entityId;
    const otherClass = (await ok(call('POST', `/v2/issuers/${otherIssuer}/badgeclasses`, B, badgeClassBody()), 201)).result[0].entityId;
    await award('theirs', otherClass, B);
    await ok(call('DELETE', `/v2/assertions/${ids.bob}`, A, { revocation_reason: 'Wrong person' }));
  });
  afterAll(async () => t?.close());

  it('counts each assertion’s first acceptance and first share once, whatever is redelivered', async () => {
    const annAccepted = engaged(Topic.PassportAssertionAccepted, 'inst-a', ids.ann!);
    await deliver(annAccepted, annAccepted, engaged(Topic.PassportAssertionAccepted, 'inst-a', ids.ann!), engaged(Topic.PassportAssertionAccepted, 'inst-a', ids.cat!));
    await deliver(engaged(Topic.PassportAssertionShared, 'inst-a', ids.ann!), engaged(Topic.PassportAssertionShared, 'inst-a', ids.ann!));
    // Another institution's assertion, or ours announced under another institution, counts nowhere.
    await deliver(engaged(Topic.PassportAssertionAccepted, 'inst-a', ids.theirs!), engaged(Topic.PassportAssertionShared, 'inst-b', ids.cat!));

    const badgeClass = await stats(`/v2/badgeclasses/${lab}`);
    expect(badgeClass.totals).toEqual({ awarded: 3, accepted: 2, shared: 1, revoked: 1 });
    expect([badgeClass.bucket, badgeClass.series.length]).toEqual(['week', 12]);
    expect(badgeClass.series.at(-1)).toMatchObject({ awarded: 3, accepted: 2, shared: 1, revoked: 1 });
    expect(badgeClass.series.slice(0, -1).every((row: Json) => row.awarded + row.accepted + row.shared + row.revoked === 0)).toBe(true);

    expect((await stats(`/v2/issuers/${issuerId}`)).totals).toEqual({ awarded: 4, accepted: 2, shared: 1, revoked: 1 });
    expect((await stats(`/v2/badgeclasses/${field}`)).totals).toEqual({ awarded: 1, accepted: 0, shared: 0, revoked: 0 });
  });

  it('puts each count in its UTC bucket and keeps the empty ones', async () => {
    const prisma = t.app.get(IssuerPrismaService);
    await prisma.assertion.update({ where: { id: ids.dan! }, data: { createdAt: new Date('2026-01-31T23:30:00Z') } });
    await deliver(engaged(Topic.PassportAssertionAccepted, 'inst-a', ids.dan!, '2026-03-01T00:00:00Z'));
    const months = await stats(`/v2/badgeclasses/${field}`, '?bucket=month&from=2026-01-15T10:00:00Z&to=2026-04-01T00:00:00Z');
    expect([months.from, months.to]).toEqual(['2026-01-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z']);
    expect(months.series.map((row: Json) => [row.start.slice(0, 10), row.awarded, row.accepted])).toEqual([
      ['2026-01-01', 1, 0],
      ['2026-02-01', 0, 0],
      ['2026-03-01', 0, 1],
    ]);
    const days = await stats(`/v2/issuers/${issuerId}`, '?bucket=day&from=2026-01-31T00:00:00Z&to=2026-02-02T00:00:00Z');
    expect(days.series.map((row: Json) => [row.start.slice(0, 10), row.awarded])).toEqual([
      ['2026-01-31', 1],
      ['2026-02-01', 0],
    ]);
  });

  it('refuses at the database level an engagement other than accepted or shared', async () => {
    const database = t.app.get(IssuerPrismaService).database;
    await expect(
      database.query(
        `INSERT INTO "issuer"."assertion_engagements" ("assertionId", "engagement", "institutionId", "issuerId", "badgeClassId", "occurredAt") VALUES ($1, 'viewed', 'inst-a', $2, $3, now())`,
        [ids.ann, issuerId, lab],
      ),
    ).rejects.toThrow(/assertion_engagements_engagement_check/);
  });

  it('answers bad queries with a 400 naming the field, and another institution’s ids with 404', async () => {
    const refused = async (query: string, field: string) => {
      const response = await call('GET', `/v2/badgeclasses/${lab}/stats${query}`, A);
      expect([response.statusCode, response.json().error.code, response.json().error.field]).toEqual([400, 'validation_failed', field]);
    };
    await refused('?bucket=year', 'bucket');
    await refused('?from=2026-03-01T00:00:00Z&to=2026-02-01T00:00:00Z', 'to');
    await refused('?from=yesterday', 'from');
    await refused('?bucket=day&from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'from');
    expect((await call('GET', `/v2/badgeclasses/${lab}/stats`, B)).statusCode).toBe(404);
    expect((await call('GET', `/v2/issuers/${issuerId}/stats`, B)).statusCode).toBe(404);
    expect((await call('GET', '/v2/issuers/unknownIssuer1/stats', A)).statusCode).toBe(404);
  });
});
