import { Counter } from 'prom-client';

import { metricsRegistry } from '@badges/service-kit';

/** Hit rate: `rate(..{result="hit"}) / rate(..)` of the same counter. */
const cacheLookups = new Counter({
  name: 'verification_cache_lookups_total',
  help: "Lookups in the verification service's response cache, by result (hit, miss).",
  labelNames: ['result'] as const,
  registers: [metricsRegistry],
});

export function countCacheLookup(hit: boolean): void {
  cacheLookups.inc({ result: hit ? 'hit' : 'miss' });
}
