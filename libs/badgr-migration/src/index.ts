// Public surface of @badges/badgr-migration: reading a Badgr server through its own API v2 into the
// platform's migration records (@badges/api-contracts). Framework-free; the CLI, the operator API
// and the writer build on it.
export { BadgrSession, type BadgrCredentials } from './client/badgr-session';
export type { BadgrConnectionOptions } from './client/badgr-connection';
export { BadgrReadError, BADGR_READ_ERROR_CODES, type BadgrReadErrorCode } from './client/badgr-read-error';
export { BadgrInstitutionReader, type BadgrBatch, type BadgrReadOptions, type BadgrReadSummary } from './read/badgr-institution-reader';
export { readBadgrBackpack, type BadgrBackpackRead } from './read/badgr-backpack-reader';
export { migrateFromBadgr, type MigrateFromBadgrOptions, type MigrationProgress, type MigrationReport } from './migrate/migrate-from-badgr';
export type { MigrationSink } from './migrate/migration-sink';
export { HttpMigrationSink, MigrationSinkError } from './migrate/http-migration-sink';
