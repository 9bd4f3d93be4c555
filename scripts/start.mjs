// `npm start`: build (swc, about a second), then run every service in one process.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
if (!existsSync(join(root, 'apps/issuer/src/generated/prisma/client.ts'))) {
  await import('./prisma-generate.mjs');
}
await import('./build.mjs');
const { main } = createRequire(import.meta.url)(join(root, 'dist/apps/runner/src/main.js'));
await main();
