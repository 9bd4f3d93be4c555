import type { Database } from './database';
import type { DatabaseConfig } from './database-config';
import { startEmbeddedPostgres } from './embedded-postgres-server';
import { PgliteDatabase } from './pglite-database';
import { PostgresDatabase } from './postgres-database';

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === 'postgres') {
    const database = new PostgresDatabase(config.url);
    await database.query('SELECT 1');
    return database;
  }
  if (config.kind === 'embedded-postgres') {
    const server = await startEmbeddedPostgres(config.dataDir);
    try {
      const database = new PostgresDatabase(server.url, 10, () => server.stop());
      await database.query('SELECT 1');
      return database;
    } catch (error) {
      await server.stop();
      throw error;
    }
  }
  return PgliteDatabase.open(config.dataDir);
}
