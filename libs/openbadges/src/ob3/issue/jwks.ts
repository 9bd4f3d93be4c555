export interface JwksKey {
  keyId: string;
  algorithm: 'RS256' | 'ES256';
  publicKeyPem: string;
}

/** `{ keys: [JWK with kid, alg, use: 'sig'] }`, retired keys too. */
export async function buildJwks(_keys: JwksKey[]): Promise<{ keys: Record<string, unknown>[] }> {
  throw new Error('not built yet (issue #19)');
}
