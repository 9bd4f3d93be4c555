import { createHash, randomBytes } from 'node:crypto';

/**
 * Opaque bearer secrets the platform hands out and later recognises (sessions, refresh tokens,
 * one-time links): 256 random bits, of which only the sha256 is stored, so a leaked table signs
 * nobody in. A prefix (`lp_`, `sr_`) says what a token is for at a glance and in secret scanners.
 */
export function newOpaqueToken(prefix = ''): { token: string; tokenHash: string } {
  const token = `${prefix}${randomBytes(32).toString('base64url')}`;
  return { token, tokenHash: hashOpaqueToken(token) };
}

/** The stored form of an opaque token (hex sha256): looked up by equality, never reversed. */
export function hashOpaqueToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
