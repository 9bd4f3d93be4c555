import { Injectable } from '@nestjs/common';

import { ApiError, ErrorCode } from '@badges/service-kit';

import type { ClientIdentity } from './access-token.codec';
import { ApiClientsRepository } from './api-clients.repository';
import { ClientUsageRecorder } from './client-usage.recorder';
import { institutionSuspended } from './institution-suspended';
import { decoyClientSecretHash, verifyClientSecret } from '../tenancy/client-secret';

/** One message for an unknown id and a wrong secret, so callers cannot probe which ids exist. */
const INVALID_CLIENT = 'Client authentication failed: unknown client_id or wrong client_secret.';

@Injectable()
export class ClientCredentialsService {
  constructor(
    private readonly clients: ApiClientsRepository,
    private readonly usage: ClientUsageRecorder,
  ) {}

  /**
   * The client's identity with its full scope (a token request may narrow it). A sign-in is a use.
   * A suspended institution's client is refused only once its secret proved it is that client.
   */
  async authenticate(clientId: string, clientSecret: string): Promise<ClientIdentity> {
    const client = await this.clients.findActive(clientId);
    // An unknown id still pays for one scrypt, so timing does not tell the two failures apart.
    const valid = await verifyClientSecret(clientSecret, client?.secretHash ?? (await decoyClientSecretHash()));
    if (!client || !valid) throw new ApiError(401, ErrorCode.InvalidClient, INVALID_CLIENT);
    if (client.institutionSuspended) throw institutionSuspended();
    this.usage.record(client.clientId);
    return { clientId: client.clientId, institutionId: client.institutionId, scope: client.scope };
  }
}
