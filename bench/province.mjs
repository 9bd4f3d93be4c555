// Benchmark (issue #20): a provincial load on the distributed stack (every service its own
// process; PostgreSQL, Kafka, Redis) for a fixed time, every request loop bounded: institutions
// with issuers, badge classes and award clients; bulk awards arriving over time; a steady stream of
// single awards and revocations; learners signing up, confirming, accepting, sharing and connecting
// a Badge Connect wallet that pulls their badges; public reads and verifications at least
// `--reads-per-award` per single award. Then it waits (bounded) for the pipelines to drain and
// checks that nothing was lost or doubled: per award one assertion, one passport entry, one email
// and one webhook per subscribed endpoint. The report (markdown) goes to stdout and bench/results/.
//
// With --chaos: the issuer is SIGKILLed at half time and started again, and the Kafka broker is
// restarted (infra/kafka/kafka.sh stop, start) at two thirds. Both runs must lose nothing.
//
// Needs DATABASE_URL, KAFKA_BROKERS and REDIS_URL; --chaos also needs the kafka.sh that started
// the broker (BENCH_KAFKA_SCRIPT, default this checkout's infra/kafka/kafka.sh).
// Usage: npm run bench:province [-- --minutes 10 --institutions 50 --bulk-rows 5000,10000,20000 --chaos]
// (flags and defaults: bench/support/province/args.mjs; docs/capacity.md reads the figures).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

import { startDistributedStack } from './support/distributed-stack.mjs';
import { parseProvinceArgs } from './support/province/args.mjs';
import { sleep } from './support/province/bounded.mjs';
import { checkExactlyOnce, deliveryStatuses, drain } from './support/province/check.mjs';
import { Ledger } from './support/province/ledger.mjs';
import { startMonitor } from './support/province/monitor.mjs';
import { provinceReport } from './support/province/report.mjs';
import { gatewayClient, RequestLog } from './support/province/requests.mjs';
import { seedProvince } from './support/province/seed.mjs';
import { startSmtpSink, startWebhookReceiver } from './support/province/sinks.mjs';
import { runWorkload } from './support/province/workload.mjs';

const root = new URL('..', import.meta.url).pathname;
const { Client } = createRequire(import.meta.url)('pg');
const options = parseProvinceArgs(process.argv.slice(2));
const mode = options.chaos ? 'chaos: issuer SIGKILL + restart at 1/2, Kafka broker restart at 2/3' : 'steady';
const kafkaScript = process.env.BENCH_KAFKA_SCRIPT ?? join(root, 'infra/kafka/kafka.sh');
const progress = (text) => process.stderr.write(`[bench:province ${new Date().toISOString().slice(11, 19)}] ${text}\n`);
const kafka = (command) => spawnSync('bash', [kafkaScript, command], { encoding: 'utf8' });

if (options.chaos && kafka('status').status !== 0) {
  console.error(`--chaos restarts the Kafka broker with ${kafkaScript}, which says no broker of its own runs. Set BENCH_KAFKA_SCRIPT to the kafka.sh that started it.`);
  process.exit(1);
}

const metricsToken = randomBytes(16).toString('hex');
const smtp = await startSmtpSink();
const webhooks = await startWebhookReceiver();
const unlimited = '1000000/60';
const stack = await startDistributedStack({
  SMTP_URL: smtp.url,
  METRICS_TOKEN: metricsToken,
  // Webhooks to the bench's receiver and verification of this stack's own URLs, both on loopback.
  ALLOW_PRIVATE_NETWORK_FETCH: 'true',
  VERIFY_ALLOWED_PRIVATE_ADDRESSES: '127.0.0.1',
  // The whole province comes from one address: the per-address limits would measure themselves.
  RATE_LIMIT_OAUTH_TOKEN_PER_IP: unlimited,
  RATE_LIMIT_SIGNUP_PER_IP: unlimited,
  RATE_LIMIT_SIGN_IN_PER_IP: unlimited,
  RATE_LIMIT_CONFIRM_EMAIL_PER_IP: unlimited,
  RATE_LIMIT_VERIFY_PER_IP: unlimited,
  RATE_LIMIT_BADGE_CONNECT_AUTHORIZE_PER_IP: unlimited,
  RATE_LIMIT_BADGE_CONNECT_TOKEN_PER_IP: unlimited,
});
const db = new Client({ connectionString: stack.databaseUrl });
const log = new RequestLog();
const call = gatewayClient(stack.env.PUBLIC_URL, log);
let exitCode = 1;
let monitor;
try {
  await db.connect();
  progress(`stack up; seeding ${options.institutions} institutions`);
  const province = await seedProvince(call, stack.env.ADMIN_TOKEN, options, webhooks.url);
  log.kinds.delete('setup');

  const ledger = new Ledger();
  const startedAt = performance.now();
  const runMs = options.minutes * 60_000;
  const deadline = startedAt + runMs;
  const events = [];
  const at = (text) => {
    events.push(`${((performance.now() - startedAt) / 1000).toFixed(0)} s: ${text}`);
    progress(text);
  };
  monitor = startMonitor({
    stack,
    metricsToken,
    namespace: stack.env.KAFKA_NAMESPACE,
    everySeconds: options.scrapeSeconds,
    startedAt,
    counters: () => ({ emails: smtp.sink.total, webhooks: webhooks.receiver.total }),
  });
  progress(`load for ${options.minutes} min (${mode})`);

  const chaos = async () => {
    if (!options.chaos) return;
    await sleep(runMs / 2);
    at('issuer SIGKILLed');
    const pid = await stack.restart('issuer');
    at(`issuer started again (pid ${pid}) and healthy`);
    await sleep(Math.max(0, startedAt + (runMs * 2) / 3 - performance.now()));
    at('Kafka broker stopping');
    const stopped = kafka('stop');
    at(`Kafka broker stopped (${stopped.status === 0 ? 'ok' : `exit ${stopped.status}: ${stopped.stderr.trim()}`}); starting`);
    const started = kafka('start');
    at(`Kafka broker started (${started.status === 0 ? 'ok' : `exit ${started.status}: ${started.stderr.trim()}`})`);
  };
  const [workload] = await Promise.all([runWorkload({ call, log, base: stack.env.PUBLIC_URL, options, province, ledger, sink: smtp.sink, deadline, startedAt }), chaos()]);
  const runSeconds = (performance.now() - startedAt) / 1000;
  const requests = log.summary(runSeconds);
  at(`load stopped; draining (at most ${options.drainMinutes} min)`);
  const drained = await drain({ call, db, ledger, province, sink: smtp.sink, receiver: webhooks.receiver, drainMs: options.drainMinutes * 60_000, stallMs: options.stallSeconds * 1000 });
  events.push(`deliveries at the end: ${await deliveryStatuses(db)}`);
  await monitor.stop();
  monitor.wallSeconds = (performance.now() - startedAt) / 1000;
  const check = await checkExactlyOnce({ db, ledger, province, sink: smtp.sink, receiver: webhooks.receiver });
  const machine = `${cpus().length} cores (${cpus()[0].model}), ${Math.round(totalmem() / 2 ** 30)} GB, node ${process.version}`;
  const report = provinceReport({ machine, options, mode, runSeconds, requests, workload, ledger, monitor, events, drained, check });
  console.log(report);
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  const file = join(root, 'bench/results', `province-${options.chaos ? 'chaos' : 'steady'}-${new Date().toISOString().replace(/[:.]/g, '-')}.md`);
  writeFileSync(file, `${report}\n`);
  progress(`report written to ${file}`);
  exitCode = check.failures.length === 0 && drained.reached ? 0 : 1;
} finally {
  await monitor?.stop();
  await db.end().catch(() => undefined);
  await stack.stop();
  await smtp.stop();
  await webhooks.stop();
  // A chaos run must never leave the shared broker stopped.
  if (options.chaos && kafka('status').status !== 0) kafka('start');
}
process.exit(exitCode);
