import type { AuditAction, AuditChanges, AuditEntryV2, AuditTargetType } from '@badges/api-contracts';
import { formatActor, type ActorType } from '@badges/events';
import { csvLine, freeText } from '@badges/service-kit';

import type { AuditEntry } from '../generated/prisma/client';

/** The actors' names of a page, by `formatActor` text (`staff:<id>`, `client:<id>`): AuditRepository.actorNames. */
export type ActorNames = ReadonlyMap<string, string>;

/** Rows leave the database here: the CHECK constraints and the recorders' types make the casts safe. */
export function toAuditEntryV2(row: AuditEntry, names: ActorNames): AuditEntryV2 {
  const actor = row.actorType && row.actorId ? formatActor({ type: row.actorType as ActorType, id: row.actorId }) : null;
  return {
    entityId: row.id,
    occurredAt: row.occurredAt.toISOString(),
    actor,
    actorName: actor === null ? null : (names.get(actor) ?? null),
    action: row.action as AuditAction,
    target: { type: row.targetType as AuditTargetType, entityId: row.targetId },
    correlationId: row.correlationId,
    changes: row.changes as AuditChanges,
    eventId: row.sourceEventId,
  };
}

export const AUDIT_CSV_HEADER = csvLine(['occurred_at', 'action', 'actor', 'actor_name', 'target_type', 'target_id', 'correlation_id', 'changes', 'entry_id', 'event_id']);

/**
 * One entry as a line of the export. `changes` holds what people typed (names, narratives,
 * reasons), an actor's name is what an admin typed, and a correlation id may be the caller's own
 * `x-request-id`: all free text, so a spreadsheet shows a formula-looking cell as text. The rest is
 * ours and written as stored.
 */
export function auditCsvLine(entry: AuditEntryV2): string {
  return csvLine([
    entry.occurredAt,
    entry.action,
    entry.actor,
    freeText(entry.actorName),
    entry.target.type,
    entry.target.entityId,
    freeText(entry.correlationId),
    freeText(JSON.stringify(entry.changes)),
    entry.entityId,
    entry.eventId,
  ]);
}
