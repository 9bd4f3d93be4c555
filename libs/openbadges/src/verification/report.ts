import type { MessageText } from '../report-texts/message-text';
import type { ValidationMessage } from '../validation/messages';

/*
 * The verification report as the API returns it. Types (and the step names) only, importing
 * nothing that runs: the web app reads them through `@badges/openbadges/report-types`, so this
 * file must stay free of Node APIs and of the pipeline's code.
 */

export type StepStatus = 'passed' | 'failed' | 'warning' | 'not_applicable' | 'skipped';

/** One of the checks of issue #5, as reported: its stable name, a title, and how it went. */
export interface VerificationStep {
  step: StepName;
  title: string;
  status: StepStatus;
  /** How many of the report's messages belong to this step. */
  messages: number;
}

export const STEP_NAMES = [
  'DETECT_INPUT_TYPE',
  'FETCH_DOCUMENT',
  'JSONLD_COMPACT',
  'VALIDATE_PROPERTIES',
  'LINKED_NODES',
  'HOSTED_VERIFICATION',
  'SIGNED_VERIFICATION',
  'REVOCATION_AND_EXPIRY',
  'RECIPIENT',
  'LEGACY_UPGRADE',
] as const;

/**
 * The checks of an OB 3.0 credential (a W3C Verifiable Credential), in order. Reading the input and
 * the recipient check are the same steps as for 2.0; the others are the credential's own.
 */
export const OB3_STEP_NAMES = [
  'DETECT_INPUT_TYPE',
  'CREDENTIAL_CONTEXT',
  'CREDENTIAL_JSONLD',
  'CREDENTIAL_SCHEMA',
  'CREDENTIAL_PROOF',
  'CREDENTIAL_ISSUER',
  'CREDENTIAL_STATUS',
  'CREDENTIAL_VALIDITY',
  'CREDENTIAL_ENDORSEMENTS',
  'RECIPIENT',
] as const;
export type StepName = (typeof STEP_NAMES)[number] | (typeof OB3_STEP_NAMES)[number];

export type InputType = 'url' | 'json' | 'jws' | 'png' | 'svg' | 'unknown';

export interface VerificationReport {
  valid: boolean;
  errorCount: number;
  warningCount: number;
  messages: ValidationMessage[];
  /** '2.0', the version a legacy badge was upgraded from, or '3.0' for a Verifiable Credential. */
  openBadgesVersion?: string;
  /** Each check by name and how it went (issue #5: every check is a named step). */
  steps?: VerificationStep[];
  /** Each endorsement found on the badge (its Issuer, BadgeClass or Assertion) and its own verdict. */
  endorsements?: EndorsementCheck[];
  /** The badge class's texts in the reader's language, from the translation its issuer publishes (set by the verification service). */
  badgeEdition?: BadgeEdition;
}

/** One language edition of a BadgeClass (OB 2.0 `@language` + `related`), as far as a reader needs it. */
export interface BadgeEdition {
  /** The edition's own URL (listed in the badge class's `related`). */
  id: string;
  language: string;
  name: string;
  description?: string;
  criteriaNarrative?: string;
}

export interface EndorsementCheck {
  /** The Endorsement's id (its hosted URL). */
  id: string;
  /** The document that lists it, which its claim must name. */
  target: string;
  status: 'valid' | 'revoked' | 'unavailable' | 'invalid';
  endorser?: { id: string; name?: string };
  comment?: string;
  issuedOn?: string;
  /** Why it is not valid, in plain language (also in `messages`, as warnings). */
  problems: string[];
  /** The same reasons as codes and params, so they can be told in another language. */
  problemTexts?: MessageText[];
}

/** Same shape as the 1EdTech reference validator's output. */
export interface VerificationResult {
  report: VerificationReport;
  graph: Record<string, unknown>[];
  input: { value?: string; input_type: InputType };
}
