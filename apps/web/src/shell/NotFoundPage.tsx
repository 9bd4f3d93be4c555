import { Link } from 'react-router';

import { useI18n } from '../i18n/i18n-context';
import { usePageTitle } from './use-page-title';

export function NotFoundPage() {
  const { t } = useI18n();
  usePageTitle(t('common.notFound.title'));
  return (
    <>
      <h1>{t('common.notFound.title')}</h1>
      <p>{t('common.notFound.body')}</p>
      <Link to="/">{t('common.notFound.home')}</Link>
    </>
  );
}
