// Browser entry point (`@badges/openbadges/report-types`): the verification report's types, for
// the web app. Types only, so a bundle that imports them pulls in none of the library's code.
export type { BadgeEdition, EndorsementCheck, InputType, StepName, StepStatus, VerificationReport, VerificationResult, VerificationStep } from './verification/report';
export type { MessageLevel, ValidationMessage } from './validation/messages';
