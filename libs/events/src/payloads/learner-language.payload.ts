import { z } from 'zod';

import { emailLanguage, entityId } from './common';

/** HMAC-SHA256 hex, as assertion.issued's `recipient.lookup` (decision 0004). */
const recipientLookup = z.string().regex(/^[0-9a-f]{64}$/, 'expected a recipient lookup (HMAC-SHA256 hex)');

/**
 * A learner's language for the awards sent to their verified email addresses (decision 0041): the
 * whole state, not a change, so the last event of a learner (key: learnerId) is the truth. Sent
 * when the language or the set of verified addresses changes, and with `language: null` and no
 * lookups when the account is deleted or merged away. It names the addresses only by their keyed
 * lookups, which the notification service already receives with every award: no address, no name.
 */
export const learnerLanguageChangedPayload = z.object({
  learnerId: entityId,
  language: emailLanguage.nullable(),
  /** The keyed lookups of the learner's verified email addresses. */
  lookups: z.array(recipientLookup).max(100),
});

export type LearnerLanguageChangedPayload = z.infer<typeof learnerLanguageChangedPayload>;
