import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A fresh DATA_DIR for an embedded platform under the system temp folder. Run as root, the
 * embedded PostgreSQL runs as the `postgres` user, which must reach the folder (mkdtemp makes it 700).
 */
export function embeddedDataDir(prefix: string): string {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dataDir, 0o755);
  return dataDir;
}
