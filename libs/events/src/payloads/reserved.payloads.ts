import { z } from 'zod';

import { emailLanguage, entityId, httpUrl, isoDateTime } from './common';

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

// Endorsement events: the envelope's institutionId is the institution that owns the target (the
// requester); the endorser is `endorserInstitutionId`. Optional fields were added by the
// endorsement service (issue #7) for its consumers: names and texts for messages and pages.
export const endorsementRequestedPayload = z.object({
  requestId: entityId,
  target: endorsementTarget,
  endorserInstitutionId: entityId,
  targetUrl: httpUrl.optional(),
  targetName: z.string().optional(),
  message: z.string().optional(),
  /** The endorser Profile's (public) contact email: notification tells it about the request. */
  endorserEmail: z.email().optional(),
  /** The language of the emails to endorserEmail (the Profile's; decision 0047). Absent: English. */
  endorserLanguage: emailLanguage.optional(),
});

export const endorsementIssuedPayload = z.object({
  endorsementId: entityId,
  endorsementUrl: httpUrl,
  requestId: entityId,
  target: endorsementTarget,
  endorserInstitutionId: entityId,
  /** The endorser Profile's name and the claim's endorsementComment, for pages and messages. */
  endorserName: z.string().optional(),
  endorserProfileUrl: httpUrl.optional(),
  comment: z.string().optional(),
  issuedOn: isoDateTime.optional(),
  targetName: z.string().optional(),
  /** The contact email of the target's issuer (public in its Profile): notification tells the requester. */
  requesterEmail: z.email().optional(),
  /** The language of the emails to requesterEmail (the asker's, kept on the request; decision 0047). Absent: English. */
  requesterLanguage: emailLanguage.optional(),
  /** A signed endorsement (its endorser uses signed verification): the compact JWS, as served at endorsementUrl for `Accept: application/jose`. */
  signedJws: z.string().regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, { error: 'signedJws must be a compact JWS' }).optional(),
});

export const endorsementRevokedPayload = z.object({
  endorsementId: entityId,
  target: endorsementTarget,
  revokedAt: isoDateTime,
  endorsementUrl: httpUrl.optional(),
  endorserInstitutionId: entityId.optional(),
  /** The party that withdrew it (either may). */
  revokedByInstitutionId: entityId.optional(),
  revocationReason: z.string().optional(),
  targetName: z.string().optional(),
  endorserName: z.string().optional(),
  /** Both parties' public contact emails: notification tells the party that did not withdraw. */
  endorserEmail: z.email().optional(),
  requesterEmail: z.email().optional(),
  /** The language of the email to each of those addresses (decision 0047). Absent: English. */
  endorserLanguage: emailLanguage.optional(),
  requesterLanguage: emailLanguage.optional(),
});

/**
 * The endorser declined a request (issue #16: the audit trail records every decision). Like the
 * other endorsement events, the envelope's institutionId is the requester's; the decision is the
 * endorser's. Key: the request id.
 */
export const endorsementDeclinedPayload = z.object({
  requestId: entityId,
  target: endorsementTarget,
  endorserInstitutionId: entityId,
  targetName: z.string().optional(),
  /** What the endorser said, when it said anything. */
  reason: z.string().optional(),
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
export type EndorsementDeclinedPayload = z.infer<typeof endorsementDeclinedPayload>;
export type LearnerIdentifierVerifiedPayload = z.infer<typeof learnerIdentifierVerifiedPayload>;
