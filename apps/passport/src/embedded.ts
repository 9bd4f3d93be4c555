import type { EmbeddedContext, EmbeddedService } from '@badges/service-kit';

import { loadPassportConfig } from './config/passport.config';
import { createPassportApp } from './passport.app';

/** The schema and SQL migrations this service owns, for the runner's `migrate.js` (service-kit EmbeddedServiceModule). */
export { PASSPORT_MIGRATIONS as migrations } from './passport.app';

/**
 * The runner's seam (service-kit EmbeddedServiceModule): same app as main.ts, on the runner's
 * shared database and environment, with the in-process client of the issuer (started before us).
 */
export async function createEmbedded(context: EmbeddedContext): Promise<EmbeddedService> {
  const issuer = context.services['issuer'];
  if (!issuer) throw new Error('The passport service needs the issuer service to start first (context.services.issuer).');
  const config = loadPassportConfig(context.env);
  // The verification service is optional: without it, imports answer 503 and everything else works.
  const app = await createPassportApp({ database: context.database, config, issuer, verification: context.services['verification'], env: context.env });
  return { name: 'passport', app, fastify: app.getHttpAdapter().getInstance() };
}
