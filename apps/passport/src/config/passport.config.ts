import { z } from 'zod';

import { loadConfig } from '@badges/service-kit';

/**
 * The passport service's environment, validated once at boot (design.md §6: fail fast with a
 * clear list). KAFKA_BROKERS is validated by the messaging lib.
 */
export const PassportEnvSchema = z.object({
  /** The gateway's public address: share links and confirmation links are built on it. */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'PUBLIC_URL must be an http(s) URL, e.g. http://localhost:3000' })
    .default('http://localhost:3000')
    .transform((value) => value.replace(/\/+$/, '')),
  /** The issuer's key for recipient lookups: the passport computes the same key (decision 0014). */
  RECIPIENT_LOOKUP_SECRET: z
    .string({ error: 'RECIPIENT_LOOKUP_SECRET is required (the issuer\'s recipient lookup key).' })
    .min(16, { error: 'RECIPIENT_LOOKUP_SECRET must be at least 16 characters long.' }),
  /** The issuer service's internal address (distributed mode only; embedded gets a client). */
  ISSUER_URL: z.url({ protocol: /^https?$/, error: 'ISSUER_URL must be an http(s) URL, e.g. http://issuer:3001' }).optional(),
  /** The verification service's internal address (imports); optional. */
  VERIFICATION_URL: z.url({ protocol: /^https?$/, error: 'VERIFICATION_URL must be an http(s) URL, e.g. http://verification:3003' }).optional(),
  INTERNAL_TOKEN: z.string().min(16, { error: 'INTERNAL_TOKEN, when set, must be at least 16 characters long.' }).optional(),
  /** log2 of scrypt's N for new password hashes (accounts/password-hasher.ts). */
  PASSWORD_SCRYPT_LOG_N: z.coerce.number().int().min(14).max(20).default(16),
  LEARNER_SESSION_TTL_SECONDS: z.coerce.number().int().min(60).max(30 * 86_400).default(7 * 86_400),
  /** Imported badges are re-verified when their last check is older than this. */
  IMPORT_REVERIFY_HOURS: z.coerce.number().positive().max(24 * 365).default(24),
  /** How often the scheduler looks for badges due (0: never; tests call it directly). */
  IMPORT_REVERIFY_SWEEP_MS: z.coerce.number().int().min(0).default(15 * 60 * 1000),
  /** Lets URL identifier checks reach private and loopback addresses (tests, closed deployments). */
  ALLOW_PRIVATE_NETWORK_FETCH: z.enum(['true', 'false', '1', '0', '']).optional().transform((value) => value === 'true' || value === '1'),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3005),
});

/** What the service code sees; names are ours, not the environment's. */
export interface PassportConfig {
  publicUrl: string;
  recipientLookupSecret: string;
  issuerUrl?: string;
  verificationUrl?: string;
  sessionTtlSeconds: number;
  scryptLogN: number;
  reverifyHours: number;
  allowPrivateNetwork: boolean;
  reverifySweepMs: number;
  port: number;
}

export function loadPassportConfig(env: NodeJS.ProcessEnv = process.env): PassportConfig {
  const parsed = loadConfig('passport', PassportEnvSchema, env);
  return {
    publicUrl: parsed.PUBLIC_URL,
    recipientLookupSecret: parsed.RECIPIENT_LOOKUP_SECRET,
    issuerUrl: parsed.ISSUER_URL,
    verificationUrl: parsed.VERIFICATION_URL,
    sessionTtlSeconds: parsed.LEARNER_SESSION_TTL_SECONDS,
    scryptLogN: parsed.PASSWORD_SCRYPT_LOG_N,
    reverifyHours: parsed.IMPORT_REVERIFY_HOURS,
    allowPrivateNetwork: parsed.ALLOW_PRIVATE_NETWORK_FETCH,
    reverifySweepMs: parsed.IMPORT_REVERIFY_SWEEP_MS,
    port: parsed.PORT,
  };
}
