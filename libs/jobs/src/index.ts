export { QueueName, JobName, JOBS_TO_QUEUE, ALL_QUEUES, isQueueName } from './catalogue/queue-name';
export type { TenantScoped, JobPayloads, JobOf, JobNameIn, QueuePayloads, PayloadMap } from './catalogue/job-payloads';
export { JOB_DEFAULTS, DEFAULT_CONCURRENCY, type JobDefaults, type BackoffOptions, type KeepJobs } from './catalogue/job-defaults';
export {
  JobStatus,
  type JobState,
  type AddJobOptions,
  type JobRef,
  type BulkJob,
  type JobSnapshot,
  type JobContext,
  type JobHandler,
  type ProcessOptions,
  type JobQueue,
  type JobQueueMode,
  type ResolvedQueueSettings,
} from './job-queue';
export { JobQueueError, JobQueueErrorCode } from './job-queue.error';
export { DEPTH_STATES, type JobCounts } from './metrics/job-metrics';
export { jobsSettingsFromEnv, concurrencyVariable, type JobsSettings } from './config/jobs-settings';
export { parseWorkerRole, runsWorkersFor, type WorkerRole } from './config/worker-role';
export { JobsConfigError } from './config/jobs-config.error';
export { fairPriority, PRIORITY_LIMIT } from './policy/fairness';
export { backoffDelay } from './policy/backoff';
export { InProcessJobBackend, sharedInProcessJobBackend } from './in-process/in-process-backend';
export { InProcessJobQueue } from './in-process/in-process-job-queue';
export { BullmqJobQueue, type BullmqQueueConfig } from './bullmq/bullmq-job-queue';
export { createJobQueue, resolveQueueSettings, type CreateJobQueueOptions } from './job-queue.factory';
export { JobQueueModule, jobQueueToken } from './nest/job-queue.module';
