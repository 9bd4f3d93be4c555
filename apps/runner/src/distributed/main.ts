import { join } from 'node:path';

import { planDistributedStack } from './distributed-env';
import { startServiceProcess, type ServiceProcess } from './service-process';

/**
 * `npm run start:distributed`: every service in its own process, on PostgreSQL, Kafka and Redis.
 * Services start in dependency order; the gateway last, once the services it forwards to answer.
 */
export async function main(): Promise<void> {
  const plan = planDistributedStack(process.env);
  const distRoot = join(__dirname, '..', '..', '..', '..');
  const started: ServiceProcess[] = [];
  const stopAll = async () => {
    for (const service of [...started].reverse()) await service.stop();
  };
  process.once('SIGINT', () => void stopAll().then(() => process.exit(0)));
  process.once('SIGTERM', () => void stopAll().then(() => process.exit(0)));
  try {
    for (const [name, port] of [['issuer', plan.ports.issuer], ['notification', plan.ports.notification], ['verification', plan.ports.verification], ['passport', plan.ports.passport], ['gateway', plan.ports.gateway]] as const) {
      started.push(await startServiceProcess({ name, port, env: plan.env, distRoot, echo: true }));
    }
  } catch (error) {
    await stopAll();
    throw error;
  }
  process.stdout.write(
    `\nOpen Badges platform (distributed) ready at ${plan.env.PUBLIC_URL}\n` +
      started.map((service) => `  ${service.name.padEnd(13)} pid ${service.pid}  ${service.url}`).join('\n') +
      `\n  Admin token in ${plan.adminTokenFile}\n`,
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
