import { Logger } from '@nestjs/common';

import { databaseConfigFromEnv, openDatabase } from '@badges/persistence';
import { ConfigError, HttpServiceClient } from '@badges/service-kit';

import { loadPassportConfig } from './config/passport.config';
import { createPassportApp } from './passport.app';

/** Distributed entry: one passport process on its own port, behind the gateway. */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const config = loadPassportConfig(env);
  if (!config.issuerUrl) throw new ConfigError('passport', ['ISSUER_URL: required in distributed mode (e.g. http://issuer:3001)']);
  const database = await openDatabase(databaseConfigFromEnv(env));
  const issuer = new HttpServiceClient('issuer', config.issuerUrl, 15_000);
  const verification = config.verificationUrl ? new HttpServiceClient('verification', config.verificationUrl, 30_000) : undefined;
  const app = await createPassportApp({ database, config, issuer, verification, env });
  // The app does not own the database in the embedded runner; here it does, so close it last.
  app.getHttpAdapter().getInstance().addHook('onClose', async () => database.close());
  await app.listen({ port: config.port, host: '0.0.0.0' });
  new Logger('passport').log(`passport service listening on :${config.port}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    // A bad environment is the operator's to fix: print the list, not a stack trace.
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
}
