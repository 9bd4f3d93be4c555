import { collectDefaultMetrics, register, type Registry } from 'prom-client';

/**
 * The one registry of this process (decision 0050). It is prom-client's global registry on
 * purpose: libs/jobs and libs/messaging sit below service-kit and cannot import it, so they
 * register their figures with prom-client directly, and everything meets here. In the embedded
 * runner every service shares it, so each service's own figures carry a `service` label.
 */
export const metricsRegistry: Registry = register;

let defaultsCollected = false;

/** Node's own figures (CPU, memory, event loop lag, GC), once per process however many apps start. */
export function collectNodeMetrics(): void {
  if (defaultsCollected) return;
  defaultsCollected = true;
  collectDefaultMetrics({ register: metricsRegistry });
}
