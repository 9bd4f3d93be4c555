import { z } from 'zod';

import { ConfigError, loadConfig } from '@badges/service-kit';

import { RATE_LIMIT_ENV } from './rate-limit.config';

const schema = z.object(RATE_LIMIT_ENV);

describe('rate limit configuration', () => {
  it('protects a deployment by default: no trusted proxy, memory store, documented figures', () => {
    const config = loadConfig('gateway', schema, {});
    expect(config).toMatchObject({
      TRUST_PROXY: false,
      RATE_LIMIT_PREFIX: 'badges:rl',
      RATE_LIMIT_OAUTH_TOKEN_PER_IP: { points: 60, seconds: 60 },
      RATE_LIMIT_OAUTH_TOKEN_FAILURES_PER_CLIENT: { points: 20, seconds: 600 },
      RATE_LIMIT_SIGN_IN_PER_IP: { points: 60, seconds: 60 },
      RATE_LIMIT_SIGN_IN_FREE_FAILURES: 5,
      RATE_LIMIT_SIGN_IN_BACKOFF_SECONDS: 2,
      RATE_LIMIT_SIGN_IN_BACKOFF_MAX_SECONDS: 900,
      RATE_LIMIT_SIGN_IN_FAILURE_MEMORY_SECONDS: 86_400,
      RATE_LIMIT_SIGN_IN_FAILURES_PER_USERNAME: { points: 50, seconds: 3600 },
      RATE_LIMIT_SIGNUP_PER_IP: { points: 30, seconds: 3600 },
      RATE_LIMIT_SIGNUP_PER_EMAIL: { points: 3, seconds: 3600 },
      RATE_LIMIT_CONFIRM_EMAIL_PER_IP: { points: 30, seconds: 3600 },
      RATE_LIMIT_CONFIRM_EMAIL_PER_TOKEN: { points: 5, seconds: 3600 },
      RATE_LIMIT_EMAIL_RESEND_PER_IP: { points: 20, seconds: 3600 },
      RATE_LIMIT_EMAIL_RESEND_PER_EMAIL: { points: 5, seconds: 3600 },
      RATE_LIMIT_BADGE_CONNECT_AUTHORIZE_PER_IP: { points: 30, seconds: 60 },
      RATE_LIMIT_BADGE_CONNECT_TOKEN_PER_IP: { points: 60, seconds: 60 },
      RATE_LIMIT_VERIFY_PER_IP: { points: 60, seconds: 60 },
    });
    expect(config.REDIS_URL).toBeUndefined();
  });

  it('reads points/seconds windows, and blanks as unset', () => {
    const config = loadConfig('gateway', schema, { RATE_LIMIT_VERIFY_PER_IP: ' 5 / 10 ', RATE_LIMIT_SIGNUP_PER_IP: '', RATE_LIMIT_SIGN_IN_BACKOFF_SECONDS: '1' });
    expect(config.RATE_LIMIT_VERIFY_PER_IP).toEqual({ points: 5, seconds: 10 });
    expect(config.RATE_LIMIT_SIGNUP_PER_IP).toEqual({ points: 30, seconds: 3600 });
    expect(config.RATE_LIMIT_SIGN_IN_BACKOFF_SECONDS).toBe(1);
  });

  it.each([
    ['false', false],
    ['true', true],
    ['1', 1],
    ['10.0.0.1, 10.1.0.0/16', ['10.0.0.1', '10.1.0.0/16']],
  ])('passes TRUST_PROXY=%p to Fastify as %p', (value, expected) => {
    expect(loadConfig('gateway', schema, { TRUST_PROXY: value }).TRUST_PROXY).toEqual(expected);
  });

  it('fails fast on a malformed limit or store, naming the variable', () => {
    expect(() => loadConfig('gateway', schema, { RATE_LIMIT_VERIFY_PER_IP: '60' })).toThrow(/RATE_LIMIT_VERIFY_PER_IP: must be "points\/seconds"/);
    expect(() => loadConfig('gateway', schema, { RATE_LIMIT_SIGNUP_PER_IP: '0/60' })).toThrow(ConfigError);
    expect(() => loadConfig('gateway', schema, { RATE_LIMIT_SIGN_IN_BACKOFF_SECONDS: '0' })).toThrow(/RATE_LIMIT_SIGN_IN_BACKOFF_SECONDS/);
    expect(() => loadConfig('gateway', schema, { REDIS_URL: 'localhost:6379' })).toThrow(/REDIS_URL must start with redis:\/\//);
  });
});
