import { ConsoleLogger, type LoggerService, type LogLevel } from '@nestjs/common';

import { activeTraceIds } from '@badges/tracing';

import { maskPersonalData } from './mask-personal-data';

/**
 * Structured JSON lines in production (LOG_FORMAT=json or NODE_ENV=production), Nest's readable
 * format in development; personal data is masked in both. JSON lines carry `traceId` and `spanId`
 * when written inside a span.
 */
class JsonLogger implements LoggerService {
  constructor(private readonly levels: Set<LogLevel>) {}

  log(message: unknown, context?: string): void {
    if (context && BOOT_CONTEXTS.has(context) && !this.levels.has('debug')) return;
    this.write('log', message, context);
  }
  error(message: unknown, stackOrContext?: string, context?: string): void {
    this.write('error', message, context ?? stackOrContext, context ? stackOrContext : undefined);
  }
  warn(message: unknown, context?: string): void { this.write('warn', message, context); }
  debug(message: unknown, context?: string): void { this.write('debug', message, context); }
  verbose(message: unknown, context?: string): void { this.write('verbose', message, context); }

  private write(level: LogLevel, message: unknown, context?: string, stack?: string): void {
    if (!this.levels.has(level)) return;
    const text = typeof message === 'string' ? message : JSON.stringify(message);
    // Inside a span (a request, an event, a job) the line names its trace, to find it in the tracing backend.
    const line = { level, time: new Date().toISOString(), context, ...activeTraceIds(), message: maskPersonalData(text), ...(stack ? { stack } : {}) };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}

/**
 * Nest's per-route, per-module and per-application boot lines: useful when debugging wiring, noise
 * otherwise (the embedded runner would print "successfully started" once per service). The runners
 * print one ready line of their own.
 */
const BOOT_CONTEXTS = new Set(['RouterExplorer', 'RoutesResolver', 'InstanceLoader', 'NestFactory', 'NestMicroservice', 'NestApplication']);

class MaskingConsoleLogger extends ConsoleLogger {
  constructor(private readonly verboseBoot: boolean, options: ConstructorParameters<typeof ConsoleLogger>[1]) {
    super('', options ?? {});
  }

  override log(message: unknown, context?: string): void {
    if (!this.verboseBoot && context && BOOT_CONTEXTS.has(context)) return;
    super.log(message, context);
  }

  protected override formatMessage(...args: Parameters<ConsoleLogger['formatMessage']>): string {
    return maskPersonalData(super.formatMessage(...args));
  }
}

export function createLogger(env: NodeJS.ProcessEnv = process.env): LoggerService {
  const levels: LogLevel[] = env.LOG_LEVEL === 'debug' ? ['error', 'warn', 'log', 'debug'] : ['error', 'warn', 'log'];
  const json = env.LOG_FORMAT === 'json' || (env.NODE_ENV === 'production' && env.LOG_FORMAT !== 'pretty');
  if (json) return new JsonLogger(new Set(levels));
  return new MaskingConsoleLogger(env.LOG_LEVEL === 'debug', { logLevels: env.LOG_LEVEL === 'silent' ? [] : levels });
}
