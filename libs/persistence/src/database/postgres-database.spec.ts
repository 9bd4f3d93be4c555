import { Client } from 'pg';

import { databaseTargets } from '../testing/database-targets';
import { PostgresDatabase } from './postgres-database';

// Only a real server can drop a connection under us; this suite has work only when DATABASE_URL is set.
const servers = databaseTargets().filter((target) => target.name === 'postgres');

describe('PostgresDatabase', () => {
  it('is exercised against a server whenever DATABASE_URL names one', () => {
    expect(servers.length).toBe(process.env.DATABASE_URL ? 1 : 0);
  });

  for (const target of servers) {
    it('keeps serving after the server terminates its idle connections', async () => {
      const scratch = await target.create();
      const url = scratch.config.kind === 'postgres' ? scratch.config.url : '';
      const database = new PostgresDatabase(url, 2);
      try {
        expect(await database.query<{ n: number }>('SELECT 1 AS n')).toEqual([{ n: 1 }]);
        const admin = new Client({ connectionString: process.env.DATABASE_URL });
        await admin.connect();
        const killed = await admin.query(
          'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
          [new URL(url).pathname.slice(1)],
        );
        await admin.end();
        expect(killed.rowCount).toBeGreaterThan(0);
        // Give the idle socket time to read the FATAL message the server sends before closing.
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(await database.query<{ n: number }>('SELECT 2 AS n')).toEqual([{ n: 2 }]);
      } finally {
        await database.close();
        await scratch.dispose();
      }
    });
  }
});
