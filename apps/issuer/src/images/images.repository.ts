import { Injectable } from '@nestjs/common';

import { newEntityId, type SqlSession } from '@badges/persistence';
import { type TenantScope } from '@badges/service-kit';

import { IssuerPrismaService, type IssuerTx } from '../prisma/issuer-prisma.service';
import type { CheckedImage } from './image-intake';

/**
 * Stored images belong to an institution like every other row. Writes always run inside the
 * caller's transaction, next to the issuer or badge class that points at the image.
 */
@Injectable()
export class ImagesRepository {
  constructor(private readonly prisma: IssuerPrismaService) {}

  async create(scope: TenantScope, image: CheckedImage, tx: IssuerTx = this.prisma): Promise<string> {
    const id = newEntityId();
    await tx.storedImage.create({
      data: { id, institutionId: scope.institutionId, contentType: image.contentType, base64: image.bytes.toString('base64'), sha256: image.sha256 },
    });
    return id;
  }

  /**
   * A migration's image (decision 0044): the institution's stored copy of the same bytes (sha256)
   * when it has one, so fifty badge classes sharing an image, or a second run, store it once.
   */
  async storeOnce(scope: TenantScope, image: CheckedImage, sql: SqlSession): Promise<string> {
    const [found] = await sql.query<{ id: string }>(
      `SELECT "id" FROM "issuer"."stored_images" WHERE "institutionId" = $1 AND "sha256" = $2 AND "contentType" = $3 LIMIT 1`,
      [scope.institutionId, image.sha256, image.contentType],
    );
    if (found) return found.id;
    const id = newEntityId();
    await sql.query(`INSERT INTO "issuer"."stored_images" ("id", "institutionId", "contentType", "base64", "sha256") VALUES ($1, $2, $3, $4, $5)`, [
      id,
      scope.institutionId,
      image.contentType,
      image.bytes.toString('base64'),
      image.sha256,
    ]);
    return id;
  }

  async delete(scope: TenantScope, id: string, tx: IssuerTx = this.prisma): Promise<void> {
    await tx.storedImage.deleteMany({ where: { id, institutionId: scope.institutionId } });
  }
}
