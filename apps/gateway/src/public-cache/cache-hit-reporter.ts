import { Logger } from '@nestjs/common';

import { CACHE_HITS_PATH, InternalHeader, type ServiceClient } from '@badges/service-kit';

/** Reported once a second: a view shows up in its owner's count about as fast as without a cache. */
const REPORT_EVERY_MS = 1_000;
/** Keys kept per service while its reports fail; past it, new keys are dropped (counts are best effort). */
const MAX_PENDING_KEYS = 10_000;

/**
 * Counts the answers given from cached entries that asked for it (a share page's views) and
 * reports them to the service that made the entry, so its counters stay true (docs/caching.md).
 */
export class CacheHitReporter {
  private readonly logger = new Logger(CacheHitReporter.name);
  private readonly pending = new Map<string, Map<string, number>>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly services: Record<string, ServiceClient>, private readonly internalToken: string | undefined) {
    this.timer = setInterval(() => void this.report(), REPORT_EVERY_MS);
    this.timer.unref();
  }

  count(service: string, key: string, hits = 1): void {
    const counts = this.pending.get(service) ?? new Map<string, number>();
    if (!counts.has(key) && counts.size >= MAX_PENDING_KEYS) return;
    counts.set(key, (counts.get(key) ?? 0) + hits);
    this.pending.set(service, counts);
  }

  /** Sends what was counted; what a service did not take is kept for the next report. */
  async report(): Promise<void> {
    const batches = [...this.pending];
    this.pending.clear();
    await Promise.all(batches.map(([service, counts]) => this.send(service, counts)));
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.report();
  }

  private async send(service: string, counts: Map<string, number>): Promise<void> {
    const client = this.services[service];
    if (!client) return;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.internalToken) headers[InternalHeader.InternalToken] = this.internalToken;
    try {
      const response = await client.request({ method: 'POST', url: CACHE_HITS_PATH, headers, body: JSON.stringify({ hits: Object.fromEntries(counts) }) });
      if (response.status >= 500) throw new Error(`status ${response.status}`);
      if (response.status >= 400) this.logger.warn(`${service} refused a cache-hit report (${response.status}): ${response.body.toString('utf8').slice(0, 200)}`);
    } catch (error) {
      this.logger.warn(`${service} did not take a cache-hit report; kept for the next one: ${error instanceof Error ? error.message : String(error)}`);
      for (const [key, hits] of counts) this.count(service, key, hits);
    }
  }
}
