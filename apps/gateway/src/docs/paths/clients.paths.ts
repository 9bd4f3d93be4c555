import { body, clientOp, conflict, error, idParam, ok, type PathItems } from './operations';

const TAG = 'API clients';

/** The institution's own API clients (apps/gateway/src/clients); a `manage` token only. */
export const CLIENTS_PATHS: PathItems = {
  '/v2/clients': {
    get: clientOp(TAG, 'List the institution’s API clients: name, scope, created, last used, revoked (never a secret)', { '200': ok('Clients, oldest first', 'ApiClient') }),
    post: clientOp(TAG, 'Create an API client with a name and a scope', { '201': ok('Created; the secret is shown only here', 'ApiClientCredentials') }, { requestBody: body('ApiClientCreateBody') }),
  },
  '/v2/clients/{clientId}/rotate': {
    post: clientOp(
      TAG,
      'Give a client a new secret: the old one stops working at once (tokens it already has keep working until they expire)',
      { '200': ok('The client with its new secret, shown only here', 'ApiClientCredentials'), ...conflict('the client is revoked') },
      { parameters: [idParam('clientId')] },
    ),
  },
  '/v2/clients/{clientId}/revoke': {
    post: clientOp(
      TAG,
      'Revoke a client: its secret at once, its tokens within seconds; it stays listed with its `revokedAt`',
      {
        '200': ok('The revoked client', 'ApiClient'),
        '400': error('`already_revoked`'),
        ...conflict('it is the institution’s last unrevoked `manage` client (create another first, or ask the operator)'),
      },
      { parameters: [idParam('clientId')] },
    ),
  },
};
