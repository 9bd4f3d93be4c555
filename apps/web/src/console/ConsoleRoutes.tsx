import { useCallback, useEffect, useMemo, useState } from 'react';
import { NavLink, Route, Routes, useSearchParams } from 'react-router';

import type { InstitutionV2 } from '@badges/api-contracts/types';

import { ownInstitution, staffIdentity, staffSignOut } from '../api/console-api';
import { useSession } from '../api/session';
import { useI18n } from '../i18n/i18n-context';
import { NotFoundPage } from '../shell/NotFoundPage';
import { AssertionsPage } from './assertions/AssertionsPage';
import { BadgeClassEditPage, BadgeClassNewPage } from './badge-classes/BadgeClassFormPages';
import { BadgeClassPage } from './badge-classes/BadgeClassPage';
import { ConsoleSessionContext } from './console-session';
import { AcceptInvitation } from './accounts/AcceptInvitation';
import { AuditPage } from './audit/AuditPage';
import { PasswordReset } from './accounts/PasswordReset';
import { ConsoleSignIn } from './ConsoleSignIn';
import { IntegrationRoutes } from './integrations/IntegrationRoutes';
import { IssuerPage } from './issuers/IssuerPage';
import { IssuersPage } from './issuers/IssuersPage';
import { PeoplePage } from './people/PeoplePage';
import { useConsoleAdmin } from './use-console-admin';
import { SsoSettingsPage } from './sso/SsoSettingsPage';

/**
 * The institution console, for staff. Staff sign in as themselves (email and password), or with
 * one of their institution's API clients; the token stays in the gateway's HttpOnly cookie, and
 * this tab keeps only the marker that it is signed in.
 */
export function ConsoleRoutes() {
  return (
    <Routes>
      {/* Reached from emails, before anyone is signed in. */}
      <Route path="invitation" element={<AcceptInvitation />} />
      <Route path="password-reset" element={<PasswordReset />} />
      <Route path="*" element={<SignedInConsole />} />
    </Routes>
  );
}

function SignedInConsole() {
  const { t } = useI18n();
  const [token, setSession] = useSession('staff');
  const [institution, setInstitution] = useState<InstitutionV2 | null>(null);
  const signedIn = useCallback(() => setSession(true), [setSession]);
  const [params, setParams] = useSearchParams();
  const ssoLanding = params.get('sso') === 'signed_in';

  useEffect(() => {
    if (!ssoLanding) return;
    // Back from the institution's provider, the gateway has set the session cookie: this tab only
    // needs its marker, once the gateway confirms the cookie works.
    void staffIdentity('staff')
      .then(() => setSession(true), () => undefined)
      .finally(() => setParams({}, { replace: true }));
  }, [ssoLanding, setSession, setParams]);
  const session = useMemo(() => {
    if (!token) return undefined;
    // The cookie is cleared even when the token has expired; the tab is signed out either way.
    const signOut = () => void staffSignOut().catch(() => undefined).finally(() => setSession(false));
    return { token, signOut };
  }, [token, setSession]);

  useEffect(() => {
    if (!token) return;
    let current = true;
    // An expired or revoked token signs the tab out, so staff see the sign-in form again.
    ownInstitution(token).then(
      (found) => current && setInstitution(found),
      () => current && session?.signOut(),
    );
    return () => {
      current = false;
    };
  }, [token, session]);

  if (!session && ssoLanding) return <p role="status">{t('consoleSso.signIn.finishing')}</p>;
  if (!session) return <ConsoleSignIn onSignedIn={signedIn} />;
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
          <AdminNavLinks />
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
        <Route path="people" element={<PeoplePage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="sso" element={<SsoSettingsPage token={session.token} />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </ConsoleSessionContext.Provider>
  );
}

/** The admins' pages (people, audit trail): linked for admins only; anyone else reaching them is told they are the admins'. */
function AdminNavLinks() {
  const { t } = useI18n();
  if (!useConsoleAdmin().session?.admin) return null;
  return (
    <>
      <li>
        <NavLink to="/console/people">{t('consolePeople.nav.people')}</NavLink>
      </li>
      <li>
        <NavLink to="/console/audit">{t('consolePeople.nav.audit')}</NavLink>
      </li>
      <li>
        <NavLink to="/console/sso">{t('consoleSso.nav')}</NavLink>
      </li>
    </>
  );
}
