import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { InProcessJobBackend } from '@badges/jobs';
import { openDatabase, type Database, type ScratchDatabase } from '@badges/persistence';
import { InternalHeader } from '@badges/service-kit';

import { createIssuerApp } from '../issuer.app';
import { TEST_CONFIG } from './fixtures';

export const TEST_INTERNAL_TOKEN = 'test-internal-token-0123456789';

export interface TestApp {
  app: NestFastifyApplication;
  database: Database;
  /** Registers an institution the way the gateway does, and returns tenant headers for it. */
  institution(id: string, name?: string): Promise<Record<string, string>>;
  close(): Promise<void>;
}

/** One app per describe (a fresh PGlite costs seconds); each scratch target is a new database. */
/** `env` selects the job backend (REDIS_URL, JOBS_PREFIX); empty runs every queue in process. */
export async function createTestApp(target: { create(): Promise<ScratchDatabase> }, env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  process.env.LOG_LEVEL = 'silent';
  process.env.INTERNAL_TOKEN = TEST_INTERNAL_TOKEN;
  const scratch = await target.create();
  const database = await openDatabase(scratch.config);
  // An empty env: the in-process bus, whatever KAFKA_BROKERS the test run has.
  // Its own job backend: queues of an earlier app in this test file never see this database.
  const app = await createIssuerApp({ database, config: TEST_CONFIG, env, inProcessJobs: new InProcessJobBackend() });
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    database,
    async institution(id, name = `Institution ${id}`) {
      const response = await app.inject({
        method: 'PUT',
        url: `/internal/institutions/${id}`,
        headers: { [InternalHeader.InternalToken]: TEST_INTERNAL_TOKEN },
        payload: { name },
      });
      if (response.statusCode >= 300) throw new Error(`institution upsert failed: ${response.body}`);
      return { [InternalHeader.InternalToken]: TEST_INTERNAL_TOKEN, [InternalHeader.InstitutionId]: id };
    },
    async close() {
      await app.close();
      await database.close();
      await scratch.dispose();
    },
  };
}
