import type { z } from 'zod';

export class ConfigError extends Error {
  constructor(readonly service: string, readonly problems: string[]) {
    super(`Invalid configuration for ${service}:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment once at boot; a bad variable stops the service with a clear list. */
export function loadConfig<Schema extends z.ZodType>(service: string, schema: Schema, env: NodeJS.ProcessEnv = process.env): z.infer<Schema> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`);
  throw new ConfigError(service, problems);
}
