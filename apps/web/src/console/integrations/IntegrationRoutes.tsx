import './integrations.css';

import { Navigate, NavLink, Route, Routes } from 'react-router';

import { useI18n } from '../../i18n/i18n-context';
import { ApiClientsPage } from './api-clients/ApiClientsPage';
import { EmailsPage } from './emails/EmailsPage';
import { EndorsementsPage } from './endorsements/EndorsementsPage';
import { WebhooksPage } from './webhooks/WebhooksPage';

// Absolute: inside a splat route, relative links resolve against the whole current URL.
const BASE = '/console/integrations';

/** The console's integration pages (issue #8): endorsements, webhooks, API clients, award emails. */
export function IntegrationRoutes({ token }: { token: string }) {
  const { t } = useI18n();
  return (
    <>
      {/* The pages' own titles are h2: this is the one level-one heading of every integration page. */}
      <h1 id="integrations-heading">{t('consoleIntegrations.nav.label')}</h1>
      <nav aria-labelledby="integrations-heading">
        <ul className="nav-list sub-nav">
          <li>
            <NavLink to={`${BASE}/endorsements`}>{t('consoleIntegrations.nav.endorsements')}</NavLink>
          </li>
          <li>
            <NavLink to={`${BASE}/webhooks`}>{t('consoleIntegrations.nav.webhooks')}</NavLink>
          </li>
          <li>
            <NavLink to={`${BASE}/api-clients`}>{t('consoleIntegrations.nav.apiClients')}</NavLink>
          </li>
          <li>
            <NavLink to={`${BASE}/emails`}>{t('consoleIntegrations.nav.emails')}</NavLink>
          </li>
        </ul>
      </nav>
      <Routes>
        <Route index element={<Navigate to={`${BASE}/endorsements`} replace />} />
        <Route path="endorsements" element={<EndorsementsPage token={token} />} />
        <Route path="webhooks" element={<WebhooksPage token={token} />} />
        <Route path="api-clients" element={<ApiClientsPage token={token} />} />
        <Route path="emails" element={<EmailsPage token={token} />} />
      </Routes>
    </>
  );
}
