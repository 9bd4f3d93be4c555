import type { AuditAction, AuditChanges, AuditTargetType } from '@badges/api-contracts';
import type { EventOrigin } from '@badges/events';
import { newEntityId } from '@badges/persistence';

import type { AuditEntry } from '../generated/prisma/client';

/** One change, as the audit trail records it. */
export interface AuditRecord {
  institutionId: string;
  /** When the change was committed. */
  occurredAt: Date;
  /** The correlation id of what caused it, and who acted (none: the platform or the operator). */
  origin: EventOrigin;
  action: AuditAction;
  target: { type: AuditTargetType; id: string };
  /** Field by field; never a secret, and no recipient's identity (an entry can never be erased). */
  changes: AuditChanges;
  /** The event it was made from, when it was. */
  sourceEventId?: string;
}

/** The audit_entries row of a record; `recordedAt` is the database's. */
export type AuditRow = Omit<AuditEntry, 'recordedAt'>;

export function auditRow(record: AuditRecord): AuditRow {
  return {
    id: newEntityId(),
    institutionId: record.institutionId,
    occurredAt: record.occurredAt,
    actorType: record.origin.actor?.type ?? null,
    actorId: record.origin.actor?.id ?? null,
    action: record.action,
    targetType: record.target.type,
    targetId: record.target.id,
    correlationId: record.origin.correlationId,
    changes: record.changes as AuditRow['changes'],
    sourceEventId: record.sourceEventId ?? null,
  };
}

/** The fields a change set, each with its `after` (a creation), leaving out those it did not set. */
export function setFields(fields: Record<string, unknown>): AuditChanges {
  return Object.fromEntries(Object.entries(fields).flatMap(([field, after]) => (after === undefined ? [] : [[field, { after }]])));
}

/** The fields a change removed, each with its `before` (a deletion). */
export function removedFields(fields: Record<string, unknown>): AuditChanges {
  return Object.fromEntries(Object.entries(fields).flatMap(([field, before]) => (before === undefined ? [] : [[field, { before }]])));
}
