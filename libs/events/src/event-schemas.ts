import type { z } from 'zod';

import { assertionImportedPayload } from './payloads/assertion-imported.payload';
import { assertionIssuedPayload } from './payloads/assertion-issued.payload';
import { assertionRevokedPayload } from './payloads/assertion-revoked.payload';
import { assertionUpdatedPayload } from './payloads/assertion-updated.payload';
import { badgeClassCreatedPayload, badgeClassDeletedPayload } from './payloads/badgeclass-lifecycle.payload';
import { badgeClassUpdatedPayload } from './payloads/badgeclass-updated.payload';
import { bulkAwardFinishedPayload, bulkAwardStartedPayload } from './payloads/bulk-award.payload';
import { endorsementListedPayload } from './payloads/endorsement-listed.payload';
import { issuerCreatedPayload } from './payloads/issuer-created.payload';
import { issuerUpdatedPayload } from './payloads/issuer-updated.payload';
import { learnerEmailConfirmationRequestedPayload } from './payloads/learner-email-confirmation.payload';
import { learnerExistingSignupAttemptedPayload } from './payloads/learner-existing-signup.payload';
import { learnerLanguageChangedPayload } from './payloads/learner-language.payload';
import { passportAssertionAcceptedPayload, passportAssertionSharedPayload } from './payloads/passport-engagement.payload';
import { staffChangedPayload } from './payloads/staff-changed.payload';
import { staffInvitedPayload, staffPasswordResetRequestedPayload } from './payloads/staff-emails.payload';
import {
  endorsementDeclinedPayload,
  endorsementIssuedPayload,
  endorsementRequestedPayload,
  endorsementRevokedPayload,
  learnerIdentifierVerifiedPayload,
  verificationCompletedPayload,
} from './payloads/reserved.payloads';
import { Topic, type TopicName } from './topics';

/** The payload contract of each topic; `satisfies` makes a topic without a schema a compile error. */
export const payloadSchemas = {
  [Topic.AssertionIssued]: assertionIssuedPayload,
  [Topic.AssertionRevoked]: assertionRevokedPayload,
  [Topic.AssertionUpdated]: assertionUpdatedPayload,
  [Topic.AssertionImported]: assertionImportedPayload,
  [Topic.BadgeClassUpdated]: badgeClassUpdatedPayload,
  [Topic.BadgeClassCreated]: badgeClassCreatedPayload,
  [Topic.BadgeClassDeleted]: badgeClassDeletedPayload,
  [Topic.IssuerCreated]: issuerCreatedPayload,
  [Topic.BulkAwardStarted]: bulkAwardStartedPayload,
  [Topic.BulkAwardFinished]: bulkAwardFinishedPayload,
  [Topic.EndorsementDeclined]: endorsementDeclinedPayload,
  [Topic.IssuerUpdated]: issuerUpdatedPayload,
  [Topic.VerificationCompleted]: verificationCompletedPayload,
  [Topic.EndorsementRequested]: endorsementRequestedPayload,
  [Topic.EndorsementIssued]: endorsementIssuedPayload,
  [Topic.EndorsementRevoked]: endorsementRevokedPayload,
  [Topic.EndorsementListed]: endorsementListedPayload,
  [Topic.LearnerIdentifierVerified]: learnerIdentifierVerifiedPayload,
  [Topic.LearnerEmailConfirmationRequested]: learnerEmailConfirmationRequestedPayload,
  [Topic.LearnerExistingSignupAttempted]: learnerExistingSignupAttemptedPayload,
  [Topic.LearnerLanguageChanged]: learnerLanguageChangedPayload,
  [Topic.StaffInvited]: staffInvitedPayload,
  [Topic.StaffPasswordResetRequested]: staffPasswordResetRequestedPayload,
  [Topic.StaffChanged]: staffChangedPayload,
  [Topic.PassportAssertionAccepted]: passportAssertionAcceptedPayload,
  [Topic.PassportAssertionShared]: passportAssertionSharedPayload,
} as const satisfies Record<TopicName, z.ZodType>;

export type PayloadOf<T extends TopicName> = z.output<(typeof payloadSchemas)[T]>;
