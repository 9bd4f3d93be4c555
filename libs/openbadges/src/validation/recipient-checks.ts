import { identityMatches } from '../recipient/identity-matches';
import { error, TaskCode, type ValidationMessage } from './messages';
import { asArray, isJsonNode, type JsonNode } from './present-values';
import { text } from '../report-texts/message-text';

/** Identifiers the person presenting the badge is known by, keyed by recipient type. */
export interface RecipientProfile {
  email?: string | string[];
  url?: string | string[];
  telephone?: string | string[];
  id?: string | string[];
}

/**
 * VERIFY_RECIPIENT_IDENTIFIER: when the verifier knows who should hold the badge (e.g. the
 * logged-in learner's verified emails), one of their identifiers of the badge's recipient type
 * must match the (possibly hashed) recipient identity.
 */
export function verifyRecipientIdentifier(assertion: JsonNode, profile: RecipientProfile): ValidationMessage[] {
  const recipient = assertion.recipient;
  if (!isJsonNode(recipient)) return [];
  const type = typeof recipient.type === 'string' ? recipient.type : 'email';
  const candidates = asArray<string>(profile[type as keyof RecipientProfile]);
  if (candidates.some((c) => identityMatches(recipient, c))) return [];
  const label = typeof assertion.id === 'string' ? assertion.id : undefined;
  const message =
    candidates.length === 0
      ? text('RECIPIENT_NONE_GIVEN', { type })
      : text('RECIPIENT_MISMATCH', { type });
  return [error(TaskCode.VERIFY_RECIPIENT_IDENTIFIER, message, label, 'recipient')];
}
