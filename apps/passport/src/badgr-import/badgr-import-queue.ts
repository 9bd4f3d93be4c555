import type { Provider } from '@nestjs/common';

import { createJobQueue, jobQueueToken, QueueName, type InProcessJobBackend, type JobQueue, type QueuePayloads } from '@badges/jobs';

export type BadgrImportQueue = JobQueue<QueuePayloads<typeof QueueName.BadgrImport>>;
export const BADGR_IMPORT_QUEUE = jobQueueToken(QueueName.BadgrImport);

/** BullMQ when REDIS_URL is set, else in process (the jobs lib decides); the worker closes it. */
export function badgrImportQueueProviders(env: NodeJS.ProcessEnv, inProcess?: InProcessJobBackend): Provider[] {
  return [{ provide: BADGR_IMPORT_QUEUE, useFactory: () => createJobQueue(QueueName.BadgrImport, env, { inProcess }) }];
}
