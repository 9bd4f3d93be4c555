/**
 * Baked assertion images on the image-baking queue, on PGlite and on PostgreSQL: each award
 * (single, batch, bulk) is baked once and stored, the route serves the stored bake, a new badge
 * class image re-bakes the class's assertions, and signed assertions carry their JWS.
 */
import type { LightMyRequestResponse } from 'fastify';

import { JobName } from '@badges/jobs';
import { unbakeBadgeImage } from '@badges/openbadges';
import { databaseTargets } from '@badges/persistence';
import { InternalHeader } from '@badges/service-kit';

import { IssuerPrismaService } from '../prisma/issuer-prisma.service';
import { badgeClassBody, issuerBody, SVG_DATA_URI } from '../testing/fixtures';
import { createTestApp, TEST_INTERNAL_TOKEN, type TestApp } from '../testing/issuer-test-app';
import { IMAGE_BAKING_QUEUE, bakeJobId, type ImageBakingQueue } from './image-baking-queue';
import { ImageBakingWorker } from './image-baking.worker';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.each(databaseTargets())('baked images on $name', (target) => {
  let t: TestApp;
  let A: Record<string, string>;
  let issuer: Json;
  let badgeClass: Json;
  let prisma: IssuerPrismaService;
  const publicHeaders = { [InternalHeader.InternalToken]: TEST_INTERNAL_TOKEN };

  const call = (method: string, url: string, headers: Record<string, string>, payload?: object): Promise<LightMyRequestResponse> =>
    t.app.inject({ method: method as 'GET', url, headers, ...(payload === undefined ? {} : { payload }) });
  const ok = async (response: Promise<LightMyRequestResponse>): Promise<Json[]> => {
    const r = await response;
    if (r.statusCode >= 300) throw new Error(`${r.statusCode} ${r.body}`);
    return (r.json() as Json).result as Json[];
  };
  const award = async (classId: string, identity: string): Promise<Json> =>
    (await ok(call('POST', `/v2/badgeclasses/${classId}/assertions`, A, { recipient: { identity } })))[0];
  const until = async <T>(read: () => Promise<T | null | undefined | false>, what: string): Promise<T> => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const value = await read();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const bakedRow = (assertionId: string, sourceImageId?: string) =>
    until(async () => {
      const row = await prisma.bakedImage.findUnique({ where: { assertionId } });
      return row && (!sourceImageId || row.sourceImageId === sourceImageId) ? row : null;
    }, `the bake of ${assertionId}`);
  const classImageId = async (classId: string): Promise<string> => (await prisma.badgeClass.findUniqueOrThrow({ where: { id: classId } })).imageId;

  beforeAll(async () => {
    t = await createTestApp(target);
    prisma = t.app.get(IssuerPrismaService);
    A = await t.institution('inst-a');
    issuer = (await ok(call('POST', '/v2/issuers', A, issuerBody())))[0];
    badgeClass = (await ok(call('POST', `/v2/issuers/${issuer.entityId}/badgeclasses`, A, badgeClassBody())))[0];
  });
  afterAll(async () => t.close());

  it('bakes an award once, stores it, and serves the stored bytes', async () => {
    const assertion = await award(badgeClass.entityId, 'once@example.org');
    const row = await bakedRow(assertion.entityId);
    expect(row).toMatchObject({ institutionId: 'inst-a', mimeType: 'image/png', sourceImageId: await classImageId(badgeClass.entityId) });
    const stored = Buffer.from(row.base64, 'base64');
    const unbaked = unbakeBadgeImage(stored);
    expect(unbaked?.kind).toBe('png');
    expect(JSON.parse(unbaked!.payload)).toEqual((await call('GET', `/public/assertions/${assertion.entityId}`, publicHeaders)).json());

    const served = await call('GET', `/public/assertions/${assertion.entityId}/image`, publicHeaders);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(stored)).toBe(true);

    // The same job again is a no-op, and even a forced second run skips: the bake is current.
    const queue = t.app.get<ImageBakingQueue>(IMAGE_BAKING_QUEUE);
    const jobId = bakeJobId([assertion.entityId], row.sourceImageId);
    await queue.add(JobName.BakeAssertionImages, { institutionId: 'inst-a', assertionIds: [assertion.entityId] }, { jobId });
    expect(await t.app.get(ImageBakingWorker).bake({ institutionId: 'inst-a', assertionIds: [assertion.entityId] })).toBe('skipped');
    await until(async () => (await queue.getJob(jobId))?.state === 'completed', 'the bake job');
    const after = await prisma.bakedImage.findMany({ where: { assertionId: assertion.entityId } });
    expect(after).toHaveLength(1);
    expect(after[0].bakedAt.getTime()).toBe(row.bakedAt.getTime());
    expect(after[0].base64).toBe(row.base64);
  });

  it('bakes batch and bulk awards too', async () => {
    const batch = await ok(
      call('POST', `/v2/badgeclasses/${badgeClass.entityId}/issue`, A, { assertions: [{ recipient: { identity: 'b1@example.org' } }, { recipient: { identity: 'b2@example.org' } }] }),
    );
    for (const a of batch) expect((await bakedRow(a.entityId)).mimeType).toBe('image/png');

    const known = new Set((await prisma.assertion.findMany({ where: { badgeClassId: badgeClass.entityId }, select: { id: true } })).map((a) => a.id));
    const bulk = await call('POST', `/v2/badgeclasses/${badgeClass.entityId}/bulk-awards`, A, { rows: [{ recipient: { identity: 'bulk1@example.org' } }, { recipient: { identity: 'bulk2@example.org' } }] });
    expect(bulk.statusCode).toBe(202);
    const jobId = (bulk.json() as Json).result[0].jobId as string;
    await until(async () => (await ok(call('GET', `/v2/bulk-awards/${jobId}`, A)))[0].status === 'completed', 'the bulk award');
    const awarded = (await prisma.assertion.findMany({ where: { badgeClassId: badgeClass.entityId } })).filter((a) => !known.has(a.id));
    expect(awarded).toHaveLength(2);
    for (const a of awarded) {
      const row = await bakedRow(a.id);
      expect(JSON.parse(unbakeBadgeImage(Buffer.from(row.base64, 'base64'))!.payload).id).toBe(`https://badges.example.org/public/assertions/${a.id}`);
    }
  });

  it('serves a bake made on request when none is stored (or a stale one), and stores it', async () => {
    const assertion = await award(badgeClass.entityId, 'lost@example.org');
    await bakedRow(assertion.entityId);
    await prisma.bakedImage.delete({ where: { assertionId: assertion.entityId } });
    const served = await call('GET', `/public/assertions/${assertion.entityId}/image`, publicHeaders);
    expect(served.statusCode).toBe(200);
    expect(JSON.parse(unbakeBadgeImage(served.rawPayload)!.payload).id).toContain(assertion.entityId);
    expect(Buffer.from((await bakedRow(assertion.entityId)).base64, 'base64').equals(served.rawPayload)).toBe(true);

    await prisma.bakedImage.update({ where: { assertionId: assertion.entityId }, data: { sourceImageId: 'an-older-image', base64: 'c3RhbGU=' } });
    const again = await call('GET', `/public/assertions/${assertion.entityId}/image`, publicHeaders);
    expect(again.rawPayload.equals(served.rawPayload)).toBe(true);
    expect(again.headers.etag).toBe(served.headers.etag);
    expect(await bakedRow(assertion.entityId, await classImageId(badgeClass.entityId))).toMatchObject({ base64: served.rawPayload.toString('base64') });
  });

  it('serves a batch of baked images in one internal request, each as its own route would (decision 0053)', async () => {
    const [stored, unbaked, revoked] = await Promise.all(['batch-stored@example.org', 'batch-unbaked@example.org', 'batch-revoked@example.org'].map((id) => award(badgeClass.entityId, id)));
    for (const a of [stored, unbaked, revoked]) await bakedRow(a.entityId);
    await prisma.bakedImage.delete({ where: { assertionId: unbaked.entityId } });
    expect((await call('DELETE', `/v2/assertions/${revoked.entityId}`, A, { revocation_reason: 'test' })).statusCode).toBe(200);
    const ids = [stored.entityId, unbaked.entityId, revoked.entityId, 'noSuchAssertion1'];
    const response = await call('POST', '/internal/assertion-images', publicHeaders, { assertionIds: ids });
    expect(response.statusCode).toBe(200);
    const images = (response.json() as Json).images as Json[];
    expect(images.map((image) => [image.assertionId, image.status])).toEqual([[ids[0], 200], [ids[1], 200], [ids[2], 410], [ids[3], 404]]);
    for (const [index, id] of [stored.entityId, unbaked.entityId].entries()) {
      const single = await call('GET', `/public/assertions/${id}/image`, publicHeaders);
      expect(images[index].contentType).toBe('image/png');
      expect(Buffer.from(images[index].base64, 'base64').equals(single.rawPayload)).toBe(true);
    }
    // The missing bake was made and stored by the batch.
    expect(Buffer.from((await bakedRow(unbaked.entityId)).base64, 'base64').equals(Buffer.from(images[1].base64, 'base64'))).toBe(true);

    const refused = await call('POST', '/internal/assertion-images', publicHeaders, { assertionIds: [] });
    expect(refused.statusCode).toBe(400);
    expect((refused.json() as Json).error).toMatchObject({ code: 'validation_failed' });
    expect((await call('POST', '/internal/assertion-images', publicHeaders, { assertionIds: Array.from({ length: 101 }, (_, n) => `id${n}x`) })).statusCode).toBe(400);
    expect((await call('POST', '/internal/assertion-images', {}, { assertionIds: [stored.entityId] })).statusCode).toBe(401);
  });

  it('re-bakes the assertions of a badge class whose image changed, not those of others', async () => {
    const klass = (await ok(call('POST', `/v2/issuers/${issuer.entityId}/badgeclasses`, A, badgeClassBody({ name: 'Changing', translations: [] }))))[0];
    const first = await award(klass.entityId, 'c1@example.org');
    const second = await award(klass.entityId, 'c2@example.org');
    const oldImageId = await classImageId(klass.entityId);
    const before = await bakedRow(first.entityId, oldImageId);
    await bakedRow(second.entityId, oldImageId);
    const bystander = await prisma.bakedImage.findFirstOrThrow({ where: { assertion: { badgeClassId: badgeClass.entityId } } });

    await ok(call('PUT', `/v2/badgeclasses/${klass.entityId}`, A, { name: 'Changing', description: 'Now an SVG.', image: SVG_DATA_URI }));
    const newImageId = await classImageId(klass.entityId);
    expect(newImageId).not.toBe(oldImageId);
    const newImage = await prisma.storedImage.findUniqueOrThrow({ where: { id: newImageId } });
    expect(Buffer.from(newImage.base64, 'base64').toString('utf8')).toContain('<svg');

    for (const a of [first, second]) {
      const row = await bakedRow(a.entityId, newImageId);
      expect(row.mimeType).toBe('image/svg+xml');
      const bytes = Buffer.from(row.base64, 'base64');
      expect(unbakeBadgeImage(bytes)).toMatchObject({ kind: 'svg', payload: expect.stringContaining(a.entityId) });
      const served = await call('GET', `/public/assertions/${a.entityId}/image`, publicHeaders);
      expect(served.headers['content-type']).toBe('image/svg+xml');
      expect(served.rawPayload.equals(bytes)).toBe(true);
    }
    expect((await prisma.bakedImage.findUniqueOrThrow({ where: { assertionId: first.entityId } })).bakedAt.getTime()).toBeGreaterThanOrEqual(before.bakedAt.getTime());
    expect(await prisma.bakedImage.count({ where: { assertionId: { in: [first.entityId, second.entityId] } } })).toBe(2);
    expect(await prisma.bakedImage.findUniqueOrThrow({ where: { assertionId: bystander.assertionId } })).toEqual(bystander);
  });

  it('stores the JWS in a signed assertion\'s bake, and keeps the bake when it is revoked', async () => {
    const signedClass = (await ok(call('POST', `/v2/issuers/${issuer.entityId}/badgeclasses`, A, badgeClassBody({ name: 'Signed', verification: 'signed', translations: [] }))))[0];
    const assertion = await award(signedClass.entityId, 'signed@example.org');
    const row = await bakedRow(assertion.entityId);
    const jws = (await prisma.assertion.findUniqueOrThrow({ where: { id: assertion.entityId } })).signedJws;
    expect(jws).toBeTruthy();
    expect(unbakeBadgeImage(Buffer.from(row.base64, 'base64'))).toEqual({ kind: 'png', payload: jws });
    expect((await call('GET', `/public/assertions/${assertion.entityId}/image`, publicHeaders)).rawPayload.toString('base64')).toBe(row.base64);

    expect((await call('DELETE', `/v2/assertions/${assertion.entityId}`, A, { revocation_reason: 'test' })).statusCode).toBe(200);
    expect((await call('GET', `/public/assertions/${assertion.entityId}/image`, publicHeaders)).statusCode).toBe(410);
    expect(await prisma.bakedImage.findUniqueOrThrow({ where: { assertionId: assertion.entityId } })).toEqual(row);
  });
});
