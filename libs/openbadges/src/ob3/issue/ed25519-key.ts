/** An Ed25519 key pair as the issuer stores it: PKCS#8 and SPKI PEM (sealed like RS256/ES256 keys), and its multibase public key. */
export interface Ed25519KeyPair {
  privateKeyPem: string;
  publicKeyPem: string;
  /** `z6Mk…`: the Multikey `publicKeyMultibase`. */
  publicKeyMultibase: string;
}

export async function generateEd25519Key(): Promise<Ed25519KeyPair> {
  throw new Error('not built yet (issue #19)');
}
