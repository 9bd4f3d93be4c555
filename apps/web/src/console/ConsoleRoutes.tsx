import { useEffect, useState } from 'react';
import { Link, Route, Routes } from 'react-router';

import { ownInstitution, type Institution } from '../api/console-api';
import { useStoredToken } from '../api/session';
import { useI18n } from '../i18n/i18n-context';
import { usePageTitle } from '../shell/use-page-title';
import { ConsoleSignIn } from './ConsoleSignIn';
import { IntegrationRoutes } from './integrations/IntegrationRoutes';

/**
 * The institution console, for staff. Staff sign in with their institution's API client
 * (OAuth2 client credentials, POST /o/token); the access token is kept for this tab only.
 */
export function ConsoleRoutes() {
  const { t } = useI18n();
  usePageTitle(t('console.title'));
  const [token, setToken] = useStoredToken('console.token', 'session');
  const [institution, setInstitution] = useState<Institution | null>(null);

  useEffect(() => {
    if (!token) return;
    let current = true;
    // An expired or revoked token signs the tab out, so staff see the sign-in form again.
    ownInstitution(token).then(
      (found) => current && setInstitution(found),
      () => current && setToken(null),
    );
    return () => {
      current = false;
    };
  }, [token, setToken]);

  if (!token) return <ConsoleSignIn onSignedIn={setToken} />;
  return (
    <>
      <h1>{t('console.title')}</h1>
      {institution && <p>{t('console.signedInAs', { institution: institution.name })}</p>}
      <button type="button" onClick={() => setToken(null)}>
        {t('common.actions.signOut')}
      </button>
      {' '}<Link to="/console/integrations">{t('consoleIntegrations.nav.label')}</Link>
      <Routes>
        <Route index element={null} />
        <Route path="integrations/*" element={<IntegrationRoutes token={token} />} />
      </Routes>
    </>
  );
}
