import { staffIdentity } from '../../../api/console-api';
import { useI18n } from '../../../i18n/i18n-context';
import { usePageTitle } from '../../../shell/use-page-title';
import { useConsoleData } from '../../console-session';

/**
 * API clients are made by the operator only (POST /admin/institutions/{id}/clients, admin token):
 * the gateway offers staff no route to list, create, rotate or revoke them. So this page says so,
 * and names the client this console signed in with, as the gateway reads it from the session's
 * token (the page cannot: the token is in an HttpOnly cookie).
 */
export function ApiClientsPage() {
  const { t } = useI18n();
  usePageTitle(t('consoleIntegrations.apiClients.title'));
  const clientId = useConsoleData(staffIdentity).data?.clientId;
  return (
    <section aria-labelledby="api-clients-heading">
      <h2 id="api-clients-heading">{t('consoleIntegrations.apiClients.title')}</h2>
      <p>{t('consoleIntegrations.apiClients.intro')}</p>
      {clientId && (
        <p>
          {t('consoleIntegrations.apiClients.signedInWith', { clientId })}
        </p>
      )}
      <p className="notice">{t('consoleIntegrations.apiClients.operatorOnly')}</p>
      <p>{t('consoleIntegrations.apiClients.tokenLifetime')}</p>
      <p>
        <a href="/docs">{t('consoleIntegrations.apiClients.docs')}</a>
      </p>
    </section>
  );
}
