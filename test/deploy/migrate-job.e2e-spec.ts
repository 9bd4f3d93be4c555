import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import type { IJob } from 'kubernetes-models/batch/v1/Job';
import { Client } from 'pg';

import { createScratchPostgres, type ScratchDatabase } from '@badges/persistence';

import { Rendered } from './support/rendered';

/** The image's working directory (/app, infra/docker/Dockerfile) holds dist/ as this checkout does after a build. */
const IMAGE_WORKDIR = join(__dirname, '..', '..');

/**
 * The pre-upgrade Job's command, as the production overlay renders it, run the way its pod runs it:
 * from the image's working directory (the compiled tree, as infra/docker/Dockerfile lays it out),
 * against a PostgreSQL of its own. It must migrate every schema, then find nothing to do.
 */
// Every overlay's Job runs this same command (kubernetes-manifests.spec.ts): one run proves it.
describe('the migration Job of overlays/production', () => {
  let scratch: ScratchDatabase;
  let command: string[];

  beforeAll(async () => {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('the migration Job runs against PostgreSQL: set DATABASE_URL (npm test does)');
    scratch = await createScratchPostgres(url);
    const [job] = Rendered.render('production').ofKind<IJob>('Job');
    command = job.spec!.template.spec!.containers[0].command!;
  });

  afterAll(async () => {
    await scratch?.dispose();
  });

  const runJob = (args: string[] = []) => {
    const [program, ...rest] = command;
    expect(program).toBe('node');
    const databaseUrl = scratch.config.kind === 'postgres' ? scratch.config.url : '';
    return spawnSync(process.execPath, [...rest, ...args], { cwd: IMAGE_WORKDIR, env: { PATH: process.env.PATH, NODE_ENV: 'production', DATABASE_URL: databaseUrl }, encoding: 'utf8' });
  };

  it('migrates every schema once, then finds every one up to date, and exits 0 both times', async () => {
    const first = runJob();
    expect([first.status, first.stderr]).toEqual([0, '']);
    expect(first.stdout.trim().split('\n')).toEqual(['issuer', 'notification', 'endorsement', 'passport', 'gateway'].map((service) => expect.stringMatching(new RegExp(`^migrate: ${service} \\(schema ${service}\\): applied 0001_`))));

    const client = new Client({ connectionString: scratch.config.kind === 'postgres' ? scratch.config.url : '' });
    await client.connect();
    try {
      const { rows } = await client.query<{ schema: string }>("SELECT table_schema AS schema FROM information_schema.tables WHERE table_name = '_schema_migrations' ORDER BY 1");
      expect(rows.map((row) => row.schema)).toEqual(['endorsement', 'gateway', 'issuer', 'notification', 'passport']);
    } finally {
      await client.end();
    }

    const again = runJob();
    expect([again.status, again.stdout.trim().split('\n')]).toEqual([0, ['issuer', 'notification', 'endorsement', 'passport', 'gateway'].map((service) => `migrate: ${service} (schema ${service}): up to date`)]);
  });

  it('fails with a sentence, not a stack, when told a service that has no migrations', () => {
    const result = runJob(['verification']);
    expect([result.status, result.stdout, result.stderr.trim()]).toEqual([1, '', 'migrate: no migrations for verification; name some of issuer, notification, endorsement, passport, gateway (or none for all)']);
  });
});
