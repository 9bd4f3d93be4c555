import type { EmbeddedContext, EmbeddedService } from '@badges/service-kit';

import { loadVerificationConfig } from './config/verification.config';
import { createVerificationApp } from './verification.app';

/**
 * The runner's seam (service-kit EmbeddedServiceModule): same app as main.ts, with the
 * in-process clients of the issuer and endorsement services (started before us) for this
 * platform's own badges and endorsements. The
 * shared database is not used: verification owns no tables.
 */
export async function createEmbedded(context: EmbeddedContext): Promise<EmbeddedService> {
  const config = loadVerificationConfig(context.env);
  const app = await createVerificationApp({ config, issuer: context.services['issuer'], endorsement: context.services['endorsement'], env: context.env });
  return { name: 'verification', app, fastify: app.getHttpAdapter().getInstance() };
}
