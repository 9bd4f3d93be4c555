import { importPKCS8, SignJWT, type KeyLike } from 'jose';
import { isAllowedJwsAlgorithm } from '../../verification/signed/allowed-algorithms';
import type { OpenBadgeCredential } from './build-credential';
import { KeyCache } from './key-cache';

export interface VcJwtSigner {
  algorithm: 'RS256' | 'ES256';
  /** The key's URL, answering its JWK: `PUBLIC_URL/public/issuers/{issuerId}/jwks/{keyId}` (see JwksKey). */
  kid: string;
  privateKeyPem: string;
}

// PKCS#8 parsing once per key, not once per credential (bulk awards).
const keys = new KeyCache<KeyLike>();

/**
 * The compact VC-JWT of OB 3.0 §8.2 for a VC 2.0 credential (decision 0048): header
 * `{alg, typ: 'JWT', kid}`; the payload IS the credential (without any embedded proof) with the
 * registered claims added: `iss` its issuer's id, `jti` its id, `sub` its subject's id when it has one
 * (an IdentityObject learner has none), `nbf`/`exp` its validFrom/validUntil in seconds. The `vc`
 * wrapper claim is the VC 1.1 form (spec commit dadb24a, March 2024); verifiers read both.
 */
export async function signAsVcJwt(credential: OpenBadgeCredential, signer: VcJwtSigner): Promise<string> {
  if (!isAllowedJwsAlgorithm(signer.algorithm)) throw new TypeError(`Unsupported VC-JWT algorithm ${String(signer.algorithm)}.`);
  const { proof: _proof, ...vc } = credential;
  const key = await keys.get(signer.kid, signer.privateKeyPem, () => importPKCS8(signer.privateKeyPem, signer.algorithm));
  return new SignJWT(vcJwtClaims(vc)).setProtectedHeader({ alg: signer.algorithm, typ: 'JWT', kid: signer.kid }).sign(key);
}

function vcJwtClaims(vc: Record<string, unknown>): Record<string, unknown> {
  const issuer = idOf(vc.issuer);
  if (issuer === undefined) throw new TypeError('The credential has no issuer id.');
  if (typeof vc.id !== 'string') throw new TypeError('The credential has no id.');
  const subject = Array.isArray(vc.credentialSubject) ? undefined : idOf(vc.credentialSubject);
  return {
    ...vc,
    iss: issuer,
    jti: vc.id,
    ...(subject === undefined ? {} : { sub: subject }),
    nbf: numericDate(vc.validFrom, 'validFrom'),
    ...(vc.validUntil === undefined ? {} : { exp: numericDate(vc.validUntil, 'validUntil') }),
  };
}

function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string') return (value as { id: string }).id;
  return undefined;
}

/** A JWT NumericDate: whole seconds since the epoch. */
function numericDate(value: unknown, field: string): number {
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw new TypeError(`The credential's ${field} is not a date.`);
  return Math.floor(ms / 1000);
}
