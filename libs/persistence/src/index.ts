export type { Database, PrismaAdapterFactory, SqlSession } from './database/database';
export { databaseConfigFromEnv, type DatabaseConfig } from './database/database-config';
export { openDatabase } from './database/open-database';
export { applyMigrations, type MigrationPlan } from './migrations/apply-migrations';
export { newEntityId, isEntityId } from './ids/entity-id';
export { isUniqueViolation } from './errors/prisma-errors';
export { databaseTargets, createScratchPostgres, type ScratchDatabase } from './testing/database-targets';
export { insertJsonArray, insertJsonRows, type SqlStatement } from './sql/json-rows';
export { prismaSqlSession, type PrismaRawSql } from './sql/prisma-sql-session';
