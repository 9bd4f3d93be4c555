import { createServer, type Server } from 'node:http';

type OtlpValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean };
type OtlpAttribute = { key: string; value: OtlpValue };

/** One span as an OTLP/HTTP JSON export describes it, flattened with its resource's service name. */
export interface ReceivedSpan {
  serviceName: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  /** OTLP's SpanKind: 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number;
  attributes: Record<string, string | number | boolean | undefined>;
}

/**
 * A real OTLP/HTTP trace receiver on loopback: what an OpenTelemetry collector would be given
 * (POST /v1/traces, the exporter's JSON encoding), kept span by span for assertions.
 */
export class OtlpReceiver {
  readonly spans: ReceivedSpan[] = [];
  /** Every request, whatever its path: a process that should export nothing must not call at all. */
  requests = 0;
  private server?: Server;

  /** Listens on `port` (0: any free one); returns the base endpoint (OTEL_EXPORTER_OTLP_ENDPOINT). */
  async start(port = 0): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.requests += 1;
        if (request.url === '/v1/traces') this.collect(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', resolve);
    });
    const address = this.server.address();
    return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private collect(body: { resourceSpans?: { resource?: { attributes?: OtlpAttribute[] }; scopeSpans?: { spans?: Record<string, unknown>[] }[] }[] }): void {
    for (const resourceSpans of body.resourceSpans ?? []) {
      const serviceName = String(attributesOf(resourceSpans.resource?.attributes)['service.name']);
      for (const scope of resourceSpans.scopeSpans ?? []) {
        for (const span of scope.spans ?? []) {
          this.spans.push({
            serviceName,
            traceId: String(span.traceId),
            spanId: String(span.spanId),
            parentSpanId: (span.parentSpanId as string | undefined) || undefined,
            name: String(span.name),
            kind: Number(span.kind),
            attributes: attributesOf(span.attributes as OtlpAttribute[] | undefined),
          });
        }
      }
    }
  }
}

function attributesOf(list: OtlpAttribute[] = []): ReceivedSpan['attributes'] {
  const out: ReceivedSpan['attributes'] = {};
  for (const { key, value } of list) out[key] = value.stringValue ?? (value.intValue === undefined ? value.boolValue : Number(value.intValue));
  return out;
}
