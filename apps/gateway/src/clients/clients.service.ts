import { Injectable, Logger } from '@nestjs/common';

import type { ApiClientCreateBody, ApiClientCredentialsV2, ApiClientV2 } from '@badges/api-contracts';
import { ApiError, ErrorCode } from '@badges/service-kit';

import { ClientStatusCache } from '../auth/client-status.cache';
import { newClientCredentials, newClientSecret } from '../tenancy/client-secret';
import { toApiClientCredentialsV2, toApiClientV2 } from './clients.mapper';
import { ClientsRepository, type RevokeOutcome } from './clients.repository';

/**
 * An institution's API clients, managed by the institution (a `manage` client today, its admins
 * later) and revoked by the operator. Another institution's client is `not_found`, as everywhere.
 */
@Injectable()
export class ClientsService {
  private readonly logger = new Logger(ClientsService.name);

  constructor(
    private readonly clients: ClientsRepository,
    private readonly status: ClientStatusCache,
  ) {}

  async list(institutionId: string): Promise<ApiClientV2[]> {
    return (await this.clients.listFor(institutionId)).map(toApiClientV2);
  }

  async create(institutionId: string, body: ApiClientCreateBody, actor: string): Promise<ApiClientCredentialsV2> {
    const { clientId, clientSecret, secretHash } = await newClientCredentials();
    const client = await this.clients.create({ clientId, institutionId, name: body.name, scope: body.scope, secretHash });
    this.logger.log(`Client ${clientId} (${body.scope}) created in institution ${institutionId} by ${actor}`);
    return toApiClientCredentialsV2(client, clientSecret);
  }

  /** A new secret; the old one stops working at once (POST /o/token reads the hash every time). */
  async rotate(institutionId: string, clientId: string, actor: string): Promise<ApiClientCredentialsV2> {
    const { clientSecret, secretHash } = await newClientSecret();
    if (!(await this.clients.replaceSecret(institutionId, clientId, secretHash))) {
      if (!(await this.clients.find(clientId, institutionId))) throw ApiError.notFound('API client');
      throw new ApiError(409, ErrorCode.Conflict, 'This API client is revoked; its secret cannot be rotated. Create a new client instead.');
    }
    const client = await this.clients.find(clientId, institutionId);
    if (!client) throw ApiError.notFound('API client');
    this.logger.log(`Client ${clientId} secret rotated by ${actor}`);
    return toApiClientCredentialsV2(client, clientSecret);
  }

  /** By the institution: never its last unrevoked `manage` client, which would lock it out. */
  async revoke(institutionId: string, clientId: string, actor: string): Promise<ApiClientV2> {
    return this.revoked(await this.clients.revoke(clientId, new Date(), { institutionId, keepLastManage: true }), clientId, actor);
  }

  /** By the operator: any client. */
  async revokeAny(clientId: string): Promise<ApiClientV2> {
    return this.revoked(await this.clients.revoke(clientId, new Date(), { keepLastManage: false }), clientId, 'the operator');
  }

  private revoked(result: RevokeOutcome, clientId: string, actor: string): ApiClientV2 {
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
        this.logger.log(`Client ${clientId} revoked by ${actor}`);
        return toApiClientV2(result.client);
    }
  }
}
