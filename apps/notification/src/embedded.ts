import type { EmbeddedContext, EmbeddedService } from '@badges/service-kit';

import { loadNotificationConfig } from './config/notification.config';
import { createNotificationApp } from './notification.app';

/** The schema and SQL migrations this service owns, for the runner's `migrate.js` (service-kit EmbeddedServiceModule). */
export { NOTIFICATION_MIGRATIONS as migrations } from './notification.app';

/**
 * The runner's seam (service-kit EmbeddedServiceModule): same app as main.ts, on the runner's
 * shared database and environment, with the in-process client of the issuer (started before us).
 */
export async function createEmbedded(context: EmbeddedContext): Promise<EmbeddedService> {
  const issuer = context.services['issuer'];
  if (!issuer) throw new Error('The notification service needs the issuer service to start first (context.services.issuer).');
  const config = loadNotificationConfig(context.env);
  const app = await createNotificationApp({ database: context.database, config, issuer, env: context.env });
  return { name: 'notification', app, fastify: app.getHttpAdapter().getInstance() };
}
