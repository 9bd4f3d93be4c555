import { ROOT_CONTEXT, trace, type Context, type Link } from '@opentelemetry/api';

import type { BadgeEvent } from '@badges/events';
import { contextFromCarrier, inSpan, SpanKind } from '@badges/tracing';

/**
 * The spans of an event's trip (decision 0052). The envelope carries the context of the span that
 * created the event (a request's, a job's, another event's); publishing and handling are its
 * children, so one trace runs from the API call through every consumer.
 */

/** One attempt of one consumer group at one event: a CONSUMER span, child of the event's creator. */
export function inConsumeSpan<T>(group: string, event: BadgeEvent, attempt: number, work: () => Promise<T>): Promise<T> {
  return inSpan(`${event.type} process`, {
    kind: SpanKind.CONSUMER,
    parent: contextFromCarrier(event),
    attributes: {
      'badges.service': group,
      'messaging.operation.type': 'process',
      'messaging.destination.name': event.type,
      'messaging.consumer.group.name': group,
      'messaging.message.id': event.eventId,
      'badges.delivery.attempt': attempt,
    },
  }, work);
}

/** A run of events handled at once: its own trace, linked to every event's creator. */
export function inConsumeBatchSpan<T>(group: string, events: readonly BadgeEvent[], work: () => Promise<T>): Promise<T> {
  return inSpan(`${events[0]?.type ?? 'events'} process`, {
    kind: SpanKind.CONSUMER,
    parent: ROOT_CONTEXT,
    links: linksTo(events),
    attributes: {
      'badges.service': group,
      'messaging.operation.type': 'process',
      'messaging.destination.name': events[0]?.type ?? '',
      'messaging.consumer.group.name': group,
      'messaging.batch.message_count': events.length,
    },
  }, work);
}

/**
 * Handing events to the bus (an outbox row's batch): a PRODUCER span, child of the events' creator
 * when they share one (a single award), else its own trace linked to each of them.
 */
export function inPublishSpan<T>(events: readonly BadgeEvent[], work: () => Promise<T>): Promise<T> {
  const topics = new Set(events.map((event) => event.type));
  const parents = new Set(events.map((event) => event.traceparent));
  const shared: Context = parents.size === 1 ? contextFromCarrier(events[0]) : ROOT_CONTEXT;
  return inSpan(`${topics.size === 1 ? events[0].type : 'events'} publish`, {
    kind: SpanKind.PRODUCER,
    parent: shared,
    links: parents.size > 1 ? linksTo(events) : [],
    attributes: {
      'messaging.operation.type': 'send',
      'messaging.destination.name': [...topics].join(','),
      'messaging.batch.message_count': events.length,
    },
  }, work);
}

function linksTo(events: readonly BadgeEvent[]): Link[] {
  const links: Link[] = [];
  const seen = new Set<string>();
  for (const event of events) {
    const spanContext = event.traceparent && !seen.has(event.traceparent) ? trace.getSpanContext(contextFromCarrier(event)) : undefined;
    if (!spanContext) continue;
    seen.add(event.traceparent as string);
    links.push({ context: spanContext });
  }
  return links;
}
