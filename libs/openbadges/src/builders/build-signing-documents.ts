import { OB_V2_CONTEXT } from '../model/common';
import type { CryptographicKey } from '../model/cryptographic-key';
import type { RevocationList } from '../model/revocation-list';
import type { CryptographicKeyInput, RevocationListInput } from './inputs';
import { omitUndefined } from './omit-undefined';

/** Public key document linked from the issuer's `publicKey` and a signed badge's `creator`. */
export function buildCryptographicKey(input: CryptographicKeyInput): CryptographicKey {
  return { '@context': OB_V2_CONTEXT, type: 'CryptographicKey', id: input.id, owner: input.owner, publicKeyPem: input.publicKeyPem };
}

/**
 * Signed badges cannot be "un-hosted", so revocation is published as a list. Entries without a
 * reason are written as bare ids, the compact form the spec example shows.
 */
export function buildRevocationList(input: RevocationListInput): RevocationList {
  return {
    '@context': OB_V2_CONTEXT,
    id: input.id,
    type: 'RevocationList',
    issuer: input.issuer,
    revokedAssertions: input.revokedAssertions.map((r) =>
      r.revocationReason ? omitUndefined({ id: r.id, revocationReason: r.revocationReason }) : r.id,
    ),
  };
}
