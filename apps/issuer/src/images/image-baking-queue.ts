import { createHash } from 'node:crypto';

import { Inject, Injectable, type BeforeApplicationShutdown, type Provider } from '@nestjs/common';

import { createJobQueue, jobQueueToken, QueueName, type InProcessJobBackend, type JobQueue, type QueuePayloads } from '@badges/jobs';

export type ImageBakingQueue = JobQueue<QueuePayloads<typeof QueueName.ImageBaking>>;
export const IMAGE_BAKING_QUEUE = jobQueueToken(QueueName.ImageBaking);

/**
 * One bake job per batch of assertions and source image: re-adding it (a re-run award, a
 * re-request) is a no-op. A batch of one keeps a readable id; a larger one is named by a digest.
 */
export function bakeJobId(assertionIds: readonly string[], imageId: string): string {
  const batch = assertionIds.length === 1 ? assertionIds[0] : createHash('sha256').update(assertionIds.join(',')).digest('base64url').slice(0, 24);
  return `bake-${imageId}-${batch}`;
}

/** One re-bake sweep per badge class image. */
export function rebakeJobId(badgeClassId: string, imageId: string): string {
  return `rebake-${badgeClassId}-${imageId}`;
}

/** The image-baking queue (BullMQ with REDIS_URL, else in process), closed before the database. */
export function imageBakingQueueProviders(env: NodeJS.ProcessEnv, inProcess?: InProcessJobBackend): Provider[] {
  return [{ provide: IMAGE_BAKING_QUEUE, useFactory: () => createJobQueue(QueueName.ImageBaking, env, { inProcess }) }, ImageBakingQueueCloser];
}

@Injectable()
export class ImageBakingQueueCloser implements BeforeApplicationShutdown {
  constructor(@Inject(IMAGE_BAKING_QUEUE) private readonly queue: ImageBakingQueue) {}

  async beforeApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
