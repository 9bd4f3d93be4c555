/**
 * Badgr's `Issuer.staff` (issue #16, decision 0034): the issuer lists the people with a role on it
 * from the gateway's badges.staff.changed.v1 events: each event is the whole picture of a person,
 * the newest wins whatever order they arrive in, removed people disappear, another institution's
 * events touch nothing of this one, and `include_staff=false` skips the lookup.
 */
import { createEvent, Topic, type BadgeEvent, type StaffChangedPayload } from '@badges/events';
import { sharedInProcessBus } from '@badges/messaging';
import { databaseTargets } from '@badges/persistence';

import { issuerBody } from '../testing/fixtures';
import { createTestApp, type TestApp } from '../testing/issuer-test-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function changed(institutionId: string, occurredAt: string, payload: StaffChangedPayload): BadgeEvent {
  return { ...createEvent(Topic.StaffChanged, { institutionId, correlationId: 'test', aggregateId: payload.staffId, payload }), occurredAt };
}

describe.each(databaseTargets())('issuers list their staff on $name', (target) => {
  let t: TestApp;
  let headers: Record<string, string>;
  let faculty: string;
  let library: string;
  const deliver = async (...events: BadgeEvent[]) => {
    await sharedInProcessBus().publish(events);
    await sharedInProcessBus().idle();
  };
  const staffOf = async (issuerId: string, query = ''): Promise<Json[]> => (await t.app.inject({ method: 'GET', url: `/v2/issuers/${issuerId}${query}`, headers })).json().result[0].staff;
  const ada = (at: string, over: Partial<StaffChangedPayload> = {}) =>
    changed('inst-a', at, { staffId: 'staff-ada', name: 'Ada Lovelace', email: 'ada@college.example', status: 'active', issuerRoles: [{ issuerId: faculty, role: 'editor' }], ...over });

  beforeAll(async () => {
    t = await createTestApp(target);
    headers = await t.institution('inst-a');
    const create = async () => (await t.app.inject({ method: 'POST', url: '/v2/issuers', headers, payload: issuerBody() })).json().result[0].entityId as string;
    faculty = await create();
    library = await create();
  });
  afterAll(async () => t.close());

  it('lists a person on the issuers they have a role on, as Badgr does', async () => {
    await deliver(ada('2026-12-01T10:00:00.000Z'));
    expect(await staffOf(faculty)).toEqual([
      { entityType: 'IssuerStaff', user: 'staff-ada', role: 'editor', userProfile: { firstName: 'Ada', lastName: 'Lovelace', emails: [{ email: 'ada@college.example', verified: true, primary: true }] } },
    ]);
    expect(await staffOf(library)).toEqual([]);
    const listed = (await t.app.inject({ method: 'GET', url: '/v2/issuers', headers })).json().result as Json[];
    expect(listed.find((issuer) => issuer.entityId === faculty)?.staff.map((entry: Json) => entry.user)).toEqual(['staff-ada']);
    expect(await staffOf(faculty, '?include_staff=false')).toEqual([]);
  });

  it('keeps the newest picture, whatever order the events arrive in, and drops a removed person', async () => {
    const moved = ada('2026-12-02T10:00:00.000Z', { issuerRoles: [{ issuerId: library, role: 'owner' }] });
    const stale = ada('2026-12-01T12:00:00.000Z', { name: 'Stale Name' });
    await deliver(moved, stale, moved);
    expect(await staffOf(faculty)).toEqual([]);
    expect((await staffOf(library)).map((entry) => [entry.user, entry.role, entry.userProfile.firstName])).toEqual([['staff-ada', 'owner', 'Ada']]);
    await deliver(ada('2026-12-03T10:00:00.000Z', { status: 'removed', issuerRoles: [{ issuerId: library, role: 'owner' }] }));
    expect(await staffOf(library)).toEqual([]);
  });

  it('takes nothing from another institution’s events', async () => {
    await deliver(changed('inst-b', '2026-12-04T10:00:00.000Z', { staffId: 'staff-bo', name: 'Bo', email: 'bo@other.example', status: 'invited', issuerRoles: [{ issuerId: faculty, role: 'staff' }] }));
    expect(await staffOf(faculty)).toEqual([]);
    // Nor can another institution's event take over a person of this one.
    await deliver(ada('2026-12-04T11:00:00.000Z'));
    await deliver(changed('inst-b', '2026-12-05T10:00:00.000Z', { staffId: 'staff-ada', name: 'Mallory', email: 'm@other.example', status: 'active', issuerRoles: [{ issuerId: faculty, role: 'owner' }] }));
    expect((await staffOf(faculty)).map((entry) => [entry.user, entry.role, entry.userProfile.firstName])).toEqual([['staff-ada', 'editor', 'Ada']]);
  });

  it('refuses a malformed include_staff', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/v2/issuers/${faculty}?include_staff=maybe`, headers });
    expect([response.statusCode, response.json().error.code]).toEqual([400, 'validation_failed']);
  });
});
