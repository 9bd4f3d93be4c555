import { Injectable } from '@nestjs/common';

import type { TenantScope } from '@badges/service-kit';

import { IssuerPrismaService } from '../prisma/issuer-prisma.service';

export interface BakedImageRecord {
  assertionId: string;
  institutionId: string;
  mimeType: string;
  bytes: Buffer;
  sourceImageId: string;
  bakedAt: Date;
}

/** Stored bakes: one row per assertion, replaced when its badge class image changes. */
@Injectable()
export class BakedImagesRepository {
  constructor(private readonly prisma: IssuerPrismaService) {}

  async find(assertionId: string): Promise<BakedImageRecord | null> {
    const row = await this.prisma.bakedImage.findUnique({ where: { assertionId } });
    return row && { assertionId: row.assertionId, institutionId: row.institutionId, mimeType: row.mimeType, bytes: Buffer.from(row.base64, 'base64'), sourceImageId: row.sourceImageId, bakedAt: row.bakedAt };
  }

  /** Assertion id → source image id of its stored bake, without loading the bytes. */
  async sourcesOf(assertionIds: readonly string[]): Promise<Map<string, string>> {
    if (assertionIds.length === 0) return new Map();
    // A bake batch's statements run on the Database handle: Prisma's raw path costs ten times the CPU (decision 0015).
    const rows = await this.prisma.database.query<{ assertionId: string; sourceImageId: string }>(
      `SELECT "assertionId", "sourceImageId" FROM "issuer"."baked_images"
       WHERE "assertionId" IN (SELECT json_array_elements_text($1::json))`,
      [JSON.stringify(assertionIds)],
    );
    return new Map(rows.map((row) => [row.assertionId, row.sourceImageId]));
  }

  /**
   * Inserts or replaces the bakes of one institution's assertions in ONE statement (a bulk chunk
   * is one round trip, not one per image). A row of another institution is never overwritten.
   */
  async saveAll(scope: TenantScope, images: readonly { assertionId: string; mimeType: string; bytes: Buffer; sourceImageId: string }[]): Promise<void> {
    if (images.length === 0) return;
    const bakedAt = new Date();
    const rows = images.map((image) => ({
      assertionId: image.assertionId,
      institutionId: scope.institutionId,
      mimeType: image.mimeType,
      base64: image.bytes.toString('base64'),
      sourceImageId: image.sourceImageId,
      bakedAt,
    }));
    await this.prisma.database.query(
      `INSERT INTO "issuer"."baked_images" ("assertionId", "institutionId", "mimeType", "base64", "sourceImageId", "bakedAt")
       SELECT "assertionId", "institutionId", "mimeType", "base64", "sourceImageId", "bakedAt"
       FROM json_populate_recordset(NULL::"issuer"."baked_images", $1::json)
       ON CONFLICT ("assertionId") DO UPDATE
       SET "mimeType" = EXCLUDED."mimeType", "base64" = EXCLUDED."base64", "sourceImageId" = EXCLUDED."sourceImageId", "bakedAt" = EXCLUDED."bakedAt"
       WHERE "baked_images"."institutionId" = EXCLUDED."institutionId"`,
      [JSON.stringify(rows)],
    );
  }

  /** One page of a badge class's live assertion ids, in id order after `after`. */
  async liveAssertionIds(scope: TenantScope, badgeClassId: string, after: string | undefined, take: number): Promise<string[]> {
    const rows = await this.prisma.assertion.findMany({
      where: { institutionId: scope.institutionId, badgeClassId, revoked: false, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: 'asc' },
      select: { id: true },
      take,
    });
    return rows.map((row) => row.id);
  }

  async badgeClassImageId(scope: TenantScope, badgeClassId: string): Promise<string | null> {
    const row = await this.prisma.badgeClass.findFirst({ where: { id: badgeClassId, institutionId: scope.institutionId }, select: { imageId: true } });
    return row?.imageId ?? null;
  }
}
