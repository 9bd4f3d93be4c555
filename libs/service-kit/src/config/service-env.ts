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
  });
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
