import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import type { BadgeEvent } from '@badges/events';
import { InProcessEventBus } from '@badges/messaging';
import type { FetchedDocument } from '@badges/openbadges';
import type { ServiceClient } from '@badges/service-kit';

import { loadVerificationConfig } from '../config/verification.config';
import { createVerificationApp } from '../verification.app';

/** The answer as tests read it: a report, or an error envelope. */
export interface VerifyAnswer {
  report: { valid: boolean; errorCount: number; warningCount: number; verificationId: string; messages: Array<{ code: string; level: string; message: string; node?: string; property?: string }> };
  graph: Array<Record<string, unknown>>;
  input: { input_type: string; value?: string };
  error: { code: string; message: string; field?: string };
}

export interface VerificationTestApp {
  app: NestFastifyApplication;
  /** Every event the service published (a private in-process bus). */
  events: BadgeEvent[];
  /** That bus: a spec publishes the other services' events (a revocation) on it. */
  bus: InProcessEventBus;
  verify(body: unknown, contentType?: string, query?: string): Promise<{ status: number; json: VerifyAnswer }>;
  close(): Promise<void>;
}

/** The real service (Nest + Fastify, real fetcher and cache) on a private bus, driven by inject. */
export async function startVerificationTestApp(
  env: NodeJS.ProcessEnv = {},
  seams: { issuer?: ServiceClient; transport?: (url: string) => Promise<FetchedDocument> } = {},
): Promise<VerificationTestApp> {
  const bus = new InProcessEventBus();
  const events: BadgeEvent[] = [];
  await bus.subscribe({ group: 'test', topics: ['badges.verification.completed.v1'], handler: async (event) => void events.push(event) });
  const fullEnv = { LOG_LEVEL: 'error', ...env };
  const app = await createVerificationApp(
    { config: loadVerificationConfig(fullEnv), env: fullEnv, inProcessBus: bus, issuer: seams.issuer, transport: seams.transport, events: { flushAfterMs: 1 } },
    { logger: false as never },
  );
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    events,
    bus,
    async verify(body, contentType = 'application/json', query = '') {
      const payload = Buffer.isBuffer(body) || typeof body === 'string' ? body : JSON.stringify(body);
      const response = await app.inject({ method: 'POST', url: `/v2/verify${query}`, headers: { 'content-type': contentType }, payload });
      return { status: response.statusCode, json: response.json<VerifyAnswer>() };
    },
    close: () => app.close(),
  };
}
