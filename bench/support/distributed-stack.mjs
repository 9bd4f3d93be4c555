// The distributed stack for benchmarks: every service of DISTRIBUTED_SERVICES in its own process
// (compiled tree under dist/; run `npm run build` first), on a scratch PostgreSQL database and a
// fresh Kafka topic namespace and Redis key prefix, on free ports.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const dist = join(new URL('../..', import.meta.url).pathname, 'dist');
const { startServiceProcess } = require(join(dist, 'apps/runner/src/distributed/service-process.js'));
const { DISTRIBUTED_SERVICES, planDistributedStack, portVariable } = require(join(dist, 'apps/runner/src/distributed/distributed-env.js'));
const { createScratchPostgres } = require(join(dist, 'libs/persistence/src/index.js'));

const freePort = () => new Promise((resolve) => { const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); }); });

/**
 * Starts the stack; `extraEnv` goes to every service (e.g. SMTP_URL). Call `stop()` when done.
 * `services` is a getter: a `restart(name)` gives that service a new pid. `kill(name)` SIGKILLs one
 * service (a crash: no shutdown hooks run) and `restart(name)` starts it again on the same port.
 */
export async function startDistributedStack(extraEnv = {}) {
  for (const name of ['DATABASE_URL', 'KAFKA_BROKERS', 'REDIS_URL']) {
    if (!process.env[name]) throw new Error(`${name} is required (PostgreSQL, Kafka and Redis; npm run kafka:start starts a broker)`);
  }
  const database = await createScratchPostgres(process.env.DATABASE_URL);
  const dataDir = mkdtempSync(join(tmpdir(), 'badges-bench-'));
  const ports = {};
  for (const service of DISTRIBUTED_SERVICES) ports[service] = await freePort();
  const run = randomBytes(4).toString('hex');
  const { env } = planDistributedStack({
    ...process.env,
    DATABASE_URL: database.config.url,
    DATA_DIR: dataDir,
    ...Object.fromEntries(DISTRIBUTED_SERVICES.map((service) => [portVariable(service), String(ports[service])])),
    PUBLIC_URL: `http://127.0.0.1:${ports.gateway}`,
    KAFKA_NAMESPACE: `bench${run}`,
    JOBS_PREFIX: `bench-${run}`,
    LOG_LEVEL: 'error',
    NODE_ENV: 'production',
    LOG_FORMAT: 'json',
    ...extraEnv,
  });
  const services = [];
  const stop = async () => {
    for (const service of services.reverse()) await service.stop();
    await database.dispose().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    for (const name of DISTRIBUTED_SERVICES) services.push(await startServiceProcess({ name, port: ports[name], env, distRoot: dist }));
  } catch (error) {
    await stop();
    throw error;
  }
  const find = (name) => {
    const index = services.findIndex((service) => service.name === name);
    if (index < 0) throw new Error(`no service ${name} in the stack`);
    return index;
  };
  const kill = async (name, signal = 'SIGKILL') => services[find(name)].stop(signal);
  const restart = async (name) => {
    const index = find(name);
    await services[index].stop('SIGKILL');
    services[index] = await startServiceProcess({ name, port: ports[name], env, distRoot: dist });
    return services[index].pid;
  };
  return {
    env,
    databaseUrl: database.config.url,
    ports,
    get services() {
      return services.map(({ name, pid }) => ({ name, pid }));
    },
    kill,
    restart,
    stop,
  };
}
