import { databaseConfigFromEnv, openDatabase } from '@badges/persistence';
import { ConfigError, HttpServiceClient, loadConfig } from '@badges/service-kit';

import { GatewayConfigSchema } from './config/gateway.config';
import { createGatewayApp } from './gateway.app';

/** Distributed mode: the gateway alone, reaching each service over HTTP. */
async function main(): Promise<void> {
  const config = loadConfig('gateway', GatewayConfigSchema);
  if (!config.ISSUER_URL) throw new ConfigError('gateway', ['ISSUER_URL: required when the gateway runs on its own (e.g. http://issuer:3001)']);
  const database = await openDatabase(databaseConfigFromEnv());
  if (!config.NOTIFICATION_URL) throw new ConfigError('gateway', ['NOTIFICATION_URL: required when the gateway runs on its own (e.g. http://notification:3002)']);
  if (!config.VERIFICATION_URL) throw new ConfigError('gateway', ['VERIFICATION_URL: required when the gateway runs on its own (e.g. http://verification:3003)']);
  if (!config.ENDORSEMENT_URL) throw new ConfigError('gateway', ['ENDORSEMENT_URL: required when the gateway runs on its own (e.g. http://endorsement:3004)']);
  const services = {
    issuer: new HttpServiceClient('issuer', config.ISSUER_URL),
    notification: new HttpServiceClient('notification', config.NOTIFICATION_URL),
    verification: new HttpServiceClient('verification', config.VERIFICATION_URL),
    endorsement: new HttpServiceClient('endorsement', config.ENDORSEMENT_URL),
    // The passport is optional here, so a gateway can front a deployment without learners.
    ...(config.PASSPORT_URL ? { passport: new HttpServiceClient('passport', config.PASSPORT_URL) } : {}),
  };
  const app = await createGatewayApp({ database, config, services, env: process.env });
  // The gateway opened the database, so it closes it, after Nest and Fastify have stopped.
  app.getHttpAdapter().getInstance().addHook('onClose', async () => database.close());
  await app.listen(config.PORT, '0.0.0.0');
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
}
