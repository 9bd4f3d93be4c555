import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort } from '../../support/free-port';
import { startPlatformProcess, type PlatformProcess } from '../../support/platform-process';

export interface BrowserPlatform extends PlatformProcess {
  dataDir: string;
  /** Emails the platform wrote (no SMTP_URL: DATA_DIR/outbox/*.eml), raw. */
  emails(): string[];
  stopAndClean(): Promise<void>;
}

/**
 * The platform as `npm start` runs it (compiled runner, embedded PGlite in a fresh data dir, the
 * built web app served by the gateway) on a free port. The verifier may fetch from 127.0.0.1, so
 * the platform can verify its own badges by URL.
 */
export async function startBrowserPlatform(env: Record<string, string> = {}): Promise<BrowserPlatform> {
  const dataDir = mkdtempSync(join(tmpdir(), 'badges-browser-'));
  const port = await freePort();
  const platform = await startPlatformProcess({
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    VERIFY_ALLOWED_PRIVATE_ADDRESSES: '127.0.0.1',
    // Revocation must show on the next verification, not after the default 60 s cache.
    VERIFY_CACHE_TTL_SECONDS: '1',
    // Learner sign-up hashes passwords with scrypt; the lowest allowed cost keeps CI's shared cores free.
    PASSWORD_SCRYPT_LOG_N: '14',
    ...env,
  });
  const outbox = join(dataDir, 'outbox');
  return {
    ...platform,
    dataDir,
    emails: () => {
      try {
        return readdirSync(outbox)
          .sort()
          .map((file) => readFileSync(join(outbox, file), 'utf8'));
      } catch {
        return [];
      }
    },
    stopAndClean: async () => {
      await platform.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
