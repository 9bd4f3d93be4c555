// Generates each service's Prisma client into that service (apps/<svc>/src/generated/prisma).
// Runs on `npm ci` (postinstall) and offline: the JS engine needs no downloaded binary.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const prismaCli = join(root, 'node_modules', 'prisma', 'build', 'index.js');
const config = join(root, 'scripts', 'prisma-generate.config.mjs');
if (!existsSync(prismaCli)) {
  console.log('prisma-generate: prisma CLI not installed yet, skipping');
  process.exit(0);
}
for (const app of readdirSync(join(root, 'apps'))) {
  const schema = join(root, 'apps', app, 'prisma', 'schema.prisma');
  if (!existsSync(schema)) continue;
  execFileSync(process.execPath, [prismaCli, 'generate', '--config', config, '--schema', schema], {
    cwd: join(root, 'apps', app),
    // The CLI insists the datasource URL variable exists even though the adapter connects.
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? 'postgresql://unused@localhost/unused', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  console.log(`prisma-generate: ${app} client generated`);
}
