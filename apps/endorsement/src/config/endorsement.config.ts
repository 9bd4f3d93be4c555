import { z } from 'zod';

import { loadConfig } from '@badges/service-kit';

/**
 * The endorsement service's environment, validated once at boot (design.md §6: fail fast with a
 * clear list). INTERNAL_TOKEN is read by service-kit's InternalTokenGuard; it is listed so a
 * malformed value stops the service. KAFKA_BROKERS is validated by the messaging lib.
 */
export const EndorsementEnvSchema = z.object({
  /** The gateway's public address: the base of every endorsement and endorser Profile id. */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'PUBLIC_URL must be an http(s) URL, e.g. http://localhost:3000' })
    .default('http://localhost:3000')
    .transform((value) => value.replace(/\/+$/, '')),
  /** The issuer service's internal address (distributed mode only; embedded gets a client). */
  ISSUER_URL: z.url({ protocol: /^https?$/, error: 'ISSUER_URL must be an http(s) URL, e.g. http://issuer:3001' }).optional(),
  /** Seals endorsers' private signing keys at rest (service-kit SecretSealer), as in the issuer. */
  SECRETS_ENCRYPTION_KEY: z
    .string({ error: 'SECRETS_ENCRYPTION_KEY is required (at least 32 characters of random text).' })
    .min(32, { error: 'SECRETS_ENCRYPTION_KEY must be at least 32 characters long.' }),
  INTERNAL_TOKEN: z.string().min(16, { error: 'INTERNAL_TOKEN, when set, must be at least 16 characters long.' }).optional(),
  OUTBOX_RELAY_ENABLED: z
    .enum(['true', 'false', '1', '0', ''], { error: 'must be true or false' })
    .optional()
    .transform((value) => value !== 'false' && value !== '0'),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3004),
});

/** What the service code sees; names are ours, not the environment's. */
export interface EndorsementConfig {
  publicUrl: string;
  issuerUrl?: string;
  secretsEncryptionKey: string;
  internalToken?: string;
  outboxRelayEnabled: boolean;
  port: number;
}

export function loadEndorsementConfig(env: NodeJS.ProcessEnv = process.env): EndorsementConfig {
  const parsed = loadConfig('endorsement', EndorsementEnvSchema, env);
  return {
    publicUrl: parsed.PUBLIC_URL,
    issuerUrl: parsed.ISSUER_URL,
    secretsEncryptionKey: parsed.SECRETS_ENCRYPTION_KEY,
    internalToken: parsed.INTERNAL_TOKEN,
    outboxRelayEnabled: parsed.OUTBOX_RELAY_ENABLED,
    port: parsed.PORT,
  };
}
