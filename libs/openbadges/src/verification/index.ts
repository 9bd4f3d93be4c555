export { verifyOpenBadge } from './verify-open-badge';
export type {
  FetchDocument,
  FetchedDocument,
  VerifyInput,
  VerifyOptions,
  VerificationReport,
  VerificationResult,
  InputType,
} from './types';
export { detectInput, type DetectedInput } from './detect-input';
export { signAssertion } from './signed/sign-assertion';
export { ALLOWED_JWS_ALGORITHMS, type AllowedJwsAlgorithm } from './signed/allowed-algorithms';
export { MAX_BADGE_JSON_DEPTH, jsonDepthExceeds } from './json-depth';
export { STEP_NAMES, reportSteps, type StepName, type StepStatus, type VerificationStep } from './report-steps';
