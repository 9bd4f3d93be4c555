// Prisma 6.19 offline setup: the JS engine with a driver adapter, so `prisma generate` and
// `prisma migrate diff` never download an engine binary. The CLI only needs *an* adapter here;
// at run time the gateway builds its client from `Database.prismaAdapter()` instead.
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { defineConfig } from 'prisma/config';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  async adapter() {
    const { PGlite } = await import('@electric-sql/pglite');
    const { PrismaPGlite } = await import('pglite-prisma-adapter');
    // The adapter is typed against an older driver-adapter-utils than Prisma 6.19; same runtime contract.
    return new PrismaPGlite(new PGlite()) as unknown as SqlMigrationAwareDriverAdapterFactory;
  },
});
