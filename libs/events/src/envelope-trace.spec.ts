import { trace } from '@opentelemetry/api';

import { contextFromCarrier, inSpan, recordSpans } from '@badges/tracing';

import { createEvent } from './create-event';
import { parseEvent } from './parse-event';
import { Topic } from './topics';

recordSpans();

const revoked = () =>
  createEvent(Topic.AssertionRevoked, {
    institutionId: 'inst-1',
    correlationId: 'corr-1',
    aggregateId: 'aaaaaaaaaaaaaaaaaaaaaa',
    payload: {
      assertionId: 'aaaaaaaaaaaaaaaaaaaaaa', assertionUrl: 'http://localhost:3000/public/assertions/aaaaaaaaaaaaaaaaaaaaaa', badgeClassId: 'bbbbbbbbbbbbbbbbbbbbbb',
      issuerId: 'cccccccccccccccccccccc', revocationReason: 'Issued in error', revokedAt: '2025-01-02T03:04:05.000Z',
    },
  });

describe('the envelope trace context (decision 0052)', () => {
  it('carries the active span as W3C traceparent, kept through the JSON a bus carries', async () => {
    const { event, span } = await inSpan('request', {}, async (active) => ({ event: revoked(), span: active.spanContext() }));
    expect(event.traceparent).toBe(`00-${span.traceId}-${span.spanId}-01`);

    const received = parseEvent(Buffer.from(JSON.stringify(event)));
    expect(received).toEqual(event);
    expect(trace.getSpanContext(contextFromCarrier(received))).toMatchObject({ traceId: span.traceId, spanId: span.spanId, isRemote: true });
  });

  it('has no trace fields outside any span, and an envelope written before them still parses', () => {
    const event = revoked();
    expect(event).not.toHaveProperty('traceparent');
    expect(event).not.toHaveProperty('tracestate');
    expect(parseEvent(JSON.stringify(event))).toEqual(event);
    expect(trace.getSpanContext(contextFromCarrier(event))).toBeUndefined();
  });

  it('keeps tracestate beside traceparent, and ignores a malformed traceparent instead of refusing the event', () => {
    const event = { ...revoked(), traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', tracestate: 'vendor=abc' };
    expect(parseEvent(JSON.stringify(event))).toMatchObject({ tracestate: 'vendor=abc' });
    expect(trace.getSpanContext(contextFromCarrier(event))?.traceState?.get('vendor')).toBe('abc');

    const malformed = parseEvent(JSON.stringify({ ...revoked(), traceparent: 'not-a-trace' }));
    expect(trace.getSpanContext(contextFromCarrier(malformed))).toBeUndefined();
  });
});
