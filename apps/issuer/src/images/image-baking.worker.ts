import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';

import { JobName, JobStatus, type JobOf } from '@badges/jobs';
import { tenantScope } from '@badges/service-kit';

import { PublicDocumentsService } from '../public-documents/public-documents.service';
import { AssertionImageBaker } from './assertion-image.baker';
import { BakeScheduler } from './bake-scheduler';
import { BakedImagesRepository, isCurrentBake } from './baked-images.repository';
import { IMAGE_BAKING_QUEUE, type ImageBakingQueue } from './image-baking-queue';

/** Assertions a re-bake sweep reads (and adds bake jobs for) at a time. */
export const REBAKE_PAGE = 500;

/** Baked images held in memory and written at once: 100 images of the 1 MiB maximum stay near 100 MiB. */
const BAKE_WRITE_SLICE = 100;

/**
 * Assertions whose documents are read at once. On the embedded default (in-process queue) a
 * slice is read, baked and stored before the next is read: building the documents of a whole
 * 500-assertion job at once held the one event loop every request shares for tens of ms. A
 * BullMQ worker reads the whole job at once: five times fewer queries, and its bake jobs keep up
 * with a 100,000-row bulk award.
 */
const READ_SLICE = { 'in-process': BAKE_WRITE_SLICE, bullmq: Number.POSITIVE_INFINITY } as const;

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
    this.queue.process(JobName.BakeAssertionImages, (payload) => this.bake(payload));
    this.queue.process(JobName.RebakeBadgeClass, (payload) => this.rebake(payload));
  }

  /** Skips what needs no bake: gone, another institution's, revoked, or already baked from the current image and assertion. */
  async bake({ institutionId, assertionIds }: JobOf<typeof JobName.BakeAssertionImages>): Promise<JobStatus> {
    const readSlice = READ_SLICE[this.queue.mode];
    let saved = 0;
    for (let i = 0; i < assertionIds.length; i += readSlice) saved += await this.bakeSlice(institutionId, assertionIds.slice(i, i + readSlice));
    return saved === 0 ? JobStatus.Skipped : JobStatus.Success;
  }

  /** Reads, bakes and stores some of a job's assertions; how many images were stored. */
  private async bakeSlice(institutionId: string, assertionIds: string[]): Promise<number> {
    const found = await this.publicDocuments.assertionsWithSource(assertionIds);
    // Revocation does not change the image; a revoked assertion simply has none to serve, nor has an award in OB 3.0 only.
    const live = found.filter(({ assertion, document }) => assertion.institutionId === institutionId && document.status === 200 && !document.ob3Only);
    const stored = await this.baked.versionsOf(live.map(({ assertion }) => assertion.id));
    const stale = live.filter(({ assertion }) => !isCurrentBake(stored.get(assertion.id), assertion));
    let saved = 0;
    for (let i = 0; i < stale.length; i += BAKE_WRITE_SLICE) {
      const images = await this.baker.bakeAll(stale.slice(i, i + BAKE_WRITE_SLICE));
      await this.baked.saveAll(tenantScope(institutionId), images);
      saved += images.length;
    }
    return saved;
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
