import type { BackoffOptions } from '../catalogue/job-defaults';

/**
 * Delay before the next run after `attemptsMade` failed runs, as BullMQ computes it for its
 * built-in strategies, so the in-process runner retries on the same schedule.
 */
export function backoffDelay(backoff: BackoffOptions, attemptsMade: number): number {
  if (backoff.type === 'fixed') return backoff.delayMs;
  return Math.round(2 ** (attemptsMade - 1) * backoff.delayMs);
}
