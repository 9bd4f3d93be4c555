import { resolve } from 'node:path';

import { z } from 'zod';

import { loadConfig } from '@badges/service-kit';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', ''], { error: 'must be true or false' })
  .optional()
  .transform((value) => value === 'true' || value === '1');

/**
 * The notification service's environment, validated once at boot (design.md §6: fail fast with a
 * clear list). INTERNAL_TOKEN itself is read by service-kit's InternalTokenGuard; it is listed
 * here so a malformed value stops the service. REDIS_URL / WORKERS / JOBS_* are validated by the
 * jobs lib and KAFKA_BROKERS by the messaging lib.
 */
export const NotificationEnvSchema = z.object({
  /** The gateway's public address (links in emails come from the events themselves). */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'PUBLIC_URL must be an http(s) URL, e.g. http://localhost:3000' })
    .default('http://localhost:3000')
    .transform((value) => value.replace(/\/+$/, '')),
  /** The issuer service's internal address (distributed mode only; embedded gets a client). */
  ISSUER_URL: z.url({ protocol: /^https?$/, error: 'ISSUER_URL must be an http(s) URL, e.g. http://issuer:3001' }).optional(),
  /** SMTP server, e.g. smtp://127.0.0.1:2525 or smtps://user:pass@mail.example.org. Unset: .eml files. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, { error: 'SMTP_URL must look like smtp://host:port or smtps://user:pass@host:port' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  MAIL_FROM: z.string().min(3).default('"Open Badges" <badges@localhost>'),
  DATA_DIR: z.string().min(1).default('./data'),
  /** Key material for secrets we must read back (webhook signing secrets). */
  SECRETS_ENCRYPTION_KEY: z
    .string({ error: 'SECRETS_ENCRYPTION_KEY is required (at least 32 characters of random text).' })
    .min(32, { error: 'SECRETS_ENCRYPTION_KEY must be at least 32 characters long.' }),
  INTERNAL_TOKEN: z.string().min(16, { error: 'INTERNAL_TOKEN, when set, must be at least 16 characters long.' }).optional(),
  /** Lets webhooks target private and loopback addresses (tests, closed deployments). */
  ALLOW_PRIVATE_NETWORK_FETCH: booleanFlag,
  PORT: z.coerce.number().int().min(1).max(65_535).default(3002),
});

/** What the service code sees; names are ours, not the environment's. */
export interface NotificationConfig {
  publicUrl: string;
  issuerUrl?: string;
  smtpUrl?: string;
  mailFrom: string;
  /** Absolute. */
  dataDir: string;
  secretsEncryptionKey: string;
  allowPrivateNetwork: boolean;
  port: number;
}

export function loadNotificationConfig(env: NodeJS.ProcessEnv = process.env): NotificationConfig {
  const parsed = loadConfig('notification', NotificationEnvSchema, env);
  return {
    publicUrl: parsed.PUBLIC_URL,
    issuerUrl: parsed.ISSUER_URL,
    smtpUrl: parsed.SMTP_URL,
    mailFrom: parsed.MAIL_FROM,
    dataDir: resolve(parsed.DATA_DIR),
    secretsEncryptionKey: parsed.SECRETS_ENCRYPTION_KEY,
    allowPrivateNetwork: parsed.ALLOW_PRIVATE_NETWORK_FETCH,
    port: parsed.PORT,
  };
}
