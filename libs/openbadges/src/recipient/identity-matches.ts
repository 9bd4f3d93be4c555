import { timingSafeEqual } from 'node:crypto';
import { hashIdentity, parseHashedIdentity } from './hash-identity';
import { normalizeIdentity } from './normalize-identity';

/** The subset of an IdentityObject needed to match it; loose because it comes from the wire. */
export interface IdentityLike {
  type?: unknown;
  identity?: unknown;
  hashed?: unknown;
  salt?: unknown;
}

/**
 * Does `plaintext` (e.g. a learner's email) identify the recipient of this IdentityObject?
 * Works for plaintext identities and for sha256/md5 hashes, salted or not. The identity type
 * is only used for normalisation: callers decide which of a learner's identifiers to try.
 */
export function identityMatches(identityObject: IdentityLike, plaintext: string): boolean {
  if (typeof identityObject.identity !== 'string') return false;
  const type = typeof identityObject.type === 'string' ? identityObject.type : 'email';
  const candidate = normalizeIdentity(type, plaintext);

  if (identityObject.hashed !== true) {
    return normalizeIdentity(type, identityObject.identity) === candidate;
  }
  const parsed = parseHashedIdentity(identityObject.identity);
  if (!parsed) return false;
  const salt = typeof identityObject.salt === 'string' ? identityObject.salt : undefined;
  // Some issuers hash the identity as typed, without lower-casing: accept either spelling.
  const spellings = new Set([candidate, plaintext.trim()]);
  for (const spelling of spellings) {
    const expected = hashIdentity(spelling, salt, parsed.algorithm).split('$')[1];
    // Constant-time compare: this runs on attacker-chosen input in the verify endpoint.
    if (timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(parsed.hex, 'hex'))) return true;
  }
  return false;
}
