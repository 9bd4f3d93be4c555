import { Injectable } from '@nestjs/common';

import type { ApiClientScope } from '@badges/api-contracts';

import type { ApiClient } from '../generated/prisma/client';
import { GatewayPrismaService, type GatewayTx } from '../prisma/gateway-prisma.service';

/** A client as its institution and the operator see it: never its secret hash. */
export type ApiClientRecord = Omit<ApiClient, 'secretHash' | 'scope'> & { scope: ApiClientScope };

export type NewApiClient = Pick<ApiClient, 'clientId' | 'institutionId' | 'name' | 'secretHash'> & { scope: ApiClientScope };

export type RevokeOutcome =
  | { outcome: 'revoked'; client: ApiClientRecord }
  | { outcome: 'not_found' | 'already_revoked' | 'last_manage_client' };

/** The columns of an ApiClientRecord, for every read that returns clients (the operator's list too). */
export const API_CLIENT_RECORD = { clientId: true, institutionId: true, name: true, scope: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

/** Rows leave the database here; the CHECK constraint api_clients_scope_check makes the cast safe. */
export const asApiClientRecord = (row: Omit<ApiClient, 'secretHash'>): ApiClientRecord => ({ ...row, scope: row.scope as ApiClientScope });

@Injectable()
export class ClientsRepository {
  constructor(private readonly prisma: GatewayPrismaService) {}

  async listFor(institutionId: string): Promise<ApiClientRecord[]> {
    const rows = await this.prisma.apiClient.findMany({ where: { institutionId }, select: API_CLIENT_RECORD, orderBy: [{ createdAt: 'asc' }, { clientId: 'asc' }] });
    return rows.map(asApiClientRecord);
  }

  async create(client: NewApiClient, tx: GatewayTx = this.prisma): Promise<ApiClientRecord> {
    return asApiClientRecord(await tx.apiClient.create({ data: client, select: API_CLIENT_RECORD }));
  }

  /** The client (of `institutionId`, when given), or null. */
  async find(clientId: string, institutionId?: string, tx: GatewayTx = this.prisma): Promise<ApiClientRecord | null> {
    const row = await tx.apiClient.findFirst({ where: { clientId, ...(institutionId && { institutionId }) }, select: API_CLIENT_RECORD });
    return row && asApiClientRecord(row);
  }

  /** Replaces an unrevoked client's secret hash; false when there is no such unrevoked client. */
  async replaceSecret(institutionId: string, clientId: string, secretHash: string, tx: GatewayTx = this.prisma): Promise<boolean> {
    const { count } = await tx.apiClient.updateMany({ where: { clientId, institutionId, revokedAt: null }, data: { secretHash } });
    return count === 1;
  }

  /**
   * Revokes a client (of `institutionId`, when given). With `keepLastManage`, refuses to revoke the
   * institution's last unrevoked `manage` client, so an institution cannot lock itself out. The
   * institution's row is locked first: two clients revoking each other at once run one after the
   * other, and the second sees the first's revocation. Run it in a transaction (`tx`): the lock
   * lasts until that ends.
   */
  async revoke(clientId: string, at: Date, options: { institutionId?: string; keepLastManage: boolean }, tx: GatewayTx): Promise<RevokeOutcome> {
    const owner = await tx.apiClient.findFirst({ where: { clientId, ...(options.institutionId && { institutionId: options.institutionId }) }, select: { institutionId: true } });
    if (!owner) return { outcome: 'not_found' };
    await tx.$queryRaw`SELECT "id" FROM "gateway"."institutions" WHERE "id" = ${owner.institutionId} FOR UPDATE`;
    const target = await tx.apiClient.findUniqueOrThrow({ where: { clientId }, select: API_CLIENT_RECORD });
    if (target.revokedAt) return { outcome: 'already_revoked' };
    if (options.keepLastManage && target.scope === 'manage') {
      const otherManagers = await tx.apiClient.count({ where: { institutionId: target.institutionId, scope: 'manage', revokedAt: null, clientId: { not: clientId } } });
      if (otherManagers === 0) return { outcome: 'last_manage_client' };
    }
    const revoked = await tx.apiClient.update({ where: { clientId }, data: { revokedAt: at }, select: API_CLIENT_RECORD });
    return { outcome: 'revoked', client: asApiClientRecord(revoked) };
  }
}
