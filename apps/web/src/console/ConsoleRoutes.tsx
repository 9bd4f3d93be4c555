import { useEffect, useMemo, useState } from 'react';
import { NavLink, Route, Routes } from 'react-router';

import { ownInstitution, type Institution } from '../api/console-api';
import { useStoredToken } from '../api/session';
import { useI18n } from '../i18n/i18n-context';
import { NotFoundPage } from '../shell/NotFoundPage';
import { AssertionsPage } from './assertions/AssertionsPage';
import { BadgeClassEditPage, BadgeClassNewPage } from './badge-classes/BadgeClassFormPages';
import { BadgeClassPage } from './badge-classes/BadgeClassPage';
import { ConsoleSessionContext } from './console-session';
import { ConsoleSignIn } from './ConsoleSignIn';
import { IntegrationRoutes } from './integrations/IntegrationRoutes';
import { IssuerPage } from './issuers/IssuerPage';
import { IssuersPage } from './issuers/IssuersPage';

/**
 * The institution console, for staff. Staff sign in with their institution's API client
 * (OAuth2 client credentials, POST /o/token); the access token is kept for this tab only.
 */
export function ConsoleRoutes() {
  const { t } = useI18n();
  const [token, setToken] = useStoredToken('console.token', 'session');
  const [institution, setInstitution] = useState<Institution | null>(null);
  const session = useMemo(() => (token ? { token, signOut: () => setToken(null) } : undefined), [token, setToken]);

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

  if (!session) return <ConsoleSignIn onSignedIn={setToken} />;
  return (
    <ConsoleSessionContext.Provider value={session}>
      <div className="console-bar">
        {institution && <p>{t('console.signedInAs', { institution: institution.name })}</p>}
        <button type="button" className="secondary" onClick={session.signOut}>
          {t('common.actions.signOut')}
        </button>
      </div>
      <nav aria-label={t('console.nav.label')}>
        <ul className="nav-list console-nav">
          <li>
            <NavLink to="/console" end>
              {t('console.nav.issuers')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/console/assertions">{t('console.nav.assertions')}</NavLink>
          </li>
          <li>
            <NavLink to="/console/integrations">{t('consoleIntegrations.nav.label')}</NavLink>
          </li>
        </ul>
      </nav>
      <Routes>
        <Route index element={<IssuersPage />} />
        <Route path="issuers/:issuerId" element={<IssuerPage />} />
        <Route path="issuers/:issuerId/badge-classes/new" element={<BadgeClassNewPage />} />
        <Route path="badge-classes/:badgeClassId" element={<BadgeClassPage />} />
        <Route path="badge-classes/:badgeClassId/edit" element={<BadgeClassEditPage />} />
        <Route path="assertions" element={<AssertionsPage />} />
        <Route path="integrations/*" element={<IntegrationRoutes token={session.token} />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </ConsoleSessionContext.Provider>
  );
}
