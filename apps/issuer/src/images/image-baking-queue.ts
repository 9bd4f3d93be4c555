import { Inject, Injectable, type BeforeApplicationShutdown, type Provider } from '@nestjs/common';

import { createJobQueue, jobQueueToken, QueueName, type InProcessJobBackend, type JobQueue, type QueuePayloads } from '@badges/jobs';

export type ImageBakingQueue = JobQueue<QueuePayloads<typeof QueueName.ImageBaking>>;
export const IMAGE_BAKING_QUEUE = jobQueueToken(QueueName.ImageBaking);

/** One bake per assertion and source image: re-adding it (a re-run award, a re-request) is a no-op. */
export function bakeJobId(assertionId: string, imageId: string): string {
  return `bake-${assertionId}-${imageId}`;
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
