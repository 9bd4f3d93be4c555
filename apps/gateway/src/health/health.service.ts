import { Inject, Injectable } from '@nestjs/common';

import type { Database } from '@badges/persistence';
import type { ServiceClient } from '@badges/service-kit';

import { GATEWAY_DATABASE, SERVICE_CLIENTS } from '../gateway.tokens';

export type Health = 'up' | 'down';

export interface HealthReport {
  status: 'ok' | 'unavailable';
  services: Record<string, Health>;
  dependencies: { database: Health };
}

/** A probe that hangs counts as down: health must answer quickly for load balancers. */
const PROBE_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  constructor(
    @Inject(GATEWAY_DATABASE) private readonly database: Database,
    @Inject(SERVICE_CLIENTS) private readonly services: Record<string, ServiceClient>,
  ) {}

  async check(): Promise<HealthReport> {
    const names = Object.keys(this.services).sort();
    const [database, ...serviceStates] = await Promise.all([
      probe(async () => (await this.database.query('SELECT 1')).length === 1),
      ...names.map((name) =>
        probe(async () => (await this.services[name].request({ method: 'GET', url: '/health', headers: { accept: 'application/json' } })).status === 200),
      ),
    ]);
    const services: Record<string, Health> = { gateway: 'up' };
    names.forEach((name, index) => (services[name] = serviceStates[index]));
    const allUp = database === 'up' && serviceStates.every((state) => state === 'up');
    return { status: allUp ? 'ok' : 'unavailable', services, dependencies: { database } };
  }
}

async function probe(check: () => Promise<boolean>): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS)));
  try {
    return (await Promise.race([check(), timeout])) ? 'up' : 'down';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}
