import { z } from 'zod';

import { actorSchema, type Actor } from './actor';
import type { PayloadOf } from './event-schemas';
import type { TopicName } from './topics';

/** Events that concern the province rather than one institution (learners) carry this id. */
export const PROVINCE_INSTITUTION_ID = 'province';

/** The envelope every event travels in, whatever the bus. */
export interface EventEnvelope<T extends TopicName = TopicName> {
  /** A UUID; consumers deduplicate on it. */
  eventId: string;
  type: T;
  /** ISO 8601, when the state change was committed by its owner. */
  occurredAt: string;
  institutionId: string;
  /** Carried from the request that caused the change, for tracing across services. */
  correlationId: string;
  /**
   * Who made the change (issue #16): the request's API client or staff member. Optional: absent
   * when the platform acted on its own, and in events published before it was added (v1
   * envelopes stay valid either way).
   */
  actor?: Actor;
  /** The Kafka partition key: events about one aggregate stay in order. */
  aggregateId: string;
  /**
   * The W3C trace context of the span that created the event (decision 0052): a consumer's span
   * is its child. Optional: absent outside any span and in events written before it was added.
   */
  traceparent?: string;
  tracestate?: string;
  payload: PayloadOf<T>;
}

/** The discriminated union of every known event: `switch (event.type)` narrows the payload. */
export type BadgeEvent = { [T in TopicName]: EventEnvelope<T> }[TopicName];

export type EventOf<T extends TopicName> = Extract<BadgeEvent, { type: T }>;

/** The envelope fields, checked before the payload is looked at. */
export const envelopeSchema = z.object({
  eventId: z.uuid(),
  type: z.string().min(1),
  occurredAt: z.iso.datetime({ offset: true }),
  institutionId: z.string().min(1).max(128),
  correlationId: z.string().min(1).max(256),
  actor: actorSchema.optional(),
  aggregateId: z.string().min(1).max(256),
  // Bounded only: the W3C propagator reads them, and ignores a malformed one.
  traceparent: z.string().max(128).optional(),
  tracestate: z.string().max(512).optional(),
  payload: z.unknown(),
});
