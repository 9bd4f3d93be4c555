/**
 * Queue and job names of the platform.
 *
 * NEVER RENAME A VALUE: the strings are stored with every job in Redis (and in deployments'
 * `WORKERS` lists). Renaming one strands the jobs already queued under the old name.
 * Add a new name instead and retire the old one once its queue is empty.
 */
export const QueueName = {
  BulkAward: 'bulk-award',
  ImageBaking: 'image-baking',
  Email: 'email',
  Webhook: 'webhook',
  /** Passport: imported badges re-verified on a schedule (expiry, revocation). */
  ImportReverify: 'import-reverify',
  /** Passport: a learner's Badgr backpack brought in, item by item (decision 0046). */
  BadgrImport: 'badgr-import',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

/** NEVER RENAME A VALUE (see QueueName). */
export const JobName = {
  AwardBatch: 'award-batch',
  /** Awards every pending row of one bulk award job (issuer); re-running it continues where it stopped. */
  RunBulkAward: 'run-bulk-award',
  BakeAssertionImages: 'bake-assertion-images',
  /** Re-bakes every live assertion of a badge class after its image changed (adds bake jobs page by page). */
  RebakeBadgeClass: 'rebake-badge-class',
  SendEmail: 'send-email',
  /** Claims and sends up to a batch of one institution's queued emails (decision 0053); a failed one is retried alone as `send-email`. */
  SendEmailBatch: 'send-email-batch',
  DeliverWebhook: 'deliver-webhook',
  /** Claims and POSTs up to a batch of one institution's queued webhook deliveries; a failed one is retried alone as `deliver-webhook`. */
  DeliverWebhookBatch: 'deliver-webhook-batch',
  ReverifyImport: 'reverify-import',
  /** Works through one Badgr backpack import's pending items, then its collections; re-running it continues. */
  ImportBadgrBackpack: 'import-badgr-backpack',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

/** Which queue carries each job: a job name belongs to exactly one queue. */
export const JOBS_TO_QUEUE = {
  [JobName.AwardBatch]: QueueName.BulkAward,
  [JobName.RunBulkAward]: QueueName.BulkAward,
  [JobName.BakeAssertionImages]: QueueName.ImageBaking,
  [JobName.RebakeBadgeClass]: QueueName.ImageBaking,
  [JobName.SendEmail]: QueueName.Email,
  [JobName.SendEmailBatch]: QueueName.Email,
  [JobName.DeliverWebhook]: QueueName.Webhook,
  [JobName.DeliverWebhookBatch]: QueueName.Webhook,
  [JobName.ReverifyImport]: QueueName.ImportReverify,
  [JobName.ImportBadgrBackpack]: QueueName.BadgrImport,
} as const satisfies Record<JobName, QueueName>;

export const ALL_QUEUES: readonly QueueName[] = Object.values(QueueName);

export function isQueueName(value: string): value is QueueName {
  return (ALL_QUEUES as readonly string[]).includes(value);
}
