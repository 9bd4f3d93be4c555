import { z } from 'zod';

/**
 * Variables that several services read with one meaning, for their `extend({ ... })`.
 */

/** A blank variable (`FOO=`, as `.env` templates leave them) counts as unset. */
export function blankAsUnset<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema);
}

/** Another service's internal address: only set in distributed mode (embedded gets a client). */
export function internalServiceUrl(variable: string, example: string) {
  return z.url({ protocol: /^https?$/, error: `${variable} must be an http(s) URL, e.g. ${example}` }).optional();
}

/** `true`/`1` or `false`/`0`; unset or blank means `whenUnset`. */
export function envFlag(whenUnset: boolean) {
  return z
    .enum(['true', 'false', '1', '0', ''], { error: 'must be true or false' })
    .optional()
    .transform((value) => (value === undefined || value === '' ? whenUnset : value === 'true' || value === '1'));
}

/**
 * Seals secrets we must read back (SecretSealer). Required: a default would be a published key.
 * The runner generates one in embedded mode and passes it in both modes.
 */
export const SecretsEncryptionKeySchema = z
  .string({ error: 'SECRETS_ENCRYPTION_KEY is required (at least 32 characters of random text).' })
  .min(32, { error: 'SECRETS_ENCRYPTION_KEY must be at least 32 characters long.' });

/** Redis for what instances of a service share (jobs, caches, counters); blank counts as unset. */
export const RedisUrlSchema = blankAsUnset(z.string().regex(/^rediss?:\/\//, { error: 'REDIS_URL must start with redis:// or rediss://' }).optional());

/** PASSWORD_SCRYPT_LOG_N: log2 of scrypt's N for new password hashes (crypto/password-hasher.ts); 14 is scrypt's floor. */
export const PasswordScryptLogNSchema = z.coerce.number().int().min(14).max(20).default(16);
