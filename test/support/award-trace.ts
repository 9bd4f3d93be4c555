import type { ReceivedSpan } from './otlp-receiver';

const ISSUED = 'badges.assertion.issued.v1';
const AWARD_ROUTE = 'POST /v2/badgeclasses/:entityId/assertions';

/** The spans of one award's trace that issue #20's acceptance names, each found by what it is. */
export interface AwardTrace {
  traceId: string;
  gateway: ReceivedSpan;
  issuer: ReceivedSpan;
  publish: ReceivedSpan;
  consume: ReceivedSpan;
  emailJob: ReceivedSpan;
  email: ReceivedSpan;
  webhookJob: ReceivedSpan;
  webhook: ReceivedSpan;
}

const SERVER = 2;
const CLIENT = 3;
const PRODUCER = 4;
const CONSUMER = 5;

/**
 * Finds the award's trace among everything received, or says which span is still missing (for
 * `eventually`). A span's service is its `badges.service` attribute, which also tells services apart in
 * the embedded runner, where every span has one resource.
 */
function findAwardTrace(spans: readonly ReceivedSpan[]): AwardTrace | string {
  const issuer = spans.find((s) => s.kind === SERVER && s.attributes['badges.service'] === 'issuer' && s.name === AWARD_ROUTE);
  if (!issuer) return 'the issuer span of the award';
  const trace = spans.filter((s) => s.traceId === issuer.traceId);
  const one = (what: string, test: (s: ReceivedSpan) => boolean): ReceivedSpan | string => trace.find(test) ?? what;
  // The gateway forwards by prefix: its span is named by its own route, found as the issuer's caller.
  const gateway = one('the gateway span', (s) => s.kind === SERVER && s.attributes['badges.service'] === 'gateway' && s.spanId === issuer.parentSpanId);
  if (typeof gateway === 'string') return gateway;
  const found = {
    publish: one('the publish span', (s) => s.kind === PRODUCER && s.name === `${ISSUED} publish`),
    consume: one('the notification consumer span', (s) => s.kind === CONSUMER && s.name === `${ISSUED} process` && s.attributes['messaging.consumer.group.name'] === 'notification'),
    emailJob: one('the send-email-batch job span', (s) => s.kind === CONSUMER && s.name === 'email send-email-batch'),
    email: one('the email send span', (s) => s.kind === CLIENT && s.name === 'email smtp'),
    webhookJob: one('the deliver-webhook-batch job span', (s) => s.kind === CONSUMER && s.name === 'webhook deliver-webhook-batch'),
    webhook: one('the webhook POST span', (s) => s.kind === CLIENT && s.name === 'webhook POST'),
  };
  for (const value of Object.values(found)) if (typeof value === 'string') return value;
  return { traceId: issuer.traceId, gateway, issuer, ...(found as Omit<AwardTrace, 'traceId' | 'gateway' | 'issuer'>) };
}

/** What was received, one line per span name and service: for a failure's message. */
function describeSpans(spans: readonly ReceivedSpan[]): string {
  const counts = new Map<string, number>();
  for (const s of spans) {
    const key = `${s.serviceName}/${String(s.attributes['badges.service'] ?? '-')} kind=${s.kind} ${s.name}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => `${n} x ${key}`).join('\n');
}

/** The span's ancestors, nearest first, as far as the received spans reach. */
function ancestorsOf(span: ReceivedSpan, spans: readonly ReceivedSpan[]): ReceivedSpan[] {
  const byId = new Map(spans.filter((s) => s.traceId === span.traceId).map((s) => [s.spanId, s]));
  const chain: ReceivedSpan[] = [];
  for (let parent = span.parentSpanId && byId.get(span.parentSpanId); parent; parent = parent.parentSpanId && byId.get(parent.parentSpanId)) chain.push(parent);
  return chain;
}

/** Waits for the award's whole trace to arrive; fails naming the first missing span and listing what came. */
export async function awaitAwardTrace(spans: readonly ReceivedSpan[], timeoutMs = 30_000): Promise<AwardTrace> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = findAwardTrace(spans);
    if (typeof found !== 'string') return found;
    if (Date.now() > deadline) throw new Error(`The award's trace is incomplete: ${found} was not received. Received:\n${describeSpans(spans)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The parent links issue #20's acceptance asks for: each span the child of the work that caused it. */
export function expectAwardLinks(found: AwardTrace, spans: readonly ReceivedSpan[]): void {
  expect(found.issuer.parentSpanId).toBe(found.gateway.spanId);
  // The event was created in the issuer's request: its publish and its consumers hang from there.
  expect(found.publish.parentSpanId).toBe(found.issuer.spanId);
  expect(found.consume.parentSpanId).toBe(found.issuer.spanId);
  expect(ancestorsOf(found.emailJob, spans)).toContainEqual(found.consume);
  expect(found.email.parentSpanId).toBe(found.emailJob.spanId);
  expect(ancestorsOf(found.webhookJob, spans)).toContainEqual(found.consume);
  expect(found.webhook.parentSpanId).toBe(found.webhookJob.spanId);
}
