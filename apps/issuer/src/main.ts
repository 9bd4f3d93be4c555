import { Logger } from '@nestjs/common';

import { databaseConfigFromEnv, openDatabase } from '@badges/persistence';
import { ConfigError } from '@badges/service-kit';

import { loadIssuerConfig } from './config/issuer.config';
import { createIssuerApp } from './issuer.app';

/** Distributed entry: one issuer process on its own port, behind the gateway. */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const config = loadIssuerConfig(env);
  const database = await openDatabase(databaseConfigFromEnv(env));
  const app = await createIssuerApp({ database, config, env });
  // The app does not own the database in the embedded runner; here it does, so close it last.
  app.getHttpAdapter().getInstance().addHook('onClose', async () => database.close());
  await app.listen({ port: config.port, host: '0.0.0.0' });
  new Logger('issuer').log(`issuer service listening on :${config.port}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    // A bad environment is the operator's to fix: print the list, not a stack trace.
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
}
