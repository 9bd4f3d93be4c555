import { ConfigError } from '@badges/service-kit';

import { loadIssuerConfig } from './issuer.config';

const KEY = 'k'.repeat(32);

describe('loadIssuerConfig', () => {
  it('applies defaults', () => {
    expect(loadIssuerConfig({ RECIPIENT_LOOKUP_SECRET: 'x'.repeat(16), SECRETS_ENCRYPTION_KEY: KEY })).toEqual({
      publicUrl: 'http://localhost:3000',
      recipientLookupSecret: 'x'.repeat(16),
      secretsEncryptionKey: KEY,
      port: 3001,
      outboxRelayEnabled: true,
      allowPrivateNetwork: false,
    });
  });

  it('strips a trailing slash from PUBLIC_URL and reads PORT', () => {
    expect(loadIssuerConfig({ RECIPIENT_LOOKUP_SECRET: 'x'.repeat(16), SECRETS_ENCRYPTION_KEY: KEY, PUBLIC_URL: 'https://badges.example.org/', PORT: '8080' })).toMatchObject({
      publicUrl: 'https://badges.example.org',
      port: 8080,
    });
  });

  it('fails fast with every problem listed', () => {
    try {
      loadIssuerConfig({ RECIPIENT_LOOKUP_SECRET: 'short', SECRETS_ENCRYPTION_KEY: 'short', PUBLIC_URL: 'ftp://x', PORT: 'abc' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((p) => p.split(':')[0])).toEqual(expect.arrayContaining(['RECIPIENT_LOOKUP_SECRET', 'SECRETS_ENCRYPTION_KEY', 'PUBLIC_URL', 'PORT']));
    }
    expect(() => loadIssuerConfig({})).toThrow(/RECIPIENT_LOOKUP_SECRET/);
    expect(() => loadIssuerConfig({ RECIPIENT_LOOKUP_SECRET: 'x'.repeat(16) })).toThrow(/SECRETS_ENCRYPTION_KEY/);
  });
});
