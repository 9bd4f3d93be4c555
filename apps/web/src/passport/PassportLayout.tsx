import { NavLink, Outlet, useMatch } from 'react-router';

import { signOut } from '../api/passport-api';
import { useI18n } from '../i18n/i18n-context';
import { ErrorMessage } from '../shell/ErrorMessage';
import type { PassportContext } from './passport-context';
import { usePassport } from './use-passport';

/**
 * The signed-in passport: who is signed in, the sections as tabs (one page each, not one long
 * page), and the learner's data loaded once for every section (usePassportContext).
 */
export function PassportLayout({ token, onSignedOut }: { token: string; onSignedOut(): void }) {
  const { t } = useI18n();
  const { data, error, reload } = usePassport(token, onSignedOut);
  // A badge's own page is titled by the badge.
  const onBadgePage = useMatch('/passport/badges/:id');

  async function signOutHere() {
    await signOut().catch(() => undefined); // signed out here either way
    onSignedOut();
  }

  const context: PassportContext | null = data && { token, data, reload };
  return (
    <>
      {!onBadgePage && <h1>{t('passport.title')}</h1>}
      <ErrorMessage error={error} />
      {!data && !error && <p>{t('common.loading')}</p>}
      {context && (
        <>
          <div className="passport-bar">
            <p>{t('passport.welcome', { name: context.data.learner.name })}</p>
            <button type="button" className="secondary" onClick={signOutHere}>
              {t('common.actions.signOut')}
            </button>
          </div>
          <nav aria-label={t('passport.nav.label')}>
            <ul className="nav-list tabs">
              <li>
                <NavLink to="/passport" end>
                  {t('passport.nav.badges')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/passport/collections">{t('passport.nav.collections')}</NavLink>
              </li>
              <li>
                <NavLink to="/passport/shares">{t('passport.nav.shares')}</NavLink>
              </li>
              <li>
                <NavLink to="/passport/emails">{t('passport.nav.emails')}</NavLink>
              </li>
              <li>
                <NavLink to="/passport/transfer">{t('passport.nav.transfer')}</NavLink>
              </li>
              <li>
                <NavLink to="/passport/connected-apps">{t('passport.nav.connectedApps')}</NavLink>
              </li>
            </ul>
          </nav>
          <Outlet context={context} />
        </>
      )}
    </>
  );
}
