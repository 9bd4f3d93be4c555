import { Injectable } from '@nestjs/common';

import { ApiError, cacheTag, tenantScope } from '@badges/service-kit';

import { PublicUrls } from '../common/public-urls';
import { PublicDocumentsRepository } from '../public-documents/public-documents.repository';
import { PublicDocumentsService } from '../public-documents/public-documents.service';
import { AssertionImageBaker } from './assertion-image.baker';
import { BakeScheduler } from './bake-scheduler';
import { BakedImagesRepository, isCurrentBake } from './baked-images.repository';

export interface ServedImage {
  contentType: string;
  bytes: Buffer;
  etag: string;
  /** What the image depends on (service-kit cacheTag), for the gateway's cache. */
  tags: string[];
}

/** One assertion's baked image in a batch answer, or the status its own route would answer. */
export type AssertionImageAnswer = { assertionId: string; status: 200; contentType: string; bytes: Buffer } | { assertionId: string; status: 404 | 410 };

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item)) ?? [];
    group.push(item);
    groups.set(key(item), group);
  }
  return groups;
}

/** Public images: issuer and badge class images as stored, assertion images as baked by the image-baking queue. */
@Injectable()
export class ImagesService {
  constructor(
    private readonly documents: PublicDocumentsRepository,
    private readonly publicDocuments: PublicDocumentsService,
    private readonly baked: BakedImagesRepository,
    private readonly baker: AssertionImageBaker,
    private readonly scheduler: BakeScheduler,
    private readonly urls: PublicUrls,
  ) {}

  async issuerImage(issuerId: string): Promise<ServedImage> {
    const issuer = await this.documents.findIssuer(issuerId);
    if (!issuer?.imageId) throw ApiError.notFound('image');
    return this.stored(issuer.imageId, [cacheTag.issuer(issuer.id)]);
  }

  async badgeImage(badgeClassId: string): Promise<ServedImage> {
    const badgeClass = await this.documents.findBadgeClass(badgeClassId);
    if (!badgeClass) throw ApiError.notFound('image');
    return this.stored(badgeClass.imageId, [cacheTag.badgeClass(badgeClass.id)]);
  }

  /**
   * The badge image with this assertion's JSON baked in (PNG iTXt / SVG `openbadges:assertion`),
   * (or, for a signed badge, its JWS), so the file alone can be verified. Served from the stored
   * bake when it was made from the badge class's current image and from the assertion as it now
   * stands (an edit makes it stale); otherwise baked here, served and stored (or, should the write
   * fail, left to a bake job), so a lost or pending job never breaks the route. A revoked
   * assertion has no image (410). An award made in OB 3.0 only has no OB 2.0 image: its
   * credential's is named instead (the route answers 404 `ob3_only`).
   */
  async assertionImage(assertionId: string): Promise<ServedImage | { ob3OnlyImage: string }> {
    const { document, assertion } = await this.publicDocuments.assertionWithSource(assertionId);
    if (document.ob3Only) return { ob3OnlyImage: this.urls.credentialImage(assertion.id) };
    if (document.status === 410) throw new ApiError(410, 'revoked', 'This assertion has been revoked.');
    const imageId = assertion.badgeClass.imageId;
    const etag = `"${imageId}-${assertion.id}-${assertion.updatedAt.getTime()}"`;
    const stored = await this.baked.find(assertion.id);
    if (isCurrentBake(stored, assertion)) return { contentType: stored.mimeType, bytes: stored.bytes, etag, tags: document.tags };
    const fresh = await this.baker.bake(assertion, document);
    if (!fresh) throw ApiError.notFound('image');
    const scope = tenantScope(assertion.institutionId);
    // Stored now, so the next request is served from the table; a failed write leaves it to a job.
    await this.baked.saveAll(scope, [fresh]).catch(() => this.scheduler.missing(scope, assertion.id, imageId));
    return { contentType: fresh.mimeType, bytes: fresh.bytes, etag, tags: document.tags };
  }

  /**
   * The baked images of many assertions at once, for the notification service's award emails
   * (decision 0053): one read of the documents and one of the stored bakes for the batch, the
   * missing bakes made and stored together. Each answer is what `assertionImage` (or, for an award
   * in OB 3.0 only, `credentialImage`) would serve, or the status it would answer: 404, 410.
   */
  async assertionImages(assertionIds: readonly string[]): Promise<AssertionImageAnswer[]> {
    const found = new Map((await this.publicDocuments.assertionsWithSource(assertionIds)).map((source) => [source.assertion.id, source]));
    const stored = await this.baked.findAll([...found.keys()]);
    const bakeable = [...found.values()].filter(({ assertion, document }) => !document.ob3Only && document.status !== 410 && !isCurrentBake(stored.get(assertion.id), assertion));
    const fresh = new Map((await this.baker.bakeAll(bakeable)).map((image) => [image.assertionId, image]));
    for (const [institutionId, images] of groupBy([...fresh.values()], (image) => found.get(image.assertionId)?.assertion.institutionId ?? '')) {
      // A failed write costs only a bake on the next request, as on the single route.
      await this.baked.saveAll(tenantScope(institutionId), images).catch(() => undefined);
    }
    const answers: AssertionImageAnswer[] = [];
    for (const assertionId of assertionIds) {
      const source = found.get(assertionId);
      if (!source) answers.push({ assertionId, status: 404 });
      else if (source.document.ob3Only) answers.push(await this.credentialAnswer(assertionId));
      else if (source.document.status === 410) answers.push({ assertionId, status: 410 });
      else {
        const current = stored.get(assertionId);
        const image = isCurrentBake(current, source.assertion) ? current : fresh.get(assertionId);
        answers.push(image ? { assertionId, status: 200, contentType: image.mimeType, bytes: image.bytes } : { assertionId, status: 404 });
      }
    }
    return answers;
  }

  /**
   * The badge image with the award's OB 3.0 credential baked in, kept like the 2.0 bake: served from
   * the stored bake when it was made from the class's current image and the award as it now stands
   * (an edit signs the credential again), otherwise baked here and stored. No queue makes these: a
   * credential's image is baked on its first request. 404 for an award without a credential, 410
   * once revoked (its credential still answers; its image is not handed out).
   */
  async credentialImage(assertionId: string): Promise<ServedImage> {
    const { document, assertion } = await this.publicDocuments.assertionWithSource(assertionId);
    if (!document.credential) throw ApiError.notFound('credential image');
    if (assertion.revoked) throw new ApiError(410, 'revoked', 'This assertion has been revoked.');
    const etag = `"${assertion.badgeClass.imageId}-${assertion.id}-${assertion.updatedAt.getTime()}-credential"`;
    const stored = await this.baked.find(assertion.id, 'credential');
    if (isCurrentBake(stored, assertion)) return { contentType: stored.mimeType, bytes: stored.bytes, etag, tags: document.tags };
    const fresh = await this.baker.bakeCredential(assertion);
    if (!fresh) throw ApiError.notFound('image');
    // A failed write costs only a bake on the next request.
    await this.baked.saveAll(tenantScope(assertion.institutionId), [fresh], 'credential').catch(() => undefined);
    return { contentType: fresh.mimeType, bytes: fresh.bytes, etag, tags: document.tags };
  }

  private async credentialAnswer(assertionId: string): Promise<AssertionImageAnswer> {
    try {
      const image = await this.credentialImage(assertionId);
      return { assertionId, status: 200, contentType: image.contentType, bytes: image.bytes };
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 410)) return { assertionId, status: error.status };
      throw error;
    }
  }

  private async stored(imageId: string, tags: string[]): Promise<ServedImage> {
    const image = await this.documents.findImage(imageId);
    if (!image) throw ApiError.notFound('image');
    return { contentType: image.contentType, bytes: image.bytes, etag: `"${image.sha256}"`, tags };
  }
}
