import type { INestApplication } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';

import type { Database, MigrationPlan } from '@badges/persistence';

import type { ServiceClient } from '../transport/service-client';

/**
 * The seam between the all-in-one runner and each app. Apps never import each other (lint
 * forbids it); instead each app's `src/embedded.ts` exports `createEmbedded`, and the runner
 * loads it at run time and wires the in-process clients between them.
 */
export interface EmbeddedContext {
  /** Shared storage; each service keeps to its own Postgres schema. */
  database: Database;
  /** The validated-at-boot environment plus generated secrets (ADMIN_TOKEN, ...). */
  env: NodeJS.ProcessEnv;
  /** In-process clients of the services created before this one, by service name. */
  services: Record<string, ServiceClient>;
}

export interface EmbeddedService {
  readonly name: string;
  readonly app: INestApplication;
  readonly fastify: FastifyInstance;
}

export interface EmbeddedServiceModule {
  createEmbedded(context: EmbeddedContext): Promise<EmbeddedService>;
  /** The schema and SQL migrations the service owns; absent when it stores nothing (verification). */
  readonly migrations?: MigrationPlan;
}
