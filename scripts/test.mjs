// `npm test`: every pass, on a fresh machine of the kind the README names, with nothing set by hand.
// It finds (or starts) what the suites need, then runs typecheck, lint, jest, the serial, browser and
// Kafka passes in order and stops at the first that fails. A pass that cannot run fails loudly: no
// suite passes by being skipped (issue #20).
//   PostgreSQL: DATABASE_URL if set; else the machine's server on 127.0.0.1:5432 (started with
//               pg_ctlcluster when it is installed but down), database `test`.
//   Redis:      REDIS_URL if set; else 127.0.0.1:6379 (started with redis-server when installed).
//   Chromium:   CHROMIUM_PATH, /usr/bin/chromium, or Debian's package installed with apt-get (as root).
//   Kafka:      KAFKA_BROKERS if set; else a broker started from Maven Central (infra/kafka) for the
//               run and stopped after it.
//   kubectl:    KUBECTL, kubectl on PATH, or Debian's kubernetes-client installed with apt-get (as
//               root): test/deploy renders infra/k8s with `kubectl kustomize` (decision 0051).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';

const root = new URL('..', import.meta.url).pathname;
const env = { ...process.env };
const cleanups = [];

function say(message) {
  process.stdout.write(`[npm test] ${message}\n`);
}

function fail(message) {
  process.stderr.write(`[npm test] cannot run every pass: ${message}\n`);
  stopStarted();
  process.exit(1);
}

function run(command, args, options = {}) {
  return spawnSync(command, args, { cwd: root, env, stdio: 'inherit', ...options });
}

function installed(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function reachable(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function waitUntilReachable(host, port, seconds) {
  for (let i = 0; i < seconds; i += 1) {
    if (await reachable(host, port)) return true;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return false;
}

async function postgres() {
  if (env.DATABASE_URL) return say(`PostgreSQL: ${env.DATABASE_URL.replace(/\/\/[^@]*@/, '//…@')} (DATABASE_URL)`);
  if (!(await reachable('127.0.0.1', 5432)) && installed('pg_ctlcluster') && existsSync('/etc/postgresql')) {
    say('PostgreSQL is installed but down: starting it');
    const version = spawnSync('sh', ['-c', 'ls /etc/postgresql | head -1'], { encoding: 'utf8' }).stdout.trim();
    run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start']);
  }
  if (!(await waitUntilReachable('127.0.0.1', 5432, 30))) fail('no PostgreSQL: set DATABASE_URL, or run a server on 127.0.0.1:5432 (trust auth, database `test`)');
  env.DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/test';
  say(`PostgreSQL: ${env.DATABASE_URL}`);
}

async function redis() {
  if (env.REDIS_URL) return say(`Redis: ${env.REDIS_URL} (REDIS_URL)`);
  if (!(await reachable('127.0.0.1', 6379)) && installed('redis-server')) {
    say('Redis is installed but down: starting it');
    run('redis-server', ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', '6379', '--save', '', '--appendonly', 'no']);
  }
  if (!(await waitUntilReachable('127.0.0.1', 6379, 15))) fail('no Redis: set REDIS_URL, or run redis-server on 127.0.0.1:6379');
  env.REDIS_URL = 'redis://127.0.0.1:6379';
  say(`Redis: ${env.REDIS_URL}`);
}

function chromium() {
  const path = env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path) && !env.CHROMIUM_PATH && installed('apt-get') && process.getuid?.() === 0) {
    say("Chromium is missing: installing Debian's package");
    const apt = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update', '-q'], { env: apt });
    run('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'chromium'], { env: apt });
  }
  if (!existsSync(path)) fail(`no Chromium at ${path}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  env.CHROMIUM_PATH = path;
  say(`Chromium: ${path}`);
}

function kubectl() {
  const path = env.KUBECTL ?? 'kubectl';
  if (!env.KUBECTL && !installed('kubectl') && installed('apt-get') && process.getuid?.() === 0) {
    say("kubectl is missing: installing Debian's kubernetes-client");
    const apt = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update', '-q'], { env: apt });
    run('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'kubernetes-client'], { env: apt });
  }
  if (spawnSync(path, ['version', '--client'], { stdio: 'ignore' }).status !== 0) fail(`no kubectl (${path}): apt-get install -y kubernetes-client, or set KUBECTL`);
  env.KUBECTL = path;
  say(`kubectl: ${path}`);
}

function kafka() {
  if (env.KAFKA_BROKERS) return say(`Kafka: ${env.KAFKA_BROKERS} (KAFKA_BROKERS)`);
  say('Kafka: starting a broker from Maven Central (infra/kafka) for this run');
  if (run('bash', ['infra/kafka/kafka.sh', 'start']).status !== 0) fail('the Kafka broker did not start (infra/kafka/kafka.sh start; it needs Java 17 and Maven Central)');
  cleanups.push(() => run('bash', ['infra/kafka/kafka.sh', 'stop'], { stdio: 'ignore' }));
  env.KAFKA_BROKERS = '127.0.0.1:9092';
}

function stopStarted() {
  while (cleanups.length > 0) cleanups.pop()();
}

const PASSES = ['typecheck', 'lint', 'test:jest', 'test:serial', 'test:browser', 'test:kafka'];

await postgres();
await redis();
chromium();
kubectl();
process.once('SIGINT', () => (stopStarted(), process.exit(130)));
process.once('SIGTERM', () => (stopStarted(), process.exit(143)));
const startedAt = Date.now();
for (const pass of PASSES) {
  // The broker is started only when its pass comes: the earlier passes do not need it, and a broker
  // idling for half an hour would only take memory from them.
  if (pass === 'test:kafka') kafka();
  say(`${pass}…`);
  const result = run('npm', ['run', pass]);
  if (result.status !== 0) {
    stopStarted();
    say(`${pass} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}
stopStarted();
say(`every pass passed in ${Math.round((Date.now() - startedAt) / 60_000)} min`);
