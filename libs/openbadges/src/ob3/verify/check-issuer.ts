import { text } from '../../report-texts/message-text';
import { Ob3Code } from './codes';
import { didWebScope } from './keys/did-web';
import type { Signer } from './proof/proof-result';
import { failure, type Finding } from './types';

/**
 * The signature proves who holds the key; this proves the key is the issuer's. A key listed by a
 * controller document counts when that controller is the credential's issuer (the proof purpose of
 * Data Integrity, and the validator's "key controller matches issuer"). A key read from a JWKS or JWK
 * address counts when that address is the issuer's own: the issuer's origin for an https issuer, the
 * folder of its DID document for a did:web issuer (several issuers may share a host, each in its
 * own path). A key carried in the JWT's own header proves nothing about who signed.
 */
export function checkIssuerBinding(signers: readonly Signer[], issuerId: string | undefined, didWebHttpHosts: readonly string[] = [], code: string = Ob3Code.KEY_OWNERSHIP): Finding[] {
  if (!issuerId) return [failure(code, text('VC_ISSUER_MISSING', {}), 'issuer')];
  if (signers.length === 0 || signers.some((signer) => isIssuers(signer, issuerId, didWebHttpHosts))) return [];
  const [signer] = signers;
  switch (signer.via) {
    case 'controller':
      return [failure(code, text('VC_KEY_NOT_ISSUERS', { method: signer.methodId, controller: signer.controller, issuer: issuerId }), 'issuer')];
    case 'key-url':
      return [failure(code, text('VC_KEY_OUTSIDE_ISSUER', { key: signer.methodId, issuer: issuerId }), 'issuer')];
    case 'embedded':
      return [failure(code, text('VC_KEY_EMBEDDED', {}), 'issuer')];
  }
}

function isIssuers(signer: Signer, issuerId: string, didWebHttpHosts: readonly string[]): boolean {
  if (signer.via === 'controller') return signer.controller === issuerId;
  if (signer.via === 'embedded') return false;
  if (/^https?:\/\//i.test(issuerId)) return URL.canParse(issuerId) && URL.canParse(signer.keyUrl) && new URL(signer.keyUrl).origin === new URL(issuerId).origin;
  const scope = didWebScope(issuerId, didWebHttpHosts);
  return scope !== undefined && signer.keyUrl.startsWith(scope);
}
