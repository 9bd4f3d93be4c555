import { randomBytes } from 'node:crypto';

import { memoryLimiterStore, redisLimiterStore, type LimiterStore } from '../rate-limits/limiter-store';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A fresh key prefix per test, so runs and parallel suites never share counters. */
export const uniquePrefix = () => `badges-test-rl-${randomBytes(4).toString('hex')}`;

/** Specs run each limit on both stores: memory (embedded default) and the real Redis. */
export const LIMITER_STORES: { name: string; open: (prefix: string) => Promise<LimiterStore> }[] = [
  { name: 'memory', open: async (prefix) => memoryLimiterStore(prefix) },
  { name: 'redis', open: (prefix) => redisLimiterStore(REDIS_URL, prefix) },
];
