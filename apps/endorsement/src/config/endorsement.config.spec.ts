import { ConfigError } from '@badges/service-kit';

import { loadEndorsementConfig } from './endorsement.config';

describe('loadEndorsementConfig', () => {
  const KEY = 'k'.repeat(32);

  it('reads the environment, with defaults', () => {
    expect(loadEndorsementConfig({ SECRETS_ENCRYPTION_KEY: KEY })).toEqual({
      publicUrl: 'http://localhost:3000',
      issuerUrl: undefined,
      secretsEncryptionKey: KEY,
      internalToken: undefined,
      outboxRelayEnabled: true,
      port: 3004,
    });
  });

  it('needs SECRETS_ENCRYPTION_KEY (it seals endorsers\' signing keys), and lists every bad variable', () => {
    expect(() => loadEndorsementConfig({})).toThrow(/SECRETS_ENCRYPTION_KEY/);
    try {
      loadEndorsementConfig({ SECRETS_ENCRYPTION_KEY: 'short', PUBLIC_URL: 'ftp://x', PORT: 'abc' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((p) => p.split(':')[0])).toEqual(expect.arrayContaining(['SECRETS_ENCRYPTION_KEY', 'PUBLIC_URL', 'PORT']));
    }
  });
});
