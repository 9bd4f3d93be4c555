import { createHash } from 'node:crypto';

export type IdentityHashAlgorithm = 'sha256' | 'md5';

/** `sha256$<hex>` or `md5$<hex>`; hex case is free (uppercase is allowed since the 2.0 errata). */
const HASHED_IDENTITY = /^(sha256|md5)\$([0-9a-f]+)$/i;
const HEX_LENGTH: Record<IdentityHashAlgorithm, number> = { sha256: 64, md5: 32 };

/**
 * Hash an (already normalised) identity the way OB 2.0 defines it: hex digest of identity+salt,
 * prefixed with the algorithm. Issue with sha256 only; md5 exists so old badges can be checked.
 */
export function hashIdentity(identity: string, salt: string | undefined, algorithm: IdentityHashAlgorithm = 'sha256'): string {
  const digest = createHash(algorithm).update(identity + (salt ?? ''), 'utf8').digest('hex');
  return `${algorithm}$${digest}`;
}

/** Split a hashed identity into algorithm and lower-case hex, or undefined if it is not one. */
export function parseHashedIdentity(value: string): { algorithm: IdentityHashAlgorithm; hex: string } | undefined {
  const match = HASHED_IDENTITY.exec(value.trim());
  if (!match) return undefined;
  const algorithm = match[1].toLowerCase() as IdentityHashAlgorithm;
  const hex = match[2].toLowerCase();
  return hex.length === HEX_LENGTH[algorithm] ? { algorithm, hex } : undefined;
}

/** True when the value has the shape of a hashed identity (used to catch `hashed: false` mistakes). */
export function looksHashed(value: string): boolean {
  return parseHashedIdentity(value) !== undefined;
}
