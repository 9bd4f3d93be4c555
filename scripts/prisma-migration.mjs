// Writes a new migration for one service: `npm run db:migration -- <service> <name>`.
// `prisma migrate dev` does not work with the JS engine, so the SQL comes from `migrate diff`
// between the committed migrations (replayed on an in-memory PGlite shadow database) and the schema.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [service, name] = process.argv.slice(2);
if (!service || !name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:migration -- <service> <snake_case_name>');
  process.exit(2);
}
const root = new URL('..', import.meta.url).pathname;
const appDir = join(root, 'apps', service);
const migrationsDir = join(appDir, 'prisma', 'migrations');
mkdirSync(migrationsDir, { recursive: true });
const existing = readdirSync(migrationsDir).filter((entry) => existsSync(join(migrationsDir, entry, 'migration.sql')));
const from = existing.length === 0 ? ['--from-empty'] : ['--from-migrations', migrationsDir];
const sql = execFileSync(
  process.execPath,
  [join(root, 'node_modules/prisma/build/index.js'), 'migrate', 'diff', ...from, '--to-schema-datamodel', 'prisma/schema.prisma', '--script'],
  { cwd: appDir, env: { ...process.env, DATABASE_URL: 'postgresql://unused@localhost/unused' }, encoding: 'utf8' },
);
const ordinal = String(existing.length + 1).padStart(4, '0');
const dir = join(migrationsDir, `${ordinal}_${name}`);
mkdirSync(dir);
writeFileSync(join(dir, 'migration.sql'), sql);
console.log(`wrote ${dir}/migration.sql`);
