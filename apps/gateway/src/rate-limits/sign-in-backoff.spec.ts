import { LIMITER_STORES, REDIS_URL, uniquePrefix } from '../testing/limiter-stores';
import { redisLimiterStore, type LimiterStore } from './limiter-store';
import { backoffSeconds, SignInBackoff, type SignInBackoffPolicy } from './sign-in-backoff';

const POLICY: SignInBackoffPolicy = { freeFailures: 3, backoffSeconds: 1, maxBackoffSeconds: 4, failureMemorySeconds: 600, perUsername: { points: 8, seconds: 2 } };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('backoffSeconds', () => {
  it('is free for the first failures, then doubles from the base up to the cap', () => {
    const policy = { freeFailures: 5, backoffSeconds: 2, maxBackoffSeconds: 900 };
    expect([1, 5, 6, 7, 8, 9, 13, 14, 15, 1000].map((failures) => backoffSeconds(failures, policy))).toEqual([0, 0, 2, 4, 8, 16, 256, 512, 900, 900]);
  });
});

describe.each(LIMITER_STORES)('SignInBackoff ($name)', ({ open }) => {
  let store: LimiterStore;
  let backoff: SignInBackoff;

  beforeEach(async () => {
    store = await open(uniquePrefix());
    backoff = new SignInBackoff(store, POLICY);
  });
  afterEach(() => store.close());

  const failTimes = async (times: number, username = 'ada', ip = '203.0.113.7') => {
    for (let index = 0; index < times; index += 1) await backoff.fail(username, ip);
  };

  it('keeps apart the counters of another name: a success there neither clears nor vouches for failures here', async () => {
    const staff = new SignInBackoff(store, POLICY, 'staff-sign-in');
    await failTimes(4);
    const blocked = await backoff.waitMs('ada', '203.0.113.7');
    expect(blocked).toBeGreaterThan(0);
    expect(await staff.waitMs('ada', '203.0.113.7')).toBe(0);
    await staff.succeed('ada', '203.0.113.7');
    expect(await backoff.waitMs('ada', '203.0.113.7')).toBeGreaterThan(0);
  });

  it('lets the free failures through, then makes each further failure wait twice as long, capped', async () => {
    await failTimes(3);
    expect(await backoff.waitMs('ada', '203.0.113.7')).toBe(0);
    const waits: number[] = [];
    for (let index = 0; index < 4; index += 1) {
      await backoff.fail('ada', '203.0.113.7');
      waits.push(await backoff.waitMs('ada', '203.0.113.7'));
    }
    // 1 s, 2 s, 4 s, then the 4 s cap (a few ms may already have passed).
    expect(waits.map((ms) => Math.ceil(ms / 1000))).toEqual([1, 2, 4, 4]);
  });

  it('ends the wait when it has run, and a success clears the count and the block', async () => {
    await failTimes(4);
    expect(await backoff.waitMs('ada', '203.0.113.7')).toBeGreaterThan(0);
    await sleep(1100);
    expect(await backoff.waitMs('ada', '203.0.113.7')).toBe(0);

    await failTimes(1); // the fifth in a row: 2 s
    expect(Math.ceil((await backoff.waitMs('ada', '203.0.113.7')) / 1000)).toBe(2);
    await backoff.succeed('ada', '203.0.113.7');
    expect(await backoff.waitMs('ada', '203.0.113.7')).toBe(0);
    await failTimes(3);
    expect(await backoff.waitMs('ada', '203.0.113.7')).toBe(0); // free again after the success
  });

  it('blocks the pair, not the learner: the same username from another IP may still try', async () => {
    await failTimes(5, 'ada', '198.51.100.1');
    expect(await backoff.waitMs('ada', '198.51.100.1')).toBeGreaterThan(0);
    expect(await backoff.waitMs('ada', '203.0.113.7')).toBe(0);
    expect(await backoff.waitMs('grace', '198.51.100.1')).toBe(0);
  });

  it('caps failures per username from everywhere for a bounded time, except for a pair that signed in before', async () => {
    await backoff.succeed('ada', '192.0.2.10'); // the learner's own browser
    await sleep(20); // time passes: the pair is still known (a memory store once forgot it at its first timer)
    for (let index = 0; index < 8; index += 1) await backoff.fail('ada', `198.51.100.${index}`); // spread so no pair backs off
    expect(await backoff.waitMs('ada', '198.51.100.99')).toBeGreaterThan(0);
    expect(await backoff.waitMs('ada', '192.0.2.10')).toBe(0);
    await sleep(2100); // the ceiling's window ends: nobody stays locked out
    expect(await backoff.waitMs('ada', '198.51.100.99')).toBe(0);
  });
});

describe('SignInBackoff on one Redis shared by two gateway instances', () => {
  it('sees the failures counted by the other instance', async () => {
    const prefix = uniquePrefix();
    const [first, second] = [await redisLimiterStore(REDIS_URL, prefix), await redisLimiterStore(REDIS_URL, prefix)];
    try {
      const [one, two] = [new SignInBackoff(first, POLICY), new SignInBackoff(second, POLICY)];
      await one.fail('ada', '203.0.113.7');
      await two.fail('ada', '203.0.113.7');
      await one.fail('ada', '203.0.113.7');
      expect(await two.waitMs('ada', '203.0.113.7')).toBe(0);
      await two.fail('ada', '203.0.113.7'); // the fourth in a row, across both instances
      expect(await one.waitMs('ada', '203.0.113.7')).toBeGreaterThan(0);
      await one.succeed('ada', '203.0.113.7');
      expect(await two.waitMs('ada', '203.0.113.7')).toBe(0);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});
