import { z } from 'zod';

import { blankAsUnset, envFlag, internalServiceUrl, PasswordScryptLogNSchema, SecretsEncryptionKeySchema, serviceEnvSchema } from '@badges/service-kit';

import { CorsOriginsSchema } from '../cors/cors-origins';
import { PUBLIC_CACHE_ENV } from '../public-cache/public-cache.config';
import { RATE_LIMIT_ENV } from '../rate-limits/rate-limit.config';

/** Optional, and empty variables (`FOO=`) count as unset, so `.env` templates with blanks behave. */
const optional = <T extends z.ZodType>(schema: T) => blankAsUnset(schema.optional());

const serviceBase = serviceEnvSchema({ defaultPort: 3000 });

/**
 * The gateway's environment, validated once at boot (loadConfig fails fast with a list). PORT,
 * PUBLIC_URL and INTERNAL_TOKEN are every service's (service-kit); the gateway sends INTERNAL_TOKEN
 * to the services. The *_URL of each service is only needed in distributed mode; the embedded
 * runner hands in clients instead.
 */
export const GatewayConfigSchema = serviceBase.extend({
  ADMIN_TOKEN: z.string({ error: 'ADMIN_TOKEN is required' }).min(24, { error: 'ADMIN_TOKEN must be at least 24 characters' }),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3600),
  /** Staff passwords' scrypt cost, as the passport's for learners. */
  PASSWORD_SCRYPT_LOG_N: PasswordScryptLogNSchema,
  /** How long a person's sign-in lasts; refreshing does not extend it (a week by default). */
  STAFF_SESSION_TTL_SECONDS: z.coerce.number().int().min(300).max(90 * 86_400).default(7 * 86_400),
  /** Seals what the gateway must read back: institutions' SSO client secrets, and the SSO sign-in's state cookie. */
  SECRETS_ENCRYPTION_KEY: SecretsEncryptionKeySchema,
  /**
   * Lets an institution's SSO issuer be plain http on a loopback host (127.0.0.1, ::1, localhost):
   * for tests and local trials against a provider on the same machine. Never elsewhere, whatever it says.
   */
  SSO_ALLOW_HTTP_ISSUERS: envFlag(false),
  ISSUER_URL: optional(internalServiceUrl('ISSUER_URL', 'http://issuer:3001')),
  NOTIFICATION_URL: optional(internalServiceUrl('NOTIFICATION_URL', 'http://notification:3002')),
  VERIFICATION_URL: optional(internalServiceUrl('VERIFICATION_URL', 'http://verification:3003')),
  ENDORSEMENT_URL: optional(internalServiceUrl('ENDORSEMENT_URL', 'http://endorsement:3004')),
  PASSPORT_URL: optional(internalServiceUrl('PASSPORT_URL', 'http://passport:3005')),
  // The built browser app (scripts/build.mjs writes it to dist/apps/web/app); unset: that default.
  WEB_APP_DIR: optional(z.string().min(1)),
  INTERNAL_TOKEN: optional(serviceBase.shape.INTERNAL_TOKEN),
  CORS_ALLOWED_ORIGINS: CorsOriginsSchema,
  // TRUST_PROXY, REDIS_URL and the RATE_LIMIT_* variables (rate-limits/rate-limit.config.ts).
  ...RATE_LIMIT_ENV,
  // PUBLIC_CACHE_MAX_MB and PUBLIC_CACHE_MAX_AGE_SECONDS (public-cache/public-cache.config.ts).
  ...PUBLIC_CACHE_ENV,
});

export type GatewayConfig = z.output<typeof GatewayConfigSchema>;
