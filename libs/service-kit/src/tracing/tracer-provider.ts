import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider, type SpanProcessor } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

/**
 * Where spans go: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as given, else OTEL_EXPORTER_OTLP_ENDPOINT
 * plus the OTLP/HTTP traces path (the specification's rule); undefined when neither is set.
 */
export function otlpTracesUrl(env: NodeJS.ProcessEnv): string | undefined {
  const traces = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  if (traces) return traces;
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  return base ? `${base.replace(/\/+$/, '')}/v1/traces` : undefined;
}

let provider: NodeTracerProvider | undefined;

/**
 * The process's one tracer provider (decision 0052), registered once however many apps start in
 * the process: the embedded runner starts it first, as `badges`; a distributed service as itself.
 * Only when an OTLP endpoint is configured (OTLP/HTTP, JSON, batched): then spans are made, contexts
 * cross the seams and log lines carry trace ids. Without one the OpenTelemetry API stays a no-op:
 * recording spans nobody reads, and the context manager's promise hooks, cost the delivery path
 * about a fifth of its rate (bench:events, decision 0053).
 */
export function startTracing(service: string, env: NodeJS.ProcessEnv = process.env): void {
  const url = otlpTracesUrl(env);
  if (provider || !url) return;
  const spanProcessors: SpanProcessor[] = [new BatchSpanProcessor(new OTLPTraceExporter({ url }))];
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: env.OTEL_SERVICE_NAME?.trim() || service }),
    spanProcessors,
  });
  // Also installs the AsyncLocalStorage context manager the active spans ride on.
  provider.register();
}

/** Sends what the batch holds (an app closing); a no-op when nothing is exported. */
export async function flushTracing(): Promise<void> {
  await provider?.forceFlush();
}
