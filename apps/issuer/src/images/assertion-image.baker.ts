import { Injectable } from '@nestjs/common';

import { bakeBadgeImage } from '@badges/openbadges';

import type { PublicDocument } from '../public-documents/public-documents.service';
import { PublicDocumentsRepository, type PublicAssertion, type PublicImage } from '../public-documents/public-documents.repository';

export interface BakedBadge {
  assertionId: string;
  mimeType: string;
  bytes: Buffer;
  /** The badge class image it was baked from. */
  sourceImageId: string;
}

export interface BakeSource {
  assertion: PublicAssertion;
  document: PublicDocument;
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
    return (await this.bakeAll([{ assertion, document }]))[0] ?? null;
  }

  /** Each source image is read once for the whole batch; assertions whose image is gone are left out. */
  async bakeAll(sources: readonly BakeSource[]): Promise<BakedBadge[]> {
    const images = new Map<string, PublicImage | null>();
    const baked: BakedBadge[] = [];
    for (const { assertion, document } of sources) {
      const sourceImageId = assertion.badgeClass.imageId;
      if (!images.has(sourceImageId)) images.set(sourceImageId, await this.documents.findImage(sourceImageId));
      const image = images.get(sourceImageId);
      if (!image) continue;
      const payload = document.jws ? { jws: document.jws } : { assertionJson: JSON.stringify(document.json), verifyUrl: (document.json as { id: string }).id };
      baked.push({ assertionId: assertion.id, mimeType: image.contentType, bytes: bakeBadgeImage(image.bytes, payload), sourceImageId });
    }
    return baked;
  }
}
