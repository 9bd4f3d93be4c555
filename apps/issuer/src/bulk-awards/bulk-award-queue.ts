import { Inject, Injectable, type BeforeApplicationShutdown, type Provider } from '@nestjs/common';

import { createJobQueue, jobQueueToken, QueueName, type InProcessJobBackend, type JobQueue, type QueuePayloads } from '@badges/jobs';

export type BulkAwardQueue = JobQueue<QueuePayloads<typeof QueueName.BulkAward>>;
export const BULK_AWARD_QUEUE = jobQueueToken(QueueName.BulkAward);

/** The BullMQ job id of a bulk award's first run: `add` with it is idempotent. */
export function bulkJobId(bulkAwardId: string): string {
  return `bulk-${bulkAwardId}`;
}

/** The bulk-award queue (BullMQ with REDIS_URL, else in process), closed before the database. */
export function bulkAwardQueueProviders(env: NodeJS.ProcessEnv, inProcess?: InProcessJobBackend): Provider[] {
  return [{ provide: BULK_AWARD_QUEUE, useFactory: () => createJobQueue(QueueName.BulkAward, env, { inProcess }) }, BulkAwardQueueCloser];
}

@Injectable()
export class BulkAwardQueueCloser implements BeforeApplicationShutdown {
  constructor(@Inject(BULK_AWARD_QUEUE) private readonly queue: BulkAwardQueue) {}

  async beforeApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
