import { z } from 'zod';

import { loadConfig } from '@badges/service-kit';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', ''], { error: 'must be true or false' })
  .optional()
  .transform((value) => value === 'true' || value === '1');

const HOST_OR_IP = /^(\[[0-9a-f:.]+\]|[0-9a-z.-]+)$/i;

/**
 * The verification service's environment, validated once at boot (design.md §6). REDIS_URL selects
 * the shared response cache; without it the cache is in-process. KAFKA_BROKERS is validated by the
 * messaging lib.
 */
export const VerificationEnvSchema = z.object({
  /** The gateway's public address: documents under `${PUBLIC_URL}/public/` are our own. */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'PUBLIC_URL must be an http(s) URL, e.g. http://localhost:3000' })
    .default('http://localhost:3000')
    .transform((value) => value.replace(/\/+$/, '')),
  /** The issuer service's internal address (distributed mode; embedded gets an in-process client). */
  ISSUER_URL: z.url({ protocol: /^https?$/, error: 'ISSUER_URL must be an http(s) URL, e.g. http://issuer:3001' }).optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, { error: 'REDIS_URL must look like redis://host:port' }).optional().or(z.literal('').transform(() => undefined)),
  INTERNAL_TOKEN: z.string().min(16, { error: 'INTERNAL_TOKEN, when set, must be at least 16 characters long.' }).optional(),
  /** Lets every fetch reach private and loopback addresses (tests, closed deployments). */
  ALLOW_PRIVATE_NETWORK_FETCH: booleanFlag,
  /**
   * Explicit exceptions to the private-address rule: a comma-separated list of addresses (e.g.
   * `127.0.0.1,::1`) that fetches may connect to even though they are private or loopback.
   * Empty by default: nothing private is reachable unless named here.
   */
  VERIFY_ALLOWED_PRIVATE_ADDRESSES: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((item) => item.trim().replace(/^\[|\]$/g, '')).filter(Boolean))
    .refine((items) => items.every((item) => HOST_OR_IP.test(item)), { error: 'VERIFY_ALLOWED_PRIVATE_ADDRESSES must be a comma-separated list of IP addresses' }),
  /** Longest a fetched document is reused; a Cache-Control max-age below it wins. */
  VERIFY_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  VERIFY_FETCH_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  VERIFY_MAX_DOCUMENT_BYTES: z.coerce.number().int().min(1024).max(20 * 1024 * 1024).default(1024 * 1024),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3003),
});

/** What the service code sees; names are ours, not the environment's. */
export interface VerificationConfig {
  publicUrl: string;
  issuerUrl?: string;
  redisUrl?: string;
  allowPrivateNetwork: boolean;
  allowedPrivateAddresses: string[];
  cacheTtlSeconds: number;
  fetchTimeoutMs: number;
  maxDocumentBytes: number;
  port: number;
}

export function loadVerificationConfig(env: NodeJS.ProcessEnv = process.env): VerificationConfig {
  const parsed = loadConfig('verification', VerificationEnvSchema, env);
  return {
    publicUrl: parsed.PUBLIC_URL,
    issuerUrl: parsed.ISSUER_URL,
    redisUrl: parsed.REDIS_URL,
    allowPrivateNetwork: parsed.ALLOW_PRIVATE_NETWORK_FETCH,
    allowedPrivateAddresses: parsed.VERIFY_ALLOWED_PRIVATE_ADDRESSES,
    cacheTtlSeconds: parsed.VERIFY_CACHE_TTL_SECONDS,
    fetchTimeoutMs: parsed.VERIFY_FETCH_TIMEOUT_MS,
    maxDocumentBytes: parsed.VERIFY_MAX_DOCUMENT_BYTES,
    port: parsed.PORT,
  };
}
