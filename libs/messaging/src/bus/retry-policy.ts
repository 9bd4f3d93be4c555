export interface RetryPolicy {
  maxAttempts: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
}

/** Bounded on purpose: a poison event must reach the DLQ in seconds, not block its partition. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, initialBackoffMs: 200, maxBackoffMs: 5_000 };

export function retryPolicyOf(options: { maxAttempts?: number; backoff?: Partial<Omit<RetryPolicy, 'maxAttempts'>> }): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.backoff, maxAttempts: options.maxAttempts ?? DEFAULT_RETRY_POLICY.maxAttempts };
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) throw new Error(`maxAttempts must be a positive integer, got ${policy.maxAttempts}`);
  return policy;
}

/** Exponential backoff with a little jitter, so replicas retrying the same failure spread out. */
export function backoffMs(policy: RetryPolicy, failedAttempt: number): number {
  const exponential = Math.min(policy.maxBackoffMs, policy.initialBackoffMs * 2 ** (failedAttempt - 1));
  return Math.round(exponential * (0.8 + Math.random() * 0.4));
}

export type RetryOutcome = { ok: true; attempts: number } | { ok: false; attempts: number; error: unknown };

/** Runs `work` up to maxAttempts times; `wait` lets Kafka keep heartbeating while backing off. */
export async function runWithRetries(
  policy: RetryPolicy,
  work: (attempt: number) => Promise<void>,
  wait: (ms: number) => Promise<void> = sleep,
): Promise<RetryOutcome> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= policy.maxAttempts; attempt += 1) {
    try {
      await work(attempt);
      return { ok: true, attempts: attempt };
    } catch (error) {
      lastError = error;
      if (attempt < policy.maxAttempts) await wait(backoffMs(policy, attempt));
    }
  }
  return { ok: false, attempts: policy.maxAttempts, error: lastError };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
