import { z } from 'zod';

import { loadConfig } from '@badges/service-kit';

/**
 * The issuer service's environment, validated once at boot (design.md §6: fail fast with a
 * clear list). INTERNAL_TOKEN itself is read by service-kit's InternalTokenGuard; it is listed
 * here so a malformed value stops the service instead of silently locking the gateway out.
 */
export const IssuerEnvSchema = z.object({
  /** Base of every public document id (`${PUBLIC_URL}/public/...`); the gateway's address. */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'PUBLIC_URL must be an http(s) URL, e.g. http://localhost:3000' })
    .default('http://localhost:3000')
    .transform((value) => value.replace(/\/+$/, '')),
  /** Key of the HMAC that indexes recipients without storing their plaintext identity. */
  RECIPIENT_LOOKUP_SECRET: z
    .string({ error: 'RECIPIENT_LOOKUP_SECRET is required (at least 16 characters of random text).' })
    .min(16, { error: 'RECIPIENT_LOOKUP_SECRET must be at least 16 characters long.' }),
  /**
   * Seals the issuers' private signing keys at rest (AES-256-GCM, HKDF-derived key). Required:
   * without it no signed badge could be issued, and a default would be a published key. The
   * runner generates one in embedded mode and passes it in both modes.
   */
  SECRETS_ENCRYPTION_KEY: z
    .string({ error: 'SECRETS_ENCRYPTION_KEY is required (at least 32 characters of random text).' })
    .min(32, { error: 'SECRETS_ENCRYPTION_KEY must be at least 32 characters long.' }),
  INTERNAL_TOKEN: z.string().min(16, { error: 'INTERNAL_TOKEN, when set, must be at least 16 characters long.' }).optional(),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3001),
  /**
   * `false` leaves committed events in the outbox unpublished: for an instance that must not
   * publish (maintenance), and for the crash-recovery tests (commit, then kill before publishing).
   */
  OUTBOX_RELAY_ENABLED: z.enum(['true', 'false']).default('true').transform((value) => value === 'true'),
});

export type IssuerEnv = z.output<typeof IssuerEnvSchema>;

/** What the service code sees; names are ours, not the environment's. */
export interface IssuerConfig {
  publicUrl: string;
  recipientLookupSecret: string;
  secretsEncryptionKey: string;
  port: number;
  outboxRelayEnabled: boolean;
}

export function loadIssuerConfig(env: NodeJS.ProcessEnv = process.env): IssuerConfig {
  const parsed = loadConfig('issuer', IssuerEnvSchema, env);
  return {
    publicUrl: parsed.PUBLIC_URL,
    recipientLookupSecret: parsed.RECIPIENT_LOOKUP_SECRET,
    secretsEncryptionKey: parsed.SECRETS_ENCRYPTION_KEY,
    port: parsed.PORT,
    outboxRelayEnabled: parsed.OUTBOX_RELAY_ENABLED,
  };
}
