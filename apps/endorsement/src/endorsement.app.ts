import { join } from 'node:path';

import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { createEventBus, OutboxRelay } from '@badges/messaging';
import { applyMigrations, type Database, type MigrationPlan } from '@badges/persistence';
import { createServiceApp, type ServiceAppOptions, type ServiceClient } from '@badges/service-kit';

import type { EndorsementConfig } from './config/endorsement.config';
import { EndorsementModule } from './endorsement.module';

export const ENDORSEMENT_SCHEMA = 'endorsement';
/** Committed SQL migrations; resolved from this file so it works from src (ts) and dist (js) alike. */
export const ENDORSEMENT_MIGRATIONS_DIR = join(__dirname, '../prisma/migrations');
/** What this service migrates: at start here, and in `migrate.js` (the runner's migrations-only entry, a Kubernetes Job). */
export const ENDORSEMENT_MIGRATIONS: MigrationPlan = { schema: ENDORSEMENT_SCHEMA, migrationsDir: ENDORSEMENT_MIGRATIONS_DIR };

export interface EndorsementAppInput {
  database: Database;
  config: EndorsementConfig;
  /** A client of the issuer service: in-process (embedded) or HTTP (distributed). */
  issuer: ServiceClient;
  /** KAFKA_BROKERS selects Kafka; otherwise the in-process bus. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Builds the endorsement service on a database the caller opened (main.ts or the embedded
 * runner): migrations first, then the HTTP app. Its events leave through its outbox relay.
 */
export async function createEndorsementApp(input: EndorsementAppInput, options: ServiceAppOptions = {}): Promise<NestFastifyApplication> {
  const env = input.env ?? process.env;
  await applyMigrations(input.database, ENDORSEMENT_MIGRATIONS);
  const bus = await createEventBus('endorsement', env);
  const relay = new OutboxRelay({ database: input.database, schema: ENDORSEMENT_SCHEMA, publisher: bus.publisher });
  let app: NestFastifyApplication | undefined;
  try {
    app = await createServiceApp(EndorsementModule.forRoot({ database: input.database, config: input.config, issuer: input.issuer, relay }), options);
    app.getHttpAdapter().getInstance().addHook('onClose', async () => {
      await relay.stop();
      await bus.close();
    });
    if (input.config.outboxRelayEnabled) relay.start();
    return app;
  } catch (error) {
    await app?.close().catch(() => undefined);
    await bus.close();
    throw error;
  }
}
