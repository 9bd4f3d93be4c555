import { inSpan, recordSpans } from '@badges/tracing';

import { createLogger } from './json-logger';

recordSpans();

/** The JSON lines the logger writes to stdout while `write` runs. */
async function linesOf(write: () => Promise<void> | void): Promise<Record<string, unknown>[]> {
  const lines: string[] = [];
  const original = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => (lines.push(chunk), true)) as typeof process.stdout.write;
  try {
    await write();
  } finally {
    process.stdout.write = original;
  }
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('JSON log lines and traces (decision 0052)', () => {
  const logger = createLogger({ LOG_FORMAT: 'json' });

  it('name the trace and span they were written in', async () => {
    let ids: { traceId: string; spanId: string } | undefined;
    const lines = await linesOf(() => inSpan('request', {}, async (span) => {
      ids = { traceId: span.spanContext().traceId, spanId: span.spanContext().spanId };
      logger.warn('inside', 'Test');
    }));
    expect(lines).toEqual([expect.objectContaining({ level: 'warn', message: 'inside', traceId: ids?.traceId, spanId: ids?.spanId })]);
  });

  it('carry no trace fields outside any span', async () => {
    const [line] = await linesOf(() => logger.warn('outside', 'Test'));
    expect(line).toMatchObject({ level: 'warn', message: 'outside' });
    expect(line).not.toHaveProperty('traceId');
    expect(line).not.toHaveProperty('spanId');
  });
});
