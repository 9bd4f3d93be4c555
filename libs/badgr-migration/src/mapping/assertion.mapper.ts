import { MigrationAssertionSchema, type MigrationAssertion, type MigrationItemProblem, type RecipientType } from '@badges/api-contracts';
import { hashIdentity, parseHashedIdentity } from '@badges/openbadges';

import type { BadgrAssertion } from '../badgr/badgr-shapes';
import { badgrInstant } from './badgr-dates';
import { extensionsWarning } from './extensions';
import { checked, refused, type Mapped } from './mapped';

/** Badgr's recipient types (apps/issuer/models.py:45-48) in OB 2.0's words: Badgr says openBadgeId for `id`. */
const RECIPIENT_TYPES: Record<string, RecipientType> = { email: 'email', url: 'url', telephone: 'telephone', openBadgeId: 'id', id: 'id' };

/**
 * BadgeInstanceSerializerV2 → MigrationAssertion. `seenAt` is the changed feed's timestamp for the
 * page (Badgr never shows an assertion's updated_at; the feed's time is its upper bound).
 */
export function mapAssertion(assertion: BadgrAssertion, seenAt: string): Mapped<MigrationAssertion> {
  const id = assertion.entityId;
  const problems: MigrationItemProblem[] = extensionsWarning('assertion', id, assertion.extensions);
  if (assertion.badgeclass === null) return refused('assertion', id, 'badge_class_missing', 'It names no badge class.', problems);
  if (assertion.issuer === null) return refused('assertion', id, 'issuer_missing', 'It names no issuer.', problems);
  const dates = { createdAt: badgrInstant(assertion.createdAt), issuedOn: badgrInstant(assertion.issuedOn) };
  for (const [field, value] of Object.entries(dates)) {
    if (value === null) return refused('assertion', id, 'invalid_date', `${field} "${assertion[field as keyof typeof dates]}" is not a date and time.`, problems);
  }
  const expires = assertion.expires === null ? null : badgrInstant(assertion.expires);
  if (assertion.expires !== null && expires === null) return refused('assertion', id, 'invalid_date', `expires "${assertion.expires}" is not a date and time.`, problems);
  const recipient = mapRecipient(assertion.recipient);
  if ('error' in recipient) return refused('assertion', id, recipient.code, recipient.error, problems);
  const record: MigrationAssertion = {
    sourceId: id,
    documentId: assertion.openBadgeId,
    badgeClassSourceId: assertion.badgeclass,
    issuerSourceId: assertion.issuer,
    recipient,
    issuedOn: dates.issuedOn as string,
    expires,
    narrative: assertion.narrative,
    evidence: assertion.evidence.map((item) => ({ url: item.url, narrative: item.narrative })),
    revoked: assertion.revoked,
    revocationReason: assertion.revoked ? assertion.revocationReason : null,
    createdAt: dates.createdAt as string,
    updatedAt: seenAt,
  };
  return checked(MigrationAssertionSchema, record, 'assertion', id, problems);
}

type RecipientResult = MigrationAssertion['recipient'] | { error: string; code: 'unexpected_shape' | 'recipient_hash_mismatch' };

/**
 * The identity exactly as published: a hashed one keeps its hash and salt. When Badgr also gives
 * the plaintext, the hash must be of it, or the passport would file the badge under someone else.
 */
function mapRecipient(recipient: BadgrAssertion['recipient']): RecipientResult {
  const type = RECIPIENT_TYPES[recipient.type];
  if (type === undefined) return { error: `recipient.type "${recipient.type}" is not one Open Badges knows.`, code: 'unexpected_shape' };
  const hashed = recipient.hashed === true;
  if (!hashed) return { type, identity: recipient.identity, hashed, salt: null, plaintextIdentity: recipient.plaintextIdentity ?? recipient.identity };
  const parsed = parseHashedIdentity(recipient.identity);
  if (parsed === undefined) return { error: `recipient.identity is said to be hashed but is not a sha256$ or md5$ hash.`, code: 'unexpected_shape' };
  const plain = recipient.plaintextIdentity;
  if (plain !== null && hashIdentity(plain, recipient.salt ?? undefined, parsed.algorithm) !== `${parsed.algorithm}$${parsed.hex}`) {
    return { error: 'recipient.identity is not the hash of its plaintextIdentity with its salt.', code: 'recipient_hash_mismatch' };
  }
  return { type, identity: recipient.identity, hashed, salt: recipient.salt, plaintextIdentity: plain };
}
