import { Module, type BeforeApplicationShutdown, type DynamicModule } from '@nestjs/common';

import type { QueueName } from '../catalogue/queue-name';
import type { JobQueue } from '../job-queue';
import { createJobQueue, type CreateJobQueueOptions } from '../job-queue.factory';

/** Inject a queue with `@Inject(jobQueueToken(QueueName.Email)) queue: JobQueue<QueuePayloads<'email'>>`. */
export function jobQueueToken(queue: QueueName): string {
  return `JobQueue:${queue}`;
}

/**
 * Closes the queues when the app shuts down. BeforeApplicationShutdown runs before the
 * onApplicationShutdown hooks that disconnect databases, so active jobs finish with their DB.
 */
class JobQueuesCloser implements BeforeApplicationShutdown {
  constructor(private readonly queues: ReadonlyArray<JobQueue<never>>) {}

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.queues.map((queue) => queue.close()));
  }
}

@Module({})
export class JobQueueModule {
  /** Provides one JobQueue per name (BullMQ or in-process, by env) and closes them at shutdown. */
  static forQueues(queues: readonly QueueName[], env: NodeJS.ProcessEnv = process.env, options: CreateJobQueueOptions = {}): DynamicModule {
    const tokens = queues.map(jobQueueToken);
    return {
      module: JobQueueModule,
      providers: [
        ...queues.map((queue) => ({ provide: jobQueueToken(queue), useFactory: () => createJobQueue(queue, env, options) })),
        { provide: JobQueuesCloser, useFactory: (...created: JobQueue<never>[]) => new JobQueuesCloser(created), inject: tokens },
      ],
      exports: tokens,
    };
  }
}
