/**
 * Migration runs through the issuer's internal API (issue #18, decision 0044): ids and published
 * documents kept, hashes and salts kept, idempotent, nothing overwritten without `overwrite`,
 * never across institutions, dry runs write nothing, and each problem is an answer with a code.
 */
import { Topic } from '@badges/events';
import { outboxEventsQuery } from '@badges/messaging';
import { unbakeBadgeImage, validateNode } from '@badges/openbadges';
import { databaseTargets } from '@badges/persistence';
import { InternalHeader } from '@badges/service-kit';

import { IssuerPrismaService } from '../prisma/issuer-prisma.service';
import { TEST_CONFIG } from '../testing/fixtures';
import { createTestApp, TEST_INTERNAL_TOKEN, type TestApp } from '../testing/issuer-test-app';
import { migrationAssertion, migrationBadgeClass, migrationIssuer, OLD_ORIGIN } from '../testing/migration-records';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const BASE = TEST_CONFIG.publicUrl;
const parents = { issuer: 'issuerNorth1', badgeClass: 'classWeld1' };

describe.each(databaseTargets())('migration runs on $name', (target) => {
  let t: TestApp;
  let A: Record<string, string>;
  let B: Record<string, string>;

  const call = async (headers: Record<string, string>, method: 'GET' | 'POST', url: string, payload?: object) => {
    const response = await t.app.inject({ method, url: `/internal/migrations/runs${url}`, headers, ...(payload ? { payload } : {}) });
    return { status: response.statusCode, body: response.json() as Json };
  };
  const startRun = async (headers: Record<string, string>, options: object = {}) => (await call(headers, 'POST', '', options)).body;
  const batch = async (headers: Record<string, string>, runId: string, records: object) => call(headers, 'POST', `/${runId}/batches`, records);
  const outcomes = (items: Json[]) => items.map((item) => `${item.kind} ${item.sourceId} ${item.outcome}${item.code ? ` ${item.code}` : ''}`);
  const publicGet = async (path: string) => {
    const response = await t.app.inject({ method: 'GET', url: path, headers: { accept: 'application/ld+json', [InternalHeader.InternalToken]: TEST_INTERNAL_TOKEN } });
    return { status: response.statusCode, body: response.json() as Json };
  };
  const events = async (topic: string) => {
    const rows = await t.app.get(IssuerPrismaService).database.query<{ topic: string; envelope: Json }>(outboxEventsQuery('issuer'));
    return rows.filter((row) => row.topic === topic).map((row) => row.envelope);
  };
  const firstBatch = () => ({
    issuers: [migrationIssuer(parents.issuer, { staff: [{ email: 'owner@northern.example', role: 'owner' }] })],
    badgeClasses: [migrationBadgeClass(parents.badgeClass, parents.issuer)],
    assertions: [
      migrationAssertion('awardHashed1', parents, { email: 'Ada@Example.org', salt: 'pepper-1' }),
      migrationAssertion('awardPlain1', parents, { email: 'grace@example.org' }),
      migrationAssertion('awardRevoked1', parents, { email: 'alan@example.org', salt: 's2' }, { revoked: true, revocationReason: 'Issued in error', updatedAt: '2021-01-01T00:00:00Z' }),
      migrationAssertion('awardHashOnly1', parents, { email: 'unknown@example.org', salt: 's3', plaintext: false }),
    ],
  });

  beforeAll(async () => {
    t = await createTestApp(target);
    A = await t.institution('inst-a');
    B = await t.institution('inst-b');
  });
  afterAll(async () => t.close());

  it('writes a batch keeping every id and published document, and says so per item', async () => {
    const run = await startRun(A);
    expect(run).toMatchObject({ status: 'running', dryRun: false, overwrite: false, institutionId: 'inst-a' });
    const { status, body } = await batch(A, run.id, firstBatch());
    expect(status).toBe(200);
    expect(outcomes(body.items)).toEqual([
      'issuer issuerNorth1 created',
      'staff issuerNorth1 skipped staff_not_migrated',
      'badgeClass classWeld1 created',
      'assertion awardHashed1 created',
      'assertion awardPlain1 created',
      'assertion awardRevoked1 created',
      'assertion awardHashOnly1 created',
    ]);
    expect(body.run.counts.assertion).toEqual({ created: 4, unchanged: 0, updated: 0, skipped: 0 });

    const assertion = await publicGet('/public/assertions/awardHashed1');
    expect(assertion.status).toBe(200);
    expect(assertion.body).toMatchObject({
      id: `${OLD_ORIGIN}/public/assertions/awardHashed1`,
      badge: `${OLD_ORIGIN}/public/badges/classWeld1`,
      recipient: { type: 'email', hashed: true, salt: 'pepper-1', identity: firstBatch().assertions[0].recipient.identity },
      issuedOn: '2020-06-01T00:00:00Z',
      evidence: [{ id: 'https://evidence.example/1', narrative: 'Weld sample' }],
    });
    const badge = await publicGet('/public/badges/classWeld1');
    expect(badge.body).toMatchObject({ id: `${OLD_ORIGIN}/public/badges/classWeld1`, issuer: `${OLD_ORIGIN}/public/issuers/issuerNorth1`, alignment: [{ targetName: 'Red Seal', targetCode: 'W1' }] });
    const issuer = await publicGet('/public/issuers/issuerNorth1');
    // Imported awards keep the old host, new ones are ours: the Profile allows both (OB 2.0 hosted policy).
    expect(issuer.body).toMatchObject({ id: `${OLD_ORIGIN}/public/issuers/issuerNorth1`, verification: { allowedOrigins: ['api.badgr.example', new URL(BASE).hostname] } });
    for (const [doc, cls] of [[assertion.body, 'Assertion'], [badge.body, 'BadgeClass'], [issuer.body, 'Profile']] as const) {
      expect(validateNode(doc, cls).filter((m) => m.level === 'ERROR')).toEqual([]);
    }
    const revoked = await publicGet('/public/assertions/awardRevoked1');
    expect(revoked).toMatchObject({ status: 410, body: { id: `${OLD_ORIGIN}/public/assertions/awardRevoked1`, revoked: true, revocationReason: 'Issued in error' } });

    // The baked image carries the same document, its id the published one.
    const image = await t.app.inject({ method: 'GET', url: '/public/assertions/awardPlain1/image', headers: { [InternalHeader.InternalToken]: TEST_INTERNAL_TOKEN } });
    expect(image.statusCode).toBe(200);
    const unbaked = unbakeBadgeImage(image.rawPayload);
    expect(JSON.parse(unbaked?.payload ?? '{}')).toMatchObject({ id: `${OLD_ORIGIN}/public/assertions/awardPlain1` });
  });

  it('announces imported awards on their own topic, never as issued, with a lookup only when the plaintext is known', async () => {
    expect(await events(Topic.AssertionIssued)).toEqual([]);
    const imported = await events(Topic.AssertionImported);
    const byId = new Map(imported.map((event) => [event.payload.assertionId, event.payload]));
    expect([...byId.keys()].sort()).toEqual(['awardHashOnly1', 'awardHashed1', 'awardPlain1', 'awardRevoked1']);
    expect(byId.get('awardHashed1')).toMatchObject({ assertionUrl: `${OLD_ORIGIN}/public/assertions/awardHashed1`, recipient: { hashed: true, salt: 'pepper-1', lookup: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(byId.get('awardHashOnly1').recipient.lookup).toBeUndefined();
    expect(byId.get('awardRevoked1').revocation).toEqual({ reason: 'Issued in error', revokedAt: '2021-01-01T00:00:00.000Z' });
    expect(byId.get('awardPlain1').recipient.plaintextIdentity).toBeUndefined();
    expect((await events(Topic.IssuerCreated)).map((e) => e.payload.issuerId)).toEqual(['issuerNorth1']);
  });

  it('answers the same records again as unchanged and writes nothing (idempotent)', async () => {
    const before = (await events(Topic.AssertionImported)).length;
    const run = await startRun(A);
    const { body } = await batch(A, run.id, firstBatch());
    expect(outcomes(body.items).filter((o) => !o.startsWith('staff'))).toEqual([
      'issuer issuerNorth1 unchanged',
      'badgeClass classWeld1 unchanged',
      'assertion awardHashed1 unchanged',
      'assertion awardPlain1 unchanged',
      'assertion awardRevoked1 unchanged',
      'assertion awardHashOnly1 unchanged',
    ]);
    expect((await events(Topic.AssertionImported)).length).toBe(before);
  });

  it('overwrites only with overwrite, and a revocation that arrives this way is announced', async () => {
    const changed = { assertions: [migrationAssertion('awardPlain1', parents, { email: 'grace@example.org' }, { revoked: true, revocationReason: 'Plagiarism', updatedAt: '2022-02-02T00:00:00Z' })] };
    const plain = await startRun(A);
    expect(outcomes((await batch(A, plain.id, changed)).body.items)).toEqual(['assertion awardPlain1 skipped id_taken_differs']);
    expect((await publicGet('/public/assertions/awardPlain1')).status).toBe(200);

    const overwriting = await startRun(A, { overwrite: true });
    expect(outcomes((await batch(A, overwriting.id, changed)).body.items)).toEqual(['assertion awardPlain1 updated']);
    expect(await publicGet('/public/assertions/awardPlain1')).toMatchObject({ status: 410, body: { revocationReason: 'Plagiarism' } });
    expect((await events(Topic.AssertionRevoked)).map((e) => e.payload)).toEqual([
      expect.objectContaining({ assertionId: 'awardPlain1', assertionUrl: `${OLD_ORIGIN}/public/assertions/awardPlain1`, revocationReason: 'Plagiarism' }),
    ]);
  });

  it('never writes into another institution’s ids, even with overwrite', async () => {
    const run = await startRun(B, { overwrite: true });
    const { body } = await batch(B, run.id, { issuers: [migrationIssuer(parents.issuer)], assertions: [migrationAssertion('awardHashed1', parents)] });
    expect(outcomes(body.items)).toEqual(['issuer issuerNorth1 skipped id_taken_by_other_institution', 'assertion awardHashed1 skipped badge_class_missing']);
  });

  it('reports each broken item with its code and keeps going', async () => {
    const run = await startRun(A);
    const { body } = await batch(A, run.id, {
      badgeClasses: [migrationBadgeClass('classNoImage', parents.issuer, { image: null }), migrationBadgeClass('classOrphan', 'issuerGone')],
      assertions: [
        { sourceId: 'broken1', documentId: 'not a url' },
        migrationAssertion('awardWrongHash', parents, { email: 'x@example.org', salt: 'a' }, { recipient: { type: 'email', identity: 'sha256$00', hashed: true, salt: 'a', plaintextIdentity: 'x@example.org' } }),
        migrationAssertion('awardOrphan', { issuer: parents.issuer, badgeClass: 'classNoImage' }),
        migrationAssertion('awardMovedPath', parents, undefined, { documentId: `${OLD_ORIGIN}/elsewhere/awardMovedPath` }),
        migrationAssertion('awardFine', parents),
      ],
    });
    expect(outcomes(body.items)).toEqual([
      'badgeClass classNoImage skipped image_missing',
      'badgeClass classOrphan skipped issuer_missing',
      'assertion broken1 skipped invalid',
      'assertion awardWrongHash skipped invalid',
      'assertion awardOrphan skipped badge_class_missing',
      'assertion awardMovedPath skipped invalid',
      'assertion awardFine created',
    ]);
    const problems = await call(A, 'GET', `/${run.id}/problems?perPage=2&page=2`);
    expect(problems.body).toMatchObject({ page: 2, perPage: 2, total: 6, problems: [{ kind: 'assertion', sourceId: 'broken1', code: 'invalid' }, { sourceId: 'awardWrongHash' }] });
    const finished = await call(A, 'POST', `/${run.id}/finish`);
    expect(finished.body).toMatchObject({ status: 'finished', finishedAt: expect.any(String), counts: { assertion: { created: 1, skipped: 4 }, badgeClass: { skipped: 2 } } });
    expect((await batch(A, run.id, { assertions: [] })).status).toBe(409);
    expect((await call(B, 'GET', `/${run.id}`)).status).toBe(404);
  });

  it('a dry run answers as a run would across its batches and writes nothing', async () => {
    const dry = await startRun(A, { dryRun: true });
    const first = await batch(A, dry.id, { issuers: [migrationIssuer('issuerDry1')], badgeClasses: [migrationBadgeClass('classDry1', 'issuerDry1')] });
    const second = await batch(A, dry.id, { assertions: [migrationAssertion('awardDry1', { issuer: 'issuerDry1', badgeClass: 'classDry1' }), migrationAssertion('awardHashed1', parents, { email: 'Ada@Example.org', salt: 'pepper-1' })] });
    expect(outcomes([...first.body.items, ...second.body.items])).toEqual([
      'issuer issuerDry1 created',
      'badgeClass classDry1 created',
      'assertion awardDry1 created',
      'assertion awardHashed1 unchanged',
    ]);
    expect((await publicGet('/public/issuers/issuerDry1')).status).toBe(404);
    expect((await publicGet('/public/assertions/awardDry1')).status).toBe(404);
    expect((await events(Topic.AssertionImported)).some((e) => e.payload.assertionId === 'awardDry1')).toBe(false);
  });

  it('stores our own URL as no document id (same domain taken over), and refuses bad options', async () => {
    const run = await startRun(B);
    const { body } = await batch(B, run.id, {
      issuers: [migrationIssuer('issuerSame1', {}, BASE)],
      badgeClasses: [migrationBadgeClass('classSame1', 'issuerSame1', {}, BASE)],
      assertions: [migrationAssertion('awardSame1', { issuer: 'issuerSame1', badgeClass: 'classSame1' }, undefined, {}, BASE)],
    });
    expect(body.run.counts.assertion.created).toBe(1);
    const rows = await t.app.get(IssuerPrismaService).database.query<{ documentId: string | null }>(`SELECT "documentId" FROM "issuer"."assertions" WHERE "id" = 'awardSame1'`);
    expect(rows).toEqual([{ documentId: null }]);
    expect((await publicGet('/public/issuers/issuerSame1')).body.verification).toBeUndefined();
    expect((await publicGet('/public/assertions/awardSame1')).body.id).toBe(`${BASE}/public/assertions/awardSame1`);
    expect(await call(B, 'POST', '', { dryRun: 'yes' })).toMatchObject({ status: 400, body: { error: { code: 'validation_failed' } } });
    expect(await batch(B, run.id, { assertions: 'nope' })).toMatchObject({ status: 400, body: { error: { code: 'validation_failed' } } });
  });
});
