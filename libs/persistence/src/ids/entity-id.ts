import { pooledRandomBytes } from '@badges/openbadges';

/** The first character's 6 bits that base64url writes as `-`, which spreadsheets read as a formula. */
const DASH = 62;

/**
 * Badgr-style opaque entity ids: 22 URL-safe characters, about 128 bits of randomness. An id never
 * starts with `-`: a spreadsheet would read it as a formula, and a CSV export would have to rewrite
 * it. The draw is simply repeated (1 time in 64), so the first character is uniform over the other
 * 63 and the id keeps 127.98 bits.
 */
export function newEntityId(): string {
  let bytes = pooledRandomBytes(16);
  while (bytes[0] >> 2 === DASH) bytes = pooledRandomBytes(16);
  return bytes.toString('base64url');
}

const ENTITY_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Ids arrive in URLs; anything that could not be one of ours is rejected before a query. Older ids may start with `-`. */
export function isEntityId(value: string): boolean {
  return ENTITY_ID.test(value);
}
