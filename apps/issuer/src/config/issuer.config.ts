import { z } from 'zod';

import { envFlag, SecretsEncryptionKeySchema, serviceConfigLoader, serviceEnvSchema } from '@badges/service-kit';

/**
 * The issuer service's environment, validated once at boot (design.md §6: fail fast with a
 * clear list). PORT, PUBLIC_URL and INTERNAL_TOKEN are every service's (service-kit).
 */
export const IssuerEnvSchema = serviceEnvSchema({ defaultPort: 3001 }).extend({
  /** Key of the HMAC that indexes recipients without storing their plaintext identity. */
  RECIPIENT_LOOKUP_SECRET: z
    .string({ error: 'RECIPIENT_LOOKUP_SECRET is required (at least 16 characters of random text).' })
    .min(16, { error: 'RECIPIENT_LOOKUP_SECRET must be at least 16 characters long.' }),
  /** Seals the issuers' private signing keys at rest: without it no signed badge could be issued. */
  SECRETS_ENCRYPTION_KEY: SecretsEncryptionKeySchema,
  /**
   * `false` leaves committed events in the outbox unpublished: for an instance that must not
   * publish (maintenance), and for the crash-recovery tests (commit, then kill before publishing).
   */
  OUTBOX_RELAY_ENABLED: z.enum(['true', 'false']).default('true').transform((value) => value === 'true'),
  /** Lets the console's Badgr migrations reach a Badgr on a private or loopback address (a closed deployment, tests). */
  ALLOW_PRIVATE_NETWORK_FETCH: envFlag(false),
});

export type IssuerEnv = z.output<typeof IssuerEnvSchema>;

export const loadIssuerConfig = serviceConfigLoader('issuer', IssuerEnvSchema, (env) => ({
  recipientLookupSecret: env.RECIPIENT_LOOKUP_SECRET,
  secretsEncryptionKey: env.SECRETS_ENCRYPTION_KEY,
  outboxRelayEnabled: env.OUTBOX_RELAY_ENABLED,
  allowPrivateNetwork: env.ALLOW_PRIVATE_NETWORK_FETCH,
}));

/** What the service code sees; names are ours, not the environment's. */
export type IssuerConfig = ReturnType<typeof loadIssuerConfig>;
