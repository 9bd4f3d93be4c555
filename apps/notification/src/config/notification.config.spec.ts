import { ConfigError } from '@badges/service-kit';

import { loadNotificationConfig } from './notification.config';

describe('notification config', () => {
  const key = 'k'.repeat(32);

  it('applies defaults', () => {
    const config = loadNotificationConfig({ SECRETS_ENCRYPTION_KEY: key });
    expect(config).toMatchObject({ port: 3002, mailFrom: '"Open Badges" <badges@localhost>', allowPrivateNetwork: false, smtpUrl: undefined, smtpPoolConnections: 10, publicUrl: 'http://localhost:3000' });
    expect(config.dataDir).toMatch(/\/data$/);
  });

  it('reads SMTP_URL, ISSUER_URL and the private-network flag', () => {
    const config = loadNotificationConfig({ SECRETS_ENCRYPTION_KEY: key, SMTP_URL: 'smtp://127.0.0.1:2525', ISSUER_URL: 'http://issuer:3001', ALLOW_PRIVATE_NETWORK_FETCH: 'true', PORT: '4000', SMTP_POOL_CONNECTIONS: '4' });
    expect(config).toMatchObject({ smtpUrl: 'smtp://127.0.0.1:2525', smtpPoolConnections: 4, issuerUrl: 'http://issuer:3001', allowPrivateNetwork: true, port: 4000 });
  });

  it('fails fast with a list of problems', () => {
    expect(() => loadNotificationConfig({})).toThrow(ConfigError);
    const bad = () => loadNotificationConfig({ SECRETS_ENCRYPTION_KEY: 'short', SMTP_URL: 'http://mail', ALLOW_PRIVATE_NETWORK_FETCH: 'yes', SMTP_POOL_CONNECTIONS: '0' });
    for (const name of ['SECRETS_ENCRYPTION_KEY', 'SMTP_URL', 'ALLOW_PRIVATE_NETWORK_FETCH', 'SMTP_POOL_CONNECTIONS']) expect(bad).toThrow(name);
  });
});
