// Benchmark (issue #18): the migration writer's throughput end to end through the gateway's operator
// API: one run, N assertions (from the migration-records contract, hashed with a salt, a tenth
// revoked) posted in batches of BATCH, one request in flight (the run's batches are serialised),
// and the assertions per second it took to write them (records, evidence, events, counts).
// Target: >= 1,000 assertions/s on the distributed stack (`npm run start:distributed`).
// Against a running platform: BENCH_URL=http://127.0.0.1:3000 ADMIN_TOKEN=… node bench/migrate-writer.mjs [assertions=20000] [batch=1000]
// Without BENCH_URL it starts the compiled embedded runner (`npm run build` first) on EMBEDDED_DATABASE (default postgres).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

const TOTAL = Number(process.argv[2] ?? 20_000);
const BATCH = Number(process.argv[3] ?? 1_000);
const root = new URL('..', import.meta.url).pathname;
const PNG = { contentType: 'image/png', base64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==' };
const OLD = 'https://api.badgr.example';
const freePort = () => new Promise((resolve) => { const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); }); });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function startEmbedded() {
  const dataDir = mkdtempSync(join(tmpdir(), 'badges-bench-migrate-'));
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'dist/apps/runner/src/main.js')], {
    cwd: dataDir,
    env: { ...process.env, DATABASE_URL: '', KAFKA_BROKERS: '', REDIS_URL: '', EMBEDDED_DATABASE: process.env.EMBEDDED_DATABASE ?? 'postgres', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${port}`, LOG_LEVEL: 'error', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 600 && !(await fetch(`${base}/health`).then((r) => r.ok, () => false)); attempt++) await sleep(100);
  return {
    base,
    adminToken: readFileSync(join(dataDir, 'admin-token'), 'utf8').trim(),
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function assertion(i, run) {
  const id = `bench${run}a${i}`;
  const email = `learner${i}@example.org`;
  const salt = `s${i}`;
  return {
    sourceId: id,
    documentId: `${OLD}/public/assertions/${id}`,
    badgeClassSourceId: `bench${run}class${i % 50}`,
    issuerSourceId: `bench${run}issuer${i % 5}`,
    recipient: { type: 'email', identity: `sha256$${createHash('sha256').update(email + salt).digest('hex')}`, hashed: true, salt, plaintextIdentity: email },
    issuedOn: '2020-06-01T00:00:00Z',
    expires: null,
    narrative: null,
    evidence: [{ url: 'https://evidence.example/1', narrative: null }],
    revoked: i % 10 === 0,
    revocationReason: i % 10 === 0 ? 'Issued in error' : null,
    createdAt: '2020-06-01T00:00:00Z',
    updatedAt: '2020-06-01T00:00:00Z',
  };
}

const platform = process.env.BENCH_URL ? { base: process.env.BENCH_URL, adminToken: process.env.ADMIN_TOKEN, stop: async () => undefined } : await startEmbedded();
const call = async (method, path, body) => {
  const response = await fetch(`${platform.base}${path}`, { method, headers: { authorization: `Bearer ${platform.adminToken}`, 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
};
try {
  const tag = Date.now().toString(36);
  const institution = await call('POST', '/admin/institutions', { name: `Bench migration ${tag}` });
  const path = `/admin/institutions/${institution.id}/migrations`;
  const run = await call('POST', path, {});
  await call('POST', `${path}/${run.id}/batches`, {
    issuers: Array.from({ length: 5 }, (_, i) => ({ sourceId: `bench${tag}issuer${i}`, documentId: `${OLD}/public/issuers/bench${tag}issuer${i}`, name: `Issuer ${i}`, description: null, email: 'b@example.org', url: 'https://example.org', image: PNG, staff: [], createdAt: '2019-01-01T00:00:00Z' })),
    badgeClasses: Array.from({ length: 50 }, (_, i) => ({ sourceId: `bench${tag}class${i}`, documentId: `${OLD}/public/badges/bench${tag}class${i}`, issuerSourceId: `bench${tag}issuer${i % 5}`, name: `Class ${i}`, description: 'd', image: PNG, criteriaUrl: null, criteriaNarrative: 'c', tags: [], alignments: [], expires: null, createdAt: '2019-01-01T00:00:00Z' })),
  });
  const batches = [];
  for (let i = 0; i < TOTAL; i += BATCH) batches.push(Array.from({ length: Math.min(BATCH, TOTAL - i) }, (_, k) => assertion(i + k, tag)));
  const started = performance.now();
  for (const assertions of batches) await call('POST', `${path}/${run.id}/batches`, { assertions });
  const seconds = (performance.now() - started) / 1000;
  const done = await call('POST', `${path}/${run.id}/finish`, {});
  const again = performance.now();
  const second = await call('POST', path, {});
  for (const assertions of batches.slice(0, 2)) await call('POST', `${path}/${second.id}/batches`, { assertions });
  const unchangedPerSecond = Math.round((Math.min(2, batches.length) * BATCH) / ((performance.now() - again) / 1000));
  console.log(`machine: ${cpus().length} cores, node ${process.version}; target ${process.env.BENCH_URL ?? `embedded (${process.env.EMBEDDED_DATABASE ?? 'postgres'})`}`);
  console.table({
    'first run': { assertions: done.counts.assertion.created, seconds: Number(seconds.toFixed(1)), 'assertions/s': Math.round(done.counts.assertion.created / seconds) },
    'second run (unchanged)': { assertions: Math.min(2, batches.length) * BATCH, seconds: null, 'assertions/s': unchangedPerSecond },
  });
} finally {
  await platform.stop();
}
