import { Injectable } from '@nestjs/common';

import type { WebhookEndpoint } from '../generated/prisma/client';
import { NotificationPrismaService, type NotificationTx } from '../prisma/notification-prisma.service';

import { type TenantScope } from '@badges/service-kit';

export type WebhookEndpointRecord = WebhookEndpoint;

/** Webhook endpoints of one institution. Every method is scoped. */
@Injectable()
export class WebhookEndpointsRepository {
  constructor(private readonly prisma: NotificationPrismaService) {}

  create(scope: TenantScope, endpoint: { id: string; url: string; events: string[]; secretCiphertext: string }): Promise<WebhookEndpointRecord> {
    return this.prisma.webhookEndpoint.create({ data: { ...endpoint, institutionId: scope.institutionId } });
  }

  list(scope: TenantScope): Promise<WebhookEndpointRecord[]> {
    return this.prisma.webhookEndpoint.findMany({ where: { institutionId: scope.institutionId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  }

  findById(scope: TenantScope, id: string, tx: NotificationTx = this.prisma): Promise<WebhookEndpointRecord | null> {
    return tx.webhookEndpoint.findFirst({ where: { id, institutionId: scope.institutionId } });
  }

  /** These of the institution's endpoints that still exist (a batch's, read once). */
  findMany(scope: TenantScope, ids: readonly string[]): Promise<WebhookEndpointRecord[]> {
    return this.prisma.webhookEndpoint.findMany({ where: { institutionId: scope.institutionId, id: { in: [...ids] } } });
  }

  /** The institution's endpoints subscribed to `topic` (filtered here: an institution has a handful). */
  async subscribedTo(scope: TenantScope, topic: string, tx: NotificationTx = this.prisma): Promise<WebhookEndpointRecord[]> {
    const endpoints = await tx.webhookEndpoint.findMany({ where: { institutionId: scope.institutionId }, orderBy: { createdAt: 'asc' } });
    return endpoints.filter((endpoint) => endpoint.events.includes(topic));
  }

  /** Deletes the endpoint and (cascade) its deliveries; false when it is not this institution's. */
  async delete(scope: TenantScope, id: string): Promise<boolean> {
    const { count } = await this.prisma.webhookEndpoint.deleteMany({ where: { id, institutionId: scope.institutionId } });
    return count > 0;
  }
}
