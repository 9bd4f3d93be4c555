import { z } from 'zod';

import { emailLanguage, entityId, httpUrl } from './common';

/**
 * A learner added an email address to their passport; the notification service sends the link.
 * The address must travel (the email cannot be sent otherwise); the link holds a one-time token
 * that expires, and only its hash is stored by the passport.
 */
export const learnerEmailConfirmationRequestedPayload = z.object({
  learnerId: entityId,
  identifierId: entityId,
  email: z.email(),
  learnerName: z.string().min(1).max(200),
  confirmUrl: httpUrl,
  /** The learner's language (issue #17); absent in events from before it was known: the email is then in English and French. */
  language: emailLanguage.optional(),
});

export type LearnerEmailConfirmationRequestedPayload = z.infer<typeof learnerEmailConfirmationRequestedPayload>;
