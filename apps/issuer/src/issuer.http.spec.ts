/**
 * The issuer service over HTTP (Fastify inject, as the embedded runner calls it), on every
 * storage target: the Badgr v2 contract, validation errors, tenant isolation, batch atomicity.
 */
import type { LightMyRequestResponse } from 'fastify';

import { IssuerInstitutionCountsSchema } from '@badges/api-contracts';
import { databaseTargets } from '@badges/persistence';
import { InternalHeader } from '@badges/service-kit';

import { GIF_DATA_URI, badgeClassBody, issuerBody } from './testing/fixtures';
import { createTestApp, TEST_INTERNAL_TOKEN, type TestApp } from './testing/issuer-test-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.each(databaseTargets())('issuer HTTP API on $name', (target) => {
  let t: TestApp;
  let A: Record<string, string>;
  let B: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp(target);
    A = await t.institution('inst-a', 'University A');
    B = await t.institution('inst-b', 'College B');
  });
  afterAll(async () => t.close());

  const call = (method: string, url: string, headers: Record<string, string>, payload?: unknown): Promise<LightMyRequestResponse> =>
    t.app.inject({ method: method as 'GET', url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const json = (response: LightMyRequestResponse): Json => response.json() as Json;
  const expectError = (response: LightMyRequestResponse, status: number, code: string, field?: string) => {
    expect({ status: response.statusCode, code: json(response).error?.code, field: json(response).error?.field }).toEqual({ status, code, field });
    expect(json(response).status.success).toBe(false);
  };

  const createIssuer = async (headers = A, body = issuerBody()) => {
    const response = await call('POST', '/v2/issuers', headers, body);
    expect(response.statusCode).toBe(201);
    return json(response).result[0];
  };
  const createBadgeClass = async (issuerId: string, headers = A, body = badgeClassBody()) => {
    const response = await call('POST', `/v2/issuers/${issuerId}/badgeclasses`, headers, body);
    expect(response.statusCode).toBe(201);
    return json(response).result[0];
  };
  const award = async (badgeClassId: string, body: unknown = { recipient: { identity: 'Learner@Example.org' } }, headers = A) => {
    const response = await call('POST', `/v2/badgeclasses/${badgeClassId}/assertions`, headers, body);
    expect(response.statusCode).toBe(201);
    return json(response).result[0];
  };

  describe('plumbing', () => {
    it('answers /health after a SELECT 1', async () => {
      const response = await call('GET', '/health', {});
      expect(response.statusCode).toBe(200);
      expect(json(response)).toEqual({ status: 'ok' });
    });

    it('refuses requests without the internal token', async () => {
      expectError(await call('GET', '/v2/issuers', { [InternalHeader.InstitutionId]: 'inst-a' }), 401, 'unauthorized');
    });

    it('requires the tenant header on tenant routes', async () => {
      expectError(await call('GET', '/v2/issuers', { [InternalHeader.InternalToken]: TEST_INTERNAL_TOKEN }), 401, 'unauthorized');
    });

    it('upserts institutions idempotently', async () => {
      const headers = { [InternalHeader.InternalToken]: TEST_INTERNAL_TOKEN };
      const first = await call('PUT', '/internal/institutions/inst-new', headers, { name: 'New' });
      const second = await call('PUT', '/internal/institutions/inst-new', headers, { name: 'New name' });
      expect([first.statusCode, second.statusCode]).toEqual([201, 200]);
      expect(json(second).result).toEqual([{ id: 'inst-new', name: 'New name' }]);
      expectError(await call('PUT', '/internal/institutions/inst-new', headers, { name: '  ' }), 400, 'validation_failed', 'name');
    });

    it('counts issuers, badge classes and assertions (awarded, revoked) per institution, for the operator, behind the internal token', async () => {
      const headers = { [InternalHeader.InternalToken]: TEST_INTERNAL_TOKEN };
      const before = IssuerInstitutionCountsSchema.parse(json(await call('GET', '/internal/institutions/counts', headers))).institutions;
      const countsOf = (institutions: typeof before, id: string) => institutions.find((row) => row.institutionId === id) ?? { issuers: 0, badgeClasses: 0, assertionsAwarded: 0, assertionsRevoked: 0 };
      const issuer = await createIssuer();
      const badgeClass = await createBadgeClass(issuer.entityId);
      const [first] = [await award(badgeClass.entityId), await award(badgeClass.entityId)];
      expect((await call('DELETE', `/v2/assertions/${first.entityId}`, A, { revocation_reason: 'Mistake' })).statusCode).toBe(200);

      const after = IssuerInstitutionCountsSchema.parse(json(await call('GET', '/internal/institutions/counts', headers))).institutions;
      const [was, now] = [countsOf(before, 'inst-a'), countsOf(after, 'inst-a')];
      expect(now).toMatchObject({ issuers: was.issuers + 1, badgeClasses: was.badgeClasses + 1, assertionsAwarded: was.assertionsAwarded + 2, assertionsRevoked: was.assertionsRevoked + 1 });
      // Another tenant's rows are its own.
      expect(countsOf(after, 'inst-b')).toEqual(countsOf(before, 'inst-b'));
      expectError(await call('GET', '/internal/institutions/counts', {}), 401, 'unauthorized');
    });
  });

  describe('issuers', () => {
    it('creates, reads, updates and deletes an issuer in the Badgr v2 shape', async () => {
      const issuer = await createIssuer();
      expect(issuer).toMatchObject({
        entityType: 'Issuer',
        openBadgeId: `https://badges.example.org/public/issuers/${issuer.entityId}`,
        name: 'Faculty of Science',
        email: 'science@example.edu',
        image: `https://badges.example.org/public/issuers/${issuer.entityId}/image`,
        staff: [],
      });
      expect(issuer.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
      expect(json(await call('GET', `/v2/issuers/${issuer.entityId}`, A)).result[0].entityId).toBe(issuer.entityId);
      expect(json(await call('GET', '/v2/issuers', A)).result.map((i: Json) => i.entityId)).toContain(issuer.entityId);

      const updated = await call('PUT', `/v2/issuers/${issuer.entityId}`, A, issuerBody({ name: 'Faculty of Sciences', image: undefined }));
      expect(updated.statusCode).toBe(200);
      expect(json(updated).result[0]).toMatchObject({ name: 'Faculty of Sciences', image: issuer.image });

      const deleted = await call('DELETE', `/v2/issuers/${issuer.entityId}`, A);
      expect(deleted.statusCode).toBe(204);
      expectError(await call('GET', `/v2/issuers/${issuer.entityId}`, A), 404, 'not_found');
    });

    it('rejects invalid bodies with the field at fault', async () => {
      expectError(await call('POST', '/v2/issuers', A, issuerBody({ name: '' })), 400, 'validation_failed', 'name');
      expectError(await call('POST', '/v2/issuers', A, issuerBody({ email: 'not-an-email' })), 400, 'validation_failed', 'email');
      expectError(await call('POST', '/v2/issuers', A, issuerBody({ url: 'ftp://x' })), 400, 'validation_failed', 'url');
      expectError(await call('POST', '/v2/issuers', A, issuerBody({ image: GIF_DATA_URI })), 400, 'invalid_image', 'image');
      expectError(await call('POST', '/v2/issuers', A, issuerBody({ image: 'data:image/jpeg;base64,AAAA' })), 400, 'validation_failed', 'image');
      const malformed = await t.app.inject({ method: 'POST', url: '/v2/issuers', headers: { ...A, 'content-type': 'application/json' }, payload: '{"name":' });
      // service-kit maps this (its code is being settled there: invalid_json vs validation_failed).
      expect(malformed.statusCode).toBe(400);
      expect(json(malformed).status.success).toBe(false);
      expect(json(await call('GET', '/v2/issuers', A)).result.every((i: Json) => i.name !== '')).toBe(true);
    });

    it('answers 404 for ids that cannot be ids and for institutions the gateway never registered', async () => {
      expectError(await call('GET', '/v2/issuers/not%20an%20id', A), 404, 'not_found');
      expectError(await call('POST', '/v2/issuers', { ...A, [InternalHeader.InstitutionId]: 'inst-unknown' }, issuerBody()), 404, 'not_found');
    });

    it('never shows another institution its issuers', async () => {
      const issuer = await createIssuer(A);
      expectError(await call('GET', `/v2/issuers/${issuer.entityId}`, B), 404, 'not_found');
      expectError(await call('PUT', `/v2/issuers/${issuer.entityId}`, B, issuerBody()), 404, 'not_found');
      expectError(await call('DELETE', `/v2/issuers/${issuer.entityId}`, B), 404, 'not_found');
      expect(json(await call('GET', '/v2/issuers', B)).result.map((i: Json) => i.entityId)).not.toContain(issuer.entityId);
      expect(json(await call('GET', `/v2/issuers/${issuer.entityId}`, A)).result[0].name).toBe('Faculty of Science');
    });
  });

  describe('badge classes', () => {
    it('creates a badge class with alignments, tags, expiry and translations', async () => {
      const issuer = await createIssuer();
      const badgeClass = await createBadgeClass(issuer.entityId);
      expect(badgeClass).toMatchObject({
        entityType: 'BadgeClass',
        issuer: issuer.entityId,
        issuerOpenBadgeId: issuer.openBadgeId,
        openBadgeId: `https://badges.example.org/public/badges/${badgeClass.entityId}`,
        image: `https://badges.example.org/public/badges/${badgeClass.entityId}/image`,
        alignments: [{ targetName: 'Safety Standard', targetUrl: 'https://standards.example.org/safety', targetCode: 'S1', targetDescription: null, targetFramework: null }],
        tags: ['safety', 'lab'],
        expires: { amount: 2, duration: 'years' },
        language: 'en',
        translations: [{ language: 'fr', name: 'Sécurité au labo' }],
        verification: 'hosted',
      });
      expect(json(await call('GET', `/v2/issuers/${issuer.entityId}/badgeclasses`, A)).result.map((c: Json) => c.entityId)).toEqual([badgeClass.entityId]);
      expect(json(await call('GET', '/v2/badgeclasses', A)).result.map((c: Json) => c.entityId)).toContain(badgeClass.entityId);
      expect(json(await call('GET', '/v2/badgeclasses', B)).result.map((c: Json) => c.entityId)).not.toContain(badgeClass.entityId);
    });

    it('validates badge classes, including the verification mode', async () => {
      const issuer = await createIssuer();
      const url = `/v2/issuers/${issuer.entityId}/badgeclasses`;
      expectError(await call('POST', url, A, badgeClassBody({ name: '   ' })), 400, 'validation_failed', 'name');
      expectError(await call('POST', url, A, badgeClassBody({ criteriaUrl: null, criteriaNarrative: null })), 400, 'validation_failed', 'criteriaUrl');
      expectError(await call('POST', url, A, badgeClassBody({ image: GIF_DATA_URI })), 400, 'invalid_image', 'image');
      expectError(await call('POST', url, A, badgeClassBody({ translations: [{ language: 'en', name: 'x' }] })), 400, 'validation_failed', 'translations.0.language');
      expectError(await call('POST', url, A, badgeClassBody({ verification: 'jws' })), 400, 'validation_failed', 'verification');
      expect(json(await call('GET', `/v2/issuers/${issuer.entityId}/badgeclasses`, A)).result).toEqual([]);
      expectError(await call('POST', url, B, badgeClassBody()), 404, 'not_found');
    });

    it('updates a badge class, keeping what a Badgr PUT leaves out', async () => {
      const issuer = await createIssuer();
      const badgeClass = await createBadgeClass(issuer.entityId);
      const response = await call('PUT', `/v2/badgeclasses/${badgeClass.entityId}`, A, { name: 'Lab Safety 2', description: 'New text' });
      expect(response.statusCode).toBe(200);
      expect(json(response).result[0]).toMatchObject({ name: 'Lab Safety 2', tags: ['safety', 'lab'], translations: [{ language: 'fr' }], expires: { amount: 2, duration: 'years' } });
      expectError(await call('PUT', `/v2/badgeclasses/${badgeClass.entityId}`, A, { name: 'x', description: 'y', language: 'fr' }), 400, 'validation_failed', 'language');
      expectError(await call('PUT', `/v2/badgeclasses/${badgeClass.entityId}`, B, { name: 'x', description: 'y' }), 404, 'not_found');
    });

    it('refuses to delete an issuer that still has badge classes (409)', async () => {
      const issuer = await createIssuer();
      const badgeClass = await createBadgeClass(issuer.entityId);
      expectError(await call('DELETE', `/v2/issuers/${issuer.entityId}`, A), 409, 'conflict');
      expectError(await call('DELETE', `/v2/badgeclasses/${badgeClass.entityId}`, B), 404, 'not_found');
      expect((await call('DELETE', `/v2/badgeclasses/${badgeClass.entityId}`, A)).statusCode).toBe(204);
      expect((await call('DELETE', `/v2/issuers/${issuer.entityId}`, A)).statusCode).toBe(204);
    });
  });

  describe('assertions', () => {
    let issuer: Json;
    let badgeClass: Json;
    beforeAll(async () => {
      issuer = await createIssuer();
      badgeClass = await createBadgeClass(issuer.entityId);
    });

    it('awards with a salted hash, returns the plaintext only once, and applies the class expiry', async () => {
      const assertion = await award(badgeClass.entityId, {
        recipient: { identity: 'Learner@Example.org', type: 'email' },
        issuedOn: '2024-05-01T10:00:00+02:00',
        narrative: 'Great work',
        evidence: [{ url: 'https://evidence.example.org/1', narrative: 'Lab report' }],
        notify: true,
      });
      expect(assertion).toMatchObject({
        entityType: 'Assertion',
        badgeclass: badgeClass.entityId,
        issuer: issuer.entityId,
        openBadgeId: `https://badges.example.org/public/assertions/${assertion.entityId}`,
        image: `https://badges.example.org/public/assertions/${assertion.entityId}/image`,
        issuedOn: '2024-05-01T08:00:00Z',
        expires: '2026-05-01T08:00:00Z',
        narrative: 'Great work',
        evidence: [{ url: 'https://evidence.example.org/1', narrative: 'Lab report' }],
        revoked: false,
        recipient: { type: 'email', hashed: true, plaintextIdentity: 'Learner@Example.org' },
      });
      expect(assertion.recipient.identity).toMatch(/^sha256\$[0-9a-f]{64}$/);
      expect(assertion.recipient.salt).toMatch(/^[0-9a-f]{32}$/);

      const fetched = json(await call('GET', `/v2/assertions/${assertion.entityId}`, A)).result[0];
      expect(fetched.recipient.plaintextIdentity).toBeUndefined();
      expect(fetched.recipient.identity).toBe(assertion.recipient.identity);
      const stored = await t.database.query<{ recipientIdentity: string; notify: boolean }>(
        'SELECT "recipientIdentity", notify FROM issuer.assertions WHERE id = $1',
        [assertion.entityId],
      );
      expect(stored).toEqual([{ recipientIdentity: assertion.recipient.identity, notify: true }]);
      expect(JSON.stringify(await t.database.query('SELECT * FROM issuer.assertions'))).not.toMatch(/learner@example\.org/i);
    });

    it('rejects bad recipients, dates and unknown or foreign badge classes', async () => {
      const url = `/v2/badgeclasses/${badgeClass.entityId}/assertions`;
      expectError(await call('POST', url, A, { recipient: { identity: 'not-an-email' } }), 400, 'validation_failed', 'recipient.identity');
      expectError(await call('POST', url, A, { recipient: { identity: 'a@example.org' }, issuedOn: 'yesterday' }), 400, 'validation_failed', 'issuedOn');
      expectError(await call('POST', url, A, { recipient: { identity: 'a@example.org' }, expires: '2001-01-01T00:00:00Z' }), 400, 'validation_failed', 'expires');
      expectError(await call('POST', url, A, {}), 400, 'validation_failed', 'recipient');
      expectError(await call('POST', url, B, { recipient: { identity: 'a@example.org' } }), 404, 'not_found');
      expectError(await call('POST', '/v2/badgeclasses/nope/assertions', A, { recipient: { identity: 'a@example.org' } }), 404, 'not_found');
    });

    it('issues a batch in one transaction: one bad row writes nothing and names its index', async () => {
      const other = await createBadgeClass(issuer.entityId);
      const url = `/v2/badgeclasses/${other.entityId}/issue`;
      const rows = [{ recipient: { identity: 'one@example.org' } }, { recipient: { identity: 'two@example.org' } }];
      expectError(await call('POST', url, A, { assertions: [...rows, { recipient: { identity: 'bad' } }] }), 400, 'validation_failed', 'assertions.2.recipient.identity');
      const duplicate = await call('POST', url, A, { assertions: [...rows, { recipient: { identity: 'ONE@example.org' }, allowDuplicateAwards: false }] });
      expectError(duplicate, 400, 'validation_failed', 'assertions.2.recipient');
      expect(json(await call('GET', `/v2/badgeclasses/${other.entityId}/assertions`, A)).result).toEqual([]);
      expectError(await call('POST', url, A, { assertions: Array.from({ length: 101 }, () => rows[0]) }), 400, 'validation_failed', 'assertions');

      const ok = await call('POST', url, A, { assertions: rows, create_notification: true });
      expect(ok.statusCode).toBe(201);
      expect(json(ok).result.map((a: Json) => a.recipient.plaintextIdentity)).toEqual(['one@example.org', 'two@example.org']);
    });

    it('lists assertions with ?num and a cursor, scoped to the institution', async () => {
      const listed = await createBadgeClass(issuer.entityId);
      for (const n of [1, 2, 3]) await award(listed.entityId, { recipient: { identity: `p${n}@example.org` } });
      const first = json(await call('GET', `/v2/badgeclasses/${listed.entityId}/assertions?num=2`, A));
      expect(first.result).toHaveLength(2);
      expect(first.pagination.nextResults).toMatch(/^https:\/\/badges\.example\.org\/v2\/badgeclasses\/.+cursor=/);
      const next = new URL(first.pagination.nextResults);
      const second = json(await call('GET', `${next.pathname}${next.search}`, A));
      expect(second.result).toHaveLength(1);
      expect(second.pagination.nextResults).toBeNull();
      expect(new Set([...first.result, ...second.result].map((a: Json) => a.entityId)).size).toBe(3);

      const byRecipient = json(await call('GET', `/v2/badgeclasses/${listed.entityId}/assertions?recipient=P2@example.org`, A));
      expect(byRecipient.result.map((a: Json) => a.recipient.identity)).toHaveLength(1);
      expect(json(await call('GET', `/v2/issuers/${issuer.entityId}/assertions?num=1000`, A)).result.length).toBeGreaterThanOrEqual(3);
      expectError(await call('GET', `/v2/badgeclasses/${listed.entityId}/assertions?num=5000`, A), 400, 'validation_failed', 'num');
      expectError(await call('GET', `/v2/badgeclasses/${listed.entityId}/assertions?cursor=garbage`, A), 400, 'validation_failed', 'cursor');
      expectError(await call('GET', `/v2/badgeclasses/${listed.entityId}/assertions`, B), 404, 'not_found');
      expectError(await call('GET', `/v2/issuers/${issuer.entityId}/assertions`, B), 404, 'not_found');
    });

    it('revokes once (Badgr: 400 already_revoked the second time), requires a reason, and blocks badge class deletion', async () => {
      const assertion = await award(badgeClass.entityId);
      const url = `/v2/assertions/${assertion.entityId}`;
      expectError(await call('DELETE', url, A, {}), 400, 'validation_failed', 'revocation_reason');
      expectError(await call('DELETE', url, A, { revocation_reason: '  ' }), 400, 'validation_failed', 'revocation_reason');
      expectError(await call('DELETE', url, B, { revocation_reason: 'x' }), 404, 'not_found');
      expectError(await call('GET', url, B), 404, 'not_found');

      const revoked = await call('DELETE', url, A, { revocation_reason: 'Issued in error' });
      expect(revoked.statusCode).toBe(200);
      expect(json(revoked).result[0]).toMatchObject({ revoked: true, revocationReason: 'Issued in error' });
      expectError(await call('DELETE', url, A, { revocation_reason: 'again' }), 400, 'already_revoked');
      expect(json(await call('GET', url, A)).result[0].revocationReason).toBe('Issued in error');

      expectError(await call('DELETE', `/v2/badgeclasses/${badgeClass.entityId}`, A), 409, 'conflict');
    });
  });
});
