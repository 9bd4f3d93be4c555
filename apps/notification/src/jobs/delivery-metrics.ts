import { Counter } from 'prom-client';

import { metricsRegistry } from '@badges/service-kit';

/**
 * Each run of an email or webhook job ends one way: `sent`, `retrying` (this attempt failed, the
 * jobs lib tries again), or `failed` (the last attempt failed: the row says failed).
 */
export type DeliveryOutcome = 'sent' | 'retrying' | 'failed';

const deliveries = new Counter({
  name: 'notification_deliveries_total',
  help: 'Email and webhook delivery attempts, by channel (email, webhook) and outcome (sent, retrying, failed).',
  labelNames: ['channel', 'outcome'] as const,
  registers: [metricsRegistry],
});

export function countDelivery(channel: 'email' | 'webhook', outcome: DeliveryOutcome): void {
  deliveries.inc({ channel, outcome });
}

/** The outcome of a failed attempt, from whether it was the last one. */
export const failedOutcome = (final: boolean): DeliveryOutcome => (final ? 'failed' : 'retrying');
