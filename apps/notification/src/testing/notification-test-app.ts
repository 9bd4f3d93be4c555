import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import type { BadgeEvent } from '@badges/events';
import { InProcessJobBackend } from '@badges/jobs';
import { InProcessEventBus } from '@badges/messaging';
import type { Database } from '@badges/persistence';
import { InternalHeader, type ServiceClient } from '@badges/service-kit';

import { loadNotificationConfig } from '../config/notification.config';
import { DeliverySweeper } from '../jobs/delivery-sweeper';
import type { NotificationJobOverrides } from '../jobs/notification-queues';
import { createNotificationApp } from '../notification.app';

export const TEST_INTERNAL_TOKEN = 'test-internal-token-0123456789';
export const TEST_SECRETS_KEY = 'test-secrets-encryption-key-0123456789abcdef';

/** Short retries so failure paths show within a second; the periodic sweep stays out of the way. */
export const TEST_JOBS: NotificationJobOverrides = {
  email: { attempts: 3, backoff: { type: 'exponential', delayMs: 50 } },
  webhook: { attempts: 3, backoff: { type: 'exponential', delayMs: 50 } },
  sweepIntervalMs: 3_600_000,
};

export interface NotificationVariant {
  app: NestFastifyApplication;
  /** This variant's own in-process bus: events published here reach only this app. */
  bus: InProcessEventBus;
  dataDir: string;
  publish(...events: BadgeEvent[]): Promise<void>;
  sweeper(): DeliverySweeper;
  close(): Promise<void>;
}

export interface VariantOptions {
  database: Database;
  issuer: ServiceClient;
  smtpUrl?: string;
  allowPrivateNetwork?: boolean;
  /** Extra env for the jobs lib: REDIS_URL + JOBS_PREFIX (BullMQ), WORKERS=none (API only). */
  env?: NodeJS.ProcessEnv;
  jobs?: NotificationJobOverrides;
}

/**
 * A notification app built with an explicit env: never KAFKA_BROKERS (the in-process bus, its
 * own), and REDIS_URL only when the caller passes it. Several variants may share one database.
 */
export async function startNotificationVariant(options: VariantOptions): Promise<NotificationVariant> {
  process.env.LOG_LEVEL = 'silent';
  process.env.INTERNAL_TOKEN = TEST_INTERNAL_TOKEN;
  const dataDir = mkdtempSync(join(tmpdir(), 'badges-notification-'));
  const configEnv: NodeJS.ProcessEnv = {
    PUBLIC_URL: 'https://badges.example.org',
    SECRETS_ENCRYPTION_KEY: TEST_SECRETS_KEY,
    DATA_DIR: dataDir,
    MAIL_FROM: '"Test Badges" <badges@example.org>',
    ALLOW_PRIVATE_NETWORK_FETCH: options.allowPrivateNetwork ? 'true' : 'false',
    ...(options.smtpUrl ? { SMTP_URL: options.smtpUrl } : {}),
  };
  const bus = new InProcessEventBus();
  const jobs = new InProcessJobBackend();
  const app = await createNotificationApp({
    database: options.database,
    config: loadNotificationConfig(configEnv),
    issuer: options.issuer,
    env: { ...options.env },
    jobs: { ...TEST_JOBS, ...options.jobs },
    inProcessBus: bus,
    inProcessJobs: jobs,
  });
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    bus,
    dataDir,
    async publish(...events) {
      await bus.publish(events);
      await bus.idle();
    },
    sweeper: () => app.get(DeliverySweeper),
    async close() {
      await app.close();
      jobs.close();
      await bus.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function tenantHeaders(institutionId: string): Record<string, string> {
  return { [InternalHeader.InternalToken]: TEST_INTERNAL_TOKEN, [InternalHeader.InstitutionId]: institutionId };
}
