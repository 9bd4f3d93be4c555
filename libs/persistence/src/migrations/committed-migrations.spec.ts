import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '../../../..');
const services = readdirSync(join(ROOT, 'apps')).filter((app) => existsSync(join(ROOT, 'apps', app, 'prisma/schema.prisma')));

// Guards what the per-migration schema snapshots never did: a schema.prisma edited without its
// migration. `db:migration --check` replays the committed migrations into PGlite and diffs them
// against schema.prisma, exactly as writing the next migration would (docs/decisions/0024).
describe('committed migrations', () => {
  it('cover every service that has a schema', () => {
    expect(services).toEqual(expect.arrayContaining(['endorsement', 'gateway', 'issuer', 'notification', 'passport']));
  });

  it.each(services)('of %s replay to exactly its schema.prisma', async (service) => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'scripts/prisma-migration.mjs'), service, '--check']).catch(
      (error: { stdout: string }) => ({ stdout: error.stdout }),
    );
    expect(stdout.trim()).toBe(`${service}: schema.prisma matches the committed migrations`);
  }, 120_000);
});
