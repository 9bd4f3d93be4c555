import { join } from 'node:path';

import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import type { InProcessJobBackend } from '@badges/jobs';
import { createEventBus, EventBusServer, OutboxRelay } from '@badges/messaging';
import { applyMigrations, type Database, type MigrationPlan } from '@badges/persistence';
import { createServiceApp, DEFAULT_BODY_LIMIT, type ServiceAppOptions } from '@badges/service-kit';

import { registerCsvBodyParser } from './bulk-awards/csv/csv-body.parser';

import type { IssuerConfig } from './config/issuer.config';
import { IssuerModule } from './issuer.module';

export const ISSUER_SCHEMA = 'issuer';
/** Committed SQL migrations; resolved from this file so it works from src (ts) and dist (js) alike. */
export const ISSUER_MIGRATIONS_DIR = join(__dirname, '../prisma/migrations');
/** What this service migrates: at start here, and in `migrate.js` (the runner's migrations-only entry, a Kubernetes Job). */
export const ISSUER_MIGRATIONS: MigrationPlan = { schema: ISSUER_SCHEMA, migrationsDir: ISSUER_MIGRATIONS_DIR };

/**
 * Builds the issuer service on a database the caller opened (main.ts or the embedded runner):
 * migrations first, so no request ever meets an old schema. Events leave through the outbox relay,
 * on Kafka when KAFKA_BROKERS is set and on the in-process bus otherwise.
 */
export async function createIssuerApp(
  { database, config, env = process.env, inProcessJobs }: { database: Database; config: IssuerConfig; env?: NodeJS.ProcessEnv; inProcessJobs?: InProcessJobBackend },
  options: ServiceAppOptions = {},
): Promise<NestFastifyApplication> {
  await applyMigrations(database, ISSUER_MIGRATIONS);
  const bus = await createEventBus('issuer', env);
  const relay = new OutboxRelay({ database, schema: ISSUER_SCHEMA, publisher: bus.publisher });
  const app = await createServiceApp(IssuerModule.forRoot({ database, config, relay, env, inProcessJobs }), options);
  // Bulk award uploads (text/csv, up to 50 MB on that route only).
  registerCsvBodyParser(app.getHttpAdapter().getInstance(), options.bodyLimit ?? DEFAULT_BODY_LIMIT);
  app.getHttpAdapter().getInstance().addHook('onClose', async () => {
    await relay.stop();
    await bus.close();
  });
  // Consumers (group `issuer`): endorsements of our entities (issue #7).
  app.connectMicroservice({ strategy: new EventBusServer(bus.subscriber, { group: 'issuer' }) });
  await app.startAllMicroservices();
  if (config.outboxRelayEnabled) relay.start();
  return app;
}
