import { Inject, Injectable, type BeforeApplicationShutdown, type Provider } from '@nestjs/common';

import {
  createJobQueue,
  JOB_DEFAULTS,
  jobQueueToken,
  QueueName,
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
