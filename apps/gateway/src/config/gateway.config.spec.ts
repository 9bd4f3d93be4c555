import { z } from 'zod';

import { ConfigError, loadConfig } from '@badges/service-kit';

import { RATE_LIMIT_ENV } from '../rate-limits/rate-limit.config';
import { GatewayConfigSchema } from './gateway.config';

const ADMIN_TOKEN = 'a'.repeat(24);
const SECRETS_ENCRYPTION_KEY = 'k'.repeat(32);

describe('GatewayConfigSchema', () => {
  it('applies the documented defaults', () => {
    expect(loadConfig('gateway', GatewayConfigSchema, { ADMIN_TOKEN, SECRETS_ENCRYPTION_KEY })).toEqual({
      PORT: 3000,
      PUBLIC_URL: 'http://localhost:3000',
      ADMIN_TOKEN,
      SECRETS_ENCRYPTION_KEY,
      SSO_ALLOW_HTTP_ISSUERS: false,
      ACCESS_TOKEN_TTL_SECONDS: 3600,
      PASSWORD_SCRYPT_LOG_N: 16,
      STAFF_SESSION_TTL_SECONDS: 7 * 86_400,
      CORS_ALLOWED_ORIGINS: [],
      // Their figures are checked in rate-limits/rate-limit.config.spec.ts.
      ...z.object(RATE_LIMIT_ENV).parse({}),
      PUBLIC_CACHE_MAX_MB: 64,
      PUBLIC_CACHE_MAX_AGE_SECONDS: 300,
    });
  });

  it('refuses a public cache bound that is not a whole number of MB (0 turns it off)', () => {
    expect(loadConfig('gateway', GatewayConfigSchema, { ADMIN_TOKEN, SECRETS_ENCRYPTION_KEY, PUBLIC_CACHE_MAX_MB: '0' }).PUBLIC_CACHE_MAX_MB).toBe(0);
    expect(() => loadConfig('gateway', GatewayConfigSchema, { ADMIN_TOKEN, SECRETS_ENCRYPTION_KEY, PUBLIC_CACHE_MAX_MB: '-1' })).toThrow(/PUBLIC_CACHE_MAX_MB/);
    expect(() => loadConfig('gateway', GatewayConfigSchema, { ADMIN_TOKEN, SECRETS_ENCRYPTION_KEY, PUBLIC_CACHE_MAX_AGE_SECONDS: 'soon' })).toThrow(/PUBLIC_CACHE_MAX_AGE_SECONDS/);
  });

  it('reads the variables, trims the trailing slash of PUBLIC_URL and treats blanks as unset', () => {
    const config = loadConfig('gateway', GatewayConfigSchema, {
      ADMIN_TOKEN,
      SECRETS_ENCRYPTION_KEY,
      PORT: '8080',
      PUBLIC_URL: 'https://badges.example.org/',
      ACCESS_TOKEN_TTL_SECONDS: '600',
      ISSUER_URL: 'http://issuer:3001',
      INTERNAL_TOKEN: '',
    });
    expect(config).toMatchObject({ PORT: 8080, PUBLIC_URL: 'https://badges.example.org', ACCESS_TOKEN_TTL_SECONDS: 600, ISSUER_URL: 'http://issuer:3001' });
    expect(config.INTERNAL_TOKEN).toBeUndefined();
  });

  it('fails fast, naming each bad variable', () => {
    expect(() => loadConfig('gateway', GatewayConfigSchema, {})).toThrow(ConfigError);
    expect(() => loadConfig('gateway', GatewayConfigSchema, { ADMIN_TOKEN: 'short', SECRETS_ENCRYPTION_KEY })).toThrow(/ADMIN_TOKEN: ADMIN_TOKEN must be at least 24 characters/);
    expect(() => loadConfig('gateway', GatewayConfigSchema, { ADMIN_TOKEN, SECRETS_ENCRYPTION_KEY, PUBLIC_URL: 'ftp://x' })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig('gateway', GatewayConfigSchema, { ADMIN_TOKEN, SECRETS_ENCRYPTION_KEY, INTERNAL_TOKEN: 'tiny' })).toThrow(/INTERNAL_TOKEN/);
    expect(() => loadConfig('gateway', GatewayConfigSchema, { ADMIN_TOKEN })).toThrow(/SECRETS_ENCRYPTION_KEY is required/);
    expect(() => loadConfig('gateway', GatewayConfigSchema, { ADMIN_TOKEN, SECRETS_ENCRYPTION_KEY, SSO_ALLOW_HTTP_ISSUERS: 'yes' })).toThrow(/SSO_ALLOW_HTTP_ISSUERS/);
  });
});
