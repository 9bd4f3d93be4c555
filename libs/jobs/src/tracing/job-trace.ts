import { contextFromCarrier, currentTraceCarrier, inSpan, SpanKind, type TraceCarrier } from '@badges/tracing';

import type { JobContext } from '../job-queue';

/**
 * The key a job's data carries the enqueuer's trace context under (decision 0052). Handlers and
 * getJob never see it: the data they get is the payload as it was added.
 */
const TRACE_KEY = '_trace';

type Traced<T> = T & { [TRACE_KEY]?: TraceCarrier };

/** The payload as stored: with the active span's context when a span is active (a request, an event). */
export function withJobTrace<T extends object>(payload: T): Traced<T> {
  const carrier = currentTraceCarrier();
  return carrier ? { ...payload, [TRACE_KEY]: carrier } : payload;
}

/** Splits stored data into the payload and the enqueuer's trace context. */
export function splitJobTrace<T extends object>(data: Traced<T>): { payload: T; carrier?: TraceCarrier } {
  if (!data || typeof data !== 'object' || !(TRACE_KEY in data)) return { payload: data };
  const { [TRACE_KEY]: carrier, ...payload } = data;
  return { payload: payload as T, carrier };
}

/** One run of a job: a CONSUMER span, child of the span that enqueued it. */
export function inJobSpan<T>(queue: string, name: string, job: JobContext, carrier: TraceCarrier | undefined, work: () => Promise<T>): Promise<T> {
  return inSpan(`${queue} ${name}`, {
    kind: SpanKind.CONSUMER,
    parent: contextFromCarrier(carrier),
    attributes: { 'badges.job.queue': queue, 'badges.job.name': name, 'badges.job.id': job.id, 'badges.job.attempts_made': job.attemptsMade },
  }, work);
}
