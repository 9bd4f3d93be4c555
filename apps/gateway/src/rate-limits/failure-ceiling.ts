import type { RateLimiterAbstract } from 'rate-limiter-flexible';

/**
 * Counts failures per key in a fixed window; once the window's allowance is spent, the key waits
 * until the window ends. The wait is bounded by the window, so nobody is locked out for good.
 */
export class FailureCeiling {
  constructor(private readonly limiter: RateLimiterAbstract) {}

  /** Milliseconds the key must still wait, 0 if it may try. */
  async waitMs(key: string): Promise<number> {
    const state = await this.limiter.get(key);
    return state && state.consumedPoints >= this.limiter.points ? state.msBeforeNext : 0;
  }

  async fail(key: string): Promise<void> {
    await this.limiter.penalty(key);
  }

  async reset(key: string): Promise<void> {
    await this.limiter.delete(key);
  }
}
