import { TaskCode } from '../../validation/messages';
import type { StepName } from '../../verification/report';

/**
 * Message codes of an OB 3.0 report. Where the 1EdTech reference validator (inspector-vc) has a
 * probe for the check, its probe id is the code, so reports can be compared with it; the others are
 * the 2.0 report's codes of the same meaning. A public contract, as the 2.0 codes: never renamed.
 */
export const Ob3Code = {
  DETECT_INPUT_TYPE: TaskCode.DETECT_INPUT_TYPE,
  CONTEXT: 'ContextPropertyProbe',
  TYPE: 'TypePropertyProbe',
  JSONLD: 'JsonLDValidationProbe',
  SCHEMA: 'JsonSchemaProbe',
  /** A `credentialSchema` other than the official one (not downloaded: a warning). */
  INLINE_SCHEMA: 'InlineJsonSchemaProbe',
  EMBEDDED_PROOF: 'EmbeddedProofProbe',
  EXTERNAL_PROOF: 'ExternalProofProbe',
  /** The signing key is not the issuer's (2.0's code for the same finding). */
  KEY_OWNERSHIP: TaskCode.VERIFY_KEY_OWNERSHIP,
  REVOCATION_LIST: 'RevocationListProbe',
  BITSTRING_STATUS: 'BitstringStatusListProbe',
  ISSUANCE: 'IssuanceProbe',
  EXPIRATION: 'ExpirationProbe',
  ENDORSEMENT_REVOKED: TaskCode.ENDORSEMENT_REVOKED,
  ENDORSEMENT_UNAVAILABLE: TaskCode.ENDORSEMENT_UNAVAILABLE,
  ENDORSEMENT_CLAIM_MISMATCH: TaskCode.ENDORSEMENT_CLAIM_MISMATCH,
  ENDORSEMENT_NOT_VERIFIED: TaskCode.ENDORSEMENT_NOT_VERIFIED,
  ENDORSEMENT_SIGNATURE_INVALID: TaskCode.ENDORSEMENT_SIGNATURE_INVALID,
  ENDORSEMENT_KEY_NOT_OWNED: TaskCode.ENDORSEMENT_KEY_NOT_OWNED,
  RECIPIENT: TaskCode.VERIFY_RECIPIENT_IDENTIFIER,
} as const;

/** Which step of an OB 3.0 report each code belongs to (every code to exactly one). */
export const OB3_STEP_OF_CODE: Readonly<Record<string, StepName>> = {
  [Ob3Code.DETECT_INPUT_TYPE]: 'DETECT_INPUT_TYPE',
  [Ob3Code.CONTEXT]: 'CREDENTIAL_CONTEXT',
  [Ob3Code.TYPE]: 'CREDENTIAL_CONTEXT',
  [Ob3Code.JSONLD]: 'CREDENTIAL_JSONLD',
  [Ob3Code.SCHEMA]: 'CREDENTIAL_SCHEMA',
  [Ob3Code.INLINE_SCHEMA]: 'CREDENTIAL_SCHEMA',
  [Ob3Code.EMBEDDED_PROOF]: 'CREDENTIAL_PROOF',
  [Ob3Code.EXTERNAL_PROOF]: 'CREDENTIAL_PROOF',
  [Ob3Code.KEY_OWNERSHIP]: 'CREDENTIAL_ISSUER',
  [Ob3Code.REVOCATION_LIST]: 'CREDENTIAL_STATUS',
  [Ob3Code.BITSTRING_STATUS]: 'CREDENTIAL_STATUS',
  [Ob3Code.ISSUANCE]: 'CREDENTIAL_VALIDITY',
  [Ob3Code.EXPIRATION]: 'CREDENTIAL_VALIDITY',
  [Ob3Code.ENDORSEMENT_REVOKED]: 'CREDENTIAL_ENDORSEMENTS',
  [Ob3Code.ENDORSEMENT_UNAVAILABLE]: 'CREDENTIAL_ENDORSEMENTS',
  [Ob3Code.ENDORSEMENT_CLAIM_MISMATCH]: 'CREDENTIAL_ENDORSEMENTS',
  [Ob3Code.ENDORSEMENT_NOT_VERIFIED]: 'CREDENTIAL_ENDORSEMENTS',
  [Ob3Code.ENDORSEMENT_SIGNATURE_INVALID]: 'CREDENTIAL_ENDORSEMENTS',
  [Ob3Code.ENDORSEMENT_KEY_NOT_OWNED]: 'CREDENTIAL_ENDORSEMENTS',
  [Ob3Code.RECIPIENT]: 'RECIPIENT',
};
