import { NavLink, Outlet } from 'react-router';

import { useI18n } from '../i18n/i18n-context';
import { LanguageSwitcher } from './LanguageSwitcher';
import { useFocusHeadingOnNavigate } from './use-focus-on-navigate';

/** Skip link, banner with the main navigation, one <main> per page, and a footer. */
export function AppShell() {
  const { t } = useI18n();
  useFocusHeadingOnNavigate();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="app-header">
        <NavLink to="/" className="brand">
          {t('common.appName')}
        </NavLink>
        <nav aria-label={t('common.mainNavigation')}>
          <ul className="nav-list">
            <li>
              <NavLink to="/verify">{t('common.nav.verify')}</NavLink>
            </li>
            <li>
              <NavLink to="/passport">{t('common.nav.passport')}</NavLink>
            </li>
            <li>
              <NavLink to="/console">{t('common.nav.console')}</NavLink>
            </li>
          </ul>
        </nav>
        <LanguageSwitcher />
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="app-footer">
        <p>{t('common.footer')}</p>
      </footer>
    </>
  );
}
