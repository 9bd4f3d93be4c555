import { Inject, Injectable, type BeforeApplicationShutdown, type Provider } from '@nestjs/common';

import { createJobQueue, jobQueueToken, QueueName, type InProcessJobBackend, type JobQueue, type QueuePayloads } from '@badges/jobs';

export type ReverifyQueue = JobQueue<QueuePayloads<typeof QueueName.ImportReverify>>;
export const REVERIFY_QUEUE = jobQueueToken(QueueName.ImportReverify);

/** BullMQ when REDIS_URL is set, else in process (the jobs lib decides); closed before the database. */
export function reverifyQueueProviders(env: NodeJS.ProcessEnv, inProcess?: InProcessJobBackend): Provider[] {
  return [{ provide: REVERIFY_QUEUE, useFactory: () => createJobQueue(QueueName.ImportReverify, env, { inProcess }) }, ReverifyQueueCloser];
}

@Injectable()
export class ReverifyQueueCloser implements BeforeApplicationShutdown {
  constructor(@Inject(REVERIFY_QUEUE) private readonly queue: ReverifyQueue) {}

  async beforeApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
