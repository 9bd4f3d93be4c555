import type { BackoffOptions, KeepJobs } from './catalogue/job-defaults';
import type { PayloadMap } from './catalogue/job-payloads';
import type { JobCounts } from './metrics/job-metrics';

/** What a handler reports. Skipped is not an error (immich habit); throwing is, and retries. */
export const JobStatus = { Success: 'success', Skipped: 'skipped' } as const;
export type JobStatus = (typeof JobStatus)[keyof typeof JobStatus];

export type JobState = 'waiting' | 'active' | 'completed' | 'failed' | 'delayed';

export interface AddJobOptions {
  /** Idempotency key: adding an id that is still stored returns the existing job (BullMQ dedupe). */
  jobId?: string;
  attempts?: number;
  backoff?: BackoffOptions;
  delayMs?: number;
  /** Lower runs sooner (BullMQ); added on top of the fairness rank, see policy/fairness.ts. */
  priority?: number;
}

export interface JobRef {
  id: string;
  name: string;
}

export type BulkJob<P extends PayloadMap> = { [N in keyof P & string]: { name: N; payload: P[N]; options?: AddJobOptions } }[keyof P & string];

export interface JobSnapshot<P extends PayloadMap = PayloadMap> {
  id: string;
  name: keyof P & string;
  payload: P[keyof P];
  state: JobState;
  /** Finished runs, successful ones included (BullMQ counts a success as an attempt). */
  attemptsMade: number;
  failedReason?: string;
  returnvalue?: JobStatus;
}

export interface JobContext {
  id: string;
  /** Runs finished before this one: 0 on the first run. */
  attemptsMade: number;
  /** Runs this job may have in all (its own `attempts`, else the queue's): the last run is number `maxAttempts`. */
  maxAttempts: number;
}

export type JobHandler<T> = (payload: T, job: JobContext) => Promise<JobStatus>;

export interface ProcessOptions {
  /** Jobs this process runs at once for the queue; defaults to JOBS_CONCURRENCY[_<QUEUE>]. */
  concurrency?: number;
}

export type JobQueueMode = 'bullmq' | 'in-process';

/** Per-queue settings an implementation is built with (the factory resolves them from env). */
export interface ResolvedQueueSettings {
  attempts: number;
  backoff: BackoffOptions;
  removeOnComplete: KeepJobs;
  removeOnFail: KeepJobs;
  concurrency: number;
  /** False when WORKERS excludes this queue: `process` is then a no-op (API-only role). */
  runsWorkers: boolean;
}

/**
 * One queue, whichever backend runs it. Domain code depends on this interface only.
 * Embedded (in-process) jobs do not survive a restart: callers persist their own state first.
 */
export interface JobQueue<P extends PayloadMap> {
  readonly queueName: string;
  readonly mode: JobQueueMode;
  /** Whether this process runs workers for the queue (WORKERS env). */
  readonly runsWorkers: boolean;
  add<N extends keyof P & string>(name: N, payload: P[N], options?: AddJobOptions): Promise<JobRef>;
  addBulk(jobs: ReadonlyArray<BulkJob<P>>): Promise<JobRef[]>;
  /**
   * Registers the handler for one job name. All handlers of a queue should be registered in
   * the same tick: the worker starts on the next one and pulls any job of the queue.
   * Returns false (and registers nothing) when this process's role excludes the queue.
   */
  process<N extends keyof P & string>(name: N, handler: JobHandler<P[N]>, options?: ProcessOptions): boolean;
  getJob(jobId: string): Promise<JobSnapshot<P> | undefined>;
  /** Re-runs a failed job with a fresh attempt budget ("resend"). */
  retry(jobId: string): Promise<void>;
  /** How many jobs of the queue are in each state now (all processes' jobs: the queue's, not this handle's). */
  counts(): Promise<JobCounts>;
  /** Stops taking jobs, waits for active ones, then releases connections. */
  close(): Promise<void>;
}
