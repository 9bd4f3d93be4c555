import { z } from 'zod';

import { entityId, httpUrl, isoDateTime } from './common';

// Reserved contracts: minimal on purpose. The owning service may add optional fields; anything
// breaking goes into a `.v2` topic (see topics.ts).

export const verificationCompletedPayload = z.object({
  verificationId: entityId,
  /** The assertion's public URL when the input named one; absent for uploaded JSON or images. */
  subjectUrl: httpUrl.optional(),
  valid: z.boolean(),
  errorCount: z.number().int().nonnegative(),
  warningCount: z.number().int().nonnegative(),
});

const endorsementTarget = z.object({
  type: z.enum(['BadgeClass', 'Issuer', 'Assertion']),
  entityId,
});

export const endorsementRequestedPayload = z.object({
  requestId: entityId,
  target: endorsementTarget,
  endorserInstitutionId: entityId,
});

export const endorsementIssuedPayload = z.object({
  endorsementId: entityId,
  endorsementUrl: httpUrl,
  requestId: entityId,
  target: endorsementTarget,
  endorserInstitutionId: entityId,
});

export const endorsementRevokedPayload = z.object({
  endorsementId: entityId,
  target: endorsementTarget,
  revokedAt: isoDateTime,
});

/** Carries no identity at all: consumers that need it ask the passport service. */
export const learnerIdentifierVerifiedPayload = z.object({
  learnerId: entityId,
  identifierId: entityId,
  identifierType: z.enum(['email', 'url', 'telephone']),
  verifiedAt: isoDateTime,
});

export type VerificationCompletedPayload = z.infer<typeof verificationCompletedPayload>;
export type EndorsementRequestedPayload = z.infer<typeof endorsementRequestedPayload>;
export type EndorsementIssuedPayload = z.infer<typeof endorsementIssuedPayload>;
export type EndorsementRevokedPayload = z.infer<typeof endorsementRevokedPayload>;
export type LearnerIdentifierVerifiedPayload = z.infer<typeof learnerIdentifierVerifiedPayload>;
