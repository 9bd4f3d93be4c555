/**
 * The issuer's side of endorsements (issue #7): endorsement events arriving on the bus put the
 * Endorsement's URL in the `endorsement` property of the endorsed Issuer, BadgeClass or hosted
 * Assertion document and on its page; a revoked event takes it away; redeliveries change nothing.
 */
import type { LightMyRequestResponse } from 'fastify';

import { createEvent, Topic, type BadgeEvent } from '@badges/events';
import { sharedInProcessBus } from '@badges/messaging';
import { validateNode } from '@badges/openbadges';
import { databaseTargets } from '@badges/persistence';
import { InternalHeader } from '@badges/service-kit';

import { badgeClassBody, issuerBody } from '../testing/fixtures';
import { createTestApp, TEST_INTERNAL_TOKEN, type TestApp } from '../testing/issuer-test-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const ENDORSEMENTS = 'https://badges.example.org/public/endorsements';
const PROFILE = 'https://badges.example.org/public/endorsers/council-profile';

function issued(institutionId: string, endorsementId: string, target: { type: 'Issuer' | 'BadgeClass' | 'Assertion'; entityId: string }, comment: string) {
  return createEvent(Topic.EndorsementIssued, {
    institutionId,
    correlationId: 'test',
    aggregateId: endorsementId,
    payload: {
      endorsementId,
      endorsementUrl: `${ENDORSEMENTS}/${endorsementId}`,
      requestId: `req-${endorsementId}`,
      target,
      endorserInstitutionId: 'inst-council',
      endorserName: 'Engineering Council',
      endorserProfileUrl: PROFILE,
      comment,
      issuedOn: '2026-01-01T00:00:00Z',
    },
  });
}

function revoked(institutionId: string, endorsementId: string, target: { type: 'Issuer' | 'BadgeClass' | 'Assertion'; entityId: string }) {
  return createEvent(Topic.EndorsementRevoked, {
    institutionId,
    correlationId: 'test',
    aggregateId: endorsementId,
    payload: { endorsementId, target, revokedAt: '2026-02-01T00:00:00Z', endorsementUrl: `${ENDORSEMENTS}/${endorsementId}` },
  });
}

describe.each(databaseTargets())('received endorsements on $name', (target) => {
  let t: TestApp;
  let ids: { issuer: string; badgeClass: string; assertion: string };
  const publicHeaders = { [InternalHeader.InternalToken]: TEST_INTERNAL_TOKEN };

  const get = (url: string, accept = 'application/ld+json'): Promise<LightMyRequestResponse> => t.app.inject({ method: 'GET', url, headers: { ...publicHeaders, accept } });
  const json = async (url: string): Promise<Json> => (await get(url)).json();
  const deliver = async (...events: BadgeEvent[]) => {
    await sharedInProcessBus().publish(events);
    await sharedInProcessBus().idle();
  };
  const processed = async () => (await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM issuer."ProcessedEvent" WHERE consumer = 'issuer.endorsements'`))[0].n;

  beforeAll(async () => {
    t = await createTestApp(target);
    const A = await t.institution('inst-a');
    const post = async (url: string, payload: object) => (await t.app.inject({ method: 'POST', url, headers: A, payload })).json().result[0].entityId as string;
    const issuer = await post('/v2/issuers', issuerBody());
    const badgeClass = await post(`/v2/issuers/${issuer}/badgeclasses`, badgeClassBody());
    const assertion = await post(`/v2/badgeclasses/${badgeClass}/assertions`, { recipient: { identity: 'learner@example.org' } });
    ids = { issuer, badgeClass, assertion };
  });
  afterAll(async () => t.close());

  it('lists an issued endorsement on the BadgeClass (JSON-LD and page), once however often the event arrives', async () => {
    const event = issued('inst-a', 'end-badge', { type: 'BadgeClass', entityId: ids.badgeClass }, 'Meets our <standard>.');
    const before = await processed();
    await deliver(event, event);
    await deliver(event);
    expect(await processed()).toBe(before + 1);

    const badge = await json(`/public/badges/${ids.badgeClass}`);
    expect(badge.endorsement).toEqual([`${ENDORSEMENTS}/end-badge`]);
    expect(validateNode(badge, 'BadgeClass')).toEqual([]);
    const page = (await get(`/public/badges/${ids.badgeClass}`, 'text/html')).body;
    expect(page).toContain(`<a href="${PROFILE}" rel="nofollow noopener">Engineering Council</a>`);
    expect(page).toContain('Meets our &lt;standard&gt;.');
    // Another entity's documents are untouched.
    expect((await json(`/public/issuers/${ids.issuer}`)).endorsement).toBeUndefined();
  });

  it('lists endorsements of the issuer and of a hosted assertion', async () => {
    await deliver(
      issued('inst-a', 'end-issuer', { type: 'Issuer', entityId: ids.issuer }, 'A fine faculty.'),
      issued('inst-a', 'end-assertion', { type: 'Assertion', entityId: ids.assertion }, 'I supervised this work.'),
    );
    const issuerDoc = await json(`/public/issuers/${ids.issuer}`);
    expect(issuerDoc.endorsement).toEqual([`${ENDORSEMENTS}/end-issuer`]);
    expect(validateNode(issuerDoc, 'Profile')).toEqual([]);
    const assertionDoc = await json(`/public/assertions/${ids.assertion}`);
    expect(assertionDoc.endorsement).toEqual([`${ENDORSEMENTS}/end-assertion`]);
    expect((await get(`/public/assertions/${ids.assertion}`, 'text/html')).body).toContain('I supervised this work.');
  });

  it('a revoked endorsement disappears, and a late or replayed issued event does not bring it back', async () => {
    const target = { type: 'BadgeClass' as const, entityId: ids.badgeClass };
    await deliver(revoked('inst-a', 'end-badge', target));
    expect((await json(`/public/badges/${ids.badgeClass}`)).endorsement).toBeUndefined();
    expect((await get(`/public/badges/${ids.badgeClass}`, 'text/html')).body).not.toContain('Meets our');

    await deliver(issued('inst-a', 'end-badge', target, 'Meets our standard.'));
    expect((await json(`/public/badges/${ids.badgeClass}`)).endorsement).toBeUndefined();
    // A revocation that overtook its issue leaves a tombstone: the issue never shows.
    await deliver(revoked('inst-a', 'end-early', target), issued('inst-a', 'end-early', target, 'Too late.'));
    expect((await json(`/public/badges/${ids.badgeClass}`)).endorsement).toBeUndefined();
  });
});
