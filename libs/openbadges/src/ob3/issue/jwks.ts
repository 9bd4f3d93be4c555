import { exportJWK, importSPKI } from 'jose';
import { isAllowedJwsAlgorithm } from '../../verification/signed/allowed-algorithms';

export interface JwksKey {
  /**
   * The key's own URL, `PUBLIC_URL/public/issuers/{issuerId}/jwks/{keyId}`, which answers this one JWK:
   * a VC-JWT header's `kid` must dereference to a JWK (OB 3.0 §8.2; the 1EdTech validator reads `kty`
   * from it), and the same string as the JWK's `kid` lets JWKS clients match the header to the set.
   */
  kid: string;
  algorithm: 'RS256' | 'ES256';
  publicKeyPem: string;
}

/**
 * `{ keys: [JWK with kid, alg, use: 'sig'] }`, retired keys too, so every VC-JWT signed before a rotation
 * still verifies. Only public members are written: the key is imported from its SPKI PEM, which has no
 * private part to leak.
 */
export async function buildJwks(keys: JwksKey[]): Promise<{ keys: Record<string, unknown>[] }> {
  return { keys: await Promise.all(keys.map(buildJwk)) };
}

/** One key as a JWK with its `kid`, `alg` and `use: 'sig'`: what the key's URL answers. */
export async function buildJwk(key: JwksKey): Promise<Record<string, unknown>> {
  if (!isAllowedJwsAlgorithm(key.algorithm)) throw new TypeError(`Unsupported JWKS algorithm ${String(key.algorithm)}.`);
  const jwk = await exportJWK(await importSPKI(key.publicKeyPem, key.algorithm, { extractable: true }));
  // jose imports any SPKI under any alg; a JWK whose alg its key cannot do would verify nothing.
  const fits = key.algorithm === 'RS256' ? jwk.kty === 'RSA' : jwk.kty === 'EC' && jwk.crv === 'P-256';
  if (!fits) throw new TypeError(`Key ${key.kid} is not a ${key.algorithm} key (${jwk.kty}${jwk.crv ? ` ${jwk.crv}` : ''}).`);
  return { ...jwk, kid: key.kid, alg: key.algorithm, use: 'sig' };
}
