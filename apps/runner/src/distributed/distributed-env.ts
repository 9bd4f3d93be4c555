import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';

import { loadOrCreateSecrets } from '../embedded-secrets';

/**
 * Every service of the distributed stack, in start order: the gateway last, once the services it
 * forwards to answer. Adding a service here gives it a port, a `<NAME>_URL` for the others, and a
 * process in `start:distributed`, the test stack and the benchmarks.
 */
export const DISTRIBUTED_SERVICES = ['issuer', 'notification', 'endorsement', 'verification', 'passport', 'gateway'] as const;
export type DistributedService = (typeof DISTRIBUTED_SERVICES)[number];

const DEFAULT_PORTS: Record<DistributedService, number> = { issuer: 3001, notification: 3002, verification: 3003, endorsement: 3004, passport: 3005, gateway: 3000 };

/** The variable that sets a service's port: `PORT` for the gateway (the public one), else `<NAME>_PORT`. */
export function portVariable(service: DistributedService): string {
  return service === 'gateway' ? 'PORT' : `${service.toUpperCase()}_PORT`;
}

export interface DistributedPlan {
  env: NodeJS.ProcessEnv;
  ports: Record<DistributedService, number>;
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
  const ports = Object.fromEntries(DISTRIBUTED_SERVICES.map((service) => [service, Number(base[portVariable(service)] ?? DEFAULT_PORTS[service])])) as Record<DistributedService, number>;
  // Where each service is reached by the others (the gateway is reached at PUBLIC_URL).
  const serviceUrls = Object.fromEntries(
    DISTRIBUTED_SERVICES.filter((service) => service !== 'gateway').map((service) => {
      const variable = `${service.toUpperCase()}_URL`;
      return [variable, base[variable] ?? `http://127.0.0.1:${ports[service]}`];
    }),
  );
  const env: NodeJS.ProcessEnv = {
    ...base,
    DATA_DIR: dataDir,
    PUBLIC_URL: base.PUBLIC_URL ?? `http://localhost:${ports.gateway}`,
    ADMIN_TOKEN: secrets.adminToken,
    RECIPIENT_LOOKUP_SECRET: secrets.recipientLookupSecret,
    SECRETS_ENCRYPTION_KEY: secrets.secretsEncryptionKey,
    INTERNAL_TOKEN: base.INTERNAL_TOKEN ?? randomBytes(24).toString('base64url'),
    ...serviceUrls,
  };
  return { env, ports, adminTokenFile };
}
