import { apiJson, apiOne } from './client';

export interface AccessToken {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

/** OAuth2 client credentials (POST /o/token): how institution systems and staff sign in. */
export function clientCredentialsToken(clientId: string, clientSecret: string): Promise<AccessToken> {
  return apiJson<AccessToken>('/o/token', { method: 'POST', body: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret } });
}

export interface Institution {
  entityId: string;
  name: string;
}

export function ownInstitution(token: string): Promise<Institution> {
  return apiOne<Institution>('/v2/institutions/self', { token });
}
