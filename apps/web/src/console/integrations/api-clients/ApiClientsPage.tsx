import { useCallback, useId, useState } from 'react';

import type { ApiClientCredentialsV2, ApiClientV2 } from '@badges/api-contracts/types';

import { ApiRequestError } from '../../../api/client';
import { staffIdentity } from '../../../api/console-api';
import { apiClients, revokeApiClient, rotateApiClient } from '../../../api/integrations-api';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorMessage } from '../../../shell/ErrorMessage';
import { ConfirmActions } from '../../../shell/FormActions';
import { formatDate } from '../../../shell/format';
import { Notice } from '../../../shell/Notice';
import { useAction } from '../../../shell/use-action';
import { usePageTitle } from '../../../shell/use-page-title';
import { useConsoleData } from '../../console-session';
import { useLoaded } from '../use-loaded';
import { ApiClientForm } from './ApiClientForm';

/**
 * The institution's API clients (/v2/clients): create one with a scope, rotate its secret, revoke
 * it, and see when each was last used. A secret is shown once, right after it was made; a console
 * signed in with a client whose scope is not `manage` is told so instead of the list.
 */
export function ApiClientsPage({ token }: { token: string }) {
  const { t, lang } = useI18n();
  const id = useId();
  usePageTitle(t('consoleIntegrations.apiClients.title'));
  const signedInWith = useConsoleData(staffIdentity).data?.clientId;
  const load = useCallback(() => apiClients(token), [token]);
  const clients = useLoaded<ApiClientV2[]>(load, []);
  const [secret, setSecret] = useState<ApiClientCredentialsV2 | null>(null);
  const [confirming, setConfirming] = useState<{ clientId: string; change: 'rotate' | 'revoke' } | null>(null);
  const action = useAction();
  const forbidden = clients.error instanceof ApiRequestError && clients.error.code === 'forbidden';

  const showSecret = async (client: ApiClientCredentialsV2) => {
    setSecret(client);
    await clients.reload();
  };
  const change = (client: ApiClientV2, what: 'rotate' | 'revoke') =>
    action.run(async () => {
      setConfirming(null);
      setSecret(null);
      // showSecret reloads the list itself.
      if (what === 'rotate') await showSecret(await rotateApiClient(token, client.clientId));
      else {
        await revokeApiClient(token, client.clientId);
        await clients.reload();
      }
      return t(what === 'rotate' ? 'consoleIntegrations.apiClients.rotated' : 'consoleIntegrations.apiClients.revoked', { name: client.name });
    });

  return (
    <section aria-labelledby="api-clients-heading">
      <h2 id="api-clients-heading">{t('consoleIntegrations.apiClients.title')}</h2>
      <p>{t('consoleIntegrations.apiClients.intro')}</p>
      {signedInWith && <p>{t('consoleIntegrations.apiClients.signedInWith', { clientId: signedInWith })}</p>}
      {forbidden ? (
        <p className="notice">{t('consoleIntegrations.apiClients.manageOnly')}</p>
      ) : (
        <>
          <ApiClientForm token={token} onCreated={showSecret} />
          {secret && (
            <div className="notice" role="status">
              <h3>{t('consoleIntegrations.apiClients.secretHeading', { name: secret.name })}</h3>
              <p>{t('consoleIntegrations.apiClients.secretHelp')}</p>
              <label htmlFor={`${id}-client-id`}>{t('consoleIntegrations.apiClients.clientId')}</label>
              <input id={`${id}-client-id`} className="secret" readOnly value={secret.clientId} onFocus={(event) => event.target.select()} />
              <label htmlFor={`${id}-secret`}>{t('consoleIntegrations.apiClients.clientSecret')}</label>
              <input id={`${id}-secret`} className="secret" readOnly value={secret.clientSecret} onFocus={(event) => event.target.select()} />
            </div>
          )}
          <section aria-labelledby={`${id}-list`}>
            <h3 id={`${id}-list`}>{t('consoleIntegrations.apiClients.list')}</h3>
            <ErrorMessage error={clients.error ?? action.error} />
            <Notice text={action.notice} />
            {clients.loading ? (
              <p>{t('common.loading')}</p>
            ) : (
              <ul className="integration-list">
                {clients.data.map((client) => (
                  <li key={client.clientId} data-revoked={client.revokedAt ? 'true' : 'false'}>
                    <p>
                      <strong>{client.name}</strong> · {t(`consoleIntegrations.apiClients.scopes.${client.scope}`)}
                      {client.clientId === signedInWith && ` · ${t('consoleIntegrations.apiClients.thisConsole')}`}
                    </p>
                    <p className="muted share-url">{client.clientId}</p>
                    <p className="muted">
                      {t('consoleIntegrations.apiClients.created', { date: formatDate(client.createdAt, lang) })} ·{' '}
                      {client.lastUsedAt ? t('consoleIntegrations.apiClients.lastUsed', { date: formatDate(client.lastUsedAt, lang) }) : t('consoleIntegrations.apiClients.neverUsed')}
                    </p>
                    {client.revokedAt ? (
                      <p className="muted">{t('consoleIntegrations.apiClients.revokedOn', { date: formatDate(client.revokedAt, lang) })}</p>
                    ) : confirming?.clientId === client.clientId ? (
                      <ConfirmActions
                        question={t(`consoleIntegrations.apiClients.confirm.${confirming.change}`, { name: client.name })}
                        confirm={t(`consoleIntegrations.apiClients.${confirming.change}`)}
                        busy={action.busy}
                        onConfirm={() => change(client, confirming.change)}
                        onCancel={() => setConfirming(null)}
                      />
                    ) : (
                      <div className="actions">
                        <button type="button" className="secondary" aria-label={t('consoleIntegrations.apiClients.rotateNamed', { name: client.name })} onClick={() => setConfirming({ clientId: client.clientId, change: 'rotate' })}>
                          {t('consoleIntegrations.apiClients.rotate')}
                        </button>
                        <button type="button" className="secondary" aria-label={t('consoleIntegrations.apiClients.revokeNamed', { name: client.name })} onClick={() => setConfirming({ clientId: client.clientId, change: 'revoke' })}>
                          {t('consoleIntegrations.apiClients.revoke')}
                        </button>
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
      <p>{t('consoleIntegrations.apiClients.tokenLifetime')}</p>
      <p>
        <a href="/docs">{t('consoleIntegrations.apiClients.docs')}</a>
      </p>
    </section>
  );
}
