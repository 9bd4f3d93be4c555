import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';

// Decrement, and delete at zero so idle institutions leave no keys behind.
const RELEASE = `local left = redis.call('DECR', KEYS[1]) if left <= 0 then redis.call('DEL', KEYS[1]) end return left`;
// A counter can drift if a process dies between finishing a job and releasing it; the TTL
// resets a drifted counter once the institution has been idle for an hour.
const TTL_SECONDS = 3600;

/** Per-institution pending-job counters in Redis: the ranks behind policy/fairness.ts. */
export class TenantBacklog {
  private readonly logger = new Logger(TenantBacklog.name);

  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
  ) {}

  /** Counts `n` new jobs per institution; returns each institution's first rank. */
  async acquire(counts: ReadonlyMap<string, number>): Promise<Map<string, number>> {
    const pipeline = this.redis.pipeline();
    for (const [tenant, n] of counts) pipeline.incrby(this.key(tenant), n).expire(this.key(tenant), TTL_SECONDS);
    const results = (await pipeline.exec()) ?? [];
    const firstRanks = new Map<string, number>();
    [...counts].forEach(([tenant, n], i) => {
      const [error, total] = results[2 * i] ?? [];
      if (error) throw error;
      firstRanks.set(tenant, Number(total) - n + 1);
    });
    return firstRanks;
  }

  /** Best effort: a lost release only skews fairness until the TTL, so it must never fail a job. */
  async release(tenant: string): Promise<void> {
    try {
      await this.redis.eval(RELEASE, 1, this.key(tenant));
    } catch (error) {
      this.logger.warn(`could not release backlog slot: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private key(tenant: string): string {
    return `${this.keyPrefix}:${tenant}`;
  }
}
