import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';

import type { WindowLimit } from './rate-limit.config';

/** Where the counters live; every limiter of one gateway comes from one store. */
export interface LimiterStore {
  readonly kind: 'redis' | 'memory';
  /** A fixed-window limiter named `name` (each name is its own key space). */
  window(name: string, limit: WindowLimit): RateLimiterAbstract;
  close(): Promise<void>;
}

/** The embedded default: counters in this process. */
export function memoryLimiterStore(prefix: string): LimiterStore {
  return {
    kind: 'memory',
    window: (name, limit) => new RateLimiterMemory({ keyPrefix: `${prefix}:${name}`, points: limit.points, duration: limit.seconds }),
    close: async () => undefined,
  };
}

/**
 * Counters in Redis, shared by every gateway instance. If Redis is down, each limiter falls back to
 * an in-memory twin (the library's insuranceLimiter): limits then hold per instance instead of
 * across them, and sign-in keeps working rather than failing with Redis.
 */
export async function redisLimiterStore(url: string, prefix: string): Promise<LimiterStore> {
  const logger = new Logger('RateLimits');
  // Commands fail fast while disconnected (no offline queue) or stalled (commandTimeout), so the
  // in-memory twin answers instead of a sign-in waiting on Redis.
  const redis = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000, commandTimeout: 1000 });
  let lastWarning = 0;
  const warn = (error: Error) => {
    if (Date.now() - lastWarning < 10_000) return;
    lastWarning = Date.now();
    logger.warn(`Redis unavailable, rate limits hold per instance until it is back: ${error.message}`);
  };
  redis.on('error', warn);
  // Connected before the first request when Redis is up; if it is not, ioredis keeps retrying.
  await redis.connect().catch(warn);
  return {
    kind: 'redis',
    window: (name, limit) => {
      const options = { keyPrefix: `${prefix}:${name}`, points: limit.points, duration: limit.seconds };
      return new RateLimiterRedis({ ...options, storeClient: redis, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory(options) });
    },
    close: async () => {
      // QUIT waits for the socket to close; without a connection there is nothing to wait for.
      if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
      else redis.disconnect();
    },
  };
}
