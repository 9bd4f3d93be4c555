import { Injectable, Logger } from '@nestjs/common';

import type { ApiClientCreateBody, ApiClientCredentialsV2, ApiClientV2 } from '@badges/api-contracts';
import { formatActor, type EventOrigin } from '@badges/events';
import { ApiError, ErrorCode } from '@badges/service-kit';

import { recordChange } from '../audit/audit-recorder';
import { setFields } from '../audit/audit-record';
import { ClientStatusCache } from '../auth/client-status.cache';
import { GatewayPrismaService } from '../prisma/gateway-prisma.service';
import { newClientCredentials, newClientSecret } from '../tenancy/client-secret';
import { toApiClientCredentialsV2, toApiClientV2 } from './clients.mapper';
import { ClientsRepository, type RevokeOutcome } from './clients.repository';

/**
 * An institution's API clients, managed by the institution (a `manage` client today, its admins
 * later) and revoked by the operator. Another institution's client is `not_found`, as everywhere.
 * Each change writes its audit entry in its own transaction (`origin`: who asked, and the request).
 */
@Injectable()
export class ClientsService {
  private readonly logger = new Logger(ClientsService.name);

  constructor(
    private readonly prisma: GatewayPrismaService,
    private readonly clients: ClientsRepository,
    private readonly status: ClientStatusCache,
  ) {}

  async list(institutionId: string): Promise<ApiClientV2[]> {
    return (await this.clients.listFor(institutionId)).map(toApiClientV2);
  }

  async create(institutionId: string, body: ApiClientCreateBody, origin: EventOrigin): Promise<ApiClientCredentialsV2> {
    const { clientId, clientSecret, secretHash } = await newClientCredentials();
    const client = await this.prisma.$transaction(async (tx) => {
      const created = await this.clients.create({ clientId, institutionId, name: body.name, scope: body.scope, secretHash }, tx);
      await recordChange(tx, { institutionId, origin, action: 'client.created', target: { type: 'ApiClient', id: clientId }, changes: setFields({ name: body.name, scope: body.scope }) });
      return created;
    });
    this.logger.log(`Client ${clientId} (${body.scope}) created in institution ${institutionId} by ${whoOf(origin)}`);
    return toApiClientCredentialsV2(client, clientSecret);
  }

  /** A new secret; the old one stops working at once (POST /o/token reads the hash every time). */
  async rotate(institutionId: string, clientId: string, origin: EventOrigin): Promise<ApiClientCredentialsV2> {
    const { clientSecret, secretHash } = await newClientSecret();
    const client = await this.prisma.$transaction(async (tx) => {
      if (!(await this.clients.replaceSecret(institutionId, clientId, secretHash, tx))) {
        if (!(await this.clients.find(clientId, institutionId, tx))) throw ApiError.notFound('API client');
        throw new ApiError(409, ErrorCode.Conflict, 'This API client is revoked; its secret cannot be rotated. Create a new client instead.');
      }
      // Never the secret, old or new: the entry says only that it changed.
      await recordChange(tx, { institutionId, origin, action: 'client.rotated', target: { type: 'ApiClient', id: clientId }, changes: {} });
      return this.clients.find(clientId, institutionId, tx);
    });
    if (!client) throw ApiError.notFound('API client');
    this.logger.log(`Client ${clientId} secret rotated by ${whoOf(origin)}`);
    return toApiClientCredentialsV2(client, clientSecret);
  }

  /** By the institution: never its last unrevoked `manage` client, which would lock it out. */
  async revoke(institutionId: string, clientId: string, origin: EventOrigin): Promise<ApiClientV2> {
    return this.revoked(await this.revokeRecorded(clientId, { institutionId, keepLastManage: true }, origin), clientId, origin);
  }

  /** By the operator: any client. Its institution's trail records it with no actor. */
  async revokeAny(clientId: string, origin: EventOrigin): Promise<ApiClientV2> {
    return this.revoked(await this.revokeRecorded(clientId, { keepLastManage: false }, origin), clientId, origin);
  }

  private revokeRecorded(clientId: string, options: { institutionId?: string; keepLastManage: boolean }, origin: EventOrigin): Promise<RevokeOutcome> {
    return this.prisma.$transaction(async (tx) => {
      const result = await this.clients.revoke(clientId, new Date(), options, tx);
      if (result.outcome === 'revoked') {
        const { institutionId, revokedAt } = result.client;
        const changes = { revokedAt: { before: null, after: revokedAt?.toISOString() ?? null } };
        await recordChange(tx, { institutionId, origin, action: 'client.revoked', target: { type: 'ApiClient', id: clientId }, changes });
      }
      return result;
    });
  }

  private revoked(result: RevokeOutcome, clientId: string, origin: EventOrigin): ApiClientV2 {
    switch (result.outcome) {
      case 'not_found':
        throw ApiError.notFound('API client');
      case 'already_revoked':
        throw new ApiError(400, ErrorCode.AlreadyRevoked, 'This API client is already revoked.');
      case 'last_manage_client':
        throw new ApiError(
          409,
          ErrorCode.Conflict,
          'This is the institution’s last unrevoked client with the manage scope: revoked, it would leave nobody able to manage the institution’s clients. Create another manage client first (or ask the operator to revoke it).',
        );
      case 'revoked':
        // This process refuses the client's tokens at once; other gateway processes within CLIENT_STATUS_TTL_MS.
        this.status.markRevoked(clientId);
        this.logger.log(`Client ${clientId} revoked by ${whoOf(origin)}`);
        return toApiClientV2(result.client);
    }
  }
}

/** For the log: the actor, or the operator (the only one who acts here without one). */
function whoOf(origin: EventOrigin): string {
  return origin.actor ? formatActor(origin.actor) : 'the operator';
}
