import { Injectable } from '@nestjs/common';

import { GatewayPrismaService } from '../prisma/gateway-prisma.service';

export interface StoredApiClient {
  clientId: string;
  institutionId: string;
  secretHash: string;
}

/** The read the token endpoint needs: a usable (not revoked) client by id. */
@Injectable()
export class ApiClientsRepository {
  constructor(private readonly prisma: GatewayPrismaService) {}

  findActive(clientId: string): Promise<StoredApiClient | null> {
    return this.prisma.apiClient.findFirst({
      where: { clientId, revokedAt: null },
      select: { clientId: true, institutionId: true, secretHash: true },
    });
  }
}
