import { useI18n } from '../../../i18n/i18n-context';
import { usePageTitle } from '../../../shell/use-page-title';

/**
 * API clients are made by the operator only (POST /admin/institutions/{id}/clients, admin token):
 * the gateway offers staff no route to list, create, rotate or revoke them. So this page says so,
 * and names the client this console signed in with, read from the token's `sub` claim.
 */
export function ApiClientsPage({ token }: { token: string }) {
  const { t } = useI18n();
  usePageTitle(t('consoleIntegrations.apiClients.title'));
  const clientId = clientIdOf(token);
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

/** The access token is a JWT whose subject is the client id; only displayed, so not verified here. */
function clientIdOf(token: string): string | null {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(atob(payload)) as { sub?: unknown };
    return typeof claims.sub === 'string' ? claims.sub : null;
  } catch {
    return null;
  }
}
