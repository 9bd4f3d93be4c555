/**
 * Issue #20: `npm start` prints one ready line with the URL and where the admin token is kept:
 * not one "Nest application successfully started" per service, and never the token itself (it
 * would land in scrollback and CI logs). Run with the default log level, as a newcomer would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort } from '../support/free-port';
import { startPlatformProcess, type PlatformProcess } from '../support/platform-process';

describe('npm start output', () => {
  let dataDir: string;
  let platform: PlatformProcess;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'start-output-'));
    const port = await freePort();
    // LOG_LEVEL empty: the default levels (error, warn, log), not the quiet 'warn' other suites use.
    platform = await startPlatformProcess({ DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: '' });
  }, 90_000);

  afterAll(async () => {
    await platform?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is one ready line naming the URL, the docs and the token file, without the token', () => {
    const lines = platform.output().split('\n').filter((line) => line.trim() !== '');
    expect(lines).toEqual([expect.stringMatching(/^Open Badges platform ready at http:\/\/\S+ in \d+ ms \(API docs at \/docs; admin token in \S+admin-token\)$/)]);
    expect(lines[0]).toContain(join(dataDir, 'admin-token'));
    expect(platform.output()).not.toContain(platform.adminToken);
  });
});
