import { Injectable } from '@nestjs/common';

import { bakeBadgeImage } from '@badges/openbadges';

import type { PublicDocument } from '../public-documents/public-documents.service';
import { PublicDocumentsRepository, type PublicAssertion } from '../public-documents/public-documents.repository';

export interface BakedBadge {
  mimeType: string;
  bytes: Buffer;
  /** The badge class image it was baked from. */
  sourceImageId: string;
}

/**
 * Bakes a live assertion into its badge class's current image (PNG iTXt / SVG
 * `openbadges:assertion`). A signed badge carries its JWS (the file alone proves it); a hosted
 * one its JSON and URL. The worker and the image route's fallback share it, so both make the
 * same bytes.
 */
@Injectable()
export class AssertionImageBaker {
  constructor(private readonly documents: PublicDocumentsRepository) {}

  /** Null when the badge class image is gone (the route answers 404). */
  async bake(assertion: PublicAssertion, document: PublicDocument): Promise<BakedBadge | null> {
    const sourceImageId = assertion.badgeClass.imageId;
    const image = await this.documents.findImage(sourceImageId);
    if (!image) return null;
    const payload = document.jws ? { jws: document.jws } : { assertionJson: JSON.stringify(document.json), verifyUrl: (document.json as { id: string }).id };
    return { mimeType: image.contentType, bytes: bakeBadgeImage(image.bytes, payload), sourceImageId };
  }
}
