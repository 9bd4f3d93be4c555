import { pooledRandomBytes } from '../crypto/pooled-random-bytes';

/**
 * A random per-recipient salt. Without one, a hashed email can be reversed by hashing a list of
 * known addresses, so design.md §5 requires a salt with every stored recipient identity.
 */
export function createSalt(bytes = 16): string {
  return pooledRandomBytes(bytes).toString('hex');
}
