import { join } from 'node:path';

import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { createEventBus, OutboxRelay } from '@badges/messaging';
import { applyMigrations, type MigrationPlan } from '@badges/persistence';

import { subscribeAuditTrail } from './audit/audit-trail.consumer';
import { AuditRepository } from './audit/audit.repository';
import { TokenRoute } from './auth/token.route';
import { registerCors } from './cors/cors.policy';
import { registerDocs } from './docs/register-docs';
import { createServiceApp, FrontDoor, registerImsxErrors } from '@badges/service-kit';
import { GatewayModule, type GatewayModuleOptions } from './gateway.module';
import { registerLiveness } from './health/liveness.route';
import { PublicCache } from './public-cache/public-cache';
import { registerPublicCache } from './public-cache/register-public-cache';
import { registerRateLimits } from './rate-limits/rate-limit.hooks';
import { BulkProgressRoute } from './routing/bulk-progress.route';
import { ForwardingRoutes } from './routing/forwarding.routes';
import { registerRawBodyParser } from './routing/raw-body.parser';
import { registerWebApp } from './web-app/web-app.routes';
import { registerWebSessionHook } from './web-session/web-session.hook';
import { WEB_SESSION_SECURE } from './web-session/web-session.tokens';

export interface GatewayAppOptions extends GatewayModuleOptions {
  /** Where the event bus is chosen from (KAFKA_BROKERS): the gateway publishes its outbox on it; the audit trail and the public cache hear changes on it. */
  env?: NodeJS.ProcessEnv;
}

/** The gateway's Postgres schema, which holds its outbox. */
const GATEWAY_SCHEMA = 'gateway';
/** What the gateway migrates: at start here, and in `migrate.js` (the runner's migrations-only entry, a Kubernetes Job). */
export const GATEWAY_MIGRATIONS: MigrationPlan = { schema: GATEWAY_SCHEMA, migrationsDir: join(__dirname, '../prisma/migrations') };

/**
 * Builds the gateway, ready to listen or to be injected into. The same factory serves the
 * distributed entry (main.ts) and the embedded runner (embedded.ts); only the clients differ.
 */
export async function createGatewayApp(options: GatewayAppOptions): Promise<NestFastifyApplication> {
  await applyMigrations(options.database, GATEWAY_MIGRATIONS);
  // Kafka when KAFKA_BROKERS is set, else the in-process bus of the embedded default.
  const bus = await createEventBus('gateway', options.env ?? process.env);
  const relay = new OutboxRelay({ database: options.database, schema: GATEWAY_SCHEMA, publisher: bus.publisher });
  const frontDoor = new FrontDoor();
  const app = await createServiceApp(GatewayModule.forRoot({ ...options, relay }), {
    trustProxy: options.config.TRUST_PROXY,
    frontDoor,
    // The gateway's port is the public one: /metrics only with METRICS_TOKEN (decision 0050).
    metrics: { service: 'gateway', token: options.config.METRICS_TOKEN, publicPort: true },
  });
  const fastify = app.getHttpAdapter().getInstance();
  // What the gateway answers itself under /ims/ob/v3p0 (a body too large, the passport unreachable)
  // is Imsx_StatusInfo as the passport's own errors are; forwarded answers pass through untouched.
  registerImsxErrors(fastify);
  fastify.addHook('onClose', async () => {
    await relay.stop();
    await bus.close();
  });
  relay.start();
  await registerCors(fastify, options.config.CORS_ALLOWED_ORIGINS);
  await registerRateLimits(fastify, options.config);
  await subscribeAuditTrail(bus.subscriber, app.get(AuditRepository));
  const cache = app.get(PublicCache, { strict: false }) as PublicCache | null;
  if (cache) await registerPublicCache(fastify, frontDoor, cache, bus.subscriber);
  registerRawBodyParser(fastify);
  registerWebSessionHook(fastify, app.get(WEB_SESSION_SECURE));
  registerLiveness(fastify, frontDoor);
  app.get(TokenRoute).register(fastify);
  app.get(ForwardingRoutes).register(fastify);
  app.get(BulkProgressRoute).register(fastify);
  await registerDocs(fastify, options.config.PUBLIC_URL);
  await registerWebApp(fastify, options.config.WEB_APP_DIR);
  // Not `ready()` yet: the caller may still add hooks or routes; listen() and inject() get it ready.
  return app;
}
