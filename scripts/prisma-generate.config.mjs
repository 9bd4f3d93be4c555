// The Prisma config `npm run db:generate` runs `prisma generate` with, for every service (Prisma
// 6.19 offline setup): the JS engine with a driver adapter, so the CLI never downloads an engine
// binary. The CLI only needs *an* adapter here; at run time each service builds its client from
// `Database.prismaAdapter()` instead.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  async adapter() {
    const { PGlite } = await import('@electric-sql/pglite');
    const { PrismaPGlite } = await import('pglite-prisma-adapter');
    // pglite-prisma-adapter 0.6 is typed against an older @prisma/driver-adapter-utils; same runtime shape.
    return new PrismaPGlite(new PGlite());
  },
});
