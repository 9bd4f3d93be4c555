import { isIP } from 'node:net';

import { z } from 'zod';

import { envFlag, internalServiceUrl, RedisUrlSchema, serviceConfigLoader, serviceEnvSchema } from '@badges/service-kit';

/**
 * The verification service's environment, validated once at boot (design.md §6). PORT, PUBLIC_URL
 * (documents under `${PUBLIC_URL}/public/` are our own) and INTERNAL_TOKEN are every service's
 * (service-kit). REDIS_URL selects the shared response cache; without it the cache is in-process.
 * KAFKA_BROKERS is validated by the messaging lib.
 */
export const VerificationEnvSchema = serviceEnvSchema({ defaultPort: 3003 }).extend({
  ISSUER_URL: internalServiceUrl('ISSUER_URL', 'http://issuer:3001'),
  ENDORSEMENT_URL: internalServiceUrl('ENDORSEMENT_URL', 'http://endorsement:3004'),
  REDIS_URL: RedisUrlSchema,
  /** Lets every fetch reach private and loopback addresses (tests, closed deployments). */
  ALLOW_PRIVATE_NETWORK_FETCH: envFlag(false),
  /**
   * Explicit exceptions to the private-address rule: a comma-separated list of addresses (e.g.
   * `127.0.0.1,::1`) that fetches may connect to even though they are private or loopback.
   * Empty by default: nothing private is reachable unless named here.
   */
  VERIFY_ALLOWED_PRIVATE_ADDRESSES: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((item) => item.trim().replace(/^\[|\]$/g, '')).filter(Boolean))
    .refine((items) => items.every((item) => isIP(item) !== 0), { error: 'VERIFY_ALLOWED_PRIVATE_ADDRESSES must be a comma-separated list of IP addresses' }),
  /** Longest a fetched document is reused; a Cache-Control max-age below it wins. */
  VERIFY_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  VERIFY_FETCH_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  VERIFY_MAX_DOCUMENT_BYTES: z.coerce.number().int().min(1024).max(20 * 1024 * 1024).default(1024 * 1024),
});

export const loadVerificationConfig = serviceConfigLoader('verification', VerificationEnvSchema, (env) => ({
  issuerUrl: env.ISSUER_URL,
  endorsementUrl: env.ENDORSEMENT_URL,
  redisUrl: env.REDIS_URL,
  allowPrivateNetwork: env.ALLOW_PRIVATE_NETWORK_FETCH,
  allowedPrivateAddresses: env.VERIFY_ALLOWED_PRIVATE_ADDRESSES,
  cacheTtlSeconds: env.VERIFY_CACHE_TTL_SECONDS,
  fetchTimeoutMs: env.VERIFY_FETCH_TIMEOUT_MS,
  maxDocumentBytes: env.VERIFY_MAX_DOCUMENT_BYTES,
}));

/** What the service code sees; names are ours, not the environment's. */
export type VerificationConfig = ReturnType<typeof loadVerificationConfig>;
