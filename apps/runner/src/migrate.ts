import { applyMigrations, openDatabase, type Database, type DatabaseConfig } from '@badges/persistence';

import { EMBEDDED_SERVICES, loadEmbeddedService, type EmbeddedServiceName } from './service-loader';

/**
 * `node dist/apps/runner/src/migrate.js [service ...]`: applies the services' committed SQL
 * migrations to DATABASE_URL, then exits. Kubernetes runs it as the Job that goes before an
 * upgrade's pods (infra/k8s, docs/operations.md), so a schema changes once, before new code meets
 * it, rather than in whichever new pod starts first. Each service still applies its migrations at
 * start (compose, `npm start`): after the Job that finds nothing to do.
 */

export interface MigratedService {
  service: EmbeddedServiceName;
  schema: string;
  /** Migrations applied by this run, in order; empty when the schema was up to date. */
  applied: string[];
}

export class MigrateUsageError extends Error {
  override readonly name = 'MigrateUsageError';
}

/** The services that own a schema (every one but verification), in the runner's start order. */
export function servicesWithMigrations(): EmbeddedServiceName[] {
  return EMBEDDED_SERVICES.filter((name) => loadEmbeddedService(name).migrations !== undefined);
}

/** Applies each named service's migrations, one service after another (each under its own lock). */
export async function migrateServices(database: Database, services: readonly EmbeddedServiceName[]): Promise<MigratedService[]> {
  const results: MigratedService[] = [];
  for (const service of services) {
    const plan = loadEmbeddedService(service).migrations;
    if (!plan) throw new MigrateUsageError(`${service} stores nothing and has no migrations`);
    results.push({ service, schema: plan.schema, applied: await applyMigrations(database, plan) });
  }
  return results;
}

/** Which services the arguments name (none: all of them), or a usage error listing the valid names. */
export function servicesToMigrate(args: readonly string[]): EmbeddedServiceName[] {
  const all = servicesWithMigrations();
  if (args.length === 0) return all;
  const unknown = args.filter((arg) => !(all as string[]).includes(arg));
  if (unknown.length > 0) throw new MigrateUsageError(`migrate: no migrations for ${unknown.join(', ')}; name some of ${all.join(', ')} (or none for all)`);
  return all.filter((service) => args.includes(service));
}

/** Only a PostgreSQL server: an embedded database belongs to the one process that runs it. */
export function migrateDatabaseConfig(env: NodeJS.ProcessEnv): DatabaseConfig {
  if (!env.DATABASE_URL) throw new MigrateUsageError('migrate: DATABASE_URL is required (the PostgreSQL server the services use)');
  return { kind: 'postgres', url: env.DATABASE_URL };
}

export async function main(args: readonly string[], env: NodeJS.ProcessEnv, write: (line: string) => void): Promise<MigratedService[]> {
  const services = servicesToMigrate(args);
  const database = await openDatabase(migrateDatabaseConfig(env));
  try {
    const results = await migrateServices(database, services);
    for (const { service, schema, applied } of results) {
      write(`migrate: ${service} (schema ${schema}): ${applied.length === 0 ? 'up to date' : `applied ${applied.join(', ')}`}`);
    }
    return results;
  } finally {
    await database.close();
  }
}

if (require.main === module) {
  main(process.argv.slice(2), process.env, (line) => process.stdout.write(`${line}\n`)).then(
    () => process.exit(0),
    (error: unknown) => {
      // A usage error is the operator's to fix: the sentence, not a stack trace.
      process.stderr.write(`${error instanceof MigrateUsageError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
