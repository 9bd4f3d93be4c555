import { rmSync } from 'node:fs';
import { join } from 'node:path';

import { postmasterPid, processAlive } from '@badges/persistence';

import { ApiClient } from '../support/api-client';
import { freePort } from '../support/free-port';
import { startPlatformProcess } from '../support/platform-process';
import { embeddedDataDir } from '../support/embedded-data-dir';

/**
 * `npm start`'s default database (decision 0022): every service migrates and serves on the
 * embedded PostgreSQL server; a runner killed with SIGKILL takes its server with it, and the next
 * start on the same DATA_DIR finds the rows.
 */
describe('the runner on its embedded PostgreSQL server', () => {
  it('serves, dies with the runner even on SIGKILL, and keeps the rows for the next start', async () => {
    const dataDir = embeddedDataDir('badges-embedded-pg-e2e-');
    try {
      const port = await freePort();
      const env = { EMBEDDED_DATABASE: 'postgres', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${port}` };
      const first = await startPlatformProcess(env);
      const college = await new ApiClient(first.url).forNewInstitution(first.adminToken, 'Embedded College');
      const issuer = await college.post('/v2/issuers', { name: 'Embedded College', email: 'badges@embedded.example', url: 'https://embedded.example' });
      expect(issuer.status).toBe(201);
      const pid = postmasterPid(join(dataDir, 'postgres'));
      expect(processAlive(pid)).toBe(true);

      await first.stop('SIGKILL');
      for (let waited = 0; waited < 20_000 && processAlive(pid); waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(processAlive(pid)).toBe(false);

      const again = await startPlatformProcess(env);
      try {
        const read = await new ApiClient(again.url).get(`/public/issuers/${issuer.body.result[0].entityId}`, { accept: 'application/ld+json' });
        expect(read.status).toBe(200);
        expect(read.body.name).toBe('Embedded College');
      } finally {
        await again.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
