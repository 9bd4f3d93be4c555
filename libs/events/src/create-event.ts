import { randomUUID } from 'node:crypto';

import { currentTraceCarrier } from '@badges/tracing';

import type { Actor } from './actor';
import type { EventOf } from './envelope';
import { parseEvent } from './parse-event';
import type { TopicName } from './topics';

/**
 * What caused a change, as its events record it: the correlation id of the request (or job, or
 * event) behind it, and who acted. Services take it as ONE parameter from the controller down to
 * the events they write, so every event of a change names the same cause.
 */
export interface EventOrigin {
  correlationId: string;
  /** Absent when the platform acted on its own (or nobody said who acted). */
  actor?: Actor;
}

export interface NewEvent<T extends TopicName> extends EventOrigin {
  institutionId: string;
  aggregateId: string;
  payload: EventOf<T>['payload'];
  /** Defaults to now; pass the commit time when the event is created after the fact. */
  occurredAt?: Date | string;
  /** Defaults to a fresh UUID; pass one only to re-create an event deterministically. */
  eventId?: string;
}

/**
 * Builds an envelope and validates it against its contract on the producer's side, so a
 * malformed event fails the producing transaction instead of every consumer. The validated
 * (stripped) payload is what gets published: fields outside the contract, such as stray
 * personal data, never leave the service. Inside a span, the envelope carries its trace context.
 */
export function createEvent<T extends TopicName>(type: T, event: NewEvent<T>): EventOf<T> {
  const occurredAt = event.occurredAt instanceof Date ? event.occurredAt.toISOString() : (event.occurredAt ?? new Date().toISOString());
  const created = parseEvent({
    eventId: event.eventId ?? randomUUID(),
    type,
    occurredAt,
    institutionId: event.institutionId,
    correlationId: event.correlationId,
    ...(event.actor ? { actor: event.actor } : {}),
    aggregateId: event.aggregateId,
    // The active span's context (the request's or job's): written to the outbox with the event.
    ...currentTraceCarrier(),
    payload: event.payload,
  }) as EventOf<T>;
  checkedEvents.add(created);
  return created;
}

/** Envelopes createEvent built and checked (held weakly: they are garbage like any other object). */
const checkedEvents = new WeakSet<object>();

/**
 * True for an envelope createEvent returned: it already passed its contract, so a writer (the
 * outbox) need not check it again. An envelope built any other way is not trusted.
 */
export function isCheckedEvent(event: object): boolean {
  return checkedEvents.has(event);
}
