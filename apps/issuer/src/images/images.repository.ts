import { Injectable } from '@nestjs/common';

import { newEntityId } from '@badges/persistence';
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

  async delete(scope: TenantScope, id: string, tx: IssuerTx = this.prisma): Promise<void> {
    await tx.storedImage.deleteMany({ where: { id, institutionId: scope.institutionId } });
  }
}
