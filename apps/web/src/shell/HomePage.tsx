import { Link } from 'react-router';

import { useI18n } from '../i18n/i18n-context';
import { usePageTitle } from './use-page-title';

export function HomePage() {
  const { t } = useI18n();
  usePageTitle(t('common.home.title'));
  return (
    <>
      <h1>{t('common.home.title')}</h1>
      <p className="lead">{t('common.home.intro')}</p>
      <ul className="cards">
        <li className="card">
          <h2>
            <Link to="/verify">{t('common.nav.verify')}</Link>
          </h2>
          <p>{t('common.home.verifyLead')}</p>
        </li>
        <li className="card">
          <h2>
            <Link to="/passport">{t('common.nav.passport')}</Link>
          </h2>
          <p>{t('common.home.passportLead')}</p>
        </li>
        <li className="card">
          <h2>
            <Link to="/console">{t('common.nav.console')}</Link>
          </h2>
          <p>{t('common.home.consoleLead')}</p>
        </li>
      </ul>
    </>
  );
}
