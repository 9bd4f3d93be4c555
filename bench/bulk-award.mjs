// Benchmark (issue #4): bulk awarding on the distributed stack (every service its own process, on
// PostgreSQL, Kafka and Redis). One CSV upload of N rows through the gateway, timed
// from the POST to the last row done (job `completed`) and on to the last baked PNG stored; once
// for a hosted badge class and once for a signed one (OB 2.0 only), then, beside them, an award in
// OB 2.0 and 3.0 at once (`both`, decision 0048: every row also signs an OpenBadgeCredential, about
// 6 ms of CPU each, so it runs BENCH_BOTH_ROWS rows, 10,000 by default), checked to have made that
// many assertions AND credentials. Then a baseline in the same database: the raw rate at which
// PostgreSQL inserts the same assertion rows in ONE batched statement.
// Needs DATABASE_URL, KAFKA_BROKERS and REDIS_URL (npm run kafka:start); run `npm run build` first.
// Usage: [BENCH_MODES=hosted,signed,both] [BENCH_BOTH_ROWS=10000] node bench/bulk-award.mjs [rows=100000].
// Each measurement also prints the CPU seconds every process of the stack used (Linux /proc), to show where the time went.
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';

import { cpuSnapshot, formatCpu } from './support/cpu-usage.mjs';
import { startDistributedStack } from './support/distributed-stack.mjs';

const require = createRequire(import.meta.url);
const { Client } = require('pg');

const ROWS = Number(process.argv[2] ?? 100_000);
// Which badge kinds to measure, e.g. BENCH_MODES=hosted while profiling one path.
const MODES = (process.env.BENCH_MODES ?? 'hosted,signed,both').split(',');
const BOTH_ROWS = Number(process.env.BENCH_BOTH_ROWS ?? 10_000);
/** Each mode's badge class: its verification and Open Badges forms, and how many rows it awards. */
const MODE_CLASSES = {
  hosted: { verification: 'hosted', openBadgesVersion: '2.0', rows: ROWS },
  signed: { verification: 'signed', openBadgesVersion: '2.0', rows: ROWS },
  both: { verification: 'hosted', openBadgesVersion: 'both', rows: BOTH_ROWS },
};
const TIMEOUT_MS = 30 * 60_000;

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const perSecond = (ms, rows = ROWS) => `${Math.round(rows / (ms / 1000))} rows/s`;

// No award asks for an email, so SMTP is never reached.
const stack = await startDistributedStack({ SMTP_URL: 'smtp://127.0.0.1:9' });
const { env } = stack;
const db = new Client({ connectionString: stack.databaseUrl });
try {
  await db.connect();
  const base = env.PUBLIC_URL;
  const call = async (path, { token, body, headers = {}, method = body === undefined ? 'GET' : 'POST' } = {}) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { ...(typeof body === 'object' ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'object' ? JSON.stringify(body) : body }),
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return JSON.parse(text);
  };
  const institution = await call('/admin/institutions', { token: env.ADMIN_TOKEN, body: { name: 'Bench' } });
  const token = (await call('/o/token', { body: { grant_type: 'client_credentials', client_id: institution.client.clientId, client_secret: institution.client.clientSecret } })).access_token;
  const issuer = (await call('/v2/issuers', { token, body: { name: 'Bench Faculty', email: 'b@bench.example', url: 'https://bench.example' } })).result[0];
  const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
  const count = async (sql, params) => (await db.query(sql, params)).rows[0].n;

  const measure = async (label, { verification, openBadgesVersion, rows }) => {
    const badgeClass = (await call(`/v2/issuers/${issuer.entityId}/badgeclasses`, { token, body: { name: `Bench ${label}`, description: 'd', image: png, criteriaNarrative: 'c', verification, openBadgesVersion } })).result[0];
    const csv = ['email,name', ...Array.from({ length: rows }, (_, i) => `l${i}.${label}@bench.example,Learner ${i}`)].join('\n');
    const cpu = cpuSnapshot(stack.services);
    const started = performance.now();
    const job = (await call(`/v2/badgeclasses/${badgeClass.entityId}/bulk-awards`, { token, body: csv, headers: { 'content-type': 'text/csv' } })).result[0];
    const accepted = performance.now();
    let doneAt = 0;
    let bakedAt = 0;
    for (;;) {
      if (!doneAt) {
        const state = (await call(`/v2/bulk-awards/${job.jobId}`, { token })).result[0];
        if (state.status === 'failed') throw new Error(`bulk award failed: ${JSON.stringify(state)}`);
        if (state.status === 'completed') {
          if (state.done !== rows) throw new Error(`completed with ${state.done} of ${rows} awarded: ${JSON.stringify(state.errors.slice(0, 3))}`);
          doneAt = performance.now();
        }
      }
      // Counted only once the rows are done: the count itself costs PostgreSQL a scan, which
      // polled throughout took CPU from the run it measures.
      const baked = doneAt
        ? await count('SELECT count(*)::int AS n FROM issuer.baked_images b JOIN issuer.assertions a ON a.id = b."assertionId" WHERE a."badgeClassId" = $1', [badgeClass.entityId])
        : 0;
      if (doneAt && baked >= rows) { bakedAt = performance.now(); break; }
      if (performance.now() - started > TIMEOUT_MS) throw new Error(`timed out (${label}): ${baked} baked`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const cpuUsed = formatCpu(cpu.since());
    // Every row is one award: one assertion, and in `both` one credential too (the OB 2.0 PNGs are baked either way).
    const made = (await db.query(
      'SELECT count(*)::int AS assertions, count("credential")::int AS credentials, count(DISTINCT "statusListIndex")::int AS indexes FROM issuer.assertions WHERE "badgeClassId" = $1',
      [badgeClass.entityId],
    )).rows[0];
    const credentialsWanted = openBadgesVersion === '2.0' ? 0 : rows;
    if (made.assertions !== rows || made.credentials !== credentialsWanted || made.indexes !== credentialsWanted) {
      throw new Error(`${label}: ${rows} rows made ${made.assertions} assertions and ${made.credentials} credentials (${made.indexes} status indexes); expected ${rows} and ${credentialsWanted}`);
    }
    const forms = openBadgesVersion === '2.0' ? 'OB 2.0' : 'OB 2.0 + 3.0';
    console.log(`${label.padEnd(6)}  ${rows} rows (${forms}): 202 after ${seconds(accepted - started)}; all rows done ${seconds(doneAt - started)} (${perSecond(doneAt - started, rows)}); all PNGs baked ${seconds(bakedAt - started)} (${perSecond(bakedAt - started, rows)}); ${made.assertions} assertions, ${made.credentials} credentials`);
    console.log(`        CPU used by process: ${cpuUsed}`);
    return doneAt - started;
  };

  console.log(`machine: ${cpus().length} cores (${cpus()[0].model}), ${Math.round(totalmem() / 2 ** 30)} GB, node ${process.version}`);
  console.log(`bulk award of ${ROWS} rows (OB 2.0) and ${BOTH_ROWS} rows (both), one CSV upload each, distributed stack (every service its own process; PostgreSQL, Kafka, Redis)`);
  const took = {};
  for (const mode of MODES) took[mode] = await measure(mode, MODE_CLASSES[mode]);
  if (took.both !== undefined) {
    const beside = MODES.filter((mode) => mode !== 'both').map((mode) => `${mode} (2.0 only) ${perSecond(took[mode], MODE_CLASSES[mode].rows)}`);
    console.log(`rows done: ${[...beside, `both (2.0 + 3.0) ${perSecond(took.both, BOTH_ROWS)}`].join(' | ')}`);
  }

  // Baseline: the same rows straight into a copy of the assertions table, one INSERT ... SELECT.
  await db.query('CREATE TABLE issuer.bench_assertions (LIKE issuer.assertions INCLUDING ALL)');
  const sample = (await db.query('SELECT * FROM issuer.assertions LIMIT 1')).rows[0];
  const started = performance.now();
  await db.query(
    `INSERT INTO issuer.bench_assertions
       ("id","institutionId","issuerId","badgeClassId","recipientType","recipientIdentity","recipientHashed","recipientSalt","recipientLookup","issuedOn","notify","updatedAt")
     SELECT 'bench' || g, $1, $2, $3, 'email', 'sha256$' || md5(g::text) || md5(g::text), true, md5(g::text), md5('l' || g), now(), false, now()
     FROM generate_series(1, $4::int) g`,
    [sample.institutionId, sample.issuerId, sample.badgeClassId, ROWS],
  );
  const inserted = performance.now() - started;
  console.log(`baseline: PostgreSQL inserts ${ROWS} assertion rows in one batched statement in ${seconds(inserted)} (${perSecond(inserted)})`);
} finally {
  await db.end().catch(() => undefined);
  await stack.stop();
}
