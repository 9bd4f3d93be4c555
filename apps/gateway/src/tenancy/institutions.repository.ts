import { Injectable } from '@nestjs/common';

import { GatewayPrismaService } from '../prisma/gateway-prisma.service';

export interface InstitutionSummary {
  id: string;
  name: string;
  createdAt: Date;
  clients: { clientId: string; name: string; scope: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null }[];
}

@Injectable()
export class InstitutionsRepository {
  constructor(private readonly prisma: GatewayPrismaService) {}

  /** Institution and first client in one statement (a nested write is one transaction). */
  async createWithClient(input: { id: string; name: string; clientId: string; secretHash: string }): Promise<void> {
    await this.prisma.institution.create({
      data: { id: input.id, name: input.name, clients: { create: { clientId: input.clientId, secretHash: input.secretHash } } },
    });
  }

  async addClient(institutionId: string, clientId: string, secretHash: string): Promise<void> {
    await this.prisma.apiClient.create({ data: { institutionId, clientId, secretHash } });
  }

  findName(id: string): Promise<{ id: string; name: string } | null> {
    return this.prisma.institution.findUnique({ where: { id }, select: { id: true, name: true } });
  }

  list(): Promise<InstitutionSummary[]> {
    return this.prisma.institution.findMany({
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        name: true,
        createdAt: true,
        clients: {
          select: { clientId: true, name: true, scope: true, createdAt: true, lastUsedAt: true, revokedAt: true },
          orderBy: [{ createdAt: 'asc' }, { clientId: 'asc' }],
        },
      },
    });
  }
}
