import { Injectable } from '@nestjs/common';

import type { WebhookDelivery } from '../generated/prisma/client';
import { claimDeliveries, findStaleQueued, settleDeliveries, type DeliveryOutcome, type Lease, type StaleDelivery } from '../jobs/delivery-leases';
import { NotificationPrismaService, type NotificationTx } from '../prisma/notification-prisma.service';

import type { WebhookDeliveryStatus } from '@badges/api-contracts';
import { type TenantScope } from '@badges/service-kit';

export type WebhookDeliveryRecord = WebhookDelivery;
export const WebhookStatus = { Queued: 'queued', Delivered: 'delivered', Failed: 'failed' } as const satisfies Record<string, WebhookDeliveryStatus>;

export interface NewWebhookDelivery {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  body: string;
  jobId: string;
}

const LIST_LIMIT = 100;
const TABLE = 'webhook_deliveries';

/** One claimed webhook delivery's outcome, with the receiver's HTTP status when it answered. */
export type WebhookOutcome = DeliveryOutcome & { responseStatus: number | null };

/** Webhook deliveries of one institution; every method is scoped except the sweeper's finder. */
@Injectable()
export class WebhookDeliveriesRepository {
  constructor(private readonly prisma: NotificationPrismaService) {}

  /** Skips (endpoint, event) pairs that already have a delivery: a redelivered event adds nothing. */
  async createMany(scope: TenantScope, deliveries: NewWebhookDelivery[], tx: NotificationTx = this.prisma): Promise<NewWebhookDelivery[]> {
    if (deliveries.length === 0) return [];
    const existing = await tx.webhookDelivery.findMany({
      where: { institutionId: scope.institutionId, eventId: { in: [...new Set(deliveries.map((d) => d.eventId))] } },
      select: { endpointId: true, eventId: true },
    });
    const taken = new Set(existing.map((d) => `${d.endpointId} ${d.eventId}`));
    const fresh = deliveries.filter((d) => !taken.has(`${d.endpointId} ${d.eventId}`));
    if (fresh.length > 0) {
      await tx.webhookDelivery.createMany({ data: fresh.map((d) => ({ ...d, institutionId: scope.institutionId, status: WebhookStatus.Queued })) });
    }
    return fresh;
  }

  findById(scope: TenantScope, id: string): Promise<WebhookDeliveryRecord | null> {
    return this.prisma.webhookDelivery.findFirst({ where: { id, institutionId: scope.institutionId } });
  }

  listForEndpoint(scope: TenantScope, endpointId: string): Promise<WebhookDeliveryRecord[]> {
    return this.prisma.webhookDelivery.findMany({
      where: { institutionId: scope.institutionId, endpointId },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      take: LIST_LIMIT,
    });
  }

  /** Claims these of the institution's queued webhook deliveries for one sender (delivery-leases.ts). */
  claim(scope: TenantScope, ids: readonly string[], lease: Lease, jobId?: string): Promise<WebhookDeliveryRecord[]> {
    return claimDeliveries<WebhookDeliveryRecord>(this.prisma.database, TABLE, scope, ids, lease, jobId);
  }

  /** Writes every outcome of one claim at once: `delivered`, or the failure, with the receiver's status. */
  settle(scope: TenantScope, lease: Lease, outcomes: readonly WebhookOutcome[]): Promise<void> {
    return settleDeliveries(this.prisma.database, TABLE, scope, lease, outcomes, {
      status: WebhookStatus.Delivered,
      atColumn: 'deliveredAt',
      columns: { responseStatus: 'int' },
    });
  }

  /** Re-queues a delivered or failed delivery under a new job id; null while it is queued. */
  async requeue(scope: TenantScope, id: string, jobIdFor: (redelivery: number) => string): Promise<WebhookDeliveryRecord | null> {
    return this.prisma.$transaction(async (tx) => {
      const current = await tx.webhookDelivery.findFirst({ where: { id, institutionId: scope.institutionId } });
      if (!current || current.status === WebhookStatus.Queued) return null;
      const redeliveries = current.redeliveries + 1;
      const { count } = await tx.webhookDelivery.updateMany({
        where: { id, institutionId: scope.institutionId, status: current.status, redeliveries: current.redeliveries },
        data: { status: WebhookStatus.Queued, redeliveries, jobId: jobIdFor(redeliveries), lastError: null, leaseId: null, leaseUntil: null },
      });
      return count === 0 ? null : tx.webhookDelivery.findFirst({ where: { id, institutionId: scope.institutionId } });
    });
  }

  /** Maintenance only (the sweeper), hence across institutions: see findStaleQueued. */
  findStaleQueued(before: Date, limit: number): Promise<StaleDelivery[]> {
    return findStaleQueued(this.prisma.database, TABLE, before, limit);
  }
}
