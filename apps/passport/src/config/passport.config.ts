import { z } from 'zod';

import { envFlag, internalServiceUrl, PasswordScryptLogNSchema, serviceConfigLoader, serviceEnvSchema } from '@badges/service-kit';

/**
 * The passport service's environment, validated once at boot (design.md §6: fail fast with a
 * clear list). PORT, PUBLIC_URL (share and confirmation links are built on it) and INTERNAL_TOKEN
 * are every service's (service-kit). KAFKA_BROKERS is validated by the messaging lib.
 */
export const PassportEnvSchema = serviceEnvSchema({ defaultPort: 3005 }).extend({
  /** The issuer's key for recipient lookups: the passport computes the same key (decision 0014). */
  RECIPIENT_LOOKUP_SECRET: z
    .string({ error: 'RECIPIENT_LOOKUP_SECRET is required (the issuer\'s recipient lookup key).' })
    .min(16, { error: 'RECIPIENT_LOOKUP_SECRET must be at least 16 characters long.' }),
  ISSUER_URL: internalServiceUrl('ISSUER_URL', 'http://issuer:3001'),
  /** Where imports are verified; optional. */
  VERIFICATION_URL: internalServiceUrl('VERIFICATION_URL', 'http://verification:3003'),
  PASSWORD_SCRYPT_LOG_N: PasswordScryptLogNSchema,
  LEARNER_SESSION_TTL_SECONDS: z.coerce.number().int().min(60).max(30 * 86_400).default(7 * 86_400),
  /** Imported badges are re-verified when their last check is older than this. */
  IMPORT_REVERIFY_HOURS: z.coerce.number().positive().max(24 * 365).default(24),
  /** How often the scheduler looks for badges due (0: never; tests call it directly). */
  IMPORT_REVERIFY_SWEEP_MS: z.coerce.number().int().min(0).default(15 * 60 * 1000),
  /** Lets URL identifier checks reach private and loopback addresses (tests, closed deployments). */
  ALLOW_PRIVATE_NETWORK_FETCH: envFlag(false),
  /**
   * Lets a learner's Badgr import name a plain http Badgr on a loopback host (tests, a trial on one
   * machine); https is required otherwise, since their password goes there (decision 0046).
   */
  BADGR_IMPORT_ALLOW_HTTP: envFlag(false),
});

export const loadPassportConfig = serviceConfigLoader('passport', PassportEnvSchema, (env) => ({
  recipientLookupSecret: env.RECIPIENT_LOOKUP_SECRET,
  issuerUrl: env.ISSUER_URL,
  verificationUrl: env.VERIFICATION_URL,
  sessionTtlSeconds: env.LEARNER_SESSION_TTL_SECONDS,
  scryptLogN: env.PASSWORD_SCRYPT_LOG_N,
  reverifyHours: env.IMPORT_REVERIFY_HOURS,
  allowPrivateNetwork: env.ALLOW_PRIVATE_NETWORK_FETCH,
  reverifySweepMs: env.IMPORT_REVERIFY_SWEEP_MS,
  badgrImportAllowHttp: env.BADGR_IMPORT_ALLOW_HTTP,
}));

/** What the service code sees; names are ours, not the environment's. */
export type PassportConfig = ReturnType<typeof loadPassportConfig>;
