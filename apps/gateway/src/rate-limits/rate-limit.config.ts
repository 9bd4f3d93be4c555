import { z } from 'zod';

import { blankAsUnset, RedisUrlSchema } from '@badges/service-kit';

/** A fixed window: at most `points` in `seconds`. Written `points/seconds` in the environment, e.g. `60/60`. */
export interface WindowLimit {
  points: number;
  seconds: number;
}

const windowLimit = (fallback: `${number}/${number}`) =>
  z
    .string()
    .default(fallback)
    .transform((value, context): WindowLimit => {
      const match = /^\s*(\d{1,9})\s*\/\s*(\d{1,9})\s*$/.exec(value);
      const limit = match ? { points: Number(match[1]), seconds: Number(match[2]) } : undefined;
      if (limit && limit.points >= 1 && limit.seconds >= 1) return limit;
      context.addIssue({ code: 'custom', message: `must be "points/seconds" with both at least 1, e.g. ${fallback}` });
      return z.NEVER;
    });

const seconds = (fallback: number) => z.coerce.number().int().min(1).max(31_536_000).default(fallback);

/**
 * Fastify's `trustProxy`: `false` (the default: the socket's address is the client), `true` (trust
 * every hop; only behind a proxy that overwrites X-Forwarded-For), a hop count, or a comma list of
 * proxy addresses/CIDRs.
 */
const trustProxy = z
  .string()
  .default('false')
  .transform((value): boolean | number | string[] => {
    const trimmed = value.trim();
    if (trimmed === 'false' || trimmed === '') return false;
    if (trimmed === 'true') return true;
    if (/^\d{1,2}$/.test(trimmed)) return Number(trimmed);
    return trimmed.split(',').map((entry) => entry.trim()).filter(Boolean);
  });

/**
 * The gateway's abuse limits (docs/security.md), each overridable by environment. Defaults protect a
 * deployment; a classroom behind one school NAT stays under them.
 */
export const RATE_LIMIT_ENV = {
  TRUST_PROXY: blankAsUnset(trustProxy),
  REDIS_URL: RedisUrlSchema,
  RATE_LIMIT_PREFIX: blankAsUnset(z.string().regex(/^[A-Za-z0-9:_-]{1,64}$/).default('badges:rl')),
  RATE_LIMIT_OAUTH_TOKEN_PER_IP: blankAsUnset(windowLimit('60/60')),
  RATE_LIMIT_OAUTH_TOKEN_FAILURES_PER_CLIENT: blankAsUnset(windowLimit('20/600')),
  RATE_LIMIT_SIGN_IN_PER_IP: blankAsUnset(windowLimit('60/60')),
  RATE_LIMIT_SIGN_IN_FREE_FAILURES: blankAsUnset(z.coerce.number().int().min(0).max(1000).default(5)),
  RATE_LIMIT_SIGN_IN_BACKOFF_SECONDS: blankAsUnset(seconds(2)),
  RATE_LIMIT_SIGN_IN_BACKOFF_MAX_SECONDS: blankAsUnset(seconds(900)),
  RATE_LIMIT_SIGN_IN_FAILURE_MEMORY_SECONDS: blankAsUnset(seconds(86_400)),
  RATE_LIMIT_SIGN_IN_FAILURES_PER_USERNAME: blankAsUnset(windowLimit('50/3600')),
  RATE_LIMIT_SIGNUP_PER_IP: blankAsUnset(windowLimit('30/3600')),
  RATE_LIMIT_SIGNUP_PER_EMAIL: blankAsUnset(windowLimit('3/3600')),
  RATE_LIMIT_CONFIRM_EMAIL_PER_IP: blankAsUnset(windowLimit('30/3600')),
  RATE_LIMIT_CONFIRM_EMAIL_PER_TOKEN: blankAsUnset(windowLimit('5/3600')),
  RATE_LIMIT_EMAIL_RESEND_PER_IP: blankAsUnset(windowLimit('20/3600')),
  RATE_LIMIT_EMAIL_RESEND_PER_EMAIL: blankAsUnset(windowLimit('5/3600')),
  RATE_LIMIT_BADGE_CONNECT_AUTHORIZE_PER_IP: blankAsUnset(windowLimit('30/60')),
  RATE_LIMIT_BADGE_CONNECT_TOKEN_PER_IP: blankAsUnset(windowLimit('60/60')),
  RATE_LIMIT_VERIFY_PER_IP: blankAsUnset(windowLimit('60/60')),
  /** The verifier's reads under /v2/verify/ (its image proxy fetches from the issuer's host). */
  RATE_LIMIT_VERIFY_READS_PER_IP: blankAsUnset(windowLimit('300/60')),
  /** Single sign-on's start and callback: each may make the gateway call the institution's provider. */
  RATE_LIMIT_SSO_PER_IP: blankAsUnset(windowLimit('30/60')),
  /** A learner's Badgr backpack imports: each signs in to a Badgr and queues a verification per badge. */
  RATE_LIMIT_BADGR_IMPORT_PER_IP: blankAsUnset(windowLimit('30/3600')),
  RATE_LIMIT_BADGR_IMPORT_PER_LEARNER: blankAsUnset(windowLimit('10/3600')),
};

export type RateLimitConfig = z.output<z.ZodObject<typeof RATE_LIMIT_ENV>>;
