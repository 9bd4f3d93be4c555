/**
 * PUT /v2/assertions/{id}, Badgr's update of an award, through the issuer's HTTP API on every
 * storage target: evidence, narrative and expiry change, and the hosted document, the baked
 * image (stored bakes go stale) and the event say so; a signed assertion is signed again with the
 * active key; revoked, foreign and badly asked ones change nothing.
 */
import type { LightMyRequestResponse } from 'fastify';
import { compactVerify, decodeProtectedHeader, importSPKI } from 'jose';

import { Topic } from '@badges/events';
import { outboxEventsQuery } from '@badges/messaging';
import { unbakeBadgeImage } from '@badges/openbadges';
import { databaseTargets } from '@badges/persistence';
import { cacheTag, InternalHeader, PublicCacheHeader } from '@badges/service-kit';

import { IssuerPrismaService } from '../prisma/issuer-prisma.service';
import { TEST_CONFIG, badgeClassBody, issuerBody } from '../testing/fixtures';
import { createTestApp, TEST_INTERNAL_TOKEN, type TestApp } from '../testing/issuer-test-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const publicHeaders = { [InternalHeader.InternalToken]: TEST_INTERNAL_TOKEN };
const ISSUED_ON = '2024-05-01T00:00:00Z';

describe.each(databaseTargets())('assertion update on $name', (target) => {
  let t: TestApp;
  let A: Record<string, string>;
  let B: Record<string, string>;
  let issuer: Json;
  let hostedClass: Json;
  let signedClass: Json;
  let prisma: IssuerPrismaService;

  const call = (method: string, url: string, headers: Record<string, string>, payload?: unknown): Promise<LightMyRequestResponse> =>
    t.app.inject({ method: method as 'GET', url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const one = async (response: Promise<LightMyRequestResponse>): Promise<Json> => {
    const r = await response;
    if (r.statusCode >= 300) throw new Error(`${r.statusCode} ${r.body}`);
    return (r.json() as Json).result[0];
  };
  const award = (classId: string, identity: string) =>
    one(
      call('POST', `/v2/badgeclasses/${classId}/assertions`, A, {
        recipient: { identity },
        issuedOn: ISSUED_ON,
        narrative: 'First draft.',
        evidence: [{ url: 'https://evidence.example.org/1' }],
      }),
    );
  const update = (id: string, payload: unknown, headers = A) => call('PUT', `/v2/assertions/${id}`, headers, payload);
  const assertionOf = (id: string) => one(call('GET', `/v2/assertions/${id}`, A));
  const publicDocument = async (id: string): Promise<Json> => (await call('GET', `/public/assertions/${id}`, { ...publicHeaders, accept: 'application/ld+json' })).json();
  const updatedEvents = async (id: string): Promise<Json[]> => {
    const rows = await prisma.database.query<{ topic: string; envelope: Json }>(outboxEventsQuery('issuer'));
    return rows.filter((row) => row.topic === Topic.AssertionUpdated && row.envelope.aggregateId === id).map((row) => row.envelope);
  };
  const storedBake = async (id: string) => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const row = await prisma.bakedImage.findUnique({ where: { assertionId: id } });
      if (row) return row;
      if (Date.now() > deadline) throw new Error(`no bake of ${id}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const bakedPayload = (bytes: Buffer): string => {
    const unbaked = unbakeBadgeImage(bytes);
    if (!unbaked) throw new Error('the image carries no badge');
    return unbaked.payload;
  };

  beforeAll(async () => {
    t = await createTestApp(target);
    prisma = t.app.get(IssuerPrismaService);
    A = await t.institution('inst-a');
    B = await t.institution('inst-b');
    issuer = await one(call('POST', '/v2/issuers', A, issuerBody()));
    hostedClass = await one(call('POST', `/v2/issuers/${issuer.entityId}/badgeclasses`, A, badgeClassBody()));
    signedClass = await one(call('POST', `/v2/issuers/${issuer.entityId}/badgeclasses`, A, badgeClassBody({ name: 'Signed', verification: 'signed' })));
  });
  afterAll(async () => t.close());

  it('changes evidence, narrative and expiry; the document, the baked image and the event say so', async () => {
    const assertion = await award(hostedClass.entityId, 'ann@example.org');
    const bakeBefore = await storedBake(assertion.entityId);
    const imageBefore = await call('GET', `/public/assertions/${assertion.entityId}/image`, publicHeaders);
    expect(JSON.parse(bakedPayload(imageBefore.rawPayload)).narrative).toBe('First draft.');

    const response = await update(
      assertion.entityId,
      { narrative: 'Revised.', evidence: [{ url: 'https://evidence.example.org/2', narrative: 'Portfolio' }], expires: '2031-01-01T00:00:00+01:00', recipient: { identity: 'mallory@example.org' } },
      { ...A, [InternalHeader.Actor]: 'staff:registrar-7' },
    );
    expect(response.statusCode).toBe(200);
    const updated = response.json().result[0] as Json;
    expect(updated).toEqual({
      ...assertion,
      narrative: 'Revised.',
      evidence: [{ url: 'https://evidence.example.org/2', narrative: 'Portfolio' }],
      expires: '2030-12-31T23:00:00Z',
      // Only the award's response carries a hashed recipient's plaintext.
      recipient: { ...assertion.recipient, plaintextIdentity: undefined },
    });
    expect(String(response.headers[PublicCacheHeader.Stale]).split(' ')).toEqual([cacheTag.assertion(assertion.entityId)]);
    expect(await assertionOf(assertion.entityId)).toEqual(updated);

    const document = await publicDocument(assertion.entityId);
    expect(document).toMatchObject({
      narrative: 'Revised.',
      evidence: [{ id: 'https://evidence.example.org/2', narrative: 'Portfolio' }],
      expires: '2030-12-31T23:00:00Z',
      issuedOn: '2024-05-01T00:00:00Z',
    });
    // The stored bake was of the old text: the route bakes the new one, serves it and stores it.
    const imageAfter = await call('GET', `/public/assertions/${assertion.entityId}/image`, publicHeaders);
    expect(imageAfter.statusCode).toBe(200);
    expect(JSON.parse(bakedPayload(imageAfter.rawPayload))).toEqual(document);
    expect(imageAfter.headers.etag).not.toBe(imageBefore.headers.etag);
    const bakeAfter = await storedBake(assertion.entityId);
    expect(bakeAfter.assertionUpdatedAt.getTime()).toBeGreaterThan(bakeBefore.assertionUpdatedAt.getTime());
    expect(JSON.parse(bakedPayload(Buffer.from(bakeAfter.base64, 'base64')))).toEqual(document);

    const [event] = await updatedEvents(assertion.entityId);
    expect(event).toMatchObject({
      institutionId: 'inst-a',
      actor: { type: 'staff', id: 'registrar-7' },
      payload: {
        assertionId: assertion.entityId,
        assertionUrl: `${TEST_CONFIG.publicUrl}/public/assertions/${assertion.entityId}`,
        badgeClassId: hostedClass.entityId,
        issuerId: issuer.entityId,
        changed: ['evidence', 'narrative', 'expires'],
      },
    });
  });

  it('clears what is sent empty and keeps what is not sent', async () => {
    const assertion = await award(hostedClass.entityId, 'bob@example.org');
    expect(await one(update(assertion.entityId, { narrative: null }))).toMatchObject({ narrative: null, evidence: assertion.evidence, expires: assertion.expires });
    expect(await one(update(assertion.entityId, { evidence: [], expires: null }))).toMatchObject({ narrative: null, evidence: [], expires: null });
    const document = await publicDocument(assertion.entityId);
    expect(document).not.toHaveProperty('narrative');
    expect(document).not.toHaveProperty('evidence');
    expect(document).not.toHaveProperty('expires');
    expect((await updatedEvents(assertion.entityId)).map((e) => e.payload.changed)).toEqual([['narrative'], ['evidence', 'expires']]);
  });

  it.each([
    ['nothing it can change', { recipient: { identity: 'new@example.org' }, issuedOn: '2020-01-01T00:00:00Z' }, undefined],
    ['an evidence item with neither url nor narrative', { narrative: 'Kept out.', evidence: [{}] }, 'evidence.0'],
    ['an expiry without a timezone', { expires: '2031-01-01' }, 'expires'],
    ['an expiry before the issue date', { narrative: 'Kept out.', expires: '2024-04-30T00:00:00Z' }, 'expires'],
  ])('refuses %s with 400 and changes nothing', async (_label, body, field) => {
    const assertion = await award(hostedClass.entityId, 'cat@example.org');
    const before = await assertionOf(assertion.entityId);
    const response = await update(assertion.entityId, body);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'validation_failed', ...(field ? { field } : {}) });
    expect(await assertionOf(assertion.entityId)).toEqual(before);
    expect(await updatedEvents(assertion.entityId)).toEqual([]);
  });

  it('answers 404 for another institution’s assertion, whatever the body, and changes nothing', async () => {
    const assertion = await award(hostedClass.entityId, 'dan@example.org');
    for (const body of [{ narrative: 'Hijacked.' }, { evidence: [{}] }]) {
      const response = await update(assertion.entityId, body, B);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
    expect((await assertionOf(assertion.entityId)).narrative).toBe('First draft.');
    expect(await updatedEvents(assertion.entityId)).toEqual([]);
  });

  it('refuses a revoked assertion with 400 already_revoked', async () => {
    const assertion = await award(hostedClass.entityId, 'eve@example.org');
    await one(call('DELETE', `/v2/assertions/${assertion.entityId}`, A, { revocation_reason: 'Issued in error' }));
    const response = await update(assertion.entityId, { narrative: 'Too late.' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'already_revoked', message: expect.stringMatching(/revoked assertion cannot be changed/) });
    expect((await assertionOf(assertion.entityId)).narrative).toBe('First draft.');
    expect(await updatedEvents(assertion.entityId)).toEqual([]);
  });

  it('signs a signed assertion again, with the issuer’s active key: JWS, document and baked image agree', async () => {
    const assertion = await award(signedClass.entityId, 'fay@example.org');
    await storedBake(assertion.entityId);
    // A rotation after the award: the edit is signed with the key that is active now.
    const keys = (await call('POST', `/v2/issuers/${issuer.entityId}/keys/rotate`, A, {})).json().result as Json[];
    const active = keys.find((key) => key.active) as Json;

    const updated = await one(update(assertion.entityId, { narrative: 'Revised and signed.' }));
    expect(updated.verification).toBe('signed');
    expect(updated.signature).not.toBe(assertion.signature);
    const jws = updated.signature as string;
    const { alg } = decodeProtectedHeader(jws);
    const verified = await compactVerify(jws, await importSPKI(active.publicKeyPem, alg as string));
    const payload = JSON.parse(new TextDecoder().decode(verified.payload)) as Json;
    expect(payload).toMatchObject({ narrative: 'Revised and signed.', verification: { type: 'SignedBadge', creator: active.openBadgeId } });

    expect(await publicDocument(assertion.entityId)).toEqual(payload);
    expect((await call('GET', `/public/assertions/${assertion.entityId}`, { ...publicHeaders, accept: 'application/jose' })).body).toBe(jws);
    const image = await call('GET', `/public/assertions/${assertion.entityId}/image`, publicHeaders);
    expect(bakedPayload(image.rawPayload)).toBe(jws);
  });
});
