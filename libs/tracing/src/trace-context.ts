import { context, ROOT_CONTEXT, trace, type Context, type TextMapGetter, type TextMapSetter } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

/**
 * A trace context as it crosses a boundary the process does not see through (an event envelope,
 * a job's data, an internal HTTP call): W3C `traceparent` and, when a vendor set one, `tracestate`.
 */
export interface TraceCarrier {
  traceparent?: string;
  tracestate?: string;
}

/**
 * Our own propagator rather than the global one: the boundaries stay W3C whatever a process
 * registered (or if it registered nothing, as in unit tests).
 */
const propagator = new W3CTraceContextPropagator();

const setter: TextMapSetter<TraceCarrier> = {
  set: (carrier, key, value) => {
    if (key === 'traceparent' || key === 'tracestate') carrier[key] = value;
  },
};

const getter: TextMapGetter<TraceCarrier> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => (key === 'traceparent' || key === 'tracestate' ? carrier[key] : undefined),
};

/** The active span's context as a carrier, or undefined when no (valid) span is active. */
export function currentTraceCarrier(active: Context = context.active()): TraceCarrier | undefined {
  if (!trace.getSpanContext(active)) return undefined;
  const carrier: TraceCarrier = {};
  propagator.inject(active, carrier, setter);
  return carrier.traceparent ? carrier : undefined;
}

/** The context a carrier names, as a remote parent; ROOT when it names none (or a malformed one). */
export function contextFromCarrier(carrier: TraceCarrier | undefined): Context {
  if (!carrier?.traceparent) return ROOT_CONTEXT;
  return propagator.extract(ROOT_CONTEXT, carrier, getter);
}

/** Adds `traceparent` (and `tracestate`) of the active span to outgoing HTTP headers. */
export function withTraceHeaders<H extends Record<string, unknown>>(headers: H): H {
  const carrier = currentTraceCarrier();
  return carrier ? { ...headers, ...carrier } : headers;
}
