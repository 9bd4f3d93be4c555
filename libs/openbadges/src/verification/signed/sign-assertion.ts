import { CompactSign, importPKCS8 } from 'jose';
import type { Assertion } from '../../model/assertion';
import { isAllowedJwsAlgorithm, type AllowedJwsAlgorithm } from './allowed-algorithms';

/**
 * Sign an Assertion (built with buildAssertion and `verification: {type: 'signed', creator}`)
 * as a compact JWS, the form OB 2.0 signed badges take and that is baked into images.
 * `privateKeyPem` is PKCS#8; its public half must be published as the issuer's CryptographicKey.
 */
export async function signAssertion(assertion: Assertion, privateKeyPem: string, alg: AllowedJwsAlgorithm = 'RS256'): Promise<string> {
  if (!isAllowedJwsAlgorithm(alg)) throw new TypeError(`Unsupported signing algorithm ${String(alg)}.`);
  const key = await importPKCS8(privateKeyPem, alg);
  const payload = new TextEncoder().encode(JSON.stringify(assertion));
  return new CompactSign(payload).setProtectedHeader({ alg }).sign(key);
}
