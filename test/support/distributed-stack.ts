import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createScratchPostgres, type ScratchDatabase } from '@badges/persistence';

import { DISTRIBUTED_SERVICES, planDistributedStack, portVariable, type DistributedService } from '../../apps/runner/src/distributed/distributed-env';
import { startServiceProcess, type ServiceProcess } from '../../apps/runner/src/distributed/service-process';
import { freePort } from './free-port';
import { SmtpSink } from './smtp-sink';

const DIST_ROOT = join(__dirname, '../../dist');

export type ServiceName = DistributedService;

/**
 * The distributed stack for integration tests: every service in its own process, on the real
 * PostgreSQL (a scratch database), Kafka (a unique topic namespace) and Redis (a unique key
 * prefix) named by the environment, with a real SMTP server to receive the emails.
 */
export class DistributedStack {
  readonly smtp = new SmtpSink();
  readonly processes: ServiceProcess[] = [];
  env: NodeJS.ProcessEnv = {};
  adminToken = '';
  gatewayUrl = '';
  private database?: ScratchDatabase;
  private dataDir = '';

  /** `env` reaches every service (e.g. OTLP export for the traces suite); `notificationEnv` only notification's. */
  static async start(options: { notificationInstances?: number; notificationEnv?: NodeJS.ProcessEnv; env?: NodeJS.ProcessEnv } = {}): Promise<DistributedStack> {
    const stack = new DistributedStack();
    try {
      await stack.boot(options.notificationInstances ?? 1, options.notificationEnv ?? {}, options.env ?? {});
    } catch (error) {
      // The services already started would outlive the suite (and keep jest from exiting).
      await stack.dispose();
      throw error;
    }
    return stack;
  }

  private async boot(notificationInstances: number, notificationEnv: NodeJS.ProcessEnv, env: NodeJS.ProcessEnv): Promise<void> {
    for (const name of ['DATABASE_URL', 'KAFKA_BROKERS', 'REDIS_URL']) {
      if (!process.env[name]) throw new Error(`${name} must be set for the distributed-stack suites (.ci/run sets it; npm run kafka:start starts Kafka)`);
    }
    this.database = await createScratchPostgres(process.env.DATABASE_URL!);
    this.dataDir = mkdtempSync(join(tmpdir(), 'badges-dist-'));
    const smtpUrl = await this.smtp.start();
    const ports = {} as Record<ServiceName, number>;
    for (const service of DISTRIBUTED_SERVICES) ports[service] = await freePort();
    const run = randomBytes(4).toString('hex');
    const plan = planDistributedStack({
      ...process.env,
      DATABASE_URL: (this.database.config as { url: string }).url,
      DATA_DIR: this.dataDir,
      ...Object.fromEntries(DISTRIBUTED_SERVICES.map((service) => [portVariable(service), String(ports[service])])),
      PUBLIC_URL: `http://127.0.0.1:${ports.gateway}`,
      SMTP_URL: smtpUrl,
      KAFKA_NAMESPACE: `t${run}`,
      JOBS_PREFIX: `badges-test-${run}`,
      // Rate-limit counters live in the shared Redis too: a run must not inherit the last run's counts.
      RATE_LIMIT_PREFIX: `badges-test-${run}:rl`,
      // Webhook receivers in these tests listen on loopback.
      ALLOW_PRIVATE_NETWORK_FETCH: 'true',
      // Suites check that a revoked or withdrawn document shows in verification: keep its cache short.
      VERIFY_CACHE_TTL_SECONDS: '2',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      ...env,
    });
    this.env = plan.env;
    this.adminToken = plan.env.ADMIN_TOKEN!;
    this.gatewayUrl = plan.env.PUBLIC_URL!;
    for (const service of DISTRIBUTED_SERVICES) {
      if (service !== 'notification') {
        await this.startService(service, ports[service]);
        continue;
      }
      for (let index = 0; index < notificationInstances; index += 1) {
        await this.startService('notification', index === 0 ? ports.notification : await freePort(), notificationEnv);
      }
    }
  }

  async startService(name: ServiceName, port?: number, extraEnv: NodeJS.ProcessEnv = {}): Promise<ServiceProcess> {
    const defaultPort = Number(this.env[portVariable(name)]);
    const service = await startServiceProcess({ name, port: port ?? defaultPort, env: { ...this.env, ...extraEnv }, distRoot: DIST_ROOT });
    this.processes.push(service);
    return service;
  }

  /** The scratch PostgreSQL database of this stack, for suites that check rows directly. */
  get databaseUrl(): string {
    return (this.database?.config as { url: string }).url;
  }

  instances(name: ServiceName): ServiceProcess[] {
    return this.processes.filter((service) => service.name === name);
  }

  async stopService(service: ServiceProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    await service.stop(signal);
    this.processes.splice(this.processes.indexOf(service), 1);
  }

  async dispose(): Promise<void> {
    for (const service of [...this.processes].reverse()) await service.stop().catch(() => undefined);
    await this.smtp.stop();
    await this.database?.dispose().catch(() => undefined);
    if (this.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** Polls until `probe` returns true (or throws after `timeoutMs`), for eventually-consistent checks. */
export async function eventually(probe: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for: ${what}`);
}
