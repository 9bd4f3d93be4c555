export * from './inputs';
export { toIsoUtc } from './iso-date';
export { buildIssuerProfile } from './build-issuer-profile';
export { buildBadgeClass } from './build-badge-class';
export { buildAssertion, buildRevokedAssertion } from './build-assertion';
export { buildCryptographicKey, buildRevocationList } from './build-signing-documents';
export { buildEndorsement } from './build-endorsement';
export { buildRevokedEndorsement, type RevokedEndorsement } from './build-revoked-endorsement';
