import { ApiError } from '@badges/service-kit';

import { bearerToken, type ClientIdentity } from './access-token.codec';
import type { AccessTokenService } from './access-token.service';

/**
 * The one check behind every authenticated route (Nest guard and forwarding hot path alike):
 * a valid `Authorization: Bearer <access token>` or 401 `unauthorized`.
 */
export async function authenticateBearer(tokens: AccessTokenService, authorization: string | string[] | undefined): Promise<ClientIdentity> {
  const token = bearerToken(authorization);
  if (!token) throw ApiError.unauthorized('Send an access token: Authorization: Bearer <token> (from POST /o/token).');
  const identity = await tokens.verify(token);
  if (!identity) throw ApiError.unauthorized('The access token is invalid or has expired. Request a new one from POST /o/token.');
  return identity;
}
