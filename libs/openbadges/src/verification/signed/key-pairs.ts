import { generateKeyPair } from 'node:crypto';

import type { AllowedJwsAlgorithm } from './allowed-algorithms';

export type SigningAlgorithm = AllowedJwsAlgorithm;
export const DEFAULT_SIGNING_ALGORITHM: SigningAlgorithm = 'RS256';

export interface PemKeyPair {
  publicKeyPem: string;
  privateKeyPem: string;
}

const pem = { publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } } as const;

/**
 * A fresh key pair in the PEM forms this lib uses: SPKI for the published CryptographicKey,
 * PKCS#8 for `signAssertion` / `signEndorsement`. RS256 is RSA-2048 (what OB 2.0 verifiers
 * expect); ES256 is P-256. Async: RSA generation takes tens of milliseconds of CPU. Shared by
 * every service that signs (issuers' keys, endorsers' keys), so they all make keys one way.
 */
export async function generateSigningKeyPair(algorithm: SigningAlgorithm): Promise<PemKeyPair> {
  // Callback form: promisify() loses the PEM (string) overloads of generateKeyPair.
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, publicKeyPem: string, privateKeyPem: string) => (error ? reject(error) : resolve({ publicKeyPem, privateKeyPem }));
    if (algorithm === 'ES256') generateKeyPair('ec', { namedCurve: 'P-256', ...pem }, done);
    else generateKeyPair('rsa', { modulusLength: 2048, ...pem }, done);
  });
}
