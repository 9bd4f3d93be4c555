import { Injectable } from '@nestjs/common';

import { bakeBadgeImage } from '@badges/openbadges';
import { ApiError } from '@badges/service-kit';

import { PublicDocumentsRepository } from '../public-documents/public-documents.repository';
import { PublicDocumentsService } from '../public-documents/public-documents.service';

export interface ServedImage {
  contentType: string;
  bytes: Buffer;
  etag: string;
}

/** Public images: issuer and badge class images as stored, assertion images baked on request. */
@Injectable()
export class ImagesService {
  constructor(private readonly documents: PublicDocumentsRepository, private readonly publicDocuments: PublicDocumentsService) {}

  async issuerImage(issuerId: string): Promise<ServedImage> {
    const issuer = await this.documents.findIssuer(issuerId);
    if (!issuer?.imageId) throw ApiError.notFound('image');
    return this.stored(issuer.imageId);
  }

  async badgeImage(badgeClassId: string): Promise<ServedImage> {
    const badgeClass = await this.documents.findBadgeClass(badgeClassId);
    if (!badgeClass) throw ApiError.notFound('image');
    return this.stored(badgeClass.imageId);
  }

  /**
   * The badge image with this assertion's JSON baked in (PNG iTXt / SVG `openbadges:assertion`),
   * (or, for a signed badge, its JWS), so the file alone can be verified. Baked per request for now: it is a chunk insert, not a
   * re-encode; a cached/queued bake comes with bulk awards. A revoked assertion has no image (410).
   */
  async assertionImage(assertionId: string): Promise<ServedImage> {
    const { document, assertion } = await this.publicDocuments.assertionWithSource(assertionId);
    if (document.status === 410) throw new ApiError(410, 'revoked', 'This assertion has been revoked.');
    const image = await this.documents.findImage(assertion.badgeClass.imageId);
    if (!image) throw ApiError.notFound('image');
    // A signed badge carries its JWS (the file alone proves it); a hosted one its JSON and URL.
    const payload = document.jws ? { jws: document.jws } : { assertionJson: JSON.stringify(document.json), verifyUrl: (document.json as { id: string }).id };
    const bytes = bakeBadgeImage(image.bytes, payload);
    return { contentType: image.contentType, bytes, etag: `"${image.sha256.slice(0, 16)}-${assertion.id}-${assertion.updatedAt.getTime()}"` };
  }

  private async stored(imageId: string): Promise<ServedImage> {
    const image = await this.documents.findImage(imageId);
    if (!image) throw ApiError.notFound('image');
    return { contentType: image.contentType, bytes: image.bytes, etag: `"${image.sha256}"` };
  }
}
