import { Injectable } from '@nestjs/common';

import type { IssuerCreateBody, IssuerUpdateBody } from '@badges/api-contracts';
import { fieldChanges, type EventOrigin } from '@badges/events';
import { prismaSqlSession } from '@badges/persistence';
import { ApiError, ErrorCode, type TenantScope } from '@badges/service-kit';

import { createdByOf } from '../common/created-by';
import { IssuerEvents } from '../events/issuer-events';
import { checkImageDataUri } from '../images/image-intake';
import { ImagesRepository } from '../images/images.repository';
import { InstitutionsRepository } from '../institutions/institutions.repository';
import { IssuerPrismaService } from '../prisma/issuer-prisma.service';
import { IssuersRepository, type IssuerRecord } from './issuers.repository';

@Injectable()
export class IssuersService {
  constructor(
    private readonly prisma: IssuerPrismaService,
    private readonly issuers: IssuersRepository,
    private readonly images: ImagesRepository,
    private readonly institutions: InstitutionsRepository,
    private readonly events: IssuerEvents,
  ) {}

  async create(scope: TenantScope, body: IssuerCreateBody, origin: EventOrigin): Promise<IssuerRecord> {
    // Decode and vet the image before opening a transaction: a bad image writes nothing.
    const image = body.image ? checkImageDataUri(body.image, 'image') : undefined;
    await this.requireInstitution(scope);
    const created = await this.prisma.$transaction(async (tx) => {
      const imageId = image ? await this.images.create(scope, image, tx) : null;
      const fields = { name: body.name, description: body.description ?? null, email: body.email, url: body.url, credentialProof: body.credentialProof };
      const issuer = await this.issuers.create(scope, { ...fields, imageId, createdBy: createdByOf(origin) }, tx);
      await this.events.issuerCreated(prismaSqlSession(tx), scope, origin, issuer);
      return issuer;
    });
    this.events.published();
    return created;
  }

  list(scope: TenantScope): Promise<IssuerRecord[]> {
    return this.issuers.list(scope);
  }

  async get(scope: TenantScope, id: string): Promise<IssuerRecord> {
    const issuer = await this.issuers.findById(scope, id);
    if (!issuer) throw ApiError.notFound('issuer');
    return issuer;
  }

  /** Badgr's PUT is a full replacement, except that an absent image keeps the current one. */
  async update(scope: TenantScope, id: string, body: IssuerUpdateBody, origin: EventOrigin): Promise<IssuerRecord> {
    const image = body.image ? checkImageDataUri(body.image, 'image') : undefined;
    const updated = await this.prisma.$transaction(async (tx) => {
      const current = await this.issuers.findById(scope, id, tx);
      if (!current) throw ApiError.notFound('issuer');
      // An absent credentialProof keeps the stored one; a change applies to credentials signed from now on.
      const fields = { name: body.name, description: body.description ?? null, email: body.email, url: body.url, credentialProof: body.credentialProof ?? current.credentialProof };
      const imageId = image ? await this.images.create(scope, image, tx) : current.imageId;
      // The Profile and every page that names the issuer are stale: caches drop them (docs/caching.md).
      // A new image is named by its stored image id (its bytes never travel in an event).
      const changes = fieldChanges(current, { ...fields, imageId }, ['name', 'description', 'email', 'url', 'imageId', 'credentialProof']);
      await this.events.issuerUpdated(prismaSqlSession(tx), scope, origin, id, { change: 'profile', changes });
      if (!image) return (await this.issuers.update(scope, id, fields, tx)) as IssuerRecord;
      const saved = (await this.issuers.update(scope, id, { ...fields, imageId }, tx)) as IssuerRecord;
      if (current.imageId) await this.images.delete(scope, current.imageId, tx);
      return saved;
    });
    this.events.published();
    return updated;
  }

  async delete(scope: TenantScope, id: string, origin: EventOrigin): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const result = await this.issuers.delete(scope, id, tx);
      if (result.outcome === 'not_found') throw ApiError.notFound('issuer');
      if (result.outcome === 'in_use') {
        throw new ApiError(409, ErrorCode.Conflict, 'This issuer still has badge classes; delete them first.');
      }
      if (result.imageId) await this.images.delete(scope, result.imageId, tx);
      await this.events.issuerUpdated(prismaSqlSession(tx), scope, origin, id, { change: 'deleted' });
    });
    this.events.published();
  }

  private async requireInstitution(scope: TenantScope): Promise<void> {
    if (!(await this.institutions.exists(scope))) throw ApiError.notFound('institution');
  }
}
