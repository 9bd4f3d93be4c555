import { Injectable } from '@nestjs/common';

import { isUniqueViolation } from '@badges/persistence';
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

  /** The source image id of the stored bake, without loading its bytes. */
  async sourceOf(assertionId: string): Promise<string | null> {
    const row = await this.prisma.bakedImage.findUnique({ where: { assertionId }, select: { sourceImageId: true } });
    return row?.sourceImageId ?? null;
  }

  /** Inserts or replaces the assertion's bake; a concurrent first insert turns into an update. */
  async save(scope: TenantScope, assertionId: string, image: { mimeType: string; bytes: Buffer; sourceImageId: string }): Promise<void> {
    const fields = { mimeType: image.mimeType, base64: image.bytes.toString('base64'), sourceImageId: image.sourceImageId, bakedAt: new Date() };
    const where = { assertionId, institutionId: scope.institutionId };
    if ((await this.prisma.bakedImage.updateMany({ where, data: fields })).count > 0) return;
    try {
      await this.prisma.bakedImage.create({ data: { ...where, ...fields } });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await this.prisma.bakedImage.updateMany({ where, data: fields });
    }
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
