import { z } from 'zod';

import { CorsOriginsSchema } from '../cors/cors-origins';
import { PUBLIC_CACHE_ENV } from '../public-cache/public-cache.config';
import { RATE_LIMIT_ENV } from '../rate-limits/rate-limit.config';

/** Empty variables (`FOO=`) count as unset, so `.env` templates with blanks behave. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/**
 * The gateway's environment, validated once at boot (loadConfig fails fast with a list).
 * The *_URL of each service is only needed in distributed mode; the embedded runner hands in
 * clients instead.
 */
export const GatewayConfigSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'PUBLIC_URL must be an http(s) URL' })
    .default('http://localhost:3000')
    // Ids of public documents are built by appending paths, so no trailing slash.
    .transform((url) => url.replace(/\/+$/, '')),
  ADMIN_TOKEN: z.string({ error: 'ADMIN_TOKEN is required' }).min(24, { error: 'ADMIN_TOKEN must be at least 24 characters' }),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3600),
  ISSUER_URL: optional(z.url({ protocol: /^https?$/ })),
  NOTIFICATION_URL: optional(z.url({ protocol: /^https?$/ })),
  VERIFICATION_URL: optional(z.url({ protocol: /^https?$/ })),
  ENDORSEMENT_URL: optional(z.url({ protocol: /^https?$/ })),
  PASSPORT_URL: optional(z.url({ protocol: /^https?$/ })),
  // The built browser app (scripts/build.mjs writes it to dist/apps/web/app); unset: that default.
  WEB_APP_DIR: optional(z.string().min(1)),
  INTERNAL_TOKEN: optional(z.string().min(16, { error: 'INTERNAL_TOKEN must be at least 16 characters' })),
  CORS_ALLOWED_ORIGINS: CorsOriginsSchema,
  // TRUST_PROXY, REDIS_URL and the RATE_LIMIT_* variables (rate-limits/rate-limit.config.ts).
  ...RATE_LIMIT_ENV,
  // PUBLIC_CACHE_MAX_MB and PUBLIC_CACHE_MAX_AGE_SECONDS (public-cache/public-cache.config.ts).
  ...PUBLIC_CACHE_ENV,
});

export type GatewayConfig = z.output<typeof GatewayConfigSchema>;
