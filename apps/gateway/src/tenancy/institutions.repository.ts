import { Injectable } from '@nestjs/common';

import type { InstitutionStatus } from '@badges/api-contracts';

import { API_CLIENT_RECORD, asApiClientRecord, type ApiClientRecord } from '../clients/clients.repository';
import { GatewayPrismaService, type GatewayTx } from '../prisma/gateway-prisma.service';

/** An institution as the operator sees it. */
export interface InstitutionRecord {
  id: string;
  name: string;
  /** Narrowed from the column by its CHECK constraint (institutions_status_check). */
  status: InstitutionStatus;
  createdAt: Date;
  suspendedAt: Date | null;
  suspendedReason: string | null;
}

export interface InstitutionSummary extends InstitutionRecord {
  clients: ApiClientRecord[];
  /** The gateway's own counts: people who may sign in, and unrevoked clients. */
  people: number;
  apiClients: number;
}

const INSTITUTION_RECORD = { id: true, name: true, status: true, createdAt: true, suspendedAt: true, suspendedReason: true } as const;

function asInstitutionRecord<T extends { status: string }>(row: T): T & { status: InstitutionStatus } {
  return { ...row, status: row.status as InstitutionStatus };
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

  async find(id: string, tx: GatewayTx = this.prisma): Promise<InstitutionRecord | null> {
    const row = await tx.institution.findUnique({ where: { id }, select: INSTITUTION_RECORD });
    return row && asInstitutionRecord(row);
  }

  async rename(id: string, name: string, tx: GatewayTx): Promise<InstitutionRecord> {
    return asInstitutionRecord(await tx.institution.update({ where: { id }, data: { name }, select: INSTITUTION_RECORD }));
  }

  /**
   * Moves the institution from `from` to the other status, or does nothing (false) when it is not
   * in `from`: two operators racing change it once, and only the one that did records it.
   */
  async changeStatus(id: string, from: InstitutionStatus, reason: string | null, at: Date, tx: GatewayTx): Promise<boolean> {
    const data = from === 'active' ? { status: 'suspended', suspendedAt: at, suspendedReason: reason } : { status: 'active', suspendedAt: null, suspendedReason: null };
    const { count } = await tx.institution.updateMany({ where: { id, status: from }, data });
    return count === 1;
  }

  async list(): Promise<InstitutionSummary[]> {
    const institutions = await this.prisma.institution.findMany({
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: {
        ...INSTITUTION_RECORD,
        clients: { select: API_CLIENT_RECORD, orderBy: [{ createdAt: 'asc' }, { clientId: 'asc' }] },
        _count: { select: { staff: { where: { status: 'active' } }, clients: { where: { revokedAt: null } } } },
      },
    });
    return institutions.map(({ _count, clients, ...institution }) => ({
      ...asInstitutionRecord(institution),
      clients: clients.map(asApiClientRecord),
      people: _count.staff,
      apiClients: _count.clients,
    }));
  }
}
