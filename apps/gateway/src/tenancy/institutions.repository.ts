import { Injectable } from '@nestjs/common';

import { API_CLIENT_RECORD, asApiClientRecord, type ApiClientRecord } from '../clients/clients.repository';
import { GatewayPrismaService, type GatewayTx } from '../prisma/gateway-prisma.service';

export interface InstitutionSummary {
  id: string;
  name: string;
  createdAt: Date;
  clients: ApiClientRecord[];
}

@Injectable()
export class InstitutionsRepository {
  constructor(private readonly prisma: GatewayPrismaService) {}

  /** Institution and first client in one statement (a nested write), in the caller's transaction. */
  async createWithClient(input: { id: string; name: string; clientId: string; secretHash: string }, tx: GatewayTx): Promise<ApiClientRecord> {
    const created = await tx.institution.create({
      data: { id: input.id, name: input.name, clients: { create: { clientId: input.clientId, secretHash: input.secretHash } } },
      select: { clients: { select: API_CLIENT_RECORD } },
    });
    return asApiClientRecord(created.clients[0]);
  }

  /** The operator's client: the defaults (`API client`, `manage`), as every client had before scopes. */
  async addClient(institutionId: string, clientId: string, secretHash: string, tx: GatewayTx): Promise<ApiClientRecord> {
    return asApiClientRecord(await tx.apiClient.create({ data: { institutionId, clientId, secretHash }, select: API_CLIENT_RECORD }));
  }

  findName(id: string): Promise<{ id: string; name: string } | null> {
    return this.prisma.institution.findUnique({ where: { id }, select: { id: true, name: true } });
  }

  async list(): Promise<InstitutionSummary[]> {
    const institutions = await this.prisma.institution.findMany({
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        name: true,
        createdAt: true,
        clients: { select: API_CLIENT_RECORD, orderBy: [{ createdAt: 'asc' }, { clientId: 'asc' }] },
      },
    });
    return institutions.map((institution) => ({ ...institution, clients: institution.clients.map(asApiClientRecord) }));
  }
}
