import { formatActor, parseActor, type EventOrigin } from '@badges/events';

/** The `createdBy` of what a request creates: its actor as text (`client:<id>`), or null when nobody said. */
export function createdByOf(origin: EventOrigin): string | null {
  return origin.actor ? formatActor(origin.actor) : null;
}

/** The origin a stored job recorded (a bulk award): its work happens later, on behalf of whoever started it. */
export function storedOrigin(row: { correlationId: string; createdBy: string | null }): EventOrigin {
  const actor = row.createdBy === null ? undefined : parseActor(row.createdBy);
  return { correlationId: row.correlationId, ...(actor ? { actor } : {}) };
}
