export { verifyOpenBadge } from './verify-open-badge';
export type {
  FetchDocument,
  FetchOptions,
  FetchedDocument,
  VerifyInput,
  VerifyOptions,
} from './types';
export { OB3_STEP_NAMES, STEP_NAMES, type BadgeEdition, type EndorsementCheck, type InputType, type StepName, type StepStatus, type VerificationReport, type VerificationResult, type VerificationStep } from './report';
export { detectInput, type DetectedInput } from './detect-input';
export { signAssertion, signEndorsement, signedPayload } from './signed/sign-document';
export { DEFAULT_SIGNING_ALGORITHM, generateSigningKeyPair, type PemKeyPair, type SigningAlgorithm } from './signed/key-pairs';
export { ALLOWED_JWS_ALGORITHMS, type AllowedJwsAlgorithm } from './signed/allowed-algorithms';
export { MAX_BADGE_JSON_DEPTH, MAX_BADGE_JSON_VALUES, jsonBudgetProblem } from './json-depth';
export { reportSteps } from './report-steps';
export { revocationDetails } from './revocation-message';
export { JOSE_MEDIA_TYPE } from './steps/check-signed-endorsement';
