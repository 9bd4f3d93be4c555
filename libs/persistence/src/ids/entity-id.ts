import { pooledRandomBytes } from '@badges/openbadges';

/** Badgr-style opaque entity ids: 22 URL-safe characters, 128 bits of randomness. */
export function newEntityId(): string {
  return pooledRandomBytes(16).toString('base64url');
}

const ENTITY_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Ids arrive in URLs; anything that could not be one of ours is rejected before a query. */
export function isEntityId(value: string): boolean {
  return ENTITY_ID.test(value);
}
