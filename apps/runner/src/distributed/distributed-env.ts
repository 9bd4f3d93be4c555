import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';

import { loadOrCreateSecrets } from '../embedded-secrets';

export interface DistributedPlan {
  env: NodeJS.ProcessEnv;
  ports: { gateway: number; issuer: number; notification: number; verification: number; passport: number };
  adminTokenFile: string;
}

const REQUIRED = ['DATABASE_URL', 'KAFKA_BROKERS', 'REDIS_URL'] as const;

/**
 * The environment every service process of the distributed stack shares. Unlike the embedded
 * default it needs real infrastructure: PostgreSQL, Kafka and Redis. Secrets not given in the
 * environment are generated once into DATA_DIR, as in the embedded default.
 */
export function planDistributedStack(base: NodeJS.ProcessEnv): DistributedPlan {
  const missing = REQUIRED.filter((name) => !base[name]);
  if (missing.length > 0) {
    throw new Error(
      `Distributed mode needs ${missing.join(', ')} (PostgreSQL, Kafka and Redis). ` +
        'For example: DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test KAFKA_BROKERS=127.0.0.1:9092 REDIS_URL=redis://127.0.0.1:6379 ' +
        '(npm run kafka:start starts a local broker). Without them, use `npm start`.',
    );
  }
  const dataDir = resolve(base.DATA_DIR ?? './data');
  const { secrets, adminTokenFile } = loadOrCreateSecrets(dataDir, base);
  const ports = {
    gateway: Number(base.PORT ?? 3000),
    issuer: Number(base.ISSUER_PORT ?? 3001),
    notification: Number(base.NOTIFICATION_PORT ?? 3002),
    verification: Number(base.VERIFICATION_PORT ?? 3003),
    passport: Number(base.PASSPORT_PORT ?? 3004),
  };
  const env: NodeJS.ProcessEnv = {
    ...base,
    DATA_DIR: dataDir,
    PUBLIC_URL: base.PUBLIC_URL ?? `http://localhost:${ports.gateway}`,
    ADMIN_TOKEN: secrets.adminToken,
    RECIPIENT_LOOKUP_SECRET: secrets.recipientLookupSecret,
    SECRETS_ENCRYPTION_KEY: secrets.secretsEncryptionKey,
    INTERNAL_TOKEN: base.INTERNAL_TOKEN ?? randomBytes(24).toString('base64url'),
    ISSUER_URL: base.ISSUER_URL ?? `http://127.0.0.1:${ports.issuer}`,
    NOTIFICATION_URL: base.NOTIFICATION_URL ?? `http://127.0.0.1:${ports.notification}`,
    VERIFICATION_URL: base.VERIFICATION_URL ?? `http://127.0.0.1:${ports.verification}`,
    PASSPORT_URL: base.PASSPORT_URL ?? `http://127.0.0.1:${ports.passport}`,
  };
  return { env, ports, adminTokenFile };
}
