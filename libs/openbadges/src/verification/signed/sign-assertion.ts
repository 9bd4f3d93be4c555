import type { KeyObject } from 'node:crypto';

import { CompactSign, importPKCS8 } from 'jose';
import type { Assertion } from '../../model/assertion';
import { isAllowedJwsAlgorithm, type AllowedJwsAlgorithm } from './allowed-algorithms';

/**
 * Sign an Assertion (built with buildAssertion and `verification: {type: 'signed', creator}`)
 * as a compact JWS, the form OB 2.0 signed badges take and that is baked into images.
 * `privateKey` is PKCS#8 PEM, or a key already imported (parsing a PEM costs more than signing, so
 * a caller signing thousands imports once); its public half must be published as the issuer's
 * CryptographicKey.
 */
export async function signAssertion(assertion: Assertion, privateKey: string | KeyObject, alg: AllowedJwsAlgorithm = 'RS256'): Promise<string> {
  if (!isAllowedJwsAlgorithm(alg)) throw new TypeError(`Unsupported signing algorithm ${String(alg)}.`);
  const key = typeof privateKey === 'string' ? await importPKCS8(privateKey, alg) : privateKey;
  const payload = new TextEncoder().encode(JSON.stringify(assertion));
  return new CompactSign(payload).setProtectedHeader({ alg }).sign(key);
}
