/**
 * Runs the platform drives from Badgr credentials (decision 0045): the password died with the
 * process that held it, so start-up marks those runs interrupted and refuses their batches; runs an
 * importer drives (the CLI, still holding its credentials) are left running.
 */
import { tenantScope } from '@badges/service-kit';
import { databaseTargets } from '@badges/persistence';

import { createTestApp, type TestApp } from '../testing/issuer-test-app';
import { BadgrRunsService } from './badgr-runs.service';
import { MigrationWriterService } from './migration-writer.service';

describe.each(databaseTargets())('platform-driven migration runs on $name', (target) => {
  let t: TestApp;
  let headers: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp(target);
    headers = await t.institution('inst-runs');
  });
  afterAll(async () => t.close());

  it('marks the runs it was driving interrupted at start-up, and only those', async () => {
    const writer = t.app.get(MigrationWriterService);
    const options = { dryRun: false, overwrite: false, since: null };
    const driven = await writer.start(tenantScope('inst-runs'), options, 'platform');
    const imported = await writer.start(tenantScope('inst-runs'), options, 'importer');

    await t.app.get(BadgrRunsService).onApplicationBootstrap();

    const read = async (id: string) => (await t.app.inject({ method: 'GET', url: `/internal/migrations/runs/${id}`, headers })).json();
    expect(await read(driven.id)).toMatchObject({ status: 'interrupted', driver: 'platform', finishedAt: expect.any(String) });
    expect(await read(imported.id)).toMatchObject({ status: 'running', driver: 'importer', finishedAt: null });
    const batch = await t.app.inject({ method: 'POST', url: `/internal/migrations/runs/${driven.id}/batches`, headers, payload: { assertions: [] } });
    expect({ status: batch.statusCode, error: batch.json().error }).toEqual({ status: 409, error: expect.objectContaining({ code: 'conflict', message: expect.stringMatching(/interrupted/) }) });
  });

  it('refuses a start with a Badgr URL that is not http(s) with a 400 naming the field', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/internal/migrations/runs/badgr', headers, payload: { url: 'ftp://badgr.example', username: 'u', password: 'p' } });
    expect({ status: response.statusCode, error: response.json().error }).toEqual({ status: 400, error: expect.objectContaining({ code: 'validation_failed', field: 'url' }) });
  });
});
