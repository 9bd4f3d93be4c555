import { Injectable } from '@nestjs/common';

import type { ApiClientScope } from '@badges/api-contracts';

import { GatewayPrismaService } from '../prisma/gateway-prisma.service';
import type { ClientStatus } from './client-status.cache';

export interface StoredApiClient {
  clientId: string;
  institutionId: string;
  /** Narrowed from the column by its CHECK constraint (api_clients_scope_check). */
  scope: ApiClientScope;
  secretHash: string;
  institutionSuspended: boolean;
}

/** The institution's status, read with the client's (CHECK institutions_status_check). */
const INSTITUTION_STATUS = { institution: { select: { status: true } } } as const;

/** The reads and the one write that authentication needs; managing clients is clients/. */
@Injectable()
export class ApiClientsRepository {
  constructor(private readonly prisma: GatewayPrismaService) {}

  /** A usable (not revoked) client by id, for the token endpoint. */
  async findActive(clientId: string): Promise<StoredApiClient | null> {
    const client = await this.prisma.apiClient.findFirst({
      where: { clientId, revokedAt: null },
      select: { clientId: true, institutionId: true, scope: true, secretHash: true, ...INSTITUTION_STATUS },
    });
    if (!client) return null;
    const { institution, ...stored } = client;
    return { ...stored, scope: client.scope as ApiClientScope, institutionSuspended: institution.status === 'suspended' };
  }

  /** A client that may still call the API (it exists and is not revoked), with its institution's status; else undefined. */
  async status(clientId: string): Promise<ClientStatus | undefined> {
    const client = await this.prisma.apiClient.findFirst({ where: { clientId, revokedAt: null }, select: { institutionId: true, ...INSTITUTION_STATUS } });
    return client ? { institutionId: client.institutionId, institutionSuspended: client.institution.status === 'suspended' } : undefined;
  }

  async recordUse(clientId: string, at: Date): Promise<void> {
    await this.prisma.apiClient.updateMany({ where: { clientId }, data: { lastUsedAt: at } });
  }
}
