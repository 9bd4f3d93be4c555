// Writes the next migration of one service: `npm run db:migration -- <service> <snake_case_name>`.
// `--check` instead of a name writes nothing and fails when schema.prisma holds changes that no
// migration does. The previous schema is the committed migrations themselves: `prisma migrate diff
// --from-migrations` replays them into an in-memory PGlite (prisma-migration.config.mjs) and diffs
// that against schema.prisma. Offline; no schema snapshot is kept (docs/decisions/0024).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [service, name] = process.argv.slice(2);
const check = name === '--check';
if (!service || !name || (!check && !/^[a-z0-9_]+$/.test(name))) {
  console.error('usage: npm run db:migration -- <service> <snake_case_name|--check>');
  process.exit(2);
}
const root = new URL('..', import.meta.url).pathname;
const appDir = join(root, 'apps', service);
const schema = join(appDir, 'prisma', 'schema.prisma');
const migrationsDir = join(appDir, 'prisma', 'migrations');
if (!existsSync(schema)) {
  console.error(`${schema} not found`);
  process.exit(2);
}

mkdirSync(migrationsDir, { recursive: true });
const lockFile = join(migrationsDir, 'migration_lock.toml');
// --from-migrations refuses a folder without it; every service commits the same two lines.
if (!existsSync(lockFile)) {
  writeFileSync(lockFile, '# Read by `prisma migrate diff --from-migrations` (npm run db:migration); the runner ignores it.\nprovider = "postgresql"\n');
}
const existing = readdirSync(migrationsDir).filter((entry) => existsSync(join(migrationsDir, entry, 'migration.sql')));
const sql = execFileSync(
  process.execPath,
  [
    join(root, 'node_modules/prisma/build/index.js'),
    'migrate', 'diff',
    '--config', join(root, 'scripts/prisma-migration.config.mjs'),
    ...(existing.length > 0 ? ['--from-migrations', migrationsDir] : ['--from-empty']),
    '--to-schema-datamodel', schema,
    '--script',
  ],
  {
    cwd: appDir,
    env: { ...process.env, DATABASE_URL: 'postgresql://unused@localhost/unused', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  },
);
if (!/\S/.test(sql.replace(/^--.*$/gm, ''))) {
  console.log(`${service}: schema.prisma matches the committed migrations`);
  process.exit(0);
}
if (check) {
  console.log(`${service}: schema.prisma has changes no migration holds; run npm run db:migration -- ${service} <name>\n${sql}`);
  process.exit(1);
}
const dir = join(migrationsDir, `${String(existing.length + 1).padStart(4, '0')}_${name}`);
mkdirSync(dir);
writeFileSync(join(dir, 'migration.sql'), sql);
console.log(`wrote ${dir}/migration.sql`);
