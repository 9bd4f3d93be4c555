import { Inject, Injectable, Logger } from '@nestjs/common';

import { JobName } from '@badges/jobs';
import type { TenantScope } from '@badges/service-kit';

import { BakedImagesRepository } from './baked-images.repository';
import { IMAGE_BAKING_QUEUE, bakeJobId, rebakeJobId, type ImageBakingQueue } from './image-baking-queue';

/**
 * Assertions one bake job bakes: a whole bulk chunk, so its documents load with one handful of
 * queries (the worker bakes and stores them in slices, which bounds the memory large images take).
 */
export const BAKE_BATCH = 500;

/**
 * Adds bake jobs after the writes that call for them committed. Never throws: a job that could
 * not be added only means the image route bakes on request (and asks again) until one runs.
 * Job ids carry the source image, so re-adding a bake that exists or ran is a no-op.
 */
@Injectable()
export class BakeScheduler {
  private readonly logger = new Logger(BakeScheduler.name);

  constructor(@Inject(IMAGE_BAKING_QUEUE) private readonly queue: ImageBakingQueue, private readonly baked: BakedImagesRepository) {}

  /** New assertions of one badge class; `imageId` is looked up when the caller does not know it. */
  async awarded(scope: TenantScope, badgeClassId: string, assertionIds: readonly string[], imageId?: string): Promise<void> {
    if (assertionIds.length === 0) return;
    await this.guard('award', async () => {
      const source = imageId ?? (await this.baked.badgeClassImageId(scope, badgeClassId));
      if (source) await this.addBakes(scope, assertionIds, source);
    });
  }

  /** The route found no current bake: make (and store) one in the background. */
  async missing(scope: TenantScope, assertionId: string, imageId: string): Promise<void> {
    await this.guard('missing', () => this.addBakes(scope, [assertionId], imageId));
  }

  /** The badge class image changed: one job pages through its assertions and re-bakes them. */
  async imageChanged(scope: TenantScope, badgeClassId: string, imageId: string): Promise<void> {
    await this.guard('rebake', async () => {
      await this.queue.add(JobName.RebakeBadgeClass, { institutionId: scope.institutionId, badgeClassId, imageId }, { jobId: rebakeJobId(badgeClassId, imageId) });
    });
  }

  async addBakes(scope: TenantScope, assertionIds: readonly string[], imageId: string): Promise<void> {
    const batches: string[][] = [];
    for (let i = 0; i < assertionIds.length; i += BAKE_BATCH) batches.push(assertionIds.slice(i, i + BAKE_BATCH));
    await this.queue.addBulk(
      batches.map((batch) => ({
        name: JobName.BakeAssertionImages,
        payload: { institutionId: scope.institutionId, assertionIds: batch },
        options: { jobId: bakeJobId(batch, imageId) },
      })),
    );
  }

  private async guard(what: string, add: () => Promise<void>): Promise<void> {
    try {
      await add();
    } catch (error) {
      this.logger.warn(`could not add ${what} bake job(s): ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
