import type { OpenBadgeCredential } from './build-credential';

export interface VcJwtSigner {
  algorithm: 'RS256' | 'ES256';
  /** `{jwksUrl}#{keyId}` */
  kid: string;
  privateKeyPem: string;
}

/** The compact VC-JWT of OB 3.0 §8.2: `vc`, `iss`, `jti`, `sub`, `nbf`, `exp`. */
export async function signAsVcJwt(_credential: OpenBadgeCredential, _signer: VcJwtSigner): Promise<string> {
  throw new Error('not built yet (issue #19)');
}
