import { join } from 'node:path';

import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import type { InProcessJobBackend } from '@badges/jobs';
import { createEventBus, EventBusServer, type InProcessEventBus } from '@badges/messaging';
import { applyMigrations, type Database, type MigrationPlan } from '@badges/persistence';
import { createServiceApp, type ServiceAppOptions, type ServiceClient } from '@badges/service-kit';

import type { NotificationConfig } from './config/notification.config';
import { NOTIFICATION_CONSUMER } from './events/event-intake.service';
import { resolveJobSettings, type NotificationJobOverrides } from './jobs/notification-queues';
import { NotificationModule } from './notification.module';
import { NOTIFICATION_SCHEMA } from './prisma/notification-prisma.service';
import type { HostLookup } from './webhooks/webhook-url';

/** Committed SQL migrations; resolved from this file so it works from src (ts) and dist (js) alike. */
export const NOTIFICATION_MIGRATIONS_DIR = join(__dirname, '../prisma/migrations');
/** What this service migrates: at start here, and in `migrate.js` (the runner's migrations-only entry, a Kubernetes Job). */
export const NOTIFICATION_MIGRATIONS: MigrationPlan = { schema: NOTIFICATION_SCHEMA, migrationsDir: NOTIFICATION_MIGRATIONS_DIR };

export interface NotificationAppInput {
  database: Database;
  config: NotificationConfig;
  /** A client of the issuer service: in-process (embedded) or HTTP (distributed). */
  issuer: ServiceClient;
  /** KAFKA_BROKERS selects Kafka, REDIS_URL selects BullMQ; neither: in-process adapters. */
  env?: NodeJS.ProcessEnv;
  /** Test seams: attempts/backoff/sweeper timing, and private in-process adapters. */
  jobs?: NotificationJobOverrides;
  inProcessBus?: InProcessEventBus;
  inProcessJobs?: InProcessJobBackend;
  hostLookup?: HostLookup;
}

/**
 * Builds the notification service on a database the caller opened (main.ts or the embedded
 * runner): migrations first, then the HTTP app, then the consumers (group `notification`) on
 * Kafka or the in-process bus. Jobs run on BullMQ or in process, by env.
 */
export async function createNotificationApp(input: NotificationAppInput, options: ServiceAppOptions = {}): Promise<NestFastifyApplication> {
  const env = input.env ?? process.env;
  await applyMigrations(input.database, NOTIFICATION_MIGRATIONS);
  const bus = await createEventBus('notification', env, input.inProcessBus);
  const module = NotificationModule.forRoot({
    database: input.database,
    config: input.config,
    issuer: input.issuer,
    env,
    jobs: resolveJobSettings(input.jobs),
    inProcessJobs: input.inProcessJobs,
    hostLookup: input.hostLookup,
  });
  let app: NestFastifyApplication | undefined;
  try {
    app = await createServiceApp(module, options);
    app.connectMicroservice({ strategy: new EventBusServer(bus.subscriber, { group: NOTIFICATION_CONSUMER }) });
    await app.startAllMicroservices();
    app.getHttpAdapter().getInstance().addHook('onClose', async () => bus.close());
    return app;
  } catch (error) {
    await app?.close().catch(() => undefined);
    await bus.close();
    throw error;
  }
}
