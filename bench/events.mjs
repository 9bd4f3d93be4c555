// Benchmark (issue #3): events per second end to end on the distributed stack, from the award
// requests (issuer: rows + outbox in one transaction) through the relay, Kafka and the
// notification consumer, to the email being queued (delivery row committed, job on BullMQ), and
// on to the email being sent to a local SMTP server.
// Needs DATABASE_URL, KAFKA_BROKERS and REDIS_URL (npm run kafka:start); run `npm run build` first.
// Usage: node bench/events.mjs [awards=5000]
import { createRequire } from 'node:module';
import { cpus } from 'node:os';

import { startDistributedStack } from './support/distributed-stack.mjs';

const require = createRequire(import.meta.url);
const { SMTPServer } = require('smtp-server');
const { Client } = require('pg');

const AWARDS = Number(process.argv[2] ?? 5000);
const BATCH = 100;
const PARALLEL_REQUESTS = 4;

let sent = 0;
const smtp = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS'], logger: false, onData(stream, _s, cb) { stream.resume(); stream.on('end', () => { sent += 1; cb(); }); } });
await new Promise((r) => smtp.listen(0, '127.0.0.1', r));
const stack = await startDistributedStack({ SMTP_URL: `smtp://127.0.0.1:${smtp.server.address().port}` });
const { env } = stack;
const db = new Client({ connectionString: stack.databaseUrl });
try {
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
  await stack.stop();
  await new Promise((r) => smtp.close(r));
}
