import { RateLimiterRes } from 'rate-limiter-flexible';

import { LIMITER_STORES, uniquePrefix } from '../testing/limiter-stores';
import { redisLimiterStore } from './limiter-store';

describe.each(LIMITER_STORES)('limiter store ($name)', ({ open }) => {
  it('allows a window its points, refuses the next with the time left, and keeps names apart', async () => {
    const store = await open(uniquePrefix());
    try {
      const limiter = store.window('verify:ip', { points: 2, seconds: 30 });
      await limiter.consume('203.0.113.7');
      await limiter.consume('203.0.113.7');
      const refusal = await limiter.consume('203.0.113.7').catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(RateLimiterRes);
      expect((refusal as RateLimiterRes).msBeforeNext).toBeGreaterThan(29_000);
      await expect(store.window('signup:ip', { points: 2, seconds: 30 }).consume('203.0.113.7')).resolves.toBeInstanceOf(RateLimiterRes);
    } finally {
      await store.close();
    }
  });
});

describe('limiter store on an unreachable Redis', () => {
  it('still limits, in this process (the insurance limiter), instead of failing the request', async () => {
    const store = await redisLimiterStore('redis://127.0.0.1:1', uniquePrefix());
    try {
      const limiter = store.window('sign-in:ip', { points: 1, seconds: 30 });
      await expect(limiter.consume('203.0.113.7')).resolves.toBeInstanceOf(RateLimiterRes);
      await expect(limiter.consume('203.0.113.7')).rejects.toBeInstanceOf(RateLimiterRes);
    } finally {
      await store.close();
    }
  });
});
