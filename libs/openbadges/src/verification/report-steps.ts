import { EN } from '../report-texts/en';
import { TaskCode, type ValidationMessage } from '../validation/messages';
import { isJsonNode, type JsonNode } from '../validation/present-values';
import type { DetectedInput } from './detect-input';
import { STEP_NAMES, type StepName, type StepStatus, type VerificationStep } from './report';

/** A step of a 2.0 report (the 3.0 steps are ob3/verify's). */
type Ob2StepName = (typeof STEP_NAMES)[number];

// The report's step types live in report.ts (browser-safe); callers of reportSteps may name them here.
export type { StepName, StepStatus, VerificationStep };

/** Which message codes belong to which step; a code appears once. */
const CODES: Partial<Record<Ob2StepName, readonly string[]>> = {
  DETECT_INPUT_TYPE: [TaskCode.DETECT_INPUT_TYPE],
  FETCH_DOCUMENT: [TaskCode.FETCH_HTTP_NODE],
  JSONLD_COMPACT: [TaskCode.JSONLD_COMPACT_DATA],
  VALIDATE_PROPERTIES: [
    TaskCode.DETECT_AND_VALIDATE_NODE_CLASS,
    TaskCode.VALIDATE_PROPERTY,
    TaskCode.VALIDATE_RDF_TYPE_PROPERTY,
    TaskCode.IDENTITY_OBJECT_PROPERTY_DEPENDENCIES,
    TaskCode.CRITERIA_PROPERTY_DEPENDENCIES,
    TaskCode.ISSUER_PROPERTY_DEPENDENCIES,
    TaskCode.IMAGE_VALIDATION,
  ],
  LINKED_NODES: [TaskCode.ENDORSEMENT_REVOKED, TaskCode.ENDORSEMENT_UNAVAILABLE, TaskCode.ENDORSEMENT_CLAIM_MISMATCH, TaskCode.ENDORSEMENT_NOT_VERIFIED, TaskCode.ENDORSEMENT_SIGNATURE_INVALID, TaskCode.ENDORSEMENT_KEY_NOT_OWNED],
  HOSTED_VERIFICATION: [TaskCode.HOSTED_ID_IN_VERIFICATION_SCOPE, TaskCode.ASSERTION_VERIFICATION_DEPENDENCIES, TaskCode.HOSTED_COPY_DIFFERS],
  SIGNED_VERIFICATION: [TaskCode.VERIFY_JWS, TaskCode.VERIFY_KEY_OWNERSHIP],
  REVOCATION_AND_EXPIRY: [TaskCode.ASSERTION_NOT_REVOKED, TaskCode.PROCESS_410_GONE, TaskCode.VERIFY_SIGNED_ASSERTION_NOT_REVOKED, TaskCode.ASSERTION_TIMESTAMP_CHECKS],
  RECIPIENT: [TaskCode.VERIFY_RECIPIENT_IDENTIFIER],
};

export interface StepFacts {
  detected: DetectedInput;
  graph: JsonNode[];
  messages: readonly ValidationMessage[];
  openBadgesVersion: string;
  recipientChecked: boolean;
}

/**
 * The report's `steps`: each check of the pipeline by name, so a reader sees what was checked
 * and what was not, not only what failed. Derived from the coded messages (every message belongs
 * to exactly one step; REPORT_MESSAGE errors are input problems, its warnings upgrade notices).
 */
export function reportSteps(facts: StepFacts): VerificationStep[] {
  const stepOf = (m: ValidationMessage): Ob2StepName => {
    if (m.code === TaskCode.REPORT_MESSAGE) return m.level === 'ERROR' ? 'DETECT_INPUT_TYPE' : 'LEGACY_UPGRADE';
    return (Object.entries(CODES).find(([, codes]) => codes?.includes(m.code))?.[0] as Ob2StepName | undefined) ?? 'VALIDATE_PROPERTIES';
  };
  const assertion = facts.graph.find((node) => node.type === 'Assertion');
  const verificationType = assertion && isJsonNode(assertion.verification) ? assertion.verification.type : undefined;
  const signed = facts.detected.type === 'jws' || verificationType === 'signed' || verificationType === 'SignedBadge';
  const reachedBadge = facts.graph.length > 0;
  const applies: Record<Ob2StepName, boolean> = {
    DETECT_INPUT_TYPE: true,
    FETCH_DOCUMENT: true,
    JSONLD_COMPACT: true,
    VALIDATE_PROPERTIES: true,
    LINKED_NODES: assertion !== undefined || !reachedBadge,
    HOSTED_VERIFICATION: assertion !== undefined && !signed,
    SIGNED_VERIFICATION: signed,
    REVOCATION_AND_EXPIRY: assertion !== undefined || !reachedBadge,
    RECIPIENT: facts.recipientChecked,
    LEGACY_UPGRADE: facts.openBadgesVersion !== '2.0',
  };
  return STEP_NAMES.map((step) => {
    const own = facts.messages.filter((m) => stepOf(m) === step);
    let status: StepStatus;
    if (own.some((m) => m.level === 'ERROR')) status = 'failed';
    else if (!applies[step]) status = 'not_applicable';
    else if (!reachedBadge && step !== 'DETECT_INPUT_TYPE') status = 'skipped';
    else if (step === 'LINKED_NODES' && !hasIssuerChain(facts.graph)) status = 'failed';
    else status = own.length > 0 ? 'warning' : 'passed';
    return { step, title: EN.steps[step], status, messages: own.length };
  });
}

function hasIssuerChain(graph: JsonNode[]): boolean {
  return graph.some((node) => node.type === 'BadgeClass') && graph.some((node) => node.type === 'Issuer' || node.type === 'Profile');
}
