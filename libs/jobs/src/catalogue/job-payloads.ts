import { JOBS_TO_QUEUE, JobName, type QueueName } from './queue-name';

/**
 * Every job belongs to an institution: the id scopes the handler's queries and is the
 * fairness key, so one institution's flood cannot starve another's jobs.
 */
export interface TenantScoped {
  readonly institutionId: string;
}

/**
 * Payloads carry ids, never documents: the caller persists its own state (the bulk award,
 * the email delivery row) before adding the job, so a lost embedded job can be re-added.
 */
export interface JobPayloads {
  [JobName.AwardBatch]: TenantScoped & { bulkAwardId: string; batch: number };
  /** The bulk award job's rows are in the issuer's database; the job only names it. */
  [JobName.RunBulkAward]: TenantScoped & { bulkAwardId: string };
  /**
   * Bakes these assertions' images from their badge classes' current images and stores them
   * (issuer). One job per award or bulk chunk: batching is what keeps 100,000 bakes cheap.
   */
  [JobName.BakeAssertionImages]: TenantScoped & { assertionIds: string[] };
  /** `imageId` is the class's new image: a job for an image that has since been replaced skips. */
  [JobName.RebakeBadgeClass]: TenantScoped & { badgeClassId: string; imageId: string };
  [JobName.SendEmail]: TenantScoped & { deliveryId: string };
  [JobName.DeliverWebhook]: TenantScoped & { deliveryId: string };
  /** Up to a batch of one institution's email deliveries, claimed together (decision 0053). */
  [JobName.SendEmailBatch]: TenantScoped & { deliveryIds: string[] };
  [JobName.DeliverWebhookBatch]: TenantScoped & { deliveryIds: string[] };
  /** Re-verifies one imported badge (passport); `institutionId` is `province`. */
  [JobName.ReverifyImport]: TenantScoped & { assertionId: string };
  /** One Badgr backpack import (passport); the items are in its rows, never a credential. `institutionId` is `province`. */
  [JobName.ImportBadgrBackpack]: TenantScoped & { importId: string };
}

/** The payload a handler of job `N` receives (immich's `JobOf`). */
export type JobOf<N extends JobName> = JobPayloads[N];

/** The job names that queue `Q` carries. */
export type JobNameIn<Q extends QueueName> = { [N in JobName]: (typeof JOBS_TO_QUEUE)[N] extends Q ? N : never }[JobName];

/** The payload map of one queue: what `createJobQueue(Q)` accepts. */
export type QueuePayloads<Q extends QueueName> = Pick<JobPayloads, JobNameIn<Q>>;

/** Any job-name → payload map; implementations are generic over it. */
export type PayloadMap = { [name: string]: TenantScoped };
