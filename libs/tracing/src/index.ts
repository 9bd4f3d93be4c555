export { contextFromCarrier, currentTraceCarrier, withTraceHeaders, type TraceCarrier } from './trace-context';
export { activeTraceIds, inSpan, recordFailure, SpanKind, tracer, type Attributes, type Span, type SpanOptions } from './spans';
export { recordSpans } from './testing/record-spans';
