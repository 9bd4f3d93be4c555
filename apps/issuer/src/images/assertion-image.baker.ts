import { Injectable, Logger } from '@nestjs/common';

import { bakeBadgeImage, bakeCredentialImage, isImageError } from '@badges/openbadges';
import { LoopSlicer } from '@badges/service-kit';

import type { PublicDocument } from '../public-documents/public-documents.service';
import { PublicDocumentsRepository, type PublicAssertion, type PublicImage } from '../public-documents/public-documents.repository';

export interface BakedBadge {
  assertionId: string;
  mimeType: string;
  bytes: Buffer;
  /** The badge class image it was baked from. */
  sourceImageId: string;
  /** The version (`updatedAt`) of the assertion it carries. */
  assertionUpdatedAt: Date;
}

export interface BakeSource {
  assertion: PublicAssertion;
  document: PublicDocument;
}

/** Badge class images kept in memory between bakes: a bulk award bakes thousands from one. */
const CACHED_SOURCE_IMAGES = 8;

/**
 * Bakes a live assertion into its badge class's current image (PNG iTXt / SVG
 * `openbadges:assertion`). A signed badge carries its JWS (the file alone proves it); a hosted
 * one its JSON and URL. The worker and the image route's fallback share it, so both make the
 * same bytes.
 */
@Injectable()
export class AssertionImageBaker {
  /**
   * Source images by id, oldest first. A stored image never changes under its id (a new image
   * is a new row), so a cached one is never stale; a deleted one is no badge class's image, so
   * no bake asks for it.
   */
  private readonly sourceImages = new Map<string, PublicImage>();
  private readonly logger = new Logger(AssertionImageBaker.name);

  constructor(private readonly documents: PublicDocumentsRepository) {}

  /** Null when the badge class image is gone (the route answers 404). */
  async bake(assertion: PublicAssertion, document: PublicDocument): Promise<BakedBadge | null> {
    return (await this.bakeAll([{ assertion, document }]))[0] ?? null;
  }

  /**
   * Assertions whose image is gone are left out, and so are those whose image the baker refuses:
   * an SVG stored before the allow-list (decision 0018) may hold what it now refuses. Its badge
   * class needs a new image; until then the baked image answers 404, never a 500 or a retry loop.
   */
  async bakeAll(sources: readonly BakeSource[]): Promise<BakedBadge[]> {
    const baked: BakedBadge[] = [];
    // A bake costs up to a few ms (JSON, PNG chunks, CRC): a batch of them runs in slices, so the shared event loop keeps turning.
    const slicer = new LoopSlicer();
    for (const { assertion, document } of sources) {
      await slicer.turn();
      const sourceImageId = assertion.badgeClass.imageId;
      const image = await this.sourceImage(sourceImageId);
      if (!image) continue;
      const payload = document.jws ? { jws: document.jws } : { assertionJson: JSON.stringify(document.json), verifyUrl: (document.json as { id: string }).id };
      try {
        baked.push({ assertionId: assertion.id, mimeType: image.contentType, bytes: bakeBadgeImage(image.bytes, payload), sourceImageId, assertionUpdatedAt: assertion.updatedAt });
      } catch (error) {
        if (!isImageError(error)) throw error;
        this.logger.warn(`Badge class ${assertion.badgeClass.id} has an image that can no longer be baked (${error.code}: ${error.message}); upload a new one.`);
      }
    }
    return baked;
  }

  /**
   * The badge class's current image with the award's OB 3.0 credential baked in (PNG iTXt
   * `openbadgecredential`, SVG `<openbadges:credential>`), exactly as stored. Null when the award has
   * no credential, or its image is gone or can no longer be baked (as `bakeAll`).
   */
  async bakeCredential(assertion: PublicAssertion): Promise<BakedBadge | null> {
    const sourceImageId = assertion.badgeClass.imageId;
    const image = await this.sourceImage(sourceImageId);
    if (!image || !assertion.credential) return null;
    try {
      return { assertionId: assertion.id, mimeType: image.contentType, bytes: bakeCredentialImage(image.bytes, assertion.credential), sourceImageId, assertionUpdatedAt: assertion.updatedAt };
    } catch (error) {
      if (!isImageError(error)) throw error;
      this.logger.warn(`Badge class ${assertion.badgeClass.id} has an image that can no longer be baked (${error.code}: ${error.message}); upload a new one.`);
      return null;
    }
  }

  private async sourceImage(id: string): Promise<PublicImage | null> {
    const cached = this.sourceImages.get(id);
    if (cached) return cached;
    const image = await this.documents.findImage(id);
    if (!image) return null;
    this.sourceImages.set(id, image);
    if (this.sourceImages.size > CACHED_SOURCE_IMAGES) this.sourceImages.delete(this.sourceImages.keys().next().value as string);
    return image;
  }
}
