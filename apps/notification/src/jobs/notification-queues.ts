import { Inject, Injectable, type BeforeApplicationShutdown, type Provider } from '@nestjs/common';

import {
  backoffDelay,
  createJobQueue,
  JOB_DEFAULTS,
  jobQueueToken,
  QueueName,
  type AddJobOptions,
  type InProcessJobBackend,
  type JobContext,
  type JobDefaults,
  type JobQueue,
  type QueuePayloads,
} from '@badges/jobs';

import { JOB_SETTINGS } from '../common/tokens';

export type EmailQueue = JobQueue<QueuePayloads<typeof QueueName.Email>>;
export type WebhookQueue = JobQueue<QueuePayloads<typeof QueueName.Webhook>>;

export const EMAIL_QUEUE = jobQueueToken(QueueName.Email);
export const WEBHOOK_QUEUE = jobQueueToken(QueueName.Webhook);

/** Attempts/backoff per queue and the sweeper's timing; tests shorten them. */
export interface NotificationJobSettings {
  email: JobDefaults;
  webhook: JobDefaults;
  /** How often the sweeper looks for deliveries whose job may have been lost. */
  sweepIntervalMs: number;
  /** A delivery `queued` and untouched for this long is re-enqueued (the jobId keeps it single). */
  staleAfterMs: number;
}

export interface NotificationJobOverrides {
  email?: Partial<JobDefaults>;
  webhook?: Partial<JobDefaults>;
  sweepIntervalMs?: number;
  staleAfterMs?: number;
}

export function resolveJobSettings(overrides: NotificationJobOverrides = {}): NotificationJobSettings {
  return {
    email: { ...JOB_DEFAULTS[QueueName.Email], ...overrides.email },
    webhook: { ...JOB_DEFAULTS[QueueName.Webhook], ...overrides.webhook },
    sweepIntervalMs: overrides.sweepIntervalMs ?? 15_000,
    staleAfterMs: overrides.staleAfterMs ?? 30_000,
  };
}

/**
 * A delivery that failed its first run in a batch is retried alone (decision 0053) on the schedule
 * a single job of the queue would have had: the first backoff now, then doubling from there, with
 * the attempts left.
 */
export function retryAloneOptions(defaults: JobDefaults): AddJobOptions {
  const { backoff } = defaults;
  return {
    delayMs: backoffDelay(backoff, 1),
    attempts: defaults.attempts - 1,
    backoff: backoff.type === 'exponential' ? { ...backoff, delayMs: backoff.delayMs * 2 } : backoff,
  };
}

/** How long a failed run's backoff holds its row from batches and the sweeper: until its retry is due. */
export function backoffHoldMs(defaults: JobDefaults, job?: JobContext): number {
  // A batch's failure waits the first backoff; run k of a retry job waits the (k + 2)th (see retryAloneOptions).
  return backoffDelay(defaults.backoff, job ? job.attemptsMade + 2 : 1);
}

/** Whether this run is the job's last: if it fails, the row is marked failed. */
export function isLastAttempt(job: JobContext): boolean {
  return job.attemptsMade + 1 >= job.maxAttempts;
}

/**
 * Our two queues, built by the jobs lib (BullMQ when REDIS_URL is set, else in process) with
 * per-queue defaults, which JobQueueModule.forQueues cannot take; closed before the database.
 */
export function notificationQueueProviders(env: NodeJS.ProcessEnv, inProcess?: InProcessJobBackend): Provider[] {
  return [
    {
      provide: EMAIL_QUEUE,
      inject: [JOB_SETTINGS],
      useFactory: (settings: NotificationJobSettings) => createJobQueue(QueueName.Email, env, { defaults: settings.email, inProcess }),
    },
    {
      provide: WEBHOOK_QUEUE,
      inject: [JOB_SETTINGS],
      useFactory: (settings: NotificationJobSettings) => createJobQueue(QueueName.Webhook, env, { defaults: settings.webhook, inProcess }),
    },
    NotificationQueuesCloser,
  ];
}

/** beforeApplicationShutdown runs before Prisma disconnects: active jobs finish with their DB. */
@Injectable()
export class NotificationQueuesCloser implements BeforeApplicationShutdown {
  constructor(@Inject(EMAIL_QUEUE) private readonly email: EmailQueue, @Inject(WEBHOOK_QUEUE) private readonly webhook: WebhookQueue) {}

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([this.email.close(), this.webhook.close()]);
  }
}
