import { Injectable, Logger } from '@nestjs/common';

import { ApiError, ErrorCode } from '@badges/service-kit';

import { bearerToken, type ClientIdentity } from './access-token.codec';
import { AccessTokenService } from './access-token.service';
import { ClientStatusCache } from './client-status.cache';
import { ClientUsageRecorder } from './client-usage.recorder';

/**
 * The one check behind every authenticated route (Nest guard and forwarding hot path alike):
 * a valid `Authorization: Bearer <access token>` of a client that is not revoked, or 401
 * `unauthorized`. The signature is checked in memory, the client's status in the per-process
 * cache (no database read while it is warm); the use is recorded behind the request.
 */
@Injectable()
export class BearerAuth {
  private readonly logger = new Logger(BearerAuth.name);

  constructor(
    private readonly tokens: AccessTokenService,
    private readonly status: ClientStatusCache,
    private readonly usage: ClientUsageRecorder,
  ) {}

  async authenticate(authorization: string | string[] | undefined): Promise<ClientIdentity> {
    const token = bearerToken(authorization);
    if (!token) throw ApiError.unauthorized('Send an access token: Authorization: Bearer <token> (from POST /o/token).');
    const identity = await this.tokens.verify(token);
    if (!identity) throw ApiError.unauthorized('The access token is invalid or has expired. Request a new one from POST /o/token.');
    if (!(await this.isActive(identity.clientId))) throw ApiError.unauthorized('The API client of this access token was revoked.');
    this.usage.record(identity.clientId);
    return identity;
  }

  private async isActive(clientId: string): Promise<boolean> {
    try {
      return await this.status.isActive(clientId);
    } catch (error) {
      this.logger.error(`Could not read the status of client ${clientId}: ${error instanceof Error ? error.message : String(error)}`);
      throw new ApiError(503, ErrorCode.ServiceUnavailable, 'The access token could not be checked right now. Try again shortly.');
    }
  }
}
