import type { EmbeddedContext, EmbeddedService } from '@badges/service-kit';

import { loadVerificationConfig } from './config/verification.config';
import { createVerificationApp } from './verification.app';

/**
 * The runner's seam (service-kit EmbeddedServiceModule): same app as main.ts, with the
 * in-process client of the issuer (started before us) for this platform's own badges. The
 * shared database is not used: verification owns no tables.
 */
export async function createEmbedded(context: EmbeddedContext): Promise<EmbeddedService> {
  const config = loadVerificationConfig(context.env);
  const app = await createVerificationApp({ config, issuer: context.services['issuer'], env: context.env });
  return { name: 'verification', app, fastify: app.getHttpAdapter().getInstance() };
}
