import { exportJWK, importSPKI } from 'jose';
import { isAllowedJwsAlgorithm } from '../../verification/signed/allowed-algorithms';

export interface JwksKey {
  keyId: string;
  algorithm: 'RS256' | 'ES256';
  publicKeyPem: string;
}

/**
 * `{ keys: [JWK with kid, alg, use: 'sig'] }`, retired keys too, so every VC-JWT signed before a rotation
 * still verifies. Only public members are written: the key is imported from its SPKI PEM, which has no
 * private part to leak.
 */
export async function buildJwks(keys: JwksKey[]): Promise<{ keys: Record<string, unknown>[] }> {
  return {
    keys: await Promise.all(
      keys.map(async (key) => {
        if (!isAllowedJwsAlgorithm(key.algorithm)) throw new TypeError(`Unsupported JWKS algorithm ${String(key.algorithm)}.`);
        const jwk = await exportJWK(await importSPKI(key.publicKeyPem, key.algorithm, { extractable: true }));
        // jose imports any SPKI under any alg; a JWK whose alg its key cannot do would verify nothing.
        const fits = key.algorithm === 'RS256' ? jwk.kty === 'RSA' : jwk.kty === 'EC' && jwk.crv === 'P-256';
        if (!fits) throw new TypeError(`Key ${key.keyId} is not a ${key.algorithm} key (${jwk.kty}${jwk.crv ? ` ${jwk.crv}` : ''}).`);
        return { ...jwk, kid: key.keyId, alg: key.algorithm, use: 'sig' };
      }),
    ),
  };
}
