import type { KeyObject } from 'node:crypto';

import { CompactSign, importPKCS8, type CompactJWSHeaderParameters } from 'jose';
import type { Assertion } from '../../model/assertion';
import type { Endorsement } from '../../model/endorsement';
import { isAllowedJwsAlgorithm, type AllowedJwsAlgorithm } from './allowed-algorithms';

/**
 * Sign an Assertion (built with buildAssertion and `verification: {type: 'signed', creator}`)
 * as a compact JWS, the form OB 2.0 signed badges take and that is baked into images.
 * `privateKey` is PKCS#8 PEM, or a key already imported (parsing a PEM costs more than signing, so
 * a caller signing thousands imports once); its public half must be published as the issuer's
 * CryptographicKey.
 */
export async function signAssertion(assertion: Assertion, privateKey: string | KeyObject, alg: AllowedJwsAlgorithm = 'RS256'): Promise<string> {
  return signCompact(assertion, privateKey, { alg });
}

/**
 * Sign an Endorsement (built with buildEndorsement and signed verification) as a compact JWS.
 * The header names the key (`kid` = the `creator` URL) so a verifier holding only the JWS knows
 * which published CryptographicKey to fetch.
 */
export async function signEndorsement(endorsement: Endorsement, privateKey: string | KeyObject, alg: AllowedJwsAlgorithm = 'RS256'): Promise<string> {
  const creator = endorsement.verification.creator;
  if (!creator) throw new TypeError('A signed Endorsement needs verification {type: SignedBadge, creator}.');
  return signCompact(endorsement, privateKey, { alg, kid: creator });
}

async function signCompact(document: object, privateKey: string | KeyObject, header: CompactJWSHeaderParameters & { alg: AllowedJwsAlgorithm }): Promise<string> {
  if (!isAllowedJwsAlgorithm(header.alg)) throw new TypeError(`Unsupported signing algorithm ${String(header.alg)}.`);
  const key = typeof privateKey === 'string' ? await importPKCS8(privateKey, header.alg) : privateKey;
  const payload = new TextEncoder().encode(JSON.stringify(document));
  return new CompactSign(payload).setProtectedHeader(header).sign(key);
}

/**
 * The signed JSON inside a compact JWS this platform made itself (so it is trusted, not
 * re-verified): what a signed document's hosted URL serves, exactly as signed.
 */
export function signedPayload(jws: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}
