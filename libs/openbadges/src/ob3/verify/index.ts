// OB 3.0 verification (decision 0048): a credential as JSON or VC-JWT, with the same report as 2.0.
export { verifyOpenBadgeCredential } from './verify-credential';
export { isCredentialInput, isVerifiableCredential } from './read-input';
export { nextValidityChange } from './check-validity';
export { Ob3Code } from './codes';
export { VC_JWT_ALGORITHMS } from './proof/check-vc-jwt';
export { MAX_CREDENTIAL_FETCHES, MAX_ENDORSEMENTS, MAX_PROOFS, MAX_STATUS_ENTRIES, MAX_STATUS_LIST_BYTES } from './limits';
export type { CredentialInput, CredentialSource, RevocationDetails, VerifyCredentialOptions } from './types';
