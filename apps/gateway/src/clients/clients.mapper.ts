import type { ApiClientCredentialsV2, ApiClientV2 } from '@badges/api-contracts';

import type { ApiClientRecord } from './clients.repository';

export function toApiClientV2(client: ApiClientRecord): ApiClientV2 {
  return {
    clientId: client.clientId,
    name: client.name,
    scope: client.scope,
    createdAt: client.createdAt.toISOString(),
    lastUsedAt: client.lastUsedAt?.toISOString() ?? null,
    revokedAt: client.revokedAt?.toISOString() ?? null,
  };
}

/** The only answers with the plain secret: a new client, a rotated one. */
export function toApiClientCredentialsV2(client: ApiClientRecord, clientSecret: string): ApiClientCredentialsV2 {
  return { ...toApiClientV2(client), clientSecret };
}
