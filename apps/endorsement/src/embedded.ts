import type { EmbeddedContext, EmbeddedService } from '@badges/service-kit';

import { loadEndorsementConfig } from './config/endorsement.config';
import { createEndorsementApp } from './endorsement.app';

/** The schema and SQL migrations this service owns, for the runner's `migrate.js` (service-kit EmbeddedServiceModule). */
export { ENDORSEMENT_MIGRATIONS as migrations } from './endorsement.app';

/**
 * The runner's seam (service-kit EmbeddedServiceModule): same app as main.ts, on the runner's
 * shared database and environment, with the in-process client of the issuer (started before us).
 */
export async function createEmbedded(context: EmbeddedContext): Promise<EmbeddedService> {
  const issuer = context.services['issuer'];
  if (!issuer) throw new Error('The endorsement service needs the issuer service to start first (context.services.issuer).');
  const config = loadEndorsementConfig(context.env);
  const app = await createEndorsementApp({ database: context.database, config, issuer, env: context.env });
  return { name: 'endorsement', app, fastify: app.getHttpAdapter().getInstance() };
}
