import { identityMatches } from '../../recipient/identity-matches';
import { text } from '../../report-texts/message-text';
import { asArray, isJsonNode, type JsonNode } from '../../validation/present-values';
import type { RecipientProfile } from '../../validation/recipient-checks';
import { Ob3Code } from './codes';
import { failure, type Finding } from './types';

/** OB 3.0 identity types and the expected-recipient field each is compared with. */
const PROFILE_FIELD: Record<string, keyof RecipientProfile> = { emailAddress: 'email', url: 'url', phoneNumber: 'telephone' };
const TWO_ZERO_TYPE: Record<keyof RecipientProfile, string> = { email: 'email', url: 'url', telephone: 'telephone', id: 'id' };

/**
 * OB 3.0 §9.4 "Verify the Recipient Using an Identifier", with the same expected recipient as 2.0:
 * the subject's `id` against the expected ids, and each `identifier` (IdentityObject) of a known type
 * against the expected identifiers of that type, hashed with its salt when `hashed` (the hash is the
 * 2.0 one, `sha256$…`, so one learner matches both forms of an award).
 */
export function checkRecipient(credential: JsonNode, profile: RecipientProfile): Finding[] {
  const subject = asArray(credential.credentialSubject).find(isJsonNode);
  if (!subject) return [failure(Ob3Code.RECIPIENT, text('RECIPIENT_NONE_GIVEN', { type: 'id' }), 'credentialSubject')];
  const candidates: Array<{ field: keyof RecipientProfile; matches: (value: string) => boolean }> = [];
  if (typeof subject.id === 'string') {
    const id = subject.id;
    candidates.push({ field: 'id', matches: (value) => identityMatches({ type: 'id', hashed: false, identity: id }, value) });
  }
  for (const identifier of asArray(subject.identifier).filter(isJsonNode)) {
    const field = typeof identifier.identityType === 'string' ? PROFILE_FIELD[identifier.identityType] : undefined;
    if (!field) continue;
    candidates.push({ field, matches: (value) => identityMatches({ type: TWO_ZERO_TYPE[field], hashed: identifier.hashed, salt: identifier.salt, identity: identifier.identityHash }, value) });
  }
  const given = candidates.filter((candidate) => asArray<string>(profile[candidate.field]).length > 0);
  if (given.some((candidate) => asArray<string>(profile[candidate.field]).some((value) => candidate.matches(value)))) return [];
  const type = (given[0] ?? candidates[0])?.field ?? 'id';
  return [failure(Ob3Code.RECIPIENT, given.length === 0 ? text('RECIPIENT_NONE_GIVEN', { type }) : text('RECIPIENT_MISMATCH', { type }), 'credentialSubject')];
}
