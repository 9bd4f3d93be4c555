// OB 3.0 issuing (decision 0048). Signatures are agreed with apps/issuer; bodies live beside them.
export * from './inputs';
export {
  VC_V2_CONTEXT_URL,
  OB_V3_CONTEXT_URL,
  OB_V3_EXTENSIONS_CONTEXT_URL,
  OB_V3_CREDENTIAL_CONTEXTS,
  OB_V3_ACHIEVEMENT_CREDENTIAL_SCHEMA,
} from './credential-contexts';
export { buildOpenBadgeCredential, type OpenBadgeCredential } from './build-credential';
export { generateEd25519Key, ed25519PublicKeyMultibase, type Ed25519KeyPair } from './ed25519-key';
export { signWithDataIntegrity, type DataIntegritySigner } from './sign-data-integrity';
export { signAsVcJwt, type VcJwtSigner } from './sign-vc-jwt';
export {
  buildIssuerDidDocument,
  issuerDid,
  didWebDocumentUrl,
  DidWebError,
  DID_V1_CONTEXT_URL,
  MULTIKEY_V1_CONTEXT_URL,
  type DidDocumentKey,
} from './did-web';
export { buildJwk, buildJwks, type JwksKey } from './jwks';
export {
  STATUS_LIST_LENGTH,
  statusListPosition,
  buildStatusListCredential,
  encodeStatusList,
  decodeStatusList,
  StatusListError,
  type StatusListErrorCode,
} from './status-list';
