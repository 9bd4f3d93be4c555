import type { AddJobOptions, ResolvedQueueSettings } from '../job-queue';
import { JobQueueError, JobQueueErrorCode } from '../job-queue.error';
import { PRIORITY_LIMIT } from './fairness';

/**
 * Both implementations refuse the same options, so a call that works embedded also works on
 * Redis. The jobId rules are BullMQ's (it refuses integer ids; ':' would alias its keys).
 */
export function validateAddOptions(options: AddJobOptions): void {
  const { jobId, attempts, delayMs, priority, backoff } = options;
  if (jobId !== undefined) {
    if (jobId === '' || jobId.includes(':') || `${parseInt(jobId, 10)}` === jobId) {
      throw new JobQueueError(JobQueueErrorCode.InvalidJobId, `jobId must be a non-empty, non-integer string without ':', got "${jobId}"`);
    }
  }
  if (attempts !== undefined && (!Number.isInteger(attempts) || attempts < 1)) invalid(`attempts must be a positive integer, got ${attempts}`);
  if (delayMs !== undefined && !(delayMs >= 0)) invalid(`delayMs must be >= 0, got ${delayMs}`);
  if (priority !== undefined && (!Number.isInteger(priority) || priority < 0 || priority > PRIORITY_LIMIT)) invalid(`priority must be an integer from 0 to ${PRIORITY_LIMIT}`);
  if (backoff !== undefined && !(backoff.delayMs >= 0)) invalid(`backoff.delayMs must be >= 0, got ${backoff.delayMs}`);
}

function invalid(message: string): never {
  throw new JobQueueError(JobQueueErrorCode.InvalidOptions, message);
}

export interface EffectiveJobOptions {
  attempts: number;
  backoff: ResolvedQueueSettings['backoff'];
  delayMs: number;
  priority: number;
}

/** A job's own options over the queue's defaults; validated the same way for both backends. */
export function effectiveJobOptions(defaults: ResolvedQueueSettings, options: AddJobOptions = {}): EffectiveJobOptions {
  validateAddOptions(options);
  return {
    attempts: options.attempts ?? defaults.attempts,
    backoff: options.backoff ?? defaults.backoff,
    delayMs: options.delayMs ?? 0,
    priority: options.priority ?? 0,
  };
}
