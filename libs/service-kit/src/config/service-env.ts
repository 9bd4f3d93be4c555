import { z } from 'zod';

import { blankAsUnset } from './env-fields';
import { loadConfig } from './load-config';

/**
 * The variables every service reads, defined once so they mean the same everywhere. A service
 * extends the schema with its own: `serviceEnvSchema({ defaultPort: 3001 }).extend({ ... })`.
 */
export function serviceEnvSchema({ defaultPort }: { defaultPort: number }) {
  return z.object({
    PORT: z.coerce.number().int().min(1).max(65_535).default(defaultPort),
    /** The gateway's public address, the base of every public document id and link. */
    PUBLIC_URL: z
      .url({ protocol: /^https?$/, error: 'PUBLIC_URL must be an http(s) URL, e.g. http://localhost:3000' })
      .default('http://localhost:3000')
      // Ids are built by appending paths, so no trailing slash.
      .transform((value) => value.replace(/\/+$/, '')),
    /**
     * InternalTokenGuard reads it from the environment itself; it is listed so a malformed value
     * stops the service instead of silently locking the gateway out.
     */
    INTERNAL_TOKEN: z.string().min(16, { error: 'INTERNAL_TOKEN, when set, must be at least 16 characters long.' }).optional(),
    /**
     * When set, GET /metrics answers only `Authorization: Bearer <METRICS_TOKEN>`; the gateway
     * (and so the embedded runner) serves /metrics only when it is set (decision 0050).
     */
    METRICS_TOKEN: blankAsUnset(z.string().min(16, { error: 'METRICS_TOKEN, when set, must be at least 16 characters long.' }).optional()),
    /**
     * OpenTelemetry's own variables (decision 0052), read by tracing/tracer-provider.ts; listed so a
     * malformed one stops the service instead of silently exporting nothing. Either endpoint turns
     * on OTLP/HTTP export; with neither, no span leaves the process.
     */
    OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint('OTEL_EXPORTER_OTLP_ENDPOINT', 'http://collector:4318'),
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: otlpEndpoint('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', 'http://collector:4318/v1/traces'),
    OTEL_SERVICE_NAME: blankAsUnset(z.string().max(128).optional()),
  });
}

function otlpEndpoint(variable: string, example: string) {
  return blankAsUnset(z.url({ protocol: /^https?$/, error: `${variable} must be an http(s) URL, e.g. ${example}` }).optional());
}

export type ServiceEnv = z.output<ReturnType<typeof serviceEnvSchema>>;

/** The shared part of what service code sees; names are ours, not the environment's. */
export interface ServiceConfig {
  publicUrl: string;
  internalToken?: string;
  /** METRICS_TOKEN: what GET /metrics asks of Prometheus, when set. */
  metricsToken?: string;
  port: number;
}

/**
 * A service's `load<Name>Config(env = process.env)`: validates `schema` (fails fast with every
 * problem, loadConfig) and returns the shared settings with the service's own, mapped by `own`.
 */
export function serviceConfigLoader<Schema extends z.ZodType<ServiceEnv>, Own>(service: string, schema: Schema, own: (env: z.output<Schema>) => Own) {
  return (env: NodeJS.ProcessEnv = process.env): ServiceConfig & Own => {
    const parsed = loadConfig(service, schema, env);
    return { publicUrl: parsed.PUBLIC_URL, internalToken: parsed.INTERNAL_TOKEN, metricsToken: parsed.METRICS_TOKEN, port: parsed.PORT, ...own(parsed) };
  };
}
