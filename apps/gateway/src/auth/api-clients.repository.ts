import { Injectable } from '@nestjs/common';

import type { ApiClientScope } from '@badges/api-contracts';

import { GatewayPrismaService } from '../prisma/gateway-prisma.service';

export interface StoredApiClient {
  clientId: string;
  institutionId: string;
  /** Narrowed from the column by its CHECK constraint (api_clients_scope_check). */
  scope: ApiClientScope;
  secretHash: string;
}

/** The reads and the one write that authentication needs; managing clients is clients/. */
@Injectable()
export class ApiClientsRepository {
  constructor(private readonly prisma: GatewayPrismaService) {}

  /** A usable (not revoked) client by id, for the token endpoint. */
  async findActive(clientId: string): Promise<StoredApiClient | null> {
    const client = await this.prisma.apiClient.findFirst({
      where: { clientId, revokedAt: null },
      select: { clientId: true, institutionId: true, scope: true, secretHash: true },
    });
    return client && { ...client, scope: client.scope as ApiClientScope };
  }

  /** Whether a client may still call the API: it exists and is not revoked. */
  async isActive(clientId: string): Promise<boolean> {
    return (await this.prisma.apiClient.count({ where: { clientId, revokedAt: null } })) === 1;
  }

  async recordUse(clientId: string, at: Date): Promise<void> {
    await this.prisma.apiClient.updateMany({ where: { clientId }, data: { lastUsedAt: at } });
  }
}
