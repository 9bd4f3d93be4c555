// Benchmark (issues #3, #20): side effects per second on the distributed stack. Awards go in as
// batched requests (issuer: rows + outbox in one transaction), through the relay, Kafka and the
// notification consumer (delivery rows committed, batch jobs on BullMQ), and out as emails to a
// local SMTP sink and webhooks to a local HTTP receiver with one endpoint subscribed to awards.
// Prints each channel's rate over its own sending window, the time from the first award request
// to the last delivery, and a lost/doubled check: emails counted per recipient at the sink and
// webhooks per assertion id at the receiver, against the notification's delivery rows.
// Needs DATABASE_URL, KAFKA_BROKERS and REDIS_URL (npm run kafka:start); run
// `node scripts/build.mjs --no-web` first. BENCH_PROFILE_DIR=<dir> writes a CPU profile of every
// service for the whole run (bench/support/cpu-profile.cjs).
// By default the email and webhook queues are paused (BullMQ, for every worker) while the awards
// go in and the rows are written, then resumed one after the other (emails, then webhooks): each
// rate is then that channel's alone, draining a backlog, which is what a large award asks of the
// platform. `--live` leaves them running, so deliveries
// follow the awards (and cannot go faster than they come in).
// Usage: node bench/events.mjs [awards=5000] [--live]
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';

import { startDistributedStack } from './support/distributed-stack.mjs';

const require = createRequire(import.meta.url);
const { SMTPServer } = require('smtp-server');
const { Client } = require('pg');
const { Queue } = require('bullmq');
const { Redis } = require('ioredis');

const args = process.argv.slice(2);
const LIVE = args.includes('--live');
const AWARDS = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 5000);
const BATCH = 100;
const PARALLEL_REQUESTS = 4;
const TIMEOUT_MS = 900_000;

/** CPU seconds (user + system) each service process has used so far, from /proc (Linux). */
const cpuSeconds = (services) => {
  const used = {};
  for (const { name, pid } of services) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      used[name] = (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      used[name] = NaN;
    }
  }
  const own = process.cpuUsage();
  used['bench (the sinks)'] = (own.user + own.system) / 1e6;
  return used;
};

/** The whole machine's busy and total CPU ticks so far (/proc/stat: every process, PostgreSQL and Redis included). */
const machineTicks = () => {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const idle = fields[3] + fields[4];
  const total = fields.reduce((sum, n) => sum + n, 0);
  return { busy: total - idle, total };
};

/** Arrival times and counts per key (recipient; assertion id). */
const sink = () => ({ first: 0, last: 0, total: 0, byKey: new Map() });
const count = (s, key) => {
  const now = performance.now();
  if (!s.first) s.first = now;
  s.last = now;
  s.total += 1;
  s.byKey.set(key, (s.byKey.get(key) ?? 0) + 1);
};
const emails = sink();
const webhooks = sink();

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, cb) {
    stream.resume();
    stream.on('end', () => {
      for (const rcpt of session.envelope.rcptTo) count(emails, rcpt.address);
      cb();
    });
  },
});
await new Promise((r) => smtp.listen(0, '127.0.0.1', r));
const receiver = createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    const event = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    count(webhooks, event.payload?.assertionId ?? event.eventId);
    response.writeHead(200).end();
  });
});
receiver.keepAliveTimeout = 5_000;
await new Promise((r) => receiver.listen(0, '127.0.0.1', r));

const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;
const profile = PROFILE_DIR ? { NODE_OPTIONS: `--require ${new URL('./support/cpu-profile.cjs', import.meta.url).pathname}` } : {};
const stack = await startDistributedStack({ SMTP_URL: `smtp://127.0.0.1:${smtp.server.address().port}`, ALLOW_PRIVATE_NETWORK_FETCH: 'true', ...profile });
const { env } = stack;
const db = new Client({ connectionString: stack.databaseUrl });
try {
  const base = env.PUBLIC_URL;
  const json = (token) => ({ 'content-type': 'application/json', authorization: `Bearer ${token}` });
  const post = async (path, token, body) => {
    const response = await fetch(`${base}${path}`, { method: 'POST', headers: json(token), body: JSON.stringify(body) });
    if (response.status >= 300) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  const institution = await post('/admin/institutions', env.ADMIN_TOKEN, { name: 'Bench' });
  const token = (await (await fetch(`${base}/o/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ grant_type: 'client_credentials', client_id: institution.client.clientId, client_secret: institution.client.clientSecret }) })).json()).access_token;
  const issuer = (await post('/v2/issuers', token, { name: 'Bench Faculty', email: 'b@bench.example', url: 'https://bench.example' })).result[0];
  const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
  const badgeClass = (await post(`/v2/issuers/${issuer.entityId}/badgeclasses`, token, { name: 'Bench Badge', description: 'd', image: png, criteriaNarrative: 'c' })).result[0];
  await post('/v2/webhooks', token, { url: `http://127.0.0.1:${receiver.address().port}/hook`, events: ['badges.assertion.issued.v1'] });
  await db.connect();
  const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
  const queues = ['email', 'webhook'].map((name) => new Queue(name, { connection: redis, prefix: env.JOBS_PREFIX }));
  if (!LIVE) for (const queue of queues) await queue.pause();

  const started = performance.now();
  const batches = Array.from({ length: Math.ceil(AWARDS / BATCH) }, (_, b) => b);
  const worker = async () => {
    while (batches.length > 0) {
      const b = batches.shift();
      const assertions = Array.from({ length: Math.min(BATCH, AWARDS - b * BATCH) }, (_, i) => ({ recipient: { identity: `l${b * BATCH + i}@bench.example` }, notify: true }));
      await post(`/v2/badgeclasses/${badgeClass.entityId}/issue`, token, { assertions });
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_REQUESTS }, worker));
  const awarded = performance.now();
  let written = started;
  if (!LIVE) {
    for (;;) {
      const { rows } = await db.query(`SELECT (SELECT count(*) FROM notification.email_deliveries)::int AS emails, (SELECT count(*) FROM notification.webhook_deliveries)::int AS webhooks`);
      if (rows[0].emails >= AWARDS && rows[0].webhooks >= AWARDS) break;
      if (performance.now() - started > TIMEOUT_MS) throw new Error(`timed out: ${rows[0].emails} email rows, ${rows[0].webhooks} webhook rows`);
      await new Promise((r) => setTimeout(r, 100));
    }
    written = performance.now();
  }
  // One channel at a time, so each rate is its own: emails, then webhooks.
  const drain = async (queue, sink) => {
    sink.cpuBefore = cpuSeconds(stack.services);
    sink.machineBefore = machineTicks();
    if (!LIVE) {
      console.log(`draining the ${queue.name} queue...`);
      sink.resumed = performance.now();
      await queue.resume();
    }
    for (;;) {
      if (sink.total >= AWARDS) break;
      if (performance.now() - started > TIMEOUT_MS) throw new Error(`timed out: ${emails.total} emails, ${webhooks.total} webhooks`);
      await new Promise((r) => setTimeout(r, 20));
    }
    sink.cpuAfter = cpuSeconds(stack.services);
    sink.machineAfter = machineTicks();
  };
  await drain(queues[0], emails);
  await drain(queues[1], webhooks);
  for (;;) {
    if (emails.total >= AWARDS && webhooks.total >= AWARDS) break;
    if (performance.now() - started > TIMEOUT_MS) throw new Error(`timed out: ${emails.total} emails, ${webhooks.total} webhooks`);
    await new Promise((r) => setTimeout(r, 100));
  }
  // A moment more, so a late duplicate would still be counted.
  await new Promise((r) => setTimeout(r, 2_000));

  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  const rate = (n, ms) => `${(n / (ms / 1000)).toFixed(0)} /s`;
  // Paused: from the resume to the last delivery. Live: from the first delivery to the last.
  const window = (c) => c.last - (LIVE ? c.first : c.resumed);
  console.log(`machine: ${cpus().length} cores (${cpus()[0].model}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
  console.log(`awards: ${AWARDS} in batches of ${BATCH}, ${PARALLEL_REQUESTS} requests in flight; one webhook endpoint subscribed; ${LIVE ? 'live' : 'queues paused until every row was written'}`);
  console.log(`awards committed (rows + outbox):  ${s(awarded - started)}  (${rate(AWARDS, awarded - started)})`);
  if (!LIVE) console.log(`every delivery row written:        ${s(written - started)}`);
  const from = LIVE ? 'from the first to the last' : 'from its queue\'s resume to the last';
  console.log(`emails:   ${emails.total} in ${s(window(emails))} ${from}  (${rate(emails.total, window(emails))} emails)`);
  console.log(`webhooks: ${webhooks.total} in ${s(window(webhooks))} ${from}  (${rate(webhooks.total, window(webhooks))} webhooks)`);
  if (!LIVE) {
    // Where the CPU went while each channel drained (the rows were all written before).
    const perDelivery = (c) =>
      Object.entries(c.cpuAfter)
        .map(([name, after]) => [name, ((after - c.cpuBefore[name]) * 1000) / c.total])
        .filter(([, ms]) => ms >= 0.05)
        .map(([name, ms]) => `${name} ${ms.toFixed(2)}`)
        .join(', ');
    const machineBusy = (c) => `${((100 * (c.machineAfter.busy - c.machineBefore.busy)) / (c.machineAfter.total - c.machineBefore.total)).toFixed(0)} %`;
    console.log(`CPU ms per email while draining:   ${perDelivery(emails)}; the machine ${machineBusy(emails)} busy`);
    console.log(`CPU ms per webhook while draining: ${perDelivery(webhooks)}; the machine ${machineBusy(webhooks)} busy`);
  }
  console.log(`first award request -> last email:   ${s(emails.last - started)}`);
  console.log(`first award request -> last webhook: ${s(webhooks.last - started)}`);

  // Lost or doubled: the sink's counts against the delivery rows.
  const emailRows = (await db.query(`SELECT "to", status FROM notification.email_deliveries`)).rows;
  const webhookRows = (await db.query(`SELECT body::json->'payload'->>'assertionId' AS "assertionId", status FROM notification.webhook_deliveries`)).rows;
  const check = (name, rows, key, sinkCounts, doneStatus) => {
    const lost = rows.filter((row) => !sinkCounts.byKey.has(row[key])).length;
    const doubled = [...sinkCounts.byKey.values()].filter((n) => n > 1).length;
    const notDone = rows.filter((row) => row.status !== doneStatus).length;
    const known = new Set(rows.map((row) => row[key]));
    const strangers = [...sinkCounts.byKey.keys()].filter((k) => !known.has(k)).length;
    console.log(`${name}: ${rows.length} rows, ${sinkCounts.byKey.size} distinct at the sink; lost ${lost}, doubled ${doubled}, rows not ${doneStatus} ${notDone}, unknown at the sink ${strangers}`);
    return lost + doubled + notDone + strangers === 0;
  };
  const ok = check('emails  ', emailRows, 'to', emails, 'sent') & check('webhooks', webhookRows, 'assertionId', webhooks, 'delivered');
  if (!ok) process.exitCode = 1;
  for (const queue of queues) await queue.close();
  await redis.quit();
} finally {
  await db.end().catch(() => undefined);
  await stack.stop();
  await new Promise((r) => smtp.close(r));
  receiver.closeAllConnections();
  await new Promise((r) => receiver.close(r));
}
