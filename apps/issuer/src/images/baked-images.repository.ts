import { Injectable } from '@nestjs/common';

import type { TenantScope } from '@badges/service-kit';

import { IssuerPrismaService } from '../prisma/issuer-prisma.service';

/** What a bake was made from: the badge class image, and the assertion as it then stood. */
export interface BakeVersion {
  sourceImageId: string;
  assertionUpdatedAt: Date;
}

export interface BakedImageRecord extends BakeVersion {
  assertionId: string;
  institutionId: string;
  mimeType: string;
  bytes: Buffer;
  bakedAt: Date;
}

/**
 * A stored bake is current when it was made from the badge class's current image and from the
 * assertion as it now stands; a new class image or an edit of the assertion makes it stale.
 */
export function isCurrentBake<T extends BakeVersion>(stored: T | undefined | null, assertion: { updatedAt: Date; badgeClass: { imageId: string } }): stored is T {
  return !!stored && stored.sourceImageId === assertion.badgeClass.imageId && stored.assertionUpdatedAt.getTime() === assertion.updatedAt.getTime();
}

/**
 * Which bake: the OB 2.0 assertion's (`baked_images`, made by the image-baking queue) or the OB 3.0
 * credential's (`baked_credential_images`, made on its first request; decision 0048).
 */
export type BakedForm = 'assertion' | 'credential';

const TABLES: Record<BakedForm, string> = { assertion: 'baked_images', credential: 'baked_credential_images' };

/** Stored bakes: one row per assertion and form, replaced when its badge class image changes or it is edited. */
@Injectable()
export class BakedImagesRepository {
  constructor(private readonly prisma: IssuerPrismaService) {}

  async find(assertionId: string, form: BakedForm = 'assertion'): Promise<BakedImageRecord | null> {
    const row = form === 'assertion' ? await this.prisma.bakedImage.findUnique({ where: { assertionId } }) : await this.prisma.bakedCredentialImage.findUnique({ where: { assertionId } });
    if (!row) return null;
    const { base64, ...fields } = row;
    return { ...fields, bytes: Buffer.from(base64, 'base64') };
  }

  /** The stored OB 2.0 bakes of these assertions, by assertion id, in one query. */
  async findAll(assertionIds: readonly string[]): Promise<Map<string, BakedImageRecord>> {
    if (assertionIds.length === 0) return new Map();
    const rows = await this.prisma.database.query<Omit<BakedImageRecord, 'bytes'> & { base64: string }>(
      `SELECT "assertionId", "institutionId", "mimeType", "base64", "sourceImageId", "assertionUpdatedAt", "bakedAt" FROM "issuer"."baked_images"
       WHERE "assertionId" = ANY (ARRAY(SELECT json_array_elements_text($1::json)))`,
      [JSON.stringify(assertionIds)],
    );
    return new Map(rows.map(({ base64, ...fields }) => [fields.assertionId, { ...fields, bytes: Buffer.from(base64, 'base64') }]));
  }

  /** Assertion id → what its stored bake was made from, without loading the bytes. */
  async versionsOf(assertionIds: readonly string[]): Promise<Map<string, BakeVersion>> {
    if (assertionIds.length === 0) return new Map();
    // A bake batch's statements run on the Database handle: Prisma's raw path costs ten times the CPU (decision 0015).
    const rows = await this.prisma.database.query<{ assertionId: string } & BakeVersion>(
      `SELECT "assertionId", "sourceImageId", "assertionUpdatedAt" FROM "issuer"."baked_images"
       WHERE "assertionId" = ANY (ARRAY(SELECT json_array_elements_text($1::json)))`,
      [JSON.stringify(assertionIds)],
    );
    return new Map(rows.map(({ assertionId, ...version }) => [assertionId, version]));
  }

  /**
   * Inserts or replaces the bakes of one institution's assertions in ONE statement (a bulk chunk
   * is one round trip, not one per image). A row of another institution is never overwritten.
   */
  async saveAll(scope: TenantScope, images: readonly ({ assertionId: string; mimeType: string; bytes: Buffer } & BakeVersion)[], form: BakedForm = 'assertion'): Promise<void> {
    if (images.length === 0) return;
    const bakedAt = new Date();
    const rows = images.map((image) => ({
      assertionId: image.assertionId,
      institutionId: scope.institutionId,
      mimeType: image.mimeType,
      base64: image.bytes.toString('base64'),
      sourceImageId: image.sourceImageId,
      assertionUpdatedAt: image.assertionUpdatedAt,
      bakedAt,
    }));
    const table = TABLES[form];
    await this.prisma.database.query(
      `INSERT INTO "issuer"."${table}" ("assertionId", "institutionId", "mimeType", "base64", "sourceImageId", "assertionUpdatedAt", "bakedAt")
       SELECT "assertionId", "institutionId", "mimeType", "base64", "sourceImageId", "assertionUpdatedAt", "bakedAt"
       FROM json_populate_recordset(NULL::"issuer"."${table}", $1::json)
       ON CONFLICT ("assertionId") DO UPDATE
       SET "mimeType" = EXCLUDED."mimeType", "base64" = EXCLUDED."base64", "sourceImageId" = EXCLUDED."sourceImageId",
           "assertionUpdatedAt" = EXCLUDED."assertionUpdatedAt", "bakedAt" = EXCLUDED."bakedAt"
       WHERE "${table}"."institutionId" = EXCLUDED."institutionId"`,
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
