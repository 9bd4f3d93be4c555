import { Logger } from '@nestjs/common';

import { ConfigError, HttpServiceClient } from '@badges/service-kit';

import { loadVerificationConfig } from './config/verification.config';
import { createVerificationApp } from './verification.app';

/** Distributed entry: one verification process on its own port, behind the gateway. */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const config = loadVerificationConfig(env);
  if (!config.issuerUrl) throw new ConfigError('verification', ['ISSUER_URL: required in distributed mode (e.g. http://issuer:3001)']);
  const issuer = new HttpServiceClient('issuer', config.issuerUrl, 10_000);
  const app = await createVerificationApp({ config, issuer, env });
  await app.listen({ port: config.port, host: '0.0.0.0' });
  new Logger('verification').log(`verification service listening on :${config.port}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    // A bad environment is the operator's to fix: print the list, not a stack trace.
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
}
