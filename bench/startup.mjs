// Benchmark: `npm start` to ready (design.md §7 target: ≤ 10 s after install).
// Runs scripts/start.mjs (build + all services) on a fresh data folder, then again on the same
// folder (a restart), and prints the time until GET /health answers 200.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function timeToReady(dataDir) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, 'scripts/start.mjs')], {
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  try {
    for (let attempt = 0; attempt < 600; attempt += 1) {
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
      if (ok) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('not ready within 30 s');
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'badges-bench-start-'));

// As root the embedded PostgreSQL runs as the `postgres` user, which must reach the folder.

chmodSync(dataDir, 0o755);
try {
  const first = await timeToReady(dataDir);
  const restart = await timeToReady(dataDir);
  console.log(`npm start to ready, fresh data folder: ${(first / 1000).toFixed(2)} s`);
  console.log(`npm start to ready, restart:           ${(restart / 1000).toFixed(2)} s`);
  console.log(`target: <= 10 s  (${process.version}, ${(await import('node:os')).cpus().length} cores)`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
