import { useI18n } from '../i18n/i18n-context';
import { usePageTitle } from '../shell/use-page-title';

export function VerifyPage() {
  const { t } = useI18n();
  usePageTitle(t('verify.title'));
  return (
    <>
      <h1>{t('verify.title')}</h1>
      <p className="lead">{t('verify.intro')}</p>
    </>
  );
}
