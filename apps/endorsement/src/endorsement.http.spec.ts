/**
 * The endorsement service over HTTP on every storage target, with a fake issuer behind its
 * ServiceClient: the workflow, its authorization, every 4xx, the outbox events and the public
 * documents (validated with the openbadges lib). The cross-service flow (the issuer consuming the
 * events) is test/distributed/endorsement-flow.kafka-spec.ts. Last, every kind of answer is checked
 * against its response contract (issue #15): a field the contract lacks fails.
 */
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LightMyRequestResponse } from 'fastify';
import type { z } from 'zod';

import {
  contractMismatches,
  EndorsementRequestV2Schema,
  EndorsementV2Schema,
  EndorserProfileV2Schema,
  EndorserSigningKeyV2Schema,
  PublishedEndorserV2Schema,
  V2ErrorEnvelopeSchema,
  v2SuccessEnvelopeSchema,
} from '@badges/api-contracts';
import { validateNode } from '@badges/openbadges';
import { outboxEventsQuery } from '@badges/messaging';
import { databaseTargets, openDatabase, type Database, type ScratchDatabase } from '@badges/persistence';
import { InternalHeader } from '@badges/service-kit';

import { tenantHeaders, startEndorsementApp } from './testing/endorsement-test-app';
import { FAKE_PUBLIC_URL, startFakeIssuer } from './testing/fake-issuer';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const COLLEGE = 'inst-college';
const COUNCIL = 'inst-council';
const STRANGER = 'inst-stranger';
/** An endorser that reads French (decision 0047). */
const PANEL = 'inst-panel';
const PROFILE = { name: 'Engineering Council', url: 'https://council.example', email: 'endorse@council.example' };

describe.each(databaseTargets())('endorsement service on $name', (target) => {
  let scratch: ScratchDatabase;
  let database: Database;
  let issuer: Awaited<ReturnType<typeof startFakeIssuer>>;
  let app: NestFastifyApplication;

  const call = (institution: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown): Promise<LightMyRequestResponse> =>
    app.inject({ method, url, headers: tenantHeaders(institution), ...(payload === undefined ? {} : { payload: payload as object }) });
  const body = (response: LightMyRequestResponse): Json => response.json();
  const outbox = () => database.query<{ topic: string; envelope: Json }>(outboxEventsQuery('endorsement'));
  const request = async (targetType = 'BadgeClass', entityId = 'badge-robotics') => {
    const response = await call(COLLEGE, 'POST', '/v2/endorsement-requests', { target: { type: targetType, entityId }, endorser: COUNCIL, message: 'Please.' });
    expect(response.statusCode).toBe(201);
    return body(response).result[0] as Json;
  };

  beforeAll(async () => {
    issuer = await startFakeIssuer({
      'badge-robotics': { owner: COLLEGE, name: 'Robotics Fundamentals', issuer: 'issuer-faculty' },
      'issuer-faculty': { owner: COLLEGE, name: 'Faculty of Engineering', email: 'faculty@college.example' },
      'assertion-ada': { owner: COLLEGE, name: 'Robotics Fundamentals', issuer: 'issuer-faculty' },
      'assertion-revoked': { owner: COLLEGE, name: 'Robotics Fundamentals', revoked: true },
      'badge-council': { owner: COUNCIL, name: 'Council badge' },
    });
    scratch = await target.create();
    database = await openDatabase(scratch.config);
    app = await startEndorsementApp(database, issuer.client);
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
    await scratch?.dispose();
    await issuer?.fastify.close();
  });

  describe('endorser profiles', () => {
    it('404 before the first PUT; a bad profile is a 400 naming the field; then the hosted Profile validates', async () => {
      expect((await call(COUNCIL, 'GET', '/v2/endorsers/self')).statusCode).toBe(404);
      const bad = await call(COUNCIL, 'PUT', '/v2/endorsers/self', { name: 'Engineering Council', url: 'ftp://council.example' });
      expect(bad.statusCode).toBe(400);
      expect(body(bad).error.code).toBe('validation_failed');
      expect(Object.keys(body(bad).fieldErrors)).toEqual(expect.arrayContaining(['url', 'email']));

      const put = await call(COUNCIL, 'PUT', '/v2/endorsers/self', PROFILE);
      expect(put.statusCode).toBe(200);
      const profile = body(put).result[0];
      expect(profile).toMatchObject({ entityType: 'EndorserProfile', ...PROFILE, openBadgeId: `${FAKE_PUBLIC_URL}/public/endorsers/${profile.entityId}` });
      const again = await call(COUNCIL, 'PUT', '/v2/endorsers/self', { ...PROFILE, description: 'Professional body' });
      expect(body(again).result[0].entityId).toBe(profile.entityId);

      const hosted = await app.inject({ method: 'GET', url: `/public/endorsers/${profile.entityId}`, headers: tenantHeaders(STRANGER) });
      expect(hosted.statusCode).toBe(200);
      expect(hosted.headers['content-type']).toContain('application/ld+json');
      expect(hosted.headers.vary).toBe('Accept');
      expect(validateNode(hosted.json(), 'Profile')).toEqual([]);
      // OB 2.0: a client asking for JSON and not JSON-LD gets application/json (the same body).
      const plain = await app.inject({ method: 'GET', url: `/public/endorsers/${profile.entityId}`, headers: { ...tenantHeaders(STRANGER), accept: 'application/json' } });
      expect([plain.headers['content-type'], plain.body]).toEqual(['application/json; charset=utf-8', hosted.body]);
      expect(hosted.json()).toMatchObject({ id: profile.openBadgeId, type: 'Issuer', description: 'Professional body' });
    });

    it('lists the other institutions\' published Profiles with their institution id, never the caller\'s own', async () => {
      const profile = body(await call(COUNCIL, 'GET', '/v2/endorsers/self')).result[0];
      const seenByCollege = await call(COLLEGE, 'GET', '/v2/endorsers');
      expect(seenByCollege.statusCode).toBe(200);
      expect(body(seenByCollege).result).toEqual([expect.objectContaining({ entityId: profile.entityId, name: PROFILE.name, institution: COUNCIL, openBadgeId: profile.openBadgeId })]);
      expect(body(await call(COUNCIL, 'GET', '/v2/endorsers')).result).toEqual([]);
    });

    it('keeps the language of the emails to its contact: a new Profile takes the caller’s, an absent one keeps it, anything else is a 400', async () => {
      const put = (institution: string, payload: object, headers: Record<string, string> = {}) =>
        app.inject({ method: 'PUT', url: '/v2/endorsers/self', headers: { ...tenantHeaders(institution), ...headers }, payload });
      expect(body(await call(COUNCIL, 'GET', '/v2/endorsers/self')).result[0].language).toBe('en');
      // A person's own email language (the gateway's header) wins over what their browser asks for.
      const byPerson = await put(PANEL, { ...PROFILE, name: 'Panel' }, { [InternalHeader.StaffLanguage]: 'fr', 'accept-language': 'en' });
      expect([byPerson.statusCode, body(byPerson).result[0].language]).toEqual([200, 'fr']);
      expect(body(await put(PANEL, { ...PROFILE, name: 'Panel' }, { [InternalHeader.StaffLanguage]: 'en' })).result[0].language).toBe('fr');
      expect(body(await put(PANEL, { ...PROFILE, name: 'Panel', language: 'en' })).result[0].language).toBe('en');
      const bad = await put(PANEL, { ...PROFILE, name: 'Panel', language: 'de' });
      expect([bad.statusCode, body(bad).error]).toEqual([400, expect.objectContaining({ code: 'validation_failed', field: 'language' })]);
      expect(body(await put(PANEL, { ...PROFILE, name: 'Panel', language: 'fr' })).result[0].language).toBe('fr');
      // An API client has no language of its own: its request's Accept-Language, else English.
      const byClient = await put(STRANGER, { ...PROFILE, name: 'Stranger' }, { 'accept-language': 'fr-CA, en;q=0.5' });
      expect(body(byClient).result[0].language).toBe('fr');
      await database.query(`DELETE FROM "endorsement"."endorser_profiles" WHERE "institutionId" = $1`, [STRANGER]);
    });

    it('refuses at the database level a language outside the contract’s list', async () => {
      await expect(database.query(`UPDATE "endorsement"."endorser_profiles" SET "language" = 'de' WHERE "institutionId" = $1`, [PANEL])).rejects.toThrow(/endorser_profiles_language_check/);
      const request = `INSERT INTO "endorsement"."endorsement_requests" (id, "institutionId", "endorserInstitutionId", "targetType", "targetId", "targetUrl", "targetName", "updatedAt", "requesterLanguage")
        VALUES ('req-german', $1, $2, 'Issuer', 'issuer-faculty', 'https://x.example/i', 'Faculty', now(), 'de')`;
      await expect(database.query(request, [COLLEGE, PANEL])).rejects.toThrow(/endorsement_requests_requesterLanguage_check/);
    });
  });

  describe('requests', () => {
    it.each([
      { field: 'target.type', payload: { target: { type: 'Badge', entityId: 'badge-robotics' }, endorser: COUNCIL } },
      { field: 'target.entityId', payload: { target: { type: 'BadgeClass' }, endorser: COUNCIL } },
      { field: 'endorser', payload: { target: { type: 'BadgeClass', entityId: 'badge-robotics' } } },
      { field: 'target', payload: { endorser: COUNCIL } },
      { field: 'message', payload: { target: { type: 'BadgeClass', entityId: 'badge-robotics' }, endorser: COUNCIL, message: 'x'.repeat(4097) } },
    ])('400 validation_failed naming $field', async ({ payload, field }) => {
      const response = await call(COLLEGE, 'POST', '/v2/endorsement-requests', payload);
      expect(response.statusCode).toBe(400);
      expect(body(response).error).toMatchObject({ code: 'validation_failed', field });
    });

    it('refuses self-endorsement, unknown endorsers, other institutions\' targets and revoked assertions', async () => {
      const self = await call(COUNCIL, 'POST', '/v2/endorsement-requests', { target: { type: 'BadgeClass', entityId: 'badge-council' }, endorser: COUNCIL });
      expect(self.statusCode).toBe(400);
      expect(body(self).error).toMatchObject({ code: 'self_endorsement', field: 'endorser' });

      const unknown = await call(COLLEGE, 'POST', '/v2/endorsement-requests', { target: { type: 'BadgeClass', entityId: 'badge-robotics' }, endorser: STRANGER });
      expect(unknown.statusCode).toBe(404);
      expect(body(unknown).error).toMatchObject({ code: 'not_found', field: 'endorser' });

      const notOurs = await call(STRANGER, 'POST', '/v2/endorsement-requests', { target: { type: 'BadgeClass', entityId: 'badge-robotics' }, endorser: COUNCIL });
      expect(notOurs.statusCode).toBe(404);
      expect(body(notOurs).error).toMatchObject({ code: 'not_found', field: 'target.entityId' });
      expect(issuer.requests).toContain(`${STRANGER} /v2/badgeclasses/badge-robotics`);

      const revoked = await call(COLLEGE, 'POST', '/v2/endorsement-requests', { target: { type: 'Assertion', entityId: 'assertion-revoked' }, endorser: COUNCIL });
      expect(revoked.statusCode).toBe(400);
      expect(body(revoked).error.code).toBe('target_revoked');
    });

    it.each([
      { roles: 'editor:issuer-faculty', type: 'BadgeClass', entityId: 'badge-robotics', status: 201 },
      { roles: 'staff:issuer-faculty', type: 'BadgeClass', entityId: 'badge-robotics', status: 403, needs: 'the editor or owner role' },
      { roles: 'staff:issuer-faculty', type: 'Assertion', entityId: 'assertion-ada', status: 201 },
      { roles: 'editor:issuer-faculty', type: 'Issuer', entityId: 'issuer-faculty', status: 403, needs: 'the owner role' },
      { roles: 'owner:issuer-faculty', type: 'Issuer', entityId: 'issuer-faculty', status: 201 },
      { roles: 'owner:issuer-other', type: 'BadgeClass', entityId: 'badge-robotics', status: 403, needs: 'the editor or owner role' },
      { roles: 'none', type: 'Assertion', entityId: 'assertion-ada', status: 403, needs: 'the staff' },
      { roles: 'admin', type: 'Issuer', entityId: 'issuer-faculty', status: 201 },
    ])('a person with $roles asking about $type: $status', async ({ roles, type, entityId, status, needs }) => {
      const response = await app.inject({
        method: 'POST',
        url: '/v2/endorsement-requests',
        headers: { ...tenantHeaders(COLLEGE), [InternalHeader.StaffRoles]: roles },
        payload: { target: { type, entityId }, endorser: COUNCIL },
      });
      expect(response.statusCode).toBe(status);
      if (needs) expect(body(response).error).toMatchObject({ code: 'forbidden', message: expect.stringContaining(needs) });
    });

    it('lets only the endorser’s admins answer or withdraw (issue #16): no issuer role speaks for the institution', async () => {
      const asPerson = (roles: string, method: 'POST' | 'DELETE', url: string, payload: unknown) =>
        app.inject({ method, url, headers: { ...tenantHeaders(COUNCIL), [InternalHeader.Actor]: 'staff:person-1', [InternalHeader.StaffRoles]: roles }, payload: payload as object });
      const created = await request();
      for (const roles of ['owner:issuer-council', 'editor:issuer-faculty', 'none']) {
        for (const action of ['approve', 'decline']) {
          const refused = await asPerson(roles, 'POST', `/v2/endorsement-requests/${created.entityId}/${action}`, {});
          expect(refused.statusCode).toBe(403);
          expect(body(refused).error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('Only the institution\'s admins') });
        }
      }
      expect(body(await call(COLLEGE, 'GET', `/v2/endorsement-requests/${created.entityId}`)).result[0].status).toBe('pending');
      const approved = await asPerson('admin', 'POST', `/v2/endorsement-requests/${created.entityId}/approve`, { comment: 'Fine.' });
      expect(approved.statusCode).toBe(201);
      const endorsementId = body(approved).result[0].entityId;
      expect((await asPerson('owner:issuer-council', 'DELETE', `/v2/endorsements/${endorsementId}`, {})).statusCode).toBe(403);
      expect((await asPerson('admin', 'DELETE', `/v2/endorsements/${endorsementId}`, {})).statusCode).toBe(200);
      const declined = await asPerson('admin', 'POST', `/v2/endorsement-requests/${(await request()).entityId}/decline`, {});
      expect(declined.statusCode).toBe(200);
    });

    it('is visible to its two parties only, listed by role', async () => {
      const created = await request();
      expect(created).toMatchObject({
        entityType: 'EndorsementRequest', status: 'pending', requester: COLLEGE, endorser: COUNCIL, message: 'Please.', endorsement: null,
        target: { type: 'BadgeClass', entityId: 'badge-robotics', openBadgeId: `${FAKE_PUBLIC_URL}/public/badges/badge-robotics`, name: 'Robotics Fundamentals' },
      });
      expect((await call(COLLEGE, 'GET', `/v2/endorsement-requests/${created.entityId}`)).statusCode).toBe(200);
      expect((await call(COUNCIL, 'GET', `/v2/endorsement-requests/${created.entityId}`)).statusCode).toBe(200);
      expect((await call(STRANGER, 'GET', `/v2/endorsement-requests/${created.entityId}`)).statusCode).toBe(404);
      const ids = (response: LightMyRequestResponse) => body(response).result.map((r: Json) => r.entityId);
      expect(ids(await call(COUNCIL, 'GET', '/v2/endorsement-requests?role=endorser'))).toContain(created.entityId);
      expect(ids(await call(COUNCIL, 'GET', '/v2/endorsement-requests'))).not.toContain(created.entityId);
      expect(ids(await call(COLLEGE, 'GET', '/v2/endorsement-requests?role=requester'))).toContain(created.entityId);
      expect(ids(await call(STRANGER, 'GET', '/v2/endorsement-requests?role=endorser'))).toEqual([]);
      const badRole = await call(COUNCIL, 'GET', '/v2/endorsement-requests?role=owner');
      expect(badRole.statusCode).toBe(400);
      expect(body(badRole).error.field).toBe('role');
      expect((await call(COUNCIL, 'GET', '/v2/endorsement-requests/not%20an%20id')).statusCode).toBe(404);
    });

    it('only the endorser answers: the requester gets 404 forbidden, a stranger 404 not_found; an answered request is 409', async () => {
      const created = await request();
      const byRequester = await call(COLLEGE, 'POST', `/v2/endorsement-requests/${created.entityId}/approve`, { comment: 'Great' });
      expect(byRequester.statusCode).toBe(404);
      expect(body(byRequester).error.code).toBe('forbidden');
      for (const action of ['approve', 'decline']) {
        const byStranger = await call(STRANGER, 'POST', `/v2/endorsement-requests/${created.entityId}/${action}`, {});
        expect(byStranger.statusCode).toBe(404);
        expect(body(byStranger).error.code).toBe('not_found');
      }
      const declined = await call(COUNCIL, 'POST', `/v2/endorsement-requests/${created.entityId}/decline`, { reason: 'Not yet.' });
      expect(declined.statusCode).toBe(200);
      expect(body(declined).result[0]).toMatchObject({ status: 'declined', endorsement: null });
      const late = await call(COUNCIL, 'POST', `/v2/endorsement-requests/${created.entityId}/approve`, { comment: 'Changed my mind' });
      expect(late.statusCode).toBe(409);
      expect(body(late).error.code).toBe('conflict');
      const badComment = await call(COUNCIL, 'POST', `/v2/endorsement-requests/${(await request()).entityId}/approve`, { comment: 42 });
      expect(badComment.statusCode).toBe(400);
      expect(body(badComment).error.field).toBe('comment');
    });
  });

  describe('endorsements', () => {
    it('approve publishes a valid hosted Endorsement and its event; withdrawing makes it 410 and emits revoked', async () => {
      const created = await request('Assertion', 'assertion-ada');
      const approved = await call(COUNCIL, 'POST', `/v2/endorsement-requests/${created.entityId}/approve`, { comment: 'Excellent robot.' });
      expect(approved.statusCode).toBe(201);
      const endorsement = body(approved).result[0];
      const url = `${FAKE_PUBLIC_URL}/public/endorsements/${endorsement.entityId}`;
      expect(endorsement).toMatchObject({ entityType: 'Endorsement', openBadgeId: url, request: created.entityId, comment: 'Excellent robot.', revoked: false, requester: COLLEGE, endorser: COUNCIL });
      expect(body(await call(COLLEGE, 'GET', `/v2/endorsement-requests/${created.entityId}`)).result[0]).toMatchObject({ status: 'approved', endorsement: endorsement.entityId });

      const document = await app.inject({ method: 'GET', url: `/public/endorsements/${endorsement.entityId}`, headers: tenantHeaders(STRANGER) });
      expect(document.statusCode).toBe(200);
      expect(document.headers['content-type']).toBe('application/ld+json; charset=utf-8');
      expect(validateNode(document.json(), 'Endorsement')).toEqual([]);
      const plain = await app.inject({ method: 'GET', url: `/public/endorsements/${endorsement.entityId}`, headers: { ...tenantHeaders(STRANGER), accept: 'application/json' } });
      expect([plain.headers['content-type'], plain.headers.vary, plain.body]).toEqual(['application/json; charset=utf-8', 'Accept', document.body]);
      const profile = body(await call(COUNCIL, 'GET', '/v2/endorsers/self')).result[0];
      expect(document.json()).toMatchObject({
        '@context': 'https://w3id.org/openbadges/v2', type: 'Endorsement', id: url, issuer: profile.openBadgeId,
        claim: { id: `${FAKE_PUBLIC_URL}/public/assertions/assertion-ada`, endorsementComment: 'Excellent robot.' },
      });

      const issued = (await outbox()).filter((row) => row.envelope.payload.endorsementId === endorsement.entityId);
      expect(issued.map((row) => row.topic)).toEqual(['badges.endorsement.issued.v1']);
      expect(issued[0].envelope).toMatchObject({
        institutionId: COLLEGE, aggregateId: endorsement.entityId,
        payload: {
          endorsementUrl: url, endorserInstitutionId: COUNCIL, endorserName: 'Engineering Council', comment: 'Excellent robot.',
          target: { type: 'Assertion', entityId: 'assertion-ada' }, requesterEmail: 'faculty@college.example',
        },
      });
      const requestedEvent = (await outbox()).find((row) => row.topic === 'badges.endorsement.requested.v1' && row.envelope.payload.requestId === created.entityId);
      expect(requestedEvent?.envelope.payload).toMatchObject({ endorserEmail: PROFILE.email, targetName: 'Robotics Fundamentals' });

      expect((await call(STRANGER, 'DELETE', `/v2/endorsements/${endorsement.entityId}`)).statusCode).toBe(404);
      expect((await call(STRANGER, 'GET', `/v2/endorsements/${endorsement.entityId}`)).statusCode).toBe(404);
      const withdrawn = await call(COLLEGE, 'DELETE', `/v2/endorsements/${endorsement.entityId}`, { reason: 'Badge retired.' });
      expect(withdrawn.statusCode).toBe(200);
      expect(body(withdrawn).result[0]).toMatchObject({ revoked: true, revocationReason: 'Badge retired.' });
      const again = await call(COUNCIL, 'DELETE', `/v2/endorsements/${endorsement.entityId}`);
      expect(again.statusCode).toBe(400);
      expect(body(again).error.code).toBe('already_revoked');

      const gone = await app.inject({ method: 'GET', url: `/public/endorsements/${endorsement.entityId}`, headers: tenantHeaders(STRANGER) });
      expect(gone.statusCode).toBe(410);
      expect(gone.json()).toEqual({ '@context': 'https://w3id.org/openbadges/v2', type: 'Endorsement', id: url, issuer: profile.openBadgeId, revoked: true, revocationReason: 'Badge retired.' });
      const revokedEvents = (await outbox()).filter((row) => row.topic === 'badges.endorsement.revoked.v1' && row.envelope.payload.endorsementId === endorsement.entityId);
      expect(revokedEvents).toHaveLength(1);
      expect(revokedEvents[0].envelope.payload).toMatchObject({
        revokedByInstitutionId: COLLEGE, endorserInstitutionId: COUNCIL, revocationReason: 'Badge retired.', endorserEmail: PROFILE.email, requesterEmail: 'faculty@college.example',
      });
      expect(body(await call(COLLEGE, 'GET', `/v2/endorsement-requests/${created.entityId}`)).result[0].status).toBe('withdrawn');
      expect(body(await call(COUNCIL, 'GET', '/v2/endorsements?role=endorser')).result.map((e: Json) => e.entityId)).toContain(endorsement.entityId);
    });

    it('each decision\'s event names who made it (the gateway\'s x-badges-actor); a malformed actor decides nothing', async () => {
      const as = (institution: string, actor: string, method: 'POST' | 'DELETE', url: string, payload: object) =>
        app.inject({ method, url, headers: { ...tenantHeaders(institution), [InternalHeader.Actor]: actor }, payload });
      const requested = await as(COLLEGE, 'client:college-client', 'POST', '/v2/endorsement-requests', { target: { type: 'Issuer', entityId: 'issuer-faculty' }, endorser: COUNCIL });
      expect(requested.statusCode).toBe(201);
      const requestId = body(requested).result[0].entityId as string;

      const refused = await as(COUNCIL, 'staff:has space', 'POST', `/v2/endorsement-requests/${requestId}/approve`, { comment: 'Never.' });
      expect(refused.statusCode).toBe(400);
      expect(body(refused).error).toMatchObject({ code: 'validation_failed', field: InternalHeader.Actor });
      expect(body(await call(COLLEGE, 'GET', `/v2/endorsement-requests/${requestId}`)).result[0].status).toBe('pending');

      const approved = await as(COUNCIL, 'staff:council-reviewer', 'POST', `/v2/endorsement-requests/${requestId}/approve`, { comment: 'A fine faculty.' });
      expect(approved.statusCode).toBe(201);
      const endorsementId = body(approved).result[0].entityId as string;
      expect((await as(COLLEGE, 'staff:college-registrar', 'DELETE', `/v2/endorsements/${endorsementId}`, { reason: 'Faculty merged.' })).statusCode).toBe(200);

      const events = (await outbox()).filter((row) => row.envelope.aggregateId === requestId || row.envelope.aggregateId === endorsementId);
      expect(events.map((row) => [row.topic, row.envelope.actor])).toEqual([
        ['badges.endorsement.requested.v1', { type: 'client', id: 'college-client' }],
        ['badges.endorsement.issued.v1', { type: 'staff', id: 'council-reviewer' }],
        ['badges.endorsement.revoked.v1', { type: 'staff', id: 'college-registrar' }],
      ]);
    });

    it('the events carry the language of each party’s emails: the endorser Profile’s, and the asker’s kept on the request', async () => {
      const as = (institution: string, headers: Record<string, string>, method: 'POST' | 'DELETE', url: string, payload: object) =>
        app.inject({ method, url, headers: { ...tenantHeaders(institution), ...headers }, payload });
      const frenchPerson = { [InternalHeader.Actor]: 'staff:camille', [InternalHeader.StaffRoles]: 'admin', [InternalHeader.StaffLanguage]: 'fr', 'accept-language': 'en' };
      const asked = await as(COLLEGE, frenchPerson, 'POST', '/v2/endorsement-requests', { target: { type: 'BadgeClass', entityId: 'badge-robotics' }, endorser: PANEL });
      expect(asked.statusCode).toBe(201);
      const requestId = body(asked).result[0].entityId as string;
      // The answer comes from someone else, in another language: the requester's emails keep the asker's.
      const approved = await as(PANEL, { [InternalHeader.StaffLanguage]: 'en' }, 'POST', `/v2/endorsement-requests/${requestId}/approve`, { comment: 'Très bien.' });
      const endorsementId = body(approved).result[0].entityId as string;
      expect((await as(PANEL, {}, 'DELETE', `/v2/endorsements/${endorsementId}`, { reason: 'Révisé.' })).statusCode).toBe(200);
      const events = (await outbox()).filter((row) => row.envelope.aggregateId === requestId || row.envelope.aggregateId === endorsementId);
      expect(events.map((row) => [row.topic, row.envelope.payload])).toEqual([
        ['badges.endorsement.requested.v1', expect.objectContaining({ endorserEmail: PROFILE.email, endorserLanguage: 'fr' })],
        ['badges.endorsement.issued.v1', expect.objectContaining({ requesterEmail: 'faculty@college.example', requesterLanguage: 'fr' })],
        ['badges.endorsement.revoked.v1', expect.objectContaining({ endorserLanguage: 'fr', requesterLanguage: 'fr' })],
      ]);

      // An API client whose request names no language we write: English. A request from before the column: none at all (English too).
      const approvedLanguage = async (headers: Record<string, string>, before?: (requestId: string) => Promise<unknown>) => {
        const created = await as(COLLEGE, headers, 'POST', '/v2/endorsement-requests', { target: { type: 'Issuer', entityId: 'issuer-faculty' }, endorser: PANEL });
        await before?.(body(created).result[0].entityId);
        const answer = await as(PANEL, {}, 'POST', `/v2/endorsement-requests/${body(created).result[0].entityId}/approve`, {});
        const event = (await outbox()).find((row) => row.topic === 'badges.endorsement.issued.v1' && row.envelope.aggregateId === body(answer).result[0].entityId);
        return event?.envelope.payload.requesterLanguage ?? 'none';
      };
      expect(await approvedLanguage({ [InternalHeader.Actor]: 'client:c1', 'accept-language': '*' })).toBe('en');
      expect(await approvedLanguage({ 'accept-language': 'de, fr;q=0.4' })).toBe('fr');
      const fromBefore = (id: string) => database.query(`UPDATE "endorsement"."endorsement_requests" SET "requesterLanguage" = NULL WHERE id = $1`, [id]);
      expect(await approvedLanguage({}, fromBefore)).toBe('none');
    });

    it('unknown public documents are 404, and every route wants the gateway\'s internal token', async () => {
      expect((await app.inject({ method: 'GET', url: '/public/endorsements/nope', headers: tenantHeaders(STRANGER) })).statusCode).toBe(404);
      expect((await app.inject({ method: 'GET', url: '/public/endorsers/nope', headers: tenantHeaders(STRANGER) })).statusCode).toBe(404);
      const direct = await app.inject({ method: 'GET', url: '/v2/endorsements' });
      expect(direct.statusCode).toBe(401);
      expect(direct.json().error.code).toBe('unauthorized');
    });
  });

  describe('answers match the response contracts', () => {
    /** The answer's envelope checked against the contract of its items; its first item. */
    const answered = async (schema: z.ZodType, response: Promise<LightMyRequestResponse>, status = 200): Promise<Json> => {
      const answer = await response;
      expect({ status: answer.statusCode, mismatches: contractMismatches(v2SuccessEnvelopeSchema(schema), answer.json()) }).toEqual({ status, mismatches: [] });
      return body(answer).result[0];
    };
    const ask = () =>
      answered(EndorsementRequestV2Schema, call(COLLEGE, 'POST', '/v2/endorsement-requests', { target: { type: 'BadgeClass', entityId: 'badge-robotics' }, endorser: COUNCIL, message: 'Please.' }), 201);

    it('profiles, keys, requests and endorsements, hosted and signed, through their workflow; and an error', async () => {
      await answered(EndorserProfileV2Schema, call(COUNCIL, 'PUT', '/v2/endorsers/self', PROFILE));
      await answered(PublishedEndorserV2Schema, call(COLLEGE, 'GET', '/v2/endorsers'));
      const hostedRequest = await ask();
      const hosted = await answered(EndorsementV2Schema, call(COUNCIL, 'POST', `/v2/endorsement-requests/${hostedRequest.entityId}/approve`, { comment: 'Excellent.' }), 201);
      await answered(EndorsementRequestV2Schema, call(COLLEGE, 'GET', `/v2/endorsement-requests/${hostedRequest.entityId}`));
      await answered(EndorsementV2Schema, call(COUNCIL, 'DELETE', `/v2/endorsements/${hosted.entityId}`, { reason: 'Withdrawn.' }));
      await answered(EndorsementRequestV2Schema, call(COUNCIL, 'POST', `/v2/endorsement-requests/${(await ask()).entityId}/decline`, {}));

      await answered(EndorserProfileV2Schema, call(COUNCIL, 'PUT', '/v2/endorsers/self', { ...PROFILE, verification: 'signed' }));
      const signed = await answered(EndorsementV2Schema, call(COUNCIL, 'POST', `/v2/endorsement-requests/${(await ask()).entityId}/approve`, {}), 201);
      expect(signed.signature).toEqual(expect.any(String));
      await answered(EndorsementV2Schema, call(COLLEGE, 'GET', '/v2/endorsements?role=requester'));
      await answered(EndorserSigningKeyV2Schema, call(COUNCIL, 'GET', '/v2/endorsers/self/keys'));
      await answered(EndorserSigningKeyV2Schema, call(COUNCIL, 'POST', '/v2/endorsers/self/keys/rotate', { algorithm: 'ES256' }), 201);

      const missing = await call(COLLEGE, 'GET', '/v2/endorsement-requests/unknown-request');
      expect({ status: missing.statusCode, mismatches: contractMismatches(V2ErrorEnvelopeSchema, body(missing)) }).toEqual({ status: 404, mismatches: [] });
    });
  });
});
