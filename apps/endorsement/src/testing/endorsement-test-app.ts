import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import type { Database } from '@badges/persistence';
import { InternalHeader, type ServiceClient } from '@badges/service-kit';

import { loadEndorsementConfig } from '../config/endorsement.config';
import { createEndorsementApp } from '../endorsement.app';
import { FAKE_PUBLIC_URL } from './fake-issuer';

export const TEST_INTERNAL_TOKEN = 'test-internal-token-0123456789';
export const TEST_SECRETS_KEY = 'test-secrets-encryption-key-0123456789abcdef';

/** An endorsement app on the in-process bus (never KAFKA_BROKERS, whatever the test run has). */
export async function startEndorsementApp(database: Database, issuer: ServiceClient): Promise<NestFastifyApplication> {
  process.env.LOG_LEVEL = 'silent';
  process.env.INTERNAL_TOKEN = TEST_INTERNAL_TOKEN;
  const config = loadEndorsementConfig({ PUBLIC_URL: FAKE_PUBLIC_URL, INTERNAL_TOKEN: TEST_INTERNAL_TOKEN, SECRETS_ENCRYPTION_KEY: TEST_SECRETS_KEY });
  const app = await createEndorsementApp({ database, config, issuer, env: {} });
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

/** The headers the gateway sets for a client of `institutionId`. */
export function tenantHeaders(institutionId: string): Record<string, string> {
  return { [InternalHeader.InternalToken]: TEST_INTERNAL_TOKEN, [InternalHeader.InstitutionId]: institutionId };
}
