// Benchmark (issue #14): does the embedded default (`npm start`) keep up? For each embedded
// database the runner supports (EMBEDDED_DATABASE), one bulk award of N hosted rows through the
// gateway while a public assertion is read in a loop; side by side in one table.
// Targets: >= 1,000 rows/s for 10,000 rows, and the read's p99 <= 50 ms meanwhile. The runner
// preloads test/support/event-loop-probe.js, so the table also shows the longest time its event
// loop was held during the award (what a cached public GET waits for at worst).
// Run `npm run build` first (npm run bench:embedded builds).
// Usage: [BENCH_DATABASES=postgres,pglite] [BENCH_NODE_ARGS=--cpu-prof] node bench/embedded.mjs [rows=10000] [connections=16]
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

import { bulkWhileReading } from './support/bulk-while-reading.mjs';

const ROWS = Number(process.argv[2] ?? 10_000);
const CONNECTIONS = Number(process.argv[3] ?? 16);
const DATABASES = (process.env.BENCH_DATABASES ?? 'postgres,pglite').split(',');
const NODE_ARGS = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
const root = new URL('..', import.meta.url).pathname;
const RUNNER = join(root, 'dist/apps/runner/src/main.js');
const EVENT_LOOP_PROBE = join(root, 'test/support/event-loop-probe.js');
/** The benchmark is one client address reading as fast as it can on purpose (docs/security.md). */
const UNLIMITED = { RATE_LIMIT_VERIFY_PER_IP: '100000000/1', RATE_LIMIT_SIGNUP_PER_IP: '100000/60', RATE_LIMIT_OAUTH_TOKEN_PER_IP: '100000/60' };

const freePort = () => new Promise((resolve) => { const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); }); });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function measure(database) {
  const dataDir = mkdtempSync(join(tmpdir(), `badges-bench-embedded-${database}-`));
  // Run as root, the embedded PostgreSQL server runs as the `postgres` user, which must reach the folder.
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  const child = spawn(process.execPath, [...NODE_ARGS, '--require', EVENT_LOOP_PROBE, RUNNER], {
    cwd: dataDir,
    env: { ...process.env, DATABASE_URL: '', KAFKA_BROKERS: '', REDIS_URL: '', SMTP_URL: '', EMBEDDED_DATABASE: database, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${port}`, LOG_LEVEL: 'error', NODE_ENV: 'production', ...UNLIMITED },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const askProbe = (probe) =>
    new Promise((resolve) => {
      const onMessage = (message) => {
        if (message?.probe !== probe) return;
        child.off('message', onMessage);
        resolve(message);
      };
      child.on('message', onMessage);
      child.send({ probe });
    });
  const aroundAward = async () => {
    await askProbe('reset');
    return async () => askProbe('read');
  };
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let attempt = 0; attempt < 600 && !(await fetch(`${base}/health`).then((r) => r.ok, () => false)); attempt++) {
      if (child.exitCode !== null) throw new Error(`the runner exited with ${child.exitCode}`);
      await sleep(100);
    }
    const adminToken = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim();
    return await bulkWhileReading({ base, adminToken, rows: ROWS, concurrency: CONNECTIONS, aroundAward });
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
    // A --cpu-prof profile is written into the runner's working directory: keep it.
    if (NODE_ARGS.some((arg) => arg.startsWith('--cpu-prof'))) console.log(`profile kept in ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 1e9)} GB RAM, node ${process.version}`);
console.log(`embedded runner: bulk award of ${ROWS} hosted rows (one CSV upload) while GET /public/assertions/{id} is read with ${CONNECTIONS} connections`);
const table = {};
for (const database of DATABASES) {
  try {
    const run = await measure(database);
    table[database] = {
      'bulk rows/s': run.rowsPerSecond,
      'bulk seconds': Number(run.seconds.toFixed(1)),
      'read p99 ms (during)': Number(run.readP99Ms.toFixed(1)),
      'read req/s (during)': run.readRequestsPerSecond,
      'read failures': run.readFailures,
      'loop delay p99 ms (during)': Number(run.around.p99Ms.toFixed(1)),
      'loop delay max ms (during)': Number(run.around.maxMs.toFixed(1)),
      'read p99 ms (idle)': Number(run.idle.readP99Ms.toFixed(1)),
      'read req/s (idle)': run.idle.readRequestsPerSecond,
    };
  } catch (error) {
    table[database] = { error: error instanceof Error ? error.message.slice(0, 200) : String(error) };
  }
}
console.table(table);
console.log('targets (issue #14): bulk >= 1000 rows/s for 10,000 rows; read p99 <= 50 ms during the award');
