import type { ConnectedApp } from '@badges/api-contracts';

import type { BcClient } from '../generated/prisma/client';

/**
 * A client as the learner sees it. `site` is the host the learner's browser goes back to, which
 * the client cannot dress up; `uri` is the home page it declared when it registered.
 */
export function connectedClient(client: Pick<BcClient, 'id' | 'name' | 'clientUri' | 'redirectUris'>, redirectUri = client.redirectUris[0]): Omit<ConnectedApp, 'scopes' | 'connectedAt'> {
  return { clientId: client.id, name: client.name, uri: client.clientUri, site: new URL(redirectUri).host };
}
