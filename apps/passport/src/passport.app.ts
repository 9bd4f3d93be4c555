import { join } from 'node:path';

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';

import type { InProcessJobBackend } from '@badges/jobs';
import { createEventBus, EventBusServer, OutboxRelay, type InProcessEventBus } from '@badges/messaging';
import { applyMigrations, type Database, type MigrationPlan } from '@badges/persistence';
import { createServiceApp, DEFAULT_BODY_LIMIT, registerImsxErrors, type ServiceAppOptions, type ServiceClient } from '@badges/service-kit';

import type { PassportConfig } from './config/passport.config';
import { PASSPORT_CONSUMER, PASSPORT_SCHEMA } from './events/award-intake.service';
import type { Verifier } from './imports/verification.client';
import { PassportModule } from './passport.module';

/** Committed SQL migrations; resolved from this file so it works from src (ts) and dist (js) alike. */
export const PASSPORT_MIGRATIONS_DIR = join(__dirname, '../prisma/migrations');
/** What this service migrates: at start here, and in `migrate.js` (the runner's migrations-only entry, a Kubernetes Job). */
export const PASSPORT_MIGRATIONS: MigrationPlan = { schema: PASSPORT_SCHEMA, migrationsDir: PASSPORT_MIGRATIONS_DIR };

export interface PassportAppInput {
  database: Database;
  config: PassportConfig;
  /** A client of the issuer service: in-process (embedded) or HTTP (distributed). */
  issuer: ServiceClient;
  /** The verification service, for imports (optional: imports answer 503 without it). */
  verification?: ServiceClient;
  /** Test seam: a Verifier standing in for the verification service. */
  verifier?: Verifier;
  /** KAFKA_BROKERS selects Kafka; otherwise the in-process bus. */
  env?: NodeJS.ProcessEnv;
  /** Test seams: a private in-process bus and job backend. */
  inProcessBus?: InProcessEventBus;
  inProcessJobs?: InProcessJobBackend;
}

/**
 * Builds the passport service on a database the caller opened (main.ts or the embedded runner):
 * migrations first, then the HTTP app, the outbox relay (confirmation emails, identifier events)
 * and the consumers (group `passport`: auto-collect).
 */
export async function createPassportApp(input: PassportAppInput, options: ServiceAppOptions = {}): Promise<NestFastifyApplication> {
  const env = input.env ?? process.env;
  await applyMigrations(input.database, PASSPORT_MIGRATIONS);
  const bus = await createEventBus('passport', env, input.inProcessBus);
  const relay = new OutboxRelay({ database: input.database, schema: PASSPORT_SCHEMA, publisher: bus.publisher });
  let app: NestFastifyApplication | undefined;
  try {
    app = await createServiceApp(PassportModule.forRoot({ database: input.database, config: input.config, relay, issuer: input.issuer, verification: input.verification, verifier: input.verifier, env, inProcessJobs: input.inProcessJobs }), { ...options, metrics: { service: 'passport', token: input.config.metricsToken } });
    const fastify = app.getHttpAdapter().getInstance();
    registerCredentialParsers(fastify, options.bodyLimit ?? DEFAULT_BODY_LIMIT);
    registerImsxErrors(fastify);
    app.connectMicroservice({ strategy: new EventBusServer(bus.subscriber, { group: PASSPORT_CONSUMER }) });
    await app.startAllMicroservices();
    app.getHttpAdapter().getInstance().addHook('onClose', async () => {
      await relay.stop();
      await bus.close();
    });
    relay.start();
    return app;
  } catch (error) {
    await app?.close().catch(() => undefined);
    await relay.stop();
    await bus.close();
    throw error;
  }
}

/**
 * OB 3.0's upsertCredential takes a credential as `application/vc+ld+json` too (and JSON-LD as
 * `application/ld+json`): read as text within the body limit, parsed by the route with the JSON
 * depth budget. (`text/plain`, for a VC-JWT, is Fastify's own parser.)
 */
function registerCredentialParsers(fastify: FastifyInstance, bodyLimit: number): void {
  fastify.addContentTypeParser(['application/vc+ld+json', 'application/ld+json'], { parseAs: 'string', bodyLimit }, (_request, body, done) => done(null, body));
}
