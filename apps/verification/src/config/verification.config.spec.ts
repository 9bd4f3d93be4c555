import { ConfigError } from '@badges/service-kit';

import { loadVerificationConfig } from './verification.config';

describe('loadVerificationConfig', () => {
  it('has safe defaults: nothing private reachable, a 60 s cache, in-process', () => {
    expect(loadVerificationConfig({})).toEqual({
      publicUrl: 'http://localhost:3000',
      issuerUrl: undefined,
      redisUrl: undefined,
      allowPrivateNetwork: false,
      allowedPrivateAddresses: [],
      cacheTtlSeconds: 60,
      fetchTimeoutMs: 5000,
      maxDocumentBytes: 1024 * 1024,
      port: 3003,
    });
  });

  it('reads the allow-list of private addresses, brackets and spaces trimmed', () => {
    expect(loadVerificationConfig({ VERIFY_ALLOWED_PRIVATE_ADDRESSES: '127.0.0.1, [::1]' }).allowedPrivateAddresses).toEqual(['127.0.0.1', '::1']);
  });

  it('fails fast with every problem listed', () => {
    const attempt = () => loadVerificationConfig({ VERIFY_CACHE_TTL_SECONDS: '-1', REDIS_URL: 'localhost:6379', VERIFY_ALLOWED_PRIVATE_ADDRESSES: 'http://x/' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/VERIFY_CACHE_TTL_SECONDS[\s\S]*REDIS_URL|REDIS_URL[\s\S]*VERIFY_CACHE_TTL_SECONDS/);
    expect(attempt).toThrow(/VERIFY_ALLOWED_PRIVATE_ADDRESSES/);
  });
});
