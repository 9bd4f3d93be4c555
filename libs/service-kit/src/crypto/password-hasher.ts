import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Passwords and other secrets a person or a client proves (learners' and staff passwords, API
 * client secrets), hashed with scrypt (memory-hard; node:crypto, no native add-on). Passwords cost
 * N=2^16, r=8, p=1 by default (64 MiB, ~0.7 s on this 2-core machine); PASSWORD_SCRYPT_LOG_N raises
 * it (OWASP's floor is 2^17) or lowers it for tests (never below 2^14). The parameters are stored
 * with each hash (`scrypt$N$r$p$salt$hash`, base64url), so changing them only affects new hashes.
 */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

export function scryptCost(logN: number): ScryptCost {
  return { N: 2 ** logN, r: 8, p: 1 };
}
const KEY_LENGTH = 32;
const PREFIX = 'scrypt';

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))));
}

export async function hashPassword(password: string, cost: ScryptCost): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return [PREFIX, cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [prefix, n, r, p, salt, key] = stored.split('$');
  if (prefix !== PREFIX || !salt || !key || !(Number(n) >= 2 ** 14)) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Compared against when the username is unknown, so timing does not tell which usernames exist. */
const dummyHashes = new Map<number, Promise<string>>();
export function dummyPasswordHash(cost: ScryptCost): Promise<string> {
  const known = dummyHashes.get(cost.N);
  if (known) return known;
  const made = hashPassword(randomBytes(16).toString('hex'), cost);
  dummyHashes.set(cost.N, made);
  return made;
}
