import { type EmbeddedContext, type EmbeddedService, loadConfig } from '@badges/service-kit';

import { GatewayConfigSchema } from './config/gateway.config';
import { createGatewayApp } from './gateway.app';

/** The schema and SQL migrations this service owns, for the runner's `migrate.js` (service-kit EmbeddedServiceModule). */
export { GATEWAY_MIGRATIONS as migrations } from './gateway.app';

/**
 * The all-in-one runner's entry: the database and the in-process service clients come from the
 * runner (which owns and closes them); the gateway must be created after the services it forwards to.
 */
export async function createEmbedded(context: EmbeddedContext): Promise<EmbeddedService> {
  const config = loadConfig('gateway', GatewayConfigSchema, context.env);
  if (!context.services.issuer) throw new Error('gateway: the issuer service must be created before the gateway');
  const app = await createGatewayApp({ database: context.database, config, services: { ...context.services }, env: context.env });
  return { name: 'gateway', app, fastify: app.getHttpAdapter().getInstance() };
}
