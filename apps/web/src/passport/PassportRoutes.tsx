import { useI18n } from '../i18n/i18n-context';
import { usePageTitle } from '../shell/use-page-title';

export function PassportRoutes() {
  const { t } = useI18n();
  usePageTitle(t('passport.title'));
  return (
    <>
      <h1>{t('passport.title')}</h1>
      <p className="lead">{t('passport.intro')}</p>
    </>
  );
}
