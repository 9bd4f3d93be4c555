import type { EmbeddedContext, EmbeddedService } from '@badges/service-kit';

import { loadIssuerConfig } from './config/issuer.config';
import { createIssuerApp } from './issuer.app';

/** The schema and SQL migrations this service owns, for the runner's `migrate.js` (service-kit EmbeddedServiceModule). */
export { ISSUER_MIGRATIONS as migrations } from './issuer.app';

/**
 * The runner's seam (service-kit EmbeddedServiceModule): same app as main.ts, on the runner's
 * shared database and environment. The runner owns (and closes) the database.
 */
export async function createEmbedded(context: EmbeddedContext): Promise<EmbeddedService> {
  const config = loadIssuerConfig(context.env);
  const app = await createIssuerApp({ database: context.database, config, env: context.env });
  return { name: 'issuer', app, fastify: app.getHttpAdapter().getInstance() };
}
