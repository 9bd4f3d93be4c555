import { randomFillSync } from 'node:crypto';

/** Bytes drawn from the CSPRNG at once; a refill serves about 500 salts or ids. */
const POOL_SIZE = 8 * 1024;
const pool = Buffer.alloc(POOL_SIZE);
let offset = POOL_SIZE;

/**
 * `n` cryptographically strong random bytes, served from a pool the CSPRNG refills, as Node's
 * own randomUUID does. One randomBytes call costs about 7 µs whatever its size, which a bulk
 * award paid twice a row (salt and id); the pool costs a copy. The bytes are copied out, so the
 * caller owns them and the pool never hands out the same bytes twice.
 */
export function pooledRandomBytes(n: number): Buffer {
  if (n > POOL_SIZE) return randomFillSync(Buffer.alloc(n));
  if (offset + n > POOL_SIZE) {
    randomFillSync(pool);
    offset = 0;
  }
  const bytes = Buffer.from(pool.subarray(offset, offset + n));
  offset += n;
  return bytes;
}
