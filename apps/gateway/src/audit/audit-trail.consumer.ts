import type { EventOf } from '@badges/events';
import type { EventSubscriber, Subscription } from '@badges/messaging';

import { auditRow } from './audit-record';
import type { AuditRepository } from './audit.repository';
import { AUDITED_TOPICS, auditRecordOf, type AuditedTopic } from './event-entries';

/** The consumer group every gateway instance joins: each event is recorded by one of them. */
export const AUDIT_CONSUMER_GROUP = 'gateway-audit';

/**
 * Appends an entry for every change the services announce. One group for all gateway instances,
 * starting at the earliest event: on Kafka a new deployment records what was published before
 * its first start, and a restarted one resumes where it stopped. A run of events (a bulk award's)
 * is one insert; a redelivered event is skipped by its unique source event id, so the handler is
 * idempotent without a ProcessedEvent claim.
 */
export function subscribeAuditTrail(subscriber: EventSubscriber, entries: AuditRepository): Promise<Subscription> {
  const append = (events: EventOf<AuditedTopic>[]) => entries.appendFromEvents(events.map((event) => auditRow(auditRecordOf(event))));
  return subscriber.subscribe({
    group: AUDIT_CONSUMER_GROUP,
    topics: AUDITED_TOPICS,
    startAt: 'earliest',
    handler: (event) => append([event]),
    batchHandler: append,
  });
}
