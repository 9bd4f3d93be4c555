import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';

import { JobName, JobStatus, type JobOf } from '@badges/jobs';
import { tenantScope } from '@badges/service-kit';

import { PublicDocumentsService } from '../public-documents/public-documents.service';
import { AssertionImageBaker } from './assertion-image.baker';
import { BakeScheduler } from './bake-scheduler';
import { BakedImagesRepository } from './baked-images.repository';
import { IMAGE_BAKING_QUEUE, type ImageBakingQueue } from './image-baking-queue';

/** Assertions a re-bake sweep reads (and adds bake jobs for) at a time. */
export const REBAKE_PAGE = 500;

/**
 * Runs the image-baking queue: bakes an assertion once per badge class image and stores it, and
 * sweeps a badge class whose image changed. Both are idempotent: a bake whose stored row is
 * already from the current image skips, so re-runs and duplicate jobs never re-bake.
 */
@Injectable()
export class ImageBakingWorker implements OnApplicationBootstrap {
  constructor(
    @Inject(IMAGE_BAKING_QUEUE) private readonly queue: ImageBakingQueue,
    private readonly publicDocuments: PublicDocumentsService,
    private readonly baker: AssertionImageBaker,
    private readonly baked: BakedImagesRepository,
    private readonly scheduler: BakeScheduler,
  ) {}

  onApplicationBootstrap(): void {
    this.queue.process(JobName.BakeAssertionImage, (payload) => this.bake(payload));
    this.queue.process(JobName.RebakeBadgeClass, (payload) => this.rebake(payload));
  }

  async bake({ institutionId, assertionId }: JobOf<typeof JobName.BakeAssertionImage>): Promise<JobStatus> {
    const found = await this.publicDocuments.assertionWithSource(assertionId).catch(() => undefined);
    if (!found || found.assertion.institutionId !== institutionId) return JobStatus.Skipped;
    const { assertion, document } = found;
    // Revocation does not change the image; a revoked assertion simply has none to serve.
    if (document.status !== 200) return JobStatus.Skipped;
    if ((await this.baked.sourceOf(assertionId)) === assertion.badgeClass.imageId) return JobStatus.Skipped;
    const image = await this.baker.bake(assertion, document);
    if (!image) return JobStatus.Skipped;
    await this.baked.save(tenantScope(institutionId), assertionId, image);
    return JobStatus.Success;
  }

  async rebake({ institutionId, badgeClassId, imageId }: JobOf<typeof JobName.RebakeBadgeClass>): Promise<JobStatus> {
    const scope = tenantScope(institutionId);
    // The image changed again since: that change's own sweep does the work.
    if ((await this.baked.badgeClassImageId(scope, badgeClassId)) !== imageId) return JobStatus.Skipped;
    for (let after: string | undefined; ; ) {
      const ids = await this.baked.liveAssertionIds(scope, badgeClassId, after, REBAKE_PAGE);
      if (ids.length === 0) break;
      await this.scheduler.addBakes(scope, ids, imageId);
      if (ids.length < REBAKE_PAGE) break;
      after = ids[ids.length - 1];
    }
    return JobStatus.Success;
  }
}
