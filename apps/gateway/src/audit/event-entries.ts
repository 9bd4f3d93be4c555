import { Topic, type EventOf } from '@badges/events';

import { removedFields, setFields, type AuditRecord } from './audit-record';

/** The services' events that are changes an institution's admins must be able to trace (issue #16). */
export const AUDITED_TOPICS = [
  Topic.AssertionIssued,
  Topic.AssertionUpdated,
  Topic.AssertionRevoked,
  Topic.BulkAwardStarted,
  Topic.BulkAwardFinished,
  Topic.IssuerCreated,
  Topic.IssuerUpdated,
  Topic.BadgeClassCreated,
  Topic.BadgeClassUpdated,
  Topic.BadgeClassDeleted,
  Topic.EndorsementRequested,
  Topic.EndorsementIssued,
  Topic.EndorsementDeclined,
  Topic.EndorsementRevoked,
] as const;
export type AuditedTopic = (typeof AUDITED_TOPICS)[number];

type Entry = Pick<AuditRecord, 'action' | 'target' | 'changes'> & { institutionId?: string };

/**
 * The entry an event makes: its action, its target and what it changed. The institution, time,
 * correlation id and actor are the envelope's, except for an endorsement's decision: the envelope
 * names the requester (the target's owner), but the decision, and the actor who made it, belong
 * to the endorser, so the endorser's trail records it.
 */
export function auditRecordOf(event: EventOf<AuditedTopic>): AuditRecord {
  const entry = entryOf(event);
  return {
    institutionId: entry.institutionId ?? event.institutionId,
    occurredAt: new Date(event.occurredAt),
    origin: { correlationId: event.correlationId, ...(event.actor && { actor: event.actor }) },
    action: entry.action,
    target: entry.target,
    changes: entry.changes,
    sourceEventId: event.eventId,
  };
}

function entryOf(event: EventOf<AuditedTopic>): Entry {
  switch (event.type) {
    case Topic.AssertionIssued: {
      // No recipient: an entry can never be erased, so it holds no one's identity (the assertion does).
      const { assertionId, badgeClassId, issuerId, issuedOn, expires, notify } = event.payload;
      return { action: 'assertion.awarded', target: { type: 'Assertion', id: assertionId }, changes: setFields({ badgeClass: badgeClassId, issuer: issuerId, issuedOn, expires, notify }) };
    }
    case Topic.AssertionUpdated: {
      const { assertionId, changed, changes } = event.payload;
      return { action: 'assertion.updated', target: { type: 'Assertion', id: assertionId }, changes: changes ?? Object.fromEntries(changed.map((field) => [field, {}])) };
    }
    case Topic.AssertionRevoked: {
      const { assertionId, revocationReason, revokedAt } = event.payload;
      return { action: 'assertion.revoked', target: { type: 'Assertion', id: assertionId }, changes: { revoked: { before: false, after: true }, ...setFields({ revocationReason, revokedAt }) } };
    }
    case Topic.BulkAwardStarted: {
      const { jobId, badgeClassId, sourceKind, total } = event.payload;
      return { action: 'bulk_award.started', target: { type: 'BulkAward', id: jobId }, changes: setFields({ badgeClass: badgeClassId, sourceKind, total }) };
    }
    case Topic.BulkAwardFinished: {
      const { jobId, status, total, done, failed } = event.payload;
      return { action: 'bulk_award.finished', target: { type: 'BulkAward', id: jobId }, changes: setFields({ status, total, done, failed }) };
    }
    case Topic.IssuerCreated:
      return { action: 'issuer.created', target: { type: 'Issuer', id: event.payload.issuerId }, changes: setFields({ name: event.payload.name }) };
    case Topic.IssuerUpdated:
      return issuerEntry(event);
    case Topic.BadgeClassCreated: {
      const { badgeClassId, issuerId, name } = event.payload;
      return { action: 'badge_class.created', target: { type: 'BadgeClass', id: badgeClassId }, changes: setFields({ name, issuer: issuerId }) };
    }
    case Topic.BadgeClassUpdated:
      return { action: 'badge_class.updated', target: { type: 'BadgeClass', id: event.payload.badgeClassId }, changes: event.payload.changes ?? {} };
    case Topic.BadgeClassDeleted: {
      const { badgeClassId, issuerId, name } = event.payload;
      return { action: 'badge_class.deleted', target: { type: 'BadgeClass', id: badgeClassId }, changes: removedFields({ name, issuer: issuerId }) };
    }
    case Topic.EndorsementRequested: {
      const { requestId, target, endorserInstitutionId, message } = event.payload;
      return { action: 'endorsement.requested', target: { type: 'EndorsementRequest', id: requestId }, changes: setFields({ target, endorser: endorserInstitutionId, message }) };
    }
    case Topic.EndorsementIssued: {
      const { endorsementId, requestId, target, endorserInstitutionId, comment } = event.payload;
      return {
        institutionId: endorserInstitutionId,
        action: 'endorsement.approved',
        target: { type: 'Endorsement', id: endorsementId },
        changes: setFields({ request: requestId, target, comment }),
      };
    }
    case Topic.EndorsementDeclined: {
      const { requestId, endorserInstitutionId, target, reason } = event.payload;
      return {
        institutionId: endorserInstitutionId,
        action: 'endorsement.declined',
        target: { type: 'EndorsementRequest', id: requestId },
        changes: { status: { before: 'pending', after: 'declined' }, ...setFields({ target, reason }) },
      };
    }
    case Topic.EndorsementRevoked: {
      // Either party may withdraw: the trail of the one that did records it.
      const { endorsementId, revokedByInstitutionId, revokedAt, revocationReason } = event.payload;
      return {
        institutionId: revokedByInstitutionId,
        action: 'endorsement.withdrawn',
        target: { type: 'Endorsement', id: endorsementId },
        changes: setFields({ revokedAt, reason: revocationReason }),
      };
    }
  }
}

/** issuer.updated says which of three changes happened: a Profile edit, a key, or the deletion. */
function issuerEntry(event: EventOf<typeof Topic.IssuerUpdated>): Entry {
  const { issuerId, change, changes, keys } = event.payload;
  const target = { type: 'Issuer', id: issuerId } as const;
  switch (change) {
    case 'profile':
      return { action: 'issuer.updated', target, changes: changes ?? {} };
    case 'deleted':
      return { action: 'issuer.deleted', target, changes: {} };
    case 'keys':
      if (keys && !keys.retired) return { action: 'signing_key.created', target, changes: { activeKey: { after: keys.active } } };
      return { action: 'signing_key.rotated', target, changes: keys ? { activeKey: { before: keys.retired, after: keys.active } } : {} };
  }
}
