import type { RateLimiterAbstract } from 'rate-limiter-flexible';

import type { FailureThrottle } from './rate-limit-rules';

/**
 * Counts failures per key in a fixed window; once the window's allowance is spent, the key waits
 * until the window ends. The wait is bounded by the window, so nobody is locked out for good.
 * The key alone counts (a client_id, a username), from whatever address the failures come.
 */
export class FailureCeiling implements FailureThrottle {
  constructor(private readonly limiter: RateLimiterAbstract) {}

  /** Milliseconds the key must still wait, 0 if it may try. */
  async waitMs(key: string): Promise<number> {
    const state = await this.limiter.get(key);
    return state && state.consumedPoints >= this.limiter.points ? state.msBeforeNext : 0;
  }

  async fail(key: string): Promise<void> {
    await this.limiter.penalty(key);
  }

  async succeed(key: string): Promise<void> {
    await this.limiter.delete(key);
  }
}
