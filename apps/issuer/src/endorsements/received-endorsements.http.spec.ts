/**
 * The issuer's side of endorsements (issue #7): endorsement events arriving on the bus put the
 * Endorsement's URL in the `endorsement` property of the endorsed Issuer, BadgeClass or hosted
 * Assertion document and on its page; a revoked event takes it away; redeliveries change nothing.
 */
import type { LightMyRequestResponse } from 'fastify';

import { createEvent, Topic, type BadgeEvent } from '@badges/events';
import { sharedInProcessBus } from '@badges/messaging';
import { buildEndorsement, buildIssuerProfile, validateNode, verifyOpenBadge, type FetchDocument } from '@badges/openbadges';
import { databaseTargets } from '@badges/persistence';
import { InternalHeader } from '@badges/service-kit';

import { badgeClassBody, issuerBody } from '../testing/fixtures';
import { createTestApp, TEST_INTERNAL_TOKEN, type TestApp } from '../testing/issuer-test-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const ENDORSEMENTS = 'https://badges.example.org/public/endorsements';
const PROFILE = 'https://badges.example.org/public/endorsers/council-profile';
const BASE = 'https://badges.example.org';

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

  it('lists a badge class\'s endorsements on its default edition only, so our verifier finds every edition consistent', async () => {
    // The endorsement service's documents, as it publishes them: the claim is the default edition's URL.
    const endorsement = buildEndorsement({
      id: `${ENDORSEMENTS}/end-badge`, issuer: PROFILE, issuedOn: '2026-01-01T00:00:00Z', verification: { type: 'hosted' },
      claim: { id: `${BASE}/public/badges/${ids.badgeClass}`, endorsementComment: 'Meets our standard.' },
    });
    const endorser = buildIssuerProfile({ id: PROFILE, name: 'Engineering Council', url: 'https://council.example', email: 'e@council.example' });
    const fetchDocument: FetchDocument = async (url) => {
      if (url === endorsement.id) return { status: 200, body: JSON.stringify(endorsement) };
      if (url === PROFILE) return { status: 200, body: JSON.stringify(endorser) };
      if (!url.startsWith(`${BASE}/`)) return { status: 404, body: '' };
      const response = await get(url.slice(BASE.length));
      return { status: response.statusCode, contentType: response.headers['content-type'] as string, body: response.body };
    };
    const verify = (url: string) => verifyOpenBadge(url, { fetchDocument, checkImages: false, now: new Date('2026-03-01T00:00:00Z') });

    const english = (await verify(`${BASE}/public/badges/${ids.badgeClass}`)).report;
    expect(english).toMatchObject({ valid: true, warningCount: 0 });
    expect(english.endorsements).toEqual([expect.objectContaining({ id: endorsement.id, status: 'valid', comment: 'Meets our standard.' })]);

    const frenchUrl = `${BASE}/public/badges/${ids.badgeClass}?lang=fr`;
    expect((await json(frenchUrl.slice(BASE.length))).endorsement).toBeUndefined();
    const french = (await verify(frenchUrl)).report;
    expect(french.messages.map((m) => m.code)).not.toContain('ENDORSEMENT_CLAIM_MISMATCH');
    expect(french).toMatchObject({ valid: true, warningCount: 0 });
    expect(french.endorsements ?? []).toEqual([]);
    // People reading the French page still see who vouches for the badge.
    expect((await get(frenchUrl.slice(BASE.length), 'text/html')).body).toContain('Engineering Council');
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
