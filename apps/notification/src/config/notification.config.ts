import { resolve } from 'node:path';

import { z } from 'zod';

import { envFlag, internalServiceUrl, SecretsEncryptionKeySchema, serviceConfigLoader, serviceEnvSchema } from '@badges/service-kit';

/**
 * The notification service's environment, validated once at boot (design.md §6: fail fast with a
 * clear list). PORT, PUBLIC_URL and INTERNAL_TOKEN are every service's (service-kit); links in
 * emails come from the events themselves. REDIS_URL / WORKERS / JOBS_* are validated by the jobs
 * lib and KAFKA_BROKERS by the messaging lib.
 */
export const NotificationEnvSchema = serviceEnvSchema({ defaultPort: 3002 }).extend({
  ISSUER_URL: internalServiceUrl('ISSUER_URL', 'http://issuer:3001'),
  /** SMTP server, e.g. smtp://127.0.0.1:2525 or smtps://user:pass@mail.example.org. Unset: .eml files. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, { error: 'SMTP_URL must look like smtp://host:port or smtps://user:pass@host:port' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Connections the SMTP pool keeps open (decision 0053); your provider's limit on concurrent connections is the ceiling. */
  SMTP_POOL_CONNECTIONS: z.coerce.number().int().min(1).max(100).default(10),
  MAIL_FROM: z.string().min(3).default('"Open Badges" <badges@localhost>'),
  DATA_DIR: z.string().min(1).default('./data'),
  /** Key material for secrets we must read back (webhook signing secrets). */
  SECRETS_ENCRYPTION_KEY: SecretsEncryptionKeySchema,
  /** Lets webhooks target private and loopback addresses (tests, closed deployments). */
  ALLOW_PRIVATE_NETWORK_FETCH: envFlag(false),
});

export const loadNotificationConfig = serviceConfigLoader('notification', NotificationEnvSchema, (env) => ({
  issuerUrl: env.ISSUER_URL,
  smtpUrl: env.SMTP_URL,
  smtpPoolConnections: env.SMTP_POOL_CONNECTIONS,
  mailFrom: env.MAIL_FROM,
  dataDir: resolve(env.DATA_DIR),
  secretsEncryptionKey: env.SECRETS_ENCRYPTION_KEY,
  allowPrivateNetwork: env.ALLOW_PRIVATE_NETWORK_FETCH,
}));

/** What the service code sees; names are ours, not the environment's. */
export type NotificationConfig = ReturnType<typeof loadNotificationConfig>;
