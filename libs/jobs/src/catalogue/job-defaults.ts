import { QueueName } from './queue-name';

export interface BackoffOptions {
  type: 'exponential' | 'fixed';
  /** First retry delay; exponential doubles it on each further attempt (BullMQ semantics). */
  delayMs: number;
}

/** Both bounds are required: an unbounded history is how Redis runs out of memory. */
export interface KeepJobs {
  count: number;
  ageSeconds: number;
}

export interface JobDefaults {
  /** Total runs, the first included. Bounded: a poison job must end up failed, not loop. */
  attempts: number;
  backoff: BackoffOptions;
  removeOnComplete: KeepJobs;
  /** Kept longer than completed jobs so support can read the reason and `retry` ("resend"). */
  removeOnFail: KeepJobs;
}

const HOUR = 3600;
const KEEP_COMPLETED: KeepJobs = { count: 1_000, ageSeconds: 24 * HOUR };
const KEEP_FAILED: KeepJobs = { count: 5_000, ageSeconds: 7 * 24 * HOUR };

/** Per-queue job defaults, declared next to the queue names (ghostfolio/novu habit). */
export const JOB_DEFAULTS: Record<QueueName, JobDefaults> = {
  // A batch writes many rows; retry soon, but a broken batch should fail fast for the report.
  [QueueName.BulkAward]: { attempts: 3, backoff: { type: 'exponential', delayMs: 2_000 }, removeOnComplete: KEEP_COMPLETED, removeOnFail: KEEP_FAILED },
  // Baking is CPU-only and deterministic: a second failure will not heal.
  [QueueName.ImageBaking]: { attempts: 2, backoff: { type: 'fixed', delayMs: 1_000 }, removeOnComplete: KEEP_COMPLETED, removeOnFail: KEEP_FAILED },
  // SMTP outages last minutes: 5 attempts from 30 s cover ~8 minutes.
  [QueueName.Email]: { attempts: 5, backoff: { type: 'exponential', delayMs: 30_000 }, removeOnComplete: KEEP_COMPLETED, removeOnFail: KEEP_FAILED },
  // Receivers go down for longer; 8 attempts from 10 s cover ~21 minutes.
  [QueueName.Webhook]: { attempts: 8, backoff: { type: 'exponential', delayMs: 10_000 }, removeOnComplete: KEEP_COMPLETED, removeOnFail: KEEP_FAILED },
  // A verifier or a badge host that is down now is tried again on the next schedule anyway.
  [QueueName.ImportReverify]: { attempts: 3, backoff: { type: 'exponential', delayMs: 60_000 }, removeOnComplete: KEEP_COMPLETED, removeOnFail: KEEP_FAILED },
  // A learner is watching: retry soon; items already done are not done again.
  [QueueName.BadgrImport]: { attempts: 3, backoff: { type: 'exponential', delayMs: 5_000 }, removeOnComplete: KEEP_COMPLETED, removeOnFail: KEEP_FAILED },
};

/** Worker concurrency when the env does not say (JOBS_CONCURRENCY[_<QUEUE>]). */
export const DEFAULT_CONCURRENCY: Record<QueueName, number> = {
  [QueueName.BulkAward]: 2, // each batch already saturates the DB pool
  [QueueName.ImageBaking]: 2, // CPU-bound, 2-core machine
  [QueueName.Email]: 8, // I/O-bound
  [QueueName.Webhook]: 16, // I/O-bound, slow receivers
  [QueueName.ImportReverify]: 2, // each one fetches remote documents; no hurry
  [QueueName.BadgrImport]: 2, // each item is a verification (remote fetches); one learner's backpack at a time per worker
};
