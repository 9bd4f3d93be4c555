import { z } from 'zod';

import { emailLanguage, entityId, httpUrl } from './common';

/**
 * Someone signed up with an address that already belongs to a passport. The sign-up answered as
 * for a new account (so it tells nobody the address is taken); the notification service tells the
 * owner instead, at that address, with a link to sign in.
 */
export const learnerExistingSignupAttemptedPayload = z.object({
  /** The owner of the address. */
  learnerId: entityId,
  email: z.email(),
  learnerName: z.string().min(1).max(200),
  signInUrl: httpUrl,
  /**
   * The owner's language, else the sign-up's (issue #17); absent in events from before it was
   * known: the notice is then in English and French.
   */
  language: emailLanguage.optional(),
});

export type LearnerExistingSignupAttemptedPayload = z.infer<typeof learnerExistingSignupAttemptedPayload>;
