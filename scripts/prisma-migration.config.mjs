// The Prisma config `npm run db:migration` runs `prisma migrate diff --from-migrations` with: the
// schema engine replays the committed migration.sql files into a throw-away in-memory PGlite (its
// "shadow database") and diffs the result against schema.prisma. Offline, no server, no snapshot.
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { defineConfig } from 'prisma/config';

/**
 * A PGlite adapter that can run a whole migration.sql. The schema engine applies each migration as
 * one parameterless executeRaw; pglite-prisma-adapter sends that as a prepared statement, which
 * PostgreSQL limits to one command, so such scripts go through PGlite's exec (simple protocol).
 */
async function scratchPglite() {
  const pglite = new PGlite();
  const adapter = await new PrismaPGlite(pglite).connect();
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    if (query.args.length > 0) return executeRaw(query);
    await pglite.exec(query.sql);
    return 0;
  };
  return adapter;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  async adapter() {
    return { provider: 'postgres', adapterName: 'pglite-prisma-adapter', connect: scratchPglite, connectToShadowDb: scratchPglite };
  },
});
