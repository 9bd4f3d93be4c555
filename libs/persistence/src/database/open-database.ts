import type { Database } from './database';
import type { DatabaseConfig } from './database-config';
import { PgliteDatabase } from './pglite-database';
import { PostgresDatabase } from './postgres-database';

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === 'postgres') {
    const database = new PostgresDatabase(config.url);
    await database.query('SELECT 1');
    return database;
  }
  return PgliteDatabase.open(config.dataDir);
}
