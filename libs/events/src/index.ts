export { Topic, ALL_TOPICS, deadLetterTopic, isTopicName, type TopicName } from './topics';
export { payloadSchemas, type PayloadOf } from './event-schemas';
export { envelopeSchema, PROVINCE_INSTITUTION_ID, type BadgeEvent, type EventEnvelope, type EventOf } from './envelope';
export { parseEvent } from './parse-event';
export { createEvent, isCheckedEvent, type EventOrigin, type NewEvent } from './create-event';
export { ACTOR_TYPES, actorSchema, formatActor, parseActor, type Actor, type ActorType } from './actor';
export { InvalidEventError, type InvalidEventIssue, type InvalidEventReason } from './invalid-event.error';
export type { AssertionImportedPayload } from './payloads/assertion-imported.payload';
export { awardPageUrl, type AssertionIssuedPayload } from './payloads/assertion-issued.payload';
export type { AssertionRevokedPayload } from './payloads/assertion-revoked.payload';
export { ASSERTION_UPDATABLE_FIELDS, type AssertionUpdatableField, type AssertionUpdatedPayload } from './payloads/assertion-updated.payload';
export type { BadgeClassCreatedPayload, BadgeClassDeletedPayload } from './payloads/badgeclass-lifecycle.payload';
export type { BadgeClassUpdatedPayload } from './payloads/badgeclass-updated.payload';
export type { BulkAwardFinishedPayload, BulkAwardStartedPayload } from './payloads/bulk-award.payload';
export { fieldChanges, fieldChangesSchema, type FieldChanges } from './payloads/field-changes';
export type { IssuerCreatedPayload } from './payloads/issuer-created.payload';
export type { EndorsementListedPayload } from './payloads/endorsement-listed.payload';
export type { IssuerUpdatedPayload } from './payloads/issuer-updated.payload';
export type {
  EndorsementDeclinedPayload,
  EndorsementIssuedPayload,
  EndorsementRequestedPayload,
  EndorsementRevokedPayload,
  LearnerIdentifierVerifiedPayload,
  VerificationCompletedPayload,
} from './payloads/reserved.payloads';
export type { LearnerEmailConfirmationRequestedPayload } from './payloads/learner-email-confirmation.payload';
export type { LearnerExistingSignupAttemptedPayload } from './payloads/learner-existing-signup.payload';
export type { LearnerLanguageChangedPayload } from './payloads/learner-language.payload';
export type { PassportAssertionAcceptedPayload, PassportAssertionSharedPayload } from './payloads/passport-engagement.payload';
export type { StaffChangedPayload } from './payloads/staff-changed.payload';
export type { StaffInvitedPayload, StaffPasswordResetRequestedPayload } from './payloads/staff-emails.payload';
