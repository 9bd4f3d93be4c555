import { randomBytes } from 'node:crypto';

import { newEntityId } from '@badges/persistence';
import { dummyPasswordHash, hashPassword, verifyPassword } from '@badges/service-kit';

/**
 * Client secrets are 256 random bits shown once; only a salted scrypt hash is stored, in the
 * self-describing `scrypt$N$r$p$salt$hash` form passwords use (service-kit's password hasher), so
 * the cost can be raised later without a migration. A secret is random, not a person's guessable
 * password, so scrypt's floor (2^14) is cost enough.
 */
const COST = { N: 16_384, r: 8, p: 1 } as const;

export function generateClientSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** A new secret, shown once, and the hash that is stored instead. */
export async function newClientSecret(): Promise<{ clientSecret: string; secretHash: string }> {
  const clientSecret = generateClientSecret();
  return { clientSecret, secretHash: await hashClientSecret(clientSecret) };
}

/** A new client's id and secret. */
export async function newClientCredentials(): Promise<{ clientId: string; clientSecret: string; secretHash: string }> {
  return { clientId: newEntityId(), ...(await newClientSecret()) };
}

export function hashClientSecret(secret: string): Promise<string> {
  return hashPassword(secret, COST);
}

export function verifyClientSecret(secret: string, stored: string): Promise<boolean> {
  return verifyPassword(secret, stored);
}

/**
 * A hash of a random secret nobody knows: verifying an unknown client id against it costs the
 * same as verifying a real one, so response times do not reveal which client ids exist.
 */
export function decoyClientSecretHash(): Promise<string> {
  return dummyPasswordHash(COST);
}
