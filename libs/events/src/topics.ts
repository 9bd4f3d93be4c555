/**
 * Every event topic of the platform, in one place: `badges.<entity>.<action>.v<N>`.
 *
 * WARNING: a published contract is never edited in place. Consumers in other services (and
 * events already sitting in Kafka or in an outbox) rely on the payload shape of each version.
 * For a breaking change add a new `.v<N+1>` topic with its own payload schema, publish both
 * while consumers migrate, then retire the old one. Additive optional fields are not breaking.
 */
export const Topic = {
  AssertionIssued: 'badges.assertion.issued.v1',
  AssertionRevoked: 'badges.assertion.revoked.v1',
  // Issue #16: PUT /v2/assertions/{id} changed an award's evidence, narrative or expiry.
  AssertionUpdated: 'badges.assertion.updated.v1',
  // Issue #18: an award brought over by a migration run; the passport collects it, nobody is emailed.
  AssertionImported: 'badges.assertion.imported.v1',
  BadgeClassUpdated: 'badges.badgeclass.updated.v1',
  // Audit trail (issue #16): changes that had no event before, so every change has one.
  BadgeClassCreated: 'badges.badgeclass.created.v1',
  BadgeClassDeleted: 'badges.badgeclass.deleted.v1',
  IssuerCreated: 'badges.issuer.created.v1',
  BulkAwardStarted: 'badges.bulkaward.started.v1',
  BulkAwardFinished: 'badges.bulkaward.finished.v1',
  EndorsementDeclined: 'badges.endorsement.declined.v1',
  // Read path (issue #14): a Profile edit or a key made/rotated; caches of public documents drop them.
  IssuerUpdated: 'badges.issuer.updated.v1',
  // Reserved for the services that follow (issue #3 lists them); payloads are minimal but typed.
  VerificationCompleted: 'badges.verification.completed.v1',
  EndorsementRequested: 'badges.endorsement.requested.v1',
  EndorsementIssued: 'badges.endorsement.issued.v1',
  EndorsementRevoked: 'badges.endorsement.revoked.v1',
  // Read path (issue #14): the endorsed document's owner changed its `endorsement` list.
  EndorsementListed: 'badges.endorsement.listed.v1',
  LearnerIdentifierVerified: 'badges.learner.identifier-verified.v1',
  // Passport (issue #6): the notification service emails the learner the confirmation link.
  LearnerEmailConfirmationRequested: 'badges.learner.email-confirmation-requested.v1',
  // Hardening (issue #13): a sign-up for a taken address answers as a new one; its owner gets an email.
  LearnerExistingSignupAttempted: 'badges.learner.existing-signup-attempted.v1',
  // Emails in the learner's language (issue #17): award emails to their verified addresses follow it.
  LearnerLanguageChanged: 'badges.learner.language-changed.v1',
  // Staff accounts (issue #16): the gateway asks the notification service to email a person a one-time link.
  StaffInvited: 'badges.staff.invited.v1',
  StaffPasswordResetRequested: 'badges.staff.password-reset-requested.v1',
  // A person's name, status or issuer roles changed: the issuer service lists issuers' staff from it.
  StaffChanged: 'badges.staff.changed.v1',
  // Dashboards (issue #17): a learner accepted or shared a badge of ours; the issuer counts them.
  PassportAssertionAccepted: 'badges.passport.assertion-accepted.v1',
  PassportAssertionShared: 'badges.passport.assertion-shared.v1',
} as const;

export type TopicName = (typeof Topic)[keyof typeof Topic];

export const ALL_TOPICS: readonly TopicName[] = Object.values(Topic);

/** A handler that keeps failing sends its event here, so its partition keeps moving. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}

export function isTopicName(value: unknown): value is TopicName {
  return typeof value === 'string' && (ALL_TOPICS as readonly string[]).includes(value);
}
