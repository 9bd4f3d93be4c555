import { OB_V2_CONTEXT } from '../model/common';
import type { Assertion, RevokedAssertion } from '../model/assertion';
import type { Evidence } from '../model/evidence';
import type { IdentityObject } from '../model/identity-object';
import { createSalt } from '../recipient/create-salt';
import { hashIdentity, looksHashed } from '../recipient/hash-identity';
import { normalizeIdentity } from '../recipient/normalize-identity';
import type { AssertionInput } from './inputs';
import { toIsoUtc } from './iso-date';
import { omitUndefined } from './omit-undefined';
import { buildVerification } from './verification';

export function buildAssertion(input: AssertionInput): Assertion {
  const issuedOn = toIsoUtc(input.issuedOn, 'issuedOn');
  const expires = input.expires === undefined ? undefined : toIsoUtc(input.expires, 'expires');
  if (input.image?.startsWith('data:')) {
    // Spec: Assertion.image must be a URL (usually the baked image), never a data URI.
    throw new TypeError('Assertion image must be a URL, not a data URI.');
  }
  return omitUndefined({
    '@context': OB_V2_CONTEXT,
    type: 'Assertion',
    id: input.id,
    recipient: buildRecipient(input.recipient),
    badge: input.badge,
    verification: buildVerification(input.verification),
    issuedOn,
    expires,
    image: input.image,
    evidence: input.evidence?.map((e): Evidence => omitUndefined({ type: 'Evidence', ...e })),
    narrative: input.narrative,
    endorsement: input.endorsement,
  });
}

function buildRecipient(r: AssertionInput['recipient']): IdentityObject {
  if (!r.hashed || looksHashed(r.identity)) {
    return omitUndefined({ type: r.type, hashed: r.hashed, salt: r.salt, identity: r.identity });
  }
  // Caller asked for a hashed identity but gave plaintext: hash it here so it is never published.
  const salt = r.salt ?? createSalt();
  return { type: r.type, hashed: true, salt, identity: hashIdentity(normalizeIdentity(r.type, r.identity), salt, 'sha256') };
}

/**
 * What the hosted URL of a revoked assertion serves from then on (spec example "revoked hosted
 * assertion"); serve it with HTTP 410 so both old and new verifiers see the revocation.
 */
export function buildRevokedAssertion(input: { id: string; revocationReason?: string }): RevokedAssertion {
  return omitUndefined({
    '@context': OB_V2_CONTEXT,
    id: input.id,
    type: 'Assertion' as const,
    revoked: true as const,
    revocationReason: input.revocationReason,
  });
}
