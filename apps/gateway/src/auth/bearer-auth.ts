import { Injectable, Logger } from '@nestjs/common';

import { ApiError, ErrorCode } from '@badges/service-kit';

import { bearerToken, isStaffToken, type StaffTokenIdentity } from './access-token.codec';
import { AccessTokenService } from './access-token.service';
import type { CallerIdentity, StaffIdentity } from './caller';
import { ClientStatusCache } from './client-status.cache';
import { ClientUsageRecorder } from './client-usage.recorder';
import { institutionSuspended } from './institution-suspended';
import { StaffStatusCache } from './staff-status.cache';

/**
 * The one check behind every authenticated route (Nest guard and forwarding hot path alike):
 * a valid `Authorization: Bearer <access token>` of a client that is not revoked, or of a person
 * whose session is live, or 401 `unauthorized`; then 403 `institution_suspended` while the
 * caller's institution is suspended (read with the same status, so within the same second). The signature is checked in memory, the client's
 * or session's status in the per-process caches (no database read while they are warm); a
 * client's use is recorded behind the request, a person's roles come with their session's status.
 */
@Injectable()
export class BearerAuth {
  private readonly logger = new Logger(BearerAuth.name);

  constructor(
    private readonly tokens: AccessTokenService,
    private readonly status: ClientStatusCache,
    private readonly usage: ClientUsageRecorder,
    private readonly staffStatus: StaffStatusCache,
  ) {}

  async authenticate(authorization: string | string[] | undefined): Promise<CallerIdentity> {
    const token = bearerToken(authorization);
    if (!token) throw ApiError.unauthorized('Send an access token: Authorization: Bearer <token> (from POST /o/token).');
    const identity = await this.tokens.verify(token);
    if (!identity) throw ApiError.unauthorized('The access token is invalid or has expired. Request a new one from POST /o/token.');
    if (isStaffToken(identity)) return this.person(identity);
    const client = await this.checked(`client ${identity.clientId}`, () => this.status.status(identity.clientId));
    if (!client) throw ApiError.unauthorized('The API client of this access token was revoked.');
    if (client.institutionSuspended) throw institutionSuspended();
    this.usage.record(identity.clientId);
    return identity;
  }

  private async person(identity: StaffTokenIdentity): Promise<StaffIdentity> {
    const live = await this.checked(`session ${identity.sessionId}`, () => this.staffStatus.get(identity.sessionId));
    if (!live || live.staffId !== identity.staffId || live.institutionId !== identity.institutionId) {
      throw ApiError.unauthorized('This session has ended (signed out, revoked, or the person removed). Sign in again.');
    }
    if (live.institutionSuspended) throw institutionSuspended();
    return { ...identity, roles: live.roles, language: live.language };
  }

  private async checked<T>(what: string, read: () => Promise<T>): Promise<T> {
    try {
      return await read();
    } catch (error) {
      this.logger.error(`Could not read the status of ${what}: ${error instanceof Error ? error.message : String(error)}`);
      throw new ApiError(503, ErrorCode.ServiceUnavailable, 'The access token could not be checked right now. Try again shortly.');
    }
  }
}
