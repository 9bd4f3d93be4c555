import { signOut } from '../api/passport-api';
import { useI18n } from '../i18n/i18n-context';
import { ErrorMessage } from '../shell/ErrorMessage';
import { usePageTitle } from '../shell/use-page-title';
import { BadgeList } from './BadgeList';
import { CollectionsSection } from './CollectionsSection';
import { ConfirmEmail } from './ConfirmEmail';
import { ExportSection } from './ExportSection';
import { IdentifiersSection } from './IdentifiersSection';
import { ImportSection } from './ImportSection';
import { PendingBadges } from './PendingBadges';
import { SharesSection } from './SharesSection';
import { usePassport } from './use-passport';

export interface SectionProps {
  token: string;
  reload(): Promise<void>;
}

export function PassportHome({ token, onSignedOut }: { token: string; onSignedOut(): void }) {
  const { t } = useI18n();
  usePageTitle(t('passport.title'));
  const { data, error, reload } = usePassport(token, onSignedOut);

  async function signOutHere() {
    await signOut().catch(() => undefined); // signed out here either way
    onSignedOut();
  }

  return (
    <>
      <h1>{t('passport.title')}</h1>
      <ErrorMessage error={error} />
      {!data && !error && <p>{t('common.loading')}</p>}
      {data && (
        <>
          <div className="actions">
            <p>{t('passport.welcome', { name: data.learner.name })}</p>
            <button type="button" className="secondary" onClick={signOutHere}>
              {t('common.actions.signOut')}
            </button>
          </div>
          <ConfirmEmail token={token} reload={reload} emails={data.learner.emails.filter((email) => !email.verified)} />
          <PendingBadges token={token} reload={reload} badges={data.badges.filter((badge) => badge.status === 'pending')} />
          <BadgeList token={token} reload={reload} badges={data.badges.filter((badge) => badge.status === 'accepted')} />
          <CollectionsSection token={token} reload={reload} collections={data.collections} badges={data.badges.filter((badge) => badge.status === 'accepted')} />
          <SharesSection token={token} reload={reload} shares={data.shares} />
          <IdentifiersSection token={token} reload={reload} emails={data.learner.emails} />
          <ImportSection token={token} reload={reload} />
          <ExportSection token={token} />
        </>
      )}
    </>
  );
}
