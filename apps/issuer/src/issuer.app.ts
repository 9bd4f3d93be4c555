import { join } from 'node:path';

import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { applyMigrations, type Database } from '@badges/persistence';
import { createServiceApp, type ServiceAppOptions } from '@badges/service-kit';


import type { IssuerConfig } from './config/issuer.config';
import { IssuerModule } from './issuer.module';

export const ISSUER_SCHEMA = 'issuer';
/** Committed SQL migrations; resolved from this file so it works from src (ts) and dist (js) alike. */
export const ISSUER_MIGRATIONS_DIR = join(__dirname, '../prisma/migrations');

/**
 * Builds the issuer service on a database the caller opened (main.ts or the embedded runner):
 * migrations first, so no request ever meets an old schema.
 */
export async function createIssuerApp(
  { database, config }: { database: Database; config: IssuerConfig },
  options: ServiceAppOptions = {},
): Promise<NestFastifyApplication> {
  await applyMigrations(database, { schema: ISSUER_SCHEMA, migrationsDir: ISSUER_MIGRATIONS_DIR });
  return createServiceApp(IssuerModule.forRoot({ database, config }), options);
}
