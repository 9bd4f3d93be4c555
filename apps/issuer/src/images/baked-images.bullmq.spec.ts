/**
 * Baking on BullMQ (the real Redis at REDIS_URL, default redis://127.0.0.1:6379) under a unique
 * key prefix that is deleted afterwards: an award is baked and stored by the BullMQ worker, and a
 * new badge class image re-bakes through the rebake sweep job.
 */
import { randomUUID } from 'node:crypto';

import type { LightMyRequestResponse } from 'fastify';
import { Redis } from 'ioredis';

import { unbakeBadgeImage } from '@badges/openbadges';
import { databaseTargets } from '@badges/persistence';
import { InternalHeader } from '@badges/service-kit';

import { IssuerPrismaService } from '../prisma/issuer-prisma.service';
import { badgeClassBody, issuerBody, SVG_DATA_URI } from '../testing/fixtures';
import { createTestApp, TEST_INTERNAL_TOKEN, type TestApp } from '../testing/issuer-test-app';
import { IMAGE_BAKING_QUEUE, type ImageBakingQueue } from './image-baking-queue';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe.each(databaseTargets())('baking on BullMQ, $name', (target) => {
  const prefix = `issuer-bake-test-${process.pid}-${randomUUID().slice(0, 8)}`;
  let t: TestApp;
  let A: Record<string, string>;
  let prisma: IssuerPrismaService;

  const call = (method: string, url: string, headers: Record<string, string>, payload?: object): Promise<LightMyRequestResponse> =>
    t.app.inject({ method: method as 'GET', url, headers, ...(payload === undefined ? {} : { payload }) });
  const ok = async (response: Promise<LightMyRequestResponse>): Promise<Json> => {
    const r = await response;
    if (r.statusCode >= 300) throw new Error(`${r.statusCode} ${r.body}`);
    return (r.json() as Json).result[0];
  };
  const bakedFrom = async (assertionId: string, sourceImageId: string) => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const row = await prisma.bakedImage.findUnique({ where: { assertionId } });
      if (row?.sourceImageId === sourceImageId) return row;
      if (Date.now() > deadline) throw new Error(`no bake of ${assertionId} from ${sourceImageId}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  beforeAll(async () => {
    t = await createTestApp(target, { REDIS_URL, JOBS_PREFIX: prefix });
    prisma = t.app.get(IssuerPrismaService);
    A = await t.institution('inst-a');
  });

  afterAll(async () => {
    await t?.close();
    const redis = new Redis(REDIS_URL);
    try {
      const keys: string[] = [];
      for await (const batch of redis.scanStream({ match: `${prefix}*`, count: 1000 })) keys.push(...(batch as string[]));
      if (keys.length) await redis.del(...keys);
    } finally {
      await redis.quit();
    }
  });

  it('bakes awards on the BullMQ worker and re-bakes after an image change', async () => {
    expect(t.app.get<ImageBakingQueue>(IMAGE_BAKING_QUEUE).mode).toBe('bullmq');
    const issuer = await ok(call('POST', '/v2/issuers', A, issuerBody()));
    const badgeClass = await ok(call('POST', `/v2/issuers/${issuer.entityId}/badgeclasses`, A, badgeClassBody({ translations: [] })));
    const assertion = await ok(call('POST', `/v2/badgeclasses/${badgeClass.entityId}/assertions`, A, { recipient: { identity: 'bull@example.org' } }));
    const imageOf = async () => (await prisma.badgeClass.findUniqueOrThrow({ where: { id: badgeClass.entityId } })).imageId;

    const png = await bakedFrom(assertion.entityId, await imageOf());
    expect(unbakeBadgeImage(Buffer.from(png.base64, 'base64'))?.kind).toBe('png');
    const served = await call('GET', `/public/assertions/${assertion.entityId}/image`, { [InternalHeader.InternalToken]: TEST_INTERNAL_TOKEN });
    expect(served.rawPayload.toString('base64')).toBe(png.base64);

    await ok(call('PUT', `/v2/badgeclasses/${badgeClass.entityId}`, A, { name: badgeClass.name, description: 'SVG now', image: SVG_DATA_URI }));
    const svg = await bakedFrom(assertion.entityId, await imageOf());
    expect(svg.mimeType).toBe('image/svg+xml');
    expect(unbakeBadgeImage(Buffer.from(svg.base64, 'base64'))).toMatchObject({ kind: 'svg', payload: expect.stringContaining(assertion.entityId) });
  });
});
