// Writes the next migration of one service: `npm run db:migration -- <service> <snake_case_name>`.
// `prisma migrate dev` does not work with the JS engine, and replaying migrations needs a shadow
// database, so each migration folder keeps the schema.prisma it migrates TO; the next migration is
// `prisma migrate diff` from that snapshot to the current schema. All offline (docs/decisions/0003).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [service, name] = process.argv.slice(2);
if (!service || !name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:migration -- <service> <snake_case_name>');
  process.exit(2);
}
const root = new URL('..', import.meta.url).pathname;
const appDir = join(root, 'apps', service);
const schema = join(appDir, 'prisma', 'schema.prisma');
const migrationsDir = join(appDir, 'prisma', 'migrations');
mkdirSync(migrationsDir, { recursive: true });

const existing = readdirSync(migrationsDir)
  .filter((entry) => existsSync(join(migrationsDir, entry, 'migration.sql')))
  .sort();
const latest = existing.at(-1);
let from = ['--from-empty'];
if (latest) {
  const snapshot = join(migrationsDir, latest, 'schema.prisma');
  if (!existsSync(snapshot)) {
    console.error(`${latest} has no schema.prisma snapshot; restore it from git (the schema as of that migration).`);
    process.exit(1);
  }
  from = ['--from-schema-datamodel', snapshot];
}
const sql = execFileSync(
  process.execPath,
  [join(root, 'node_modules/prisma/build/index.js'), 'migrate', 'diff', ...from, '--to-schema-datamodel', schema, '--script'],
  { cwd: appDir, env: { ...process.env, DATABASE_URL: 'postgresql://unused@localhost/unused' }, encoding: 'utf8' },
);
if (!/\S/.test(sql.replace(/^--.*$/gm, ''))) {
  console.log('schema.prisma matches the latest migration: nothing to write');
  process.exit(0);
}
const dir = join(migrationsDir, `${String(existing.length + 1).padStart(4, '0')}_${name}`);
mkdirSync(dir);
writeFileSync(join(dir, 'migration.sql'), sql);
copyFileSync(schema, join(dir, 'schema.prisma'));
console.log(`wrote ${dir}/migration.sql`);
