// OB 3.0 issuing (decision 0048). Signatures are agreed with apps/issuer; bodies live beside them.
export * from './inputs';
export { buildOpenBadgeCredential, type OpenBadgeCredential } from './build-credential';
export { generateEd25519Key, type Ed25519KeyPair } from './ed25519-key';
export { signWithDataIntegrity, type DataIntegritySigner } from './sign-data-integrity';
export { signAsVcJwt, type VcJwtSigner } from './sign-vc-jwt';
export { buildIssuerDidDocument, issuerDid, didWebDocumentUrl, type DidDocumentKey } from './did-web';
export { buildJwks, type JwksKey } from './jwks';
export {
  STATUS_LIST_LENGTH,
  statusListPosition,
  buildStatusListCredential,
  encodeStatusList,
  decodeStatusList,
} from './status-list';
