import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

import { newEntityId } from '@badges/persistence';

/**
 * Client secrets are 256 random bits shown once; only a salted scrypt hash is stored, in a
 * self-describing `scrypt$N$r$p$salt$hash` string so the cost can be raised later without a
 * migration (old hashes keep verifying with the parameters they were made with).
 */
const COST = { N: 16_384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

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

export async function hashClientSecret(secret: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const hash = await derive(secret, salt, COST, KEY_LENGTH);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

export async function verifyClientSecret(secret: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (![N, r, p].every((n) => Number.isSafeInteger(n) && n > 0)) return false;
  const salt = Buffer.from(parts[4], 'base64url');
  const expected = Buffer.from(parts[5], 'base64url');
  if (expected.length === 0) return false;
  const actual = await derive(secret, salt, { N, r, p }, expected.length);
  return timingSafeEqual(actual, expected);
}

/**
 * A hash of a random secret nobody knows: verifying an unknown client id against it costs the
 * same as verifying a real one, so response times do not reveal which client ids exist.
 */
let decoyHash: Promise<string> | undefined;
export function decoyClientSecretHash(): Promise<string> {
  decoyHash ??= hashClientSecret(generateClientSecret());
  return decoyHash;
}

function derive(secret: string, salt: Buffer, cost: ScryptOptions, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem: 128 * N * r bytes plus headroom, so a stored hash with a higher N still verifies.
    const maxmem = 256 * (cost.N ?? COST.N) * (cost.r ?? COST.r);
    scrypt(secret, salt, length, { ...cost, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
