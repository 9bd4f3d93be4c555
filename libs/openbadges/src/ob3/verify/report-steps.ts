import { EN } from '../../report-texts/en';
import type { ValidationMessage } from '../../validation/messages';
import { OB3_STEP_NAMES, type StepName, type StepStatus, type VerificationStep } from '../../verification/report';
import { OB3_STEP_OF_CODE } from './codes';

export interface Ob3StepFacts {
  messages: readonly ValidationMessage[];
  /** The credential could be read at all. */
  readable: boolean;
  /** Steps with nothing to check for this credential (no status entry, no endorsement, no expected recipient...). */
  notApplicable: ReadonlySet<StepName>;
  /** Steps that could not run because an earlier one failed (no verified proof: no signer to bind). */
  skipped: ReadonlySet<StepName>;
}

/** The report's `steps` for a credential: each check by name and how it went, from its coded messages. */
export function reportOb3Steps(facts: Ob3StepFacts): VerificationStep[] {
  return OB3_STEP_NAMES.map((step) => {
    const own = facts.messages.filter((message) => (OB3_STEP_OF_CODE[message.code] ?? 'CREDENTIAL_CONTEXT') === step);
    let status: StepStatus;
    if (own.some((message) => message.level === 'ERROR')) status = 'failed';
    else if (facts.notApplicable.has(step)) status = 'not_applicable';
    else if ((!facts.readable && step !== 'DETECT_INPUT_TYPE') || facts.skipped.has(step)) status = 'skipped';
    else status = own.length > 0 ? 'warning' : 'passed';
    return { step, title: EN.steps[step], status, messages: own.length };
  });
}
