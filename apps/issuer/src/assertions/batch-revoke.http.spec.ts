/**
 * Badgr's batch revoke, POST /v2/assertions/revoke, through the issuer's HTTP API on every storage
 * target: one result per item in order, each revocation doing what DELETE /v2/assertions/{id}
 * does (event, RevocationList, public document, stale cache tags), tenant isolation, bad bodies.
 */
import type { LightMyRequestResponse } from 'fastify';

import { MAX_BATCH_ASSERTIONS } from '@badges/api-contracts';
import { Topic } from '@badges/events';
import { outboxEventsQuery } from '@badges/messaging';
import { databaseTargets } from '@badges/persistence';
import { cacheTag, InternalHeader, PublicCacheHeader } from '@badges/service-kit';

import { IssuerPrismaService } from '../prisma/issuer-prisma.service';
import { TEST_CONFIG, badgeClassBody, issuerBody } from '../testing/fixtures';
import { createTestApp, TEST_INTERNAL_TOKEN, type TestApp } from '../testing/issuer-test-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const REVOKE_URL = '/v2/assertions/revoke';
const NOT_FOUND = 'permission denied or object not found';
const ALREADY_REVOKED = 'Assertion is already revoked.';

describe.each(databaseTargets())('batch revoke on $name', (target) => {
  let t: TestApp;
  let A: Record<string, string>;
  let B: Record<string, string>;
  let issuer: Json;
  let signedClass: Json;

  const call = (method: string, url: string, headers: Record<string, string>, payload?: unknown): Promise<LightMyRequestResponse> =>
    t.app.inject({ method: method as 'GET', url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const created = async (response: Promise<LightMyRequestResponse>): Promise<Json[]> => {
    const r = await response;
    if (r.statusCode !== 201) throw new Error(`${r.statusCode} ${r.body}`);
    return (r.json() as Json).result as Json[];
  };
  const issue = async (count: number, classId = signedClass.entityId, headers = A): Promise<string[]> => {
    const assertions = Array.from({ length: count }, (_, n) => ({ recipient: { identity: `learner${n}@example.org` } }));
    return (await created(call('POST', `/v2/badgeclasses/${classId}/issue`, headers, { assertions }))).map((a) => a.entityId as string);
  };
  const revokeBatch = (payload: unknown, headers = A) => call('POST', REVOKE_URL, headers, payload);
  const assertionOf = async (id: string, headers = A): Promise<Json> => (await call('GET', `/v2/assertions/${id}`, headers)).json().result[0] as Json;
  const publicStatus = async (id: string) => (await call('GET', `/public/assertions/${id}`, { [InternalHeader.InternalToken]: TEST_INTERNAL_TOKEN })).statusCode;
  const revokedEvents = async (ids: string[]): Promise<Json[]> => {
    const rows = await t.app.get(IssuerPrismaService).database.query<{ topic: string; envelope: Json }>(outboxEventsQuery('issuer'));
    return rows.filter((row) => row.topic === Topic.AssertionRevoked && ids.includes(row.envelope.aggregateId)).map((row) => row.envelope.payload as Json);
  };

  beforeAll(async () => {
    t = await createTestApp(target);
    A = await t.institution('inst-a');
    B = await t.institution('inst-b');
    [issuer] = await created(call('POST', '/v2/issuers', A, issuerBody()));
    [signedClass] = await created(call('POST', `/v2/issuers/${issuer.entityId}/badgeclasses`, A, badgeClassBody({ verification: 'signed' })));
  });
  afterAll(async () => t.close());

  it('revokes two of yours in one call, each as DELETE revokes one', async () => {
    const [first, second] = await issue(2);
    const response = await revokeBatch([
      { entityId: first, revocationReason: 'Issued in error' },
      { entityId: second, revocationReason: '  Duplicate award  ' },
    ]);

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: { success: true, description: 'revoked badges' },
      result: [
        { entityId: first, revoked: true, revocationReason: 'Issued in error' },
        { entityId: second, revoked: true, revocationReason: 'Duplicate award' },
      ],
    });
    expect(await assertionOf(first)).toMatchObject({ revoked: true, revocationReason: 'Issued in error' });
    expect(await assertionOf(second)).toMatchObject({ revoked: true, revocationReason: 'Duplicate award' });
    expect(await publicStatus(first)).toBe(410);
    expect(await publicStatus(second)).toBe(410);
    const events = await revokedEvents([first, second]);
    expect(events).toEqual([
      expect.objectContaining({ assertionId: first, issuerId: issuer.entityId, revocationReason: 'Issued in error' }),
      expect.objectContaining({ assertionId: second, issuerId: issuer.entityId, revocationReason: 'Duplicate award' }),
    ]);
    const stale = String(response.headers[PublicCacheHeader.Stale]).split(' ');
    expect(stale.sort()).toEqual([cacheTag.assertion(first), cacheTag.assertion(second), cacheTag.revocations(issuer.entityId)].sort());
    const list = (await call('GET', `/public/issuers/${issuer.entityId}/revocations`, { [InternalHeader.InternalToken]: TEST_INTERNAL_TOKEN })).json() as Json;
    expect(list.revokedAssertions).toEqual(
      expect.arrayContaining([
        { id: `${TEST_CONFIG.publicUrl}/public/assertions/${first}`, revocationReason: 'Issued in error' },
        { id: `${TEST_CONFIG.publicUrl}/public/assertions/${second}`, revocationReason: 'Duplicate award' },
      ]),
    );
  });

  it('reports unknown, already revoked and repeated ids as not revoked, and revokes the others', async () => {
    const [kept, earlier, later] = await issue(3);
    expect((await call('DELETE', `/v2/assertions/${earlier}`, A, { revocation_reason: 'First reason' })).statusCode).toBe(200);

    const response = await revokeBatch([
      { entityId: kept, revocationReason: 'Wrong recipient' },
      { entityId: 'noSuchAssertion', revocationReason: 'Typo' },
      { entityId: earlier, revocationReason: 'Second reason' },
      { entityId: 'not an id!', revocationReason: 'Garbage' },
      { entityId: later, revocationReason: 'Once' },
      { entityId: later, revocationReason: 'Twice' },
    ]);

    expect(response.statusCode).toBe(200);
    expect(response.json().result).toEqual([
      { entityId: kept, revoked: true, revocationReason: 'Wrong recipient' },
      { entityId: 'noSuchAssertion', revoked: false, revocationReason: 'Typo', reason: NOT_FOUND },
      { entityId: earlier, revoked: false, revocationReason: 'Second reason', reason: ALREADY_REVOKED },
      { entityId: 'not an id!', revoked: false, revocationReason: 'Garbage', reason: NOT_FOUND },
      { entityId: later, revoked: true, revocationReason: 'Once' },
      { entityId: later, revoked: false, revocationReason: 'Twice', reason: ALREADY_REVOKED },
    ]);
    expect(await assertionOf(earlier)).toMatchObject({ revoked: true, revocationReason: 'First reason' });
    expect(await assertionOf(later)).toMatchObject({ revoked: true, revocationReason: 'Once' });
    expect((await revokedEvents([kept, earlier, later])).map((event) => [event.assertionId, event.revocationReason])).toEqual([
      [earlier, 'First reason'],
      [kept, 'Wrong recipient'],
      [later, 'Once'],
    ]);
  });

  it("reports another institution's assertion as not found and leaves it unrevoked", async () => {
    const [theirIssuer] = await created(call('POST', '/v2/issuers', B, issuerBody()));
    const [theirClass] = await created(call('POST', `/v2/issuers/${theirIssuer.entityId}/badgeclasses`, B, badgeClassBody()));
    const [theirs] = await issue(1, theirClass.entityId, B);
    const [mine] = await issue(1);

    const response = await revokeBatch([
      { entityId: theirs, revocationReason: 'Not yours' },
      { entityId: mine, revocationReason: 'Yours' },
    ]);

    expect(response.statusCode).toBe(200);
    expect(response.json().result).toEqual([
      { entityId: theirs, revoked: false, revocationReason: 'Not yours', reason: NOT_FOUND },
      { entityId: mine, revoked: true, revocationReason: 'Yours' },
    ]);
    expect(await assertionOf(theirs, B)).toMatchObject({ revoked: false, revocationReason: null });
    expect(await publicStatus(theirs)).toBe(200);
    expect(await revokedEvents([theirs])).toEqual([]);
    expect(String(response.headers[PublicCacheHeader.Stale])).not.toContain(theirs);
  });

  it('refuses a bad body with 400 validation_failed and revokes nothing', async () => {
    const [untouched] = await issue(1);
    const expectRefused = async (payload: unknown, field?: string) => {
      const response = await revokeBatch(payload);
      expect({ status: response.statusCode, success: response.json().status.success, code: response.json().error.code, field: response.json().error.field }).toEqual({
        status: 400,
        success: false,
        code: 'validation_failed',
        field,
      });
      expect(response.headers[PublicCacheHeader.Stale]).toBeUndefined();
    };

    await expectRefused([{ entityId: untouched, revocationReason: 'Fine' }, { entityId: untouched }], '1.revocationReason');
    await expectRefused([{ entityId: untouched, revocationReason: '   ' }], '0.revocationReason');
    await expectRefused([{ revocationReason: 'No id' }], '0.entityId');
    await expectRefused({ entityId: untouched, revocationReason: 'Not a list' });
    await expectRefused([]);
    await expectRefused(Array.from({ length: MAX_BATCH_ASSERTIONS + 1 }, () => ({ entityId: untouched, revocationReason: 'Too many' })));

    expect(await assertionOf(untouched)).toMatchObject({ revoked: false, revocationReason: null });
    expect(await revokedEvents([untouched])).toEqual([]);
  });

  it(`revokes a full batch of ${MAX_BATCH_ASSERTIONS}`, async () => {
    const ids = await issue(MAX_BATCH_ASSERTIONS);
    const response = await revokeBatch(ids.map((entityId) => ({ entityId, revocationReason: 'Course cancelled' })));
    expect(response.statusCode).toBe(200);
    expect(response.json().result.map((result: Json) => result.revoked)).toEqual(ids.map(() => true));
    expect(await revokedEvents(ids)).toHaveLength(MAX_BATCH_ASSERTIONS);
  });

  it('leaves the one-assertion routes to assertions/:entityId', async () => {
    const response = await call('GET', REVOKE_URL, A);
    expect({ status: response.statusCode, code: response.json().error.code }).toEqual({ status: 404, code: 'not_found' });
  });
});
