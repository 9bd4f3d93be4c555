/**
 * Who acted (issue #16), through the issuer's HTTP API on every storage target: the gateway's
 * `x-badges-actor` becomes `createdBy` on issuers, badge classes, assertions and bulk award jobs
 * (and their awards), and the `actor` of every event the request causes (read from the outbox).
 * Without the header nobody is named; a malformed one is refused and changes nothing.
 */
import type { LightMyRequestResponse } from 'fastify';

import { createEvent, Topic } from '@badges/events';
import { outboxEventsQuery, sharedInProcessBus } from '@badges/messaging';
import { databaseTargets } from '@badges/persistence';
import { InternalHeader } from '@badges/service-kit';

import { IssuerPrismaService } from './prisma/issuer-prisma.service';
import { badgeClassBody, issuerBody } from './testing/fixtures';
import { createTestApp, type TestApp } from './testing/issuer-test-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const CLIENT = { text: 'client:Qx3fE2aL0sVb8n1R9kTzYw', actor: { type: 'client', id: 'Qx3fE2aL0sVb8n1R9kTzYw' } };
const STAFF = { text: 'staff:registrar-7', actor: { type: 'staff', id: 'registrar-7' } };

describe.each(databaseTargets())('the actor on $name', (target) => {
  let t: TestApp;
  let A: Record<string, string>;

  const as = (actor: { text: string }) => ({ ...A, [InternalHeader.Actor]: actor.text });
  const call = (method: string, url: string, headers: Record<string, string>, payload?: string | object): Promise<LightMyRequestResponse> =>
    t.app.inject({ method: method as 'GET', url, headers, ...(payload === undefined ? {} : { payload }) });
  const answered = async (response: Promise<LightMyRequestResponse>): Promise<Json[]> => {
    const r = await response;
    if (r.statusCode >= 300) throw new Error(`${r.statusCode} ${r.body}`);
    return (r.json() as Json).result as Json[];
  };
  const one = async (response: Promise<LightMyRequestResponse>): Promise<Json> => (await answered(response))[0];
  /** Every event in the issuer's outbox of `topic` keyed by one of `aggregateIds`, oldest first. */
  const eventsOf = async (topic: string, ...aggregateIds: string[]): Promise<Json[]> => {
    const rows = await t.app.get(IssuerPrismaService).database.query<{ topic: string; envelope: Json }>(outboxEventsQuery('issuer'));
    return rows.filter((row) => row.topic === topic && aggregateIds.includes(row.envelope.aggregateId)).map((row) => row.envelope);
  };
  const newIssuer = (headers: Record<string, string>, name = 'Faculty of Science') => one(call('POST', '/v2/issuers', headers, issuerBody({ name })));

  beforeAll(async () => {
    t = await createTestApp(target);
    A = await t.institution('inst-a');
  });
  afterAll(async () => t.close());

  it('names the creator of an issuer, a badge class and its awards, and keeps it through edits', async () => {
    const issuer = await newIssuer(as(CLIENT));
    expect(issuer.createdBy).toBe(CLIENT.text);
    expect((await one(call('GET', `/v2/issuers/${issuer.entityId}`, A))).createdBy).toBe(CLIENT.text);

    const badgeClass = await one(call('POST', `/v2/issuers/${issuer.entityId}/badgeclasses`, as(STAFF), badgeClassBody()));
    expect(badgeClass.createdBy).toBe(STAFF.text);
    expect((await one(call('GET', `/v2/badgeclasses/${badgeClass.entityId}`, A))).createdBy).toBe(STAFF.text);

    const single = await one(call('POST', `/v2/badgeclasses/${badgeClass.entityId}/assertions`, as(CLIENT), { recipient: { identity: 'ann@example.org' } }));
    const batch = await answered(call('POST', `/v2/badgeclasses/${badgeClass.entityId}/issue`, as(STAFF), { assertions: [{ recipient: { identity: 'bob@example.org' } }] }));
    expect(single.createdBy).toBe(CLIENT.text);
    expect(batch.map((a) => a.createdBy)).toEqual([STAFF.text]);
    const listed = await answered(call('GET', `/v2/badgeclasses/${badgeClass.entityId}/assertions`, A));
    expect(Object.fromEntries(listed.map((a) => [a.entityId, a.createdBy]))).toEqual({ [single.entityId]: CLIENT.text, [batch[0].entityId]: STAFF.text });
    expect((await eventsOf(Topic.AssertionIssued, single.entityId))[0].actor).toEqual(CLIENT.actor);
    expect((await eventsOf(Topic.AssertionIssued, batch[0].entityId))[0].actor).toEqual(STAFF.actor);

    // Someone else edits: the creator stays, the edit's event names the editor.
    const edited = await one(call('PUT', `/v2/issuers/${issuer.entityId}`, as(STAFF), issuerBody({ name: 'Faculty of Sciences' })));
    expect(edited).toMatchObject({ name: 'Faculty of Sciences', createdBy: CLIENT.text });
    expect((await eventsOf(Topic.IssuerUpdated, issuer.entityId)).map((e) => [e.payload.change, e.actor])).toEqual([['profile', STAFF.actor]]);
    const renamed = await one(call('PUT', `/v2/badgeclasses/${badgeClass.entityId}`, as(CLIENT), { name: 'Lab Safety II', description: 'Again.' }));
    expect(renamed).toMatchObject({ name: 'Lab Safety II', createdBy: STAFF.text });
    expect((await eventsOf(Topic.BadgeClassUpdated, badgeClass.entityId)).map((e) => e.actor)).toEqual([CLIENT.actor]);
  });

  it('names the actor of revocations (single and batch), key rotations and deletions', async () => {
    const issuer = await newIssuer(A, 'Faculty of Arts');
    // The first signed class makes the issuer's key: that key's event names who created the class.
    const signed = await one(call('POST', `/v2/issuers/${issuer.entityId}/badgeclasses`, as(STAFF), badgeClassBody({ verification: 'signed' })));
    expect((await eventsOf(Topic.IssuerUpdated, issuer.entityId)).map((e) => [e.payload.change, e.actor])).toEqual([['keys', STAFF.actor]]);
    const [first, second] = await answered(
      call('POST', `/v2/badgeclasses/${signed.entityId}/issue`, A, { assertions: [{ recipient: { identity: 'c@example.org' } }, { recipient: { identity: 'd@example.org' } }] }),
    );

    await one(call('DELETE', `/v2/assertions/${first.entityId}`, as(CLIENT), { revocation_reason: 'Issued in error' }));
    await answered(call('POST', '/v2/assertions/revoke', as(STAFF), [{ entityId: second.entityId, revocationReason: 'Duplicate' }]));
    expect((await eventsOf(Topic.AssertionRevoked, first.entityId))[0].actor).toEqual(CLIENT.actor);
    expect((await eventsOf(Topic.AssertionRevoked, second.entityId))[0].actor).toEqual(STAFF.actor);

    await answered(call('POST', `/v2/issuers/${issuer.entityId}/keys/rotate`, as(CLIENT), {}));
    const other = await newIssuer(A, 'Faculty of Music');
    expect((await call('DELETE', `/v2/issuers/${other.entityId}`, as(STAFF))).statusCode).toBe(204);
    expect((await eventsOf(Topic.IssuerUpdated, issuer.entityId)).map((e) => [e.payload.change, e.actor])).toEqual([
      ['keys', STAFF.actor],
      ['keys', CLIENT.actor],
    ]);
    expect((await eventsOf(Topic.IssuerUpdated, other.entityId)).map((e) => [e.payload.change, e.actor])).toEqual([['deleted', STAFF.actor]]);
  });

  it('records who started a bulk award on the job, its awards and their events', async () => {
    const issuer = await newIssuer(A, 'Faculty of Trades');
    const badgeClass = await one(call('POST', `/v2/issuers/${issuer.entityId}/badgeclasses`, A, badgeClassBody()));
    const csv = 'email,name\r\nann@example.org,Ann\r\nbob@example.org,Bob\r\n';
    const posted = await call('POST', `/v2/badgeclasses/${badgeClass.entityId}/bulk-awards`, { ...as(STAFF), 'content-type': 'text/csv' }, csv);
    expect(posted.statusCode).toBe(202);
    const job = posted.json().result[0] as Json;
    expect(job.createdBy).toBe(STAFF.text);

    const deadline = Date.now() + 30_000;
    while ((await one(call('GET', `/v2/bulk-awards/${job.jobId}`, A))).status !== 'completed') {
      if (Date.now() > deadline) throw new Error('the bulk award did not finish');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await one(call('GET', `/v2/bulk-awards/${job.jobId}`, A))).createdBy).toBe(STAFF.text);
    const awarded = await answered(call('GET', `/v2/badgeclasses/${badgeClass.entityId}/assertions`, A));
    expect(awarded.map((a) => a.createdBy)).toEqual([STAFF.text, STAFF.text]);
    const events = await eventsOf(Topic.AssertionIssued, ...awarded.map((a) => a.entityId));
    expect(events.map((e) => e.actor)).toEqual([STAFF.actor, STAFF.actor]);
    expect(new Set(events.map((e) => e.correlationId)).size).toBe(1);
  });

  it('names nobody without the header: createdBy is null and events carry no actor', async () => {
    const issuer = await newIssuer(A, 'Faculty of Law');
    const badgeClass = await one(call('POST', `/v2/issuers/${issuer.entityId}/badgeclasses`, A, badgeClassBody()));
    const assertion = await one(call('POST', `/v2/badgeclasses/${badgeClass.entityId}/assertions`, A, { recipient: { identity: 'eve@example.org' } }));
    expect([issuer.createdBy, badgeClass.createdBy, assertion.createdBy]).toEqual([null, null, null]);
    const [event] = await eventsOf(Topic.AssertionIssued, assertion.entityId);
    expect(event).not.toHaveProperty('actor');
  });

  it.each(['robot:r2d2', 'client', 'client:', 'client:has space', 'staff:a:b'])('refuses the malformed actor %j with 400 and creates nothing', async (text) => {
    const before = (await answered(call('GET', '/v2/issuers', A))).length;
    const response = await call('POST', '/v2/issuers', { ...A, [InternalHeader.Actor]: text }, issuerBody({ name: 'Never' }));
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'validation_failed', field: InternalHeader.Actor });
    expect(await answered(call('GET', '/v2/issuers', A))).toHaveLength(before);
  });

  it('carries an endorsement event’s actor on to the endorsement.listed event it causes', async () => {
    const issuer = await newIssuer(A, 'Faculty of Medicine');
    await sharedInProcessBus().publish([
      createEvent(Topic.EndorsementIssued, {
        institutionId: 'inst-a',
        correlationId: 'endorse-1',
        actor: { type: 'staff', id: 'council-reviewer' },
        aggregateId: 'end-actor',
        payload: {
          endorsementId: 'end-actor',
          endorsementUrl: 'https://badges.example.org/public/endorsements/end-actor',
          requestId: 'req-actor',
          target: { type: 'Issuer', entityId: issuer.entityId },
          endorserInstitutionId: 'inst-council',
        },
      }),
    ]);
    await sharedInProcessBus().idle();
    const [listed] = await eventsOf(Topic.EndorsementListed, issuer.entityId);
    expect(listed).toMatchObject({ correlationId: 'endorse-1', actor: { type: 'staff', id: 'council-reviewer' }, payload: { endorsementId: 'end-actor', listed: true } });
  });
});
