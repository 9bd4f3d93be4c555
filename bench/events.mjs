// Benchmark (issue #3): events per second end to end on the distributed stack, from the award
// requests (issuer: rows + outbox in one transaction) through the relay, Kafka and the
// notification consumer, to the email being queued (delivery row committed, job on BullMQ), and
// on to the email being sent to a local SMTP server.
// Needs DATABASE_URL, KAFKA_BROKERS and REDIS_URL (npm run kafka:start); run `npm run build` first.
// Usage: node bench/events.mjs [awards=5000]
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');
const { startServiceProcess } = require(join(dist, 'apps/runner/src/distributed/service-process.js'));
const { planDistributedStack } = require(join(dist, 'apps/runner/src/distributed/distributed-env.js'));
const { createScratchPostgres } = require(join(dist, 'libs/persistence/src/index.js'));
const { SMTPServer } = require('smtp-server');
const { Client } = require('pg');

const AWARDS = Number(process.argv[2] ?? 5000);
const BATCH = 100;
const PARALLEL_REQUESTS = 4;

for (const name of ['DATABASE_URL', 'KAFKA_BROKERS', 'REDIS_URL']) {
  if (!process.env[name]) throw new Error(`${name} is required (see the header of this file)`);
}
const freePort = () => new Promise((resolve) => { const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); }); });

let sent = 0;
const smtp = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS'], logger: false, onData(stream, _s, cb) { stream.resume(); stream.on('end', () => { sent += 1; cb(); }); } });
await new Promise((r) => smtp.listen(0, '127.0.0.1', r));
const database = await createScratchPostgres(process.env.DATABASE_URL);
const dataDir = mkdtempSync(join(tmpdir(), 'badges-bench-events-'));
const ports = { gateway: await freePort(), issuer: await freePort(), notification: await freePort(), endorsement: await freePort() };
const run = randomBytes(4).toString('hex');
const { env } = planDistributedStack({
  ...process.env, DATABASE_URL: database.config.url, DATA_DIR: dataDir, PORT: String(ports.gateway), ISSUER_PORT: String(ports.issuer),
  NOTIFICATION_PORT: String(ports.notification), ENDORSEMENT_PORT: String(ports.endorsement), PUBLIC_URL: `http://127.0.0.1:${ports.gateway}`, SMTP_URL: `smtp://127.0.0.1:${smtp.server.address().port}`,
  KAFKA_NAMESPACE: `bench${run}`, JOBS_PREFIX: `bench-${run}`, LOG_LEVEL: 'error', NODE_ENV: 'production', LOG_FORMAT: 'json',
});
const services = [];
const db = new Client({ connectionString: database.config.url });
try {
  for (const [name, port] of [['issuer', ports.issuer], ['notification', ports.notification], ['endorsement', ports.endorsement], ['gateway', ports.gateway]]) {
    services.push(await startServiceProcess({ name, port, env, distRoot: dist }));
  }
  const base = env.PUBLIC_URL;
  const json = (token) => ({ 'content-type': 'application/json', authorization: `Bearer ${token}` });
  const institution = await (await fetch(`${base}/admin/institutions`, { method: 'POST', headers: json(env.ADMIN_TOKEN), body: JSON.stringify({ name: 'Bench' }) })).json();
  const token = (await (await fetch(`${base}/o/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ grant_type: 'client_credentials', client_id: institution.client.clientId, client_secret: institution.client.clientSecret }) })).json()).access_token;
  const issuer = (await (await fetch(`${base}/v2/issuers`, { method: 'POST', headers: json(token), body: JSON.stringify({ name: 'Bench Faculty', email: 'b@bench.example', url: 'https://bench.example' }) })).json()).result[0];
  const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
  const badgeClass = (await (await fetch(`${base}/v2/issuers/${issuer.entityId}/badgeclasses`, { method: 'POST', headers: json(token), body: JSON.stringify({ name: 'Bench Badge', description: 'd', image: png, criteriaNarrative: 'c' }) })).json()).result[0];
  await db.connect();

  const started = performance.now();
  const batches = Array.from({ length: Math.ceil(AWARDS / BATCH) }, (_, b) => b);
  const worker = async () => {
    while (batches.length > 0) {
      const b = batches.shift();
      const assertions = Array.from({ length: Math.min(BATCH, AWARDS - b * BATCH) }, (_, i) => ({ recipient: { identity: `l${b * BATCH + i}@bench.example` }, notify: true }));
      const response = await fetch(`${base}/v2/badgeclasses/${badgeClass.entityId}/issue`, { method: 'POST', headers: json(token), body: JSON.stringify({ assertions }) });
      if (response.status !== 201) throw new Error(`award batch failed: ${response.status} ${await response.text()}`);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_REQUESTS }, worker));
  const awarded = performance.now();
  let queuedAt = 0;
  for (;;) {
    const { rows } = await db.query('SELECT count(*)::int AS n FROM notification.email_deliveries');
    if (rows[0].n >= AWARDS && !queuedAt) queuedAt = performance.now();
    if (queuedAt && sent >= AWARDS) break;
    if (performance.now() - started > 600_000) throw new Error(`timed out: ${rows[0].n} queued, ${sent} sent`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const sentAt = performance.now();
  const rate = (ms) => (AWARDS / (ms / 1000)).toFixed(0);
  console.log(`machine: ${cpus().length} cores (${cpus()[0].model}), node ${process.version}`);
  console.log(`awards: ${AWARDS} in batches of ${BATCH}, ${PARALLEL_REQUESTS} requests in flight`);
  console.log(`awards committed (rows + outbox):   ${((awarded - started) / 1000).toFixed(2)} s  (${rate(awarded - started)} /s)`);
  console.log(`issue -> email queued (end to end): ${((queuedAt - started) / 1000).toFixed(2)} s  (${rate(queuedAt - started)} events/s)`);
  console.log(`issue -> email sent over SMTP:      ${((sentAt - started) / 1000).toFixed(2)} s  (${rate(sentAt - started)} emails/s)`);
} finally {
  await db.end().catch(() => undefined);
  for (const service of services.reverse()) await service.stop();
  await database.dispose().catch(() => undefined);
  await new Promise((r) => smtp.close(r));
  rmSync(dataDir, { recursive: true, force: true });
}
