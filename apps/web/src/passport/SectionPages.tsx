import { useI18n } from '../i18n/i18n-context';
import { BadgrImportSection } from './BadgrImportSection';
import { usePageTitle } from '../shell/use-page-title';
import { ExportSection } from './ExportSection';
import { IdentifiersSection } from './IdentifiersSection';
import { ImportSection } from './ImportSection';
import { usePassportContext } from './passport-context';
import { SharesSection } from './SharesSection';

/** The passport's simpler tabs: each one section of its own, under the passport's heading. */
export function SharesPage() {
  const { t } = useI18n();
  usePageTitle(t('passport.shares.heading'));
  const { token, reload, data } = usePassportContext();
  return <SharesSection token={token} reload={reload} shares={data.shares} badges={data.badges} collections={data.collections} />;
}

export function EmailsPage() {
  const { t } = useI18n();
  usePageTitle(t('passport.identifiers.heading'));
  const { token, reload, data } = usePassportContext();
  return <IdentifiersSection token={token} reload={reload} emails={data.learner.emails} />;
}

export function TransferPage() {
  const { t } = useI18n();
  usePageTitle(t('passport.transfer.heading'));
  const { token, reload, data } = usePassportContext();
  return (
    <>
      <ImportSection token={token} reload={reload} />
      <BadgrImportSection token={token} reload={reload} badges={data.badges} />
      <ExportSection token={token} />
    </>
  );
}
