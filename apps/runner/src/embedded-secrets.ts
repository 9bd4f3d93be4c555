import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface EmbeddedSecrets {
  adminToken: string;
  recipientLookupSecret: string;
  /** Key for secrets the platform must read back (webhook signing secrets, issuer signing keys). */
  secretsEncryptionKey: string;
}

/**
 * The embedded default must start with nothing configured, yet keep working across restarts:
 * secrets are generated once into the data folder (mode 0600) and reused. Values given in the
 * environment always win.
 */
export function loadOrCreateSecrets(dataDir: string, env: NodeJS.ProcessEnv): { secrets: EmbeddedSecrets; adminTokenFile: string } {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'secrets.json');
  const stored: Partial<EmbeddedSecrets> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const secrets: EmbeddedSecrets = {
    adminToken: stored.adminToken ?? randomBytes(24).toString('base64url'),
    recipientLookupSecret: stored.recipientLookupSecret ?? randomBytes(32).toString('base64url'),
    secretsEncryptionKey: stored.secretsEncryptionKey ?? randomBytes(32).toString('base64url'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  const adminTokenFile = join(dataDir, 'admin-token');
  const adminToken = env.ADMIN_TOKEN ?? secrets.adminToken;
  writeFileSync(adminTokenFile, `${adminToken}\n`, { mode: 0o600 });
  return {
    secrets: {
      adminToken,
      recipientLookupSecret: env.RECIPIENT_LOOKUP_SECRET ?? secrets.recipientLookupSecret,
      secretsEncryptionKey: env.SECRETS_ENCRYPTION_KEY ?? secrets.secretsEncryptionKey,
    },
    adminTokenFile,
  };
}
