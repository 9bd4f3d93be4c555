import type { RateLimiterAbstract } from 'rate-limiter-flexible';

import { FailureCeiling } from './failure-ceiling';
import type { LimiterStore } from './limiter-store';
import type { WindowLimit } from './rate-limit.config';

export interface SignInBackoffPolicy {
  /** Consecutive failures per username and IP that cost nothing. */
  freeFailures: number;
  /** The wait after the first failure past the free ones; each further failure doubles it. */
  backoffSeconds: number;
  maxBackoffSeconds: number;
  /** How long a run of consecutive failures is remembered (from its first failure). */
  failureMemorySeconds: number;
  /** Failures per username from anywhere; past it, only a browser known to the account may try. */
  perUsername: WindowLimit;
}

/**
 * A pair that signed in successfully skips the per-username ceiling for this long. At most 24
 * days: the memory store expires each key with a Node timer, which holds at most 2^31-1 ms (24.8
 * days); a longer one fires at once and the pair is forgotten as soon as it is remembered.
 */
const KNOWN_PAIR_SECONDS = 24 * 86_400;

/** The wait in seconds after `failures` consecutive failures (0 while they are free). */
export function backoffSeconds(failures: number, policy: Pick<SignInBackoffPolicy, 'freeFailures' | 'backoffSeconds' | 'maxBackoffSeconds'>): number {
  const beyond = failures - policy.freeFailures;
  if (beyond <= 0) return 0;
  return Math.min(policy.backoffSeconds * 2 ** Math.min(beyond - 1, 30), policy.maxBackoffSeconds);
}

/**
 * Progressive back-off for wrong passwords (rate-limiter-flexible's "login endpoint protection"):
 * - consecutive failures are counted per (username, IP); past the free ones each failure blocks
 *   that pair for a doubling wait, capped; a success clears the count and the block;
 * - failures per username from every IP have a ceiling whose wait ends with its window, and a
 *   pair that signed in before skips it, so an attacker elsewhere can slow a learner down but not
 *   lock them out.
 */
export class SignInBackoff {
  private readonly failures: RateLimiterAbstract;
  private readonly blocks: RateLimiterAbstract;
  private readonly knownPairs: RateLimiterAbstract;
  private readonly perUsername: FailureCeiling;

  /**
   * `name` keeps apart accounts that share an address but not a password (a learner's passport,
   * a staff account): a success at one must not clear, nor vouch for, failures at the other.
   */
  constructor(store: LimiterStore, private readonly policy: SignInBackoffPolicy, name = 'sign-in') {
    this.failures = store.window(`${name}:consecutive`, { points: 1, seconds: policy.failureMemorySeconds });
    this.blocks = store.window(`${name}:blocked`, { points: 1, seconds: policy.maxBackoffSeconds });
    this.knownPairs = store.window(`${name}:known`, { points: 1, seconds: KNOWN_PAIR_SECONDS });
    this.perUsername = new FailureCeiling(store.window(`${name}:username`, policy.perUsername));
  }

  /** Milliseconds this username must still wait from this IP, 0 if it may try. */
  async waitMs(username: string, ip: string): Promise<number> {
    const pair = pairKey(username, ip);
    const [block, known, ceiling] = await Promise.all([this.blocks.get(pair), this.knownPairs.get(pair), this.perUsername.waitMs(username)]);
    const blocked = block && block.consumedPoints > this.blocks.points ? block.msBeforeNext : 0;
    return Math.max(blocked, known ? 0 : ceiling);
  }

  async fail(username: string, ip: string): Promise<void> {
    const pair = pairKey(username, ip);
    const [run] = await Promise.all([this.failures.penalty(pair), this.perUsername.fail(username)]);
    const wait = backoffSeconds(run.consumedPoints, this.policy);
    if (wait > 0) await this.blocks.block(pair, wait);
  }

  async succeed(username: string, ip: string): Promise<void> {
    const pair = pairKey(username, ip);
    await Promise.all([this.failures.delete(pair), this.blocks.delete(pair), this.knownPairs.set(pair, 1, KNOWN_PAIR_SECONDS)]);
  }
}

function pairKey(username: string, ip: string): string {
  return `${username}|${ip}`;
}
