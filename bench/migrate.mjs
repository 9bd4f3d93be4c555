// Benchmark (issue #18): a whole Badgr migration through the driver, as `npm run migrate:badgr`
// runs it: the stand-in Badgr with the full dataset (2 institutions, 5 issuers, 50 badge classes,
// 20,000 assertions, a few broken on purpose) read page by page while the previous batch is posted
// to the gateway's operator API; then a second run over the same source (everything unchanged);
// then every migrated assertion read at its old path (the same id and recipient hash and salt as
// Badgr's document) and verified by our verifier (POST /v2/verify with its old URL,
// VERIFY_CONCURRENCY at a time). Prints assertions per second, the per-kind counts, the second
// run's counts and how many verified valid / revoked / expired / otherwise.
// Target: >= 1,000 assertions/s on the distributed stack. That stack needs DATABASE_URL, REDIS_URL
// and KAFKA_BROKERS; without KAFKA_BROKERS the bench starts a broker (`npm run kafka:start`) and stops
// it after. If no stack can start, it falls back to the embedded platform (on the embedded
// PostgreSQL) and says so.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

import { loadBadgrStandin } from './support/badgr-standin.mjs';
import { startDistributedStack } from './support/distributed-stack.mjs';
import { embeddedEnv, startEmbeddedRunner } from './support/embedded-runner.mjs';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const { HttpMigrationSink, migrateFromBadgr } = require(join(root, 'dist/libs/badgr-migration/src/index.js'));
const VERIFY_CONCURRENCY = Number(process.env.VERIFY_CONCURRENCY ?? 16);
const PASSWORD = 'correct horse battery staple';
// Every service may reach the stand-in and the platform itself on loopback; the bench verifies 20,000 at once.
const PLATFORM_ENV = { SMTP_URL: 'smtp://127.0.0.1:9', VERIFY_ALLOWED_PRIVATE_ADDRESSES: '127.0.0.1', RATE_LIMIT_VERIFY_PER_IP: '1000000/60', RATE_LIMIT_VERIFY_READS_PER_IP: '1000000/60' };

const freePort = () => new Promise((resolve) => { const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); }); });
const loud = (lines) => console.log(['', '!'.repeat(78), ...lines.map((line) => `!! ${line}`), '!'.repeat(78), ''].join('\n'));

async function startPlatform() {
  let startedKafka = false;
  try {
    if (!process.env.DATABASE_URL || !process.env.REDIS_URL) throw new Error('DATABASE_URL and REDIS_URL are required for the distributed stack');
    if (!process.env.KAFKA_BROKERS) {
      console.log('KAFKA_BROKERS not set: starting a broker (npm run kafka:start)');
      execFileSync('npm', ['run', '--silent', 'kafka:start'], { cwd: root, stdio: 'inherit' });
      process.env.KAFKA_BROKERS = '127.0.0.1:9092';
      startedKafka = true;
    }
    const stack = await startDistributedStack(PLATFORM_ENV);
    return { label: 'distributed stack (PostgreSQL, Kafka, Redis; each service its own process)', url: stack.env.PUBLIC_URL, adminToken: stack.env.ADMIN_TOKEN, stop: async () => { await stack.stop(); if (startedKafka) execFileSync('npm', ['run', '--silent', 'kafka:stop'], { cwd: root, stdio: 'inherit' }); } };
  } catch (error) {
    if (startedKafka) execFileSync('npm', ['run', '--silent', 'kafka:stop'], { cwd: root, stdio: 'inherit' });
    loud([`THE DISTRIBUTED STACK DID NOT START: ${error.message}`, 'FALLING BACK TO THE EMBEDDED PLATFORM (one process, embedded PostgreSQL):', 'these figures are NOT the distributed target.']);
    const dataDir = mkdtempSync(join(tmpdir(), 'badges-bench-migrate-'));
    const embedded = await startEmbeddedRunner(embeddedEnv({ dataDir, port: await freePort(), extraEnv: { ...PLATFORM_ENV, EMBEDDED_DATABASE: 'postgres' } }));
    return { label: 'EMBEDDED platform (fallback)', url: embedded.base, adminToken: embedded.adminToken, stop: async () => { await embedded.stop(); rmSync(dataDir, { recursive: true, force: true }); } };
  }
}

const platform = await startPlatform();
const BadgrStandin = await loadBadgrStandin();
// The domain taken over: Badgr's public ids name the platform's own origin.
const standin = await BadgrStandin.start({ size: 'full', publicOrigin: platform.url });
try {
  console.log(`machine: ${cpus().length} cores (${cpus()[0].model}), node ${process.version}; platform: ${platform.label}`);
  console.log(`stand-in: ${standin.dataset.issuers.length} issuers, ${standin.dataset.badgeClasses.length} badge classes, ${standin.dataset.assertions.length} assertions`);
  const call = async (method, path, body) => {
    const response = await fetch(`${platform.url}${path}`, { method, headers: { authorization: `Bearer ${platform.adminToken}`, 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  const rows = {};
  const migrated = [];
  const institutionIds = [];
  let totalSeconds = 0;
  const migrate = (institution, id, onProgress = () => {}) => migrateFromBadgr(
    { connection: { baseUrl: standin.origin, allowPrivateNetwork: true }, credentials: { username: standin.institutionAccount(institution).username, password: PASSWORD }, onProgress },
    new HttpMigrationSink(platform.url, id, platform.adminToken),
  );
  for (const institution of [0, 1]) {
    const { id } = await call('POST', '/admin/institutions', { name: `Badgr institution ${institution + 1}` });
    institutionIds.push(id);
    let lastLine = 0;
    const report = await migrate(institution, id, (progress) => {
      if (Date.now() - lastLine < 2000) return;
      lastLine = Date.now();
      const { created, unchanged, updated, skipped } = progress.counts.assertion;
      console.log(`  institution ${institution + 1}: read ${progress.read.assertions} assertions, written ${created + unchanged + updated + skipped}`);
    });
    totalSeconds += report.seconds;
    const { counts } = report.run;
    rows[`institution ${institution + 1}`] = {
      seconds: Number(report.seconds.toFixed(1)),
      'assertions/s': Math.round(report.progress.read.assertions / report.seconds),
      issuers: counts.issuer.created,
      'badge classes': counts.badgeClass.created,
      'assertions created': counts.assertion.created,
      'assertions skipped': counts.assertion.skipped,
      'problems (source/platform)': `${report.progress.problems.source}/${report.progress.problems.platform}`,
    };
    const problems = [];
    for (let page = 1; ; page++) {
      const answer = await call('GET', `/admin/institutions/${id}/migrations/${report.run.id}/problems?page=${page}&perPage=500`);
      problems.push(...answer.problems);
      if (page * answer.perPage >= answer.total) break;
    }
    const left = new Set(problems.filter((problem) => problem.kind === 'assertion' && problem.severity === 'error').map((problem) => problem.sourceId));
    const issuers = new Set(standin.dataset.issuers.filter((issuer) => issuer.institution === institution).map((issuer) => issuer.entityId));
    migrated.push(...standin.dataset.assertions.filter((assertion) => issuers.has(assertion.issuerId) && !left.has(assertion.entityId)));
  }
  const created = Object.values(rows).reduce((sum, row) => sum + row['assertions created'], 0);
  console.table(rows);
  console.log(`MIGRATED ${created} assertions in ${totalSeconds.toFixed(1)} s: ${Math.round(created / totalSeconds)} assertions/s (read from Badgr and written, both institutions)`);

  // A second run over the same source, as the sync runs of a cut-over window: everything unchanged.
  const again = { created: 0, unchanged: 0, updated: 0, skipped: 0, seconds: 0 };
  for (const institution of [0, 1]) {
    const report = await migrate(institution, institutionIds[institution]);
    again.seconds += report.seconds;
    for (const key of ['created', 'unchanged', 'updated', 'skipped']) again[key] += report.run.counts.assertion[key];
  }
  console.log(`SECOND RUN in ${again.seconds.toFixed(1)} s: ${again.created} created, ${again.unchanged} unchanged, ${again.updated} updated, ${again.skipped} skipped${again.created + again.updated === 0 && again.unchanged === created ? ' (nothing changed)' : ' — NOT UNCHANGED'}`);

  // Every migrated assertion, verified by its old URL (which, the domain taken over, is the platform's).
  const tally = {};
  const others = [];
  let differing = 0;
  const queue = [...migrated];
  const verifyStarted = performance.now();
  await Promise.all(Array.from({ length: VERIFY_CONCURRENCY }, async () => {
    for (let assertion = queue.shift(); assertion; assertion = queue.shift()) {
      // The old path answers the same id and recipient (hash and salt) as Badgr's document did; a
      // revoked one answers 410 with its id. Badgr writes the recipient type openBadgeId where OB 2.0 says id.
      const path = `/public/assertions/${assertion.entityId}`;
      const [badgr, ours] = await Promise.all([standin.origin, platform.url].map(async (origin) => {
        const response = await fetch(`${origin}${path}`, { headers: { accept: 'application/ld+json' } });
        return { status: response.status, body: await response.json() };
      }));
      const recipient = badgr.body.recipient && { ...badgr.body.recipient, type: badgr.body.recipient.type === 'openBadgeId' ? 'id' : badgr.body.recipient.type };
      const same = ours.status === (assertion.revoked ? 410 : 200) && ours.body.id === badgr.body.id && isDeepStrictEqual(ours.body.recipient ?? recipient, recipient);
      if (!same) {
        differing += 1;
        if (others.length < 5) others.push(`${assertion.entityId}: ours ${ours.status} ${JSON.stringify({ id: ours.body.id, recipient: ours.body.recipient })}, Badgr ${JSON.stringify({ id: badgr.body.id, recipient })}`);
      }
      const { report } = await call('POST', '/v2/verify', { url: `${standin.publicOrigin}${path}` });
      const errors = report.messages.filter((message) => message.level === 'ERROR').map((message) => message.message).join(' | ');
      const outcome = report.valid ? 'valid' : assertion.revoked && errors.includes(assertion.revocationReason ?? '') ? 'revoked' : /expir/i.test(errors) ? 'expired' : 'other';
      tally[outcome] = (tally[outcome] ?? 0) + 1;
      if (outcome === 'other' && others.length < 5) others.push(`${assertion.entityId}: ${errors}`);
    }
  }));
  const verifySeconds = (performance.now() - verifyStarted) / 1000;
  console.log(`CHECKED at the old path, each against Badgr's document: ${migrated.length - differing} with the same id and recipient, ${differing} differing`);
  console.log(`VERIFIED ${migrated.length} in ${verifySeconds.toFixed(1)} s (${Math.round(migrated.length / verifySeconds)}/s): ${Object.entries(tally).map(([outcome, n]) => `${n} ${outcome}`).join(', ')}`);
  for (const line of others) console.log(`  other: ${line}`);
} finally {
  await standin.close();
  await platform.stop();
}
