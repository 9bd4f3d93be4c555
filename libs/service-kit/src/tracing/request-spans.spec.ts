import { trace } from '@opentelemetry/api';
import Fastify, { type FastifyInstance } from 'fastify';

import { recordSpans } from '@badges/tracing';

import { registerRequestSpans } from './request-spans';

const spans = recordSpans();
const CALLER = { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331' };

describe('request spans (decision 0052)', () => {
  let fastify: FastifyInstance;
  const activeInHandler: (string | undefined)[] = [];

  beforeEach(async () => {
    spans.reset();
    activeInHandler.length = 0;
    fastify = Fastify();
    registerRequestSpans(fastify, 'issuer');
    const record = async () => void activeInHandler.push(trace.getActiveSpan()?.spanContext().spanId);
    fastify.post('/things/:id', record);
    fastify.get('/health', record);
    await fastify.ready();
  });
  afterEach(() => fastify.close());

  it('answers inside a SERVER span named by route, the child of the caller’s traceparent, with the body read first', async () => {
    // Over a socket, a body in many chunks: the handler starts from the request's 'end' event.
    const url = await fastify.listen({ port: 0, host: '127.0.0.1' });
    const response = await fetch(`${url}/things/42?verbose=1`, {
      method: 'POST',
      headers: { traceparent: `00-${CALLER.traceId}-${CALLER.spanId}-01`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x'.repeat(1_000_000) }),
    });
    expect(response.status).toBe(200);

    const [span] = spans.getFinishedSpans();
    expect(span.name).toBe('POST /things/:id');
    expect(span.spanContext().traceId).toBe(CALLER.traceId);
    expect(span.parentSpanContext?.spanId).toBe(CALLER.spanId);
    expect(span.attributes).toMatchObject({ 'badges.service': 'issuer', 'http.route': '/things/:id', 'url.path': '/things/42', 'http.response.status_code': 200 });
    expect(activeInHandler).toEqual([span.spanContext().spanId]);
  });

  it('starts a trace of its own without a traceparent, and leaves probes untraced', async () => {
    await fastify.inject({ method: 'POST', url: '/things/1', payload: {} });
    await fastify.inject({ method: 'GET', url: '/health' });

    expect(spans.getFinishedSpans().map((span) => [span.name, span.parentSpanContext])).toEqual([['POST /things/:id', undefined]]);
    expect(activeInHandler[1]).toBeUndefined();
  });
});
